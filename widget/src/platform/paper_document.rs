//! The board paper as a document to hand on, read from the paper as it is shown: its headings,
//! paragraphs, lists and tables in their order, with the profile chart as a picture. Reading
//! the rendered paper keeps one source of what the paper says (its view): the Word file and
//! the clipboard carry exactly what prints. The core writes the document out.

use super::chart_picture;
use maturity_core::document::{Block, Cell, Document, Picture, Table};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What stands where the paper shows its profile chart.
pub enum Chart {
    /// The chart, drawn as a PNG file.
    Drawn(Vec<u8>),
    /// A sentence saying the chart could not be drawn and where its figures are.
    NotDrawn,
    /// Nothing: text for the clipboard, which carries no pictures.
    LeftOut,
}

/// Draws the paper's profile chart, if it shows one, for [`read`].
pub async fn draw_chart(paper: &Element) -> Chart {
    match paper.query_selector("svg.mm-radar__svg").ok().flatten() {
        Some(svg) => chart_picture::png(&svg)
            .await
            .map_or(Chart::NotDrawn, Chart::Drawn),
        None => Chart::LeftOut,
    }
}

/// What the paper shows on screen or in print only, or to screen readers only, is left out:
/// the controls, the running header (a document has its own, see [`Document`]), the captions
/// that repeat a heading for screen readers, and the chart's numbered key (the picture is
/// drawn with the components' names).
const LEFT_OUT: [&str; 4] = [
    "mm-noprint",
    "mm-visually-hidden",
    "mm-paper__running",
    "mm-radar__legend",
];

/// The paper element `paper` (`.mm-paper`) as a document, with `chart` where the chart is.
pub fn read(paper: &Element, chart: Chart) -> Document {
    let mut reader = Reader {
        blocks: Vec::new(),
        chart: Some(chart),
        top_heading: None,
        level: 1,
        paper,
    };
    reader.children(paper);
    Document {
        running_header: paper
            .query_selector(".mm-paper__running")
            .ok()
            .flatten()
            .and_then(|header| header.text_content())
            .unwrap_or_default(),
        blocks: reader.blocks,
    }
}

struct Reader<'a> {
    blocks: Vec<Block>,
    /// Taken when the chart is met.
    chart: Option<Chart>,
    /// The paper's highest heading level (`h2`, say): its headings are the document's level 1.
    top_heading: Option<u8>,
    /// The level of the last heading, under which a table's caption is one level down.
    level: u8,
    paper: &'a Element,
}

/// The element children of `element`, in order.
fn children(element: &Element) -> impl Iterator<Item = Element> {
    std::iter::successors(element.first_element_child(), Element::next_element_sibling)
}

/// Read from the attribute, not `className`, which an SVG element holds as an object.
fn has_class(element: &Element, name: &str) -> bool {
    element
        .get_attribute("class")
        .is_some_and(|classes| classes.split_whitespace().any(|class| class == name))
}

/// The text of `element` as it is laid out (a block inside it starts a line), without the
/// spaces that indent its lines or the empty lines around it.
fn text(element: &Element) -> String {
    let laid_out = element.dyn_ref::<HtmlElement>().map_or_else(
        || element.text_content().unwrap_or_default(),
        HtmlElement::inner_text,
    );
    let lines: Vec<&str> = laid_out.lines().map(str::trim).collect();
    let first = lines
        .iter()
        .position(|line| !line.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|line| !line.is_empty())
        .map_or(first, |at| at + 1);
    lines[first..last].join("\n")
}

impl Reader<'_> {
    fn children(&mut self, element: &Element) {
        for child in children(element) {
            self.element(&child);
        }
    }

    fn element(&mut self, element: &Element) {
        if LEFT_OUT.iter().any(|class| has_class(element, class)) {
            return;
        }
        match element.local_name().as_str() {
            tag @ ("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                let tag_level = tag.as_bytes()[1] - b'0';
                let top = *self.top_heading.get_or_insert(tag_level);
                self.level = tag_level.saturating_sub(top) + 1;
                self.blocks.push(Block::Heading {
                    level: self.level,
                    text: text(element),
                });
            }
            "p" if has_class(element, "mm-paper__title") => {
                self.blocks.push(Block::Title(text(element)))
            }
            "p" => self.blocks.push(Block::Paragraph(text(element))),
            "ul" | "ol" => self
                .blocks
                .extend(children(element).map(|item| Block::Bullet(text(&item)))),
            "dl" => self.definitions(element),
            "table" => self.table(element),
            "figure" => self.figure(element),
            // Words held directly (a figure's caption, say) are a paragraph of their own.
            _ if element.first_element_child().is_none() => {
                let words = text(element);
                if !words.is_empty() {
                    self.blocks.push(Block::Paragraph(words));
                }
            }
            _ => self.children(element),
        }
    }

    /// A list of terms and their descriptions (the cover sheet's facts), as a table of two
    /// columns: what a cover sheet in Word looks like.
    fn definitions(&mut self, list: &Element) {
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        for item in children(list) {
            let heading = item.local_name() == "dt";
            if heading || rows.is_empty() {
                rows.push(Vec::new());
            }
            if let Some(row) = rows.last_mut() {
                row.push(Cell {
                    text: text(&item),
                    heading,
                });
            }
        }
        self.blocks.push(Block::Table(Table {
            header: Vec::new(),
            rows,
        }));
    }

    /// A table; a caption that is shown names it as a heading one level down.
    fn table(&mut self, table: &Element) {
        let mut content = Table::default();
        let row = |tr: &Element| -> Vec<Cell> {
            children(tr)
                .map(|cell| Cell {
                    text: text(&cell),
                    heading: cell.local_name() == "th",
                })
                .collect()
        };
        for part in children(table) {
            match part.local_name().as_str() {
                "caption" if !LEFT_OUT.iter().any(|class| has_class(&part, class)) => {
                    self.blocks.push(Block::Heading {
                        level: self.level + 1,
                        text: text(&part),
                    });
                }
                "thead" => {
                    if let Some(tr) = part.first_element_child() {
                        content.header = row(&tr).into_iter().map(|cell| cell.text).collect();
                    }
                }
                "tbody" | "tfoot" => content.rows.extend(children(&part).map(|tr| row(&tr))),
                "tr" => content.rows.push(row(&part)),
                _ => {}
            }
        }
        self.blocks.push(Block::Table(content));
    }

    /// The profile chart, described in words for whoever cannot see it, then what the figure
    /// says beneath it.
    fn figure(&mut self, figure: &Element) {
        if let Some(svg) = figure.query_selector("svg").ok().flatten() {
            let label = svg.get_attribute("aria-label").unwrap_or_default();
            let described = svg
                .get_attribute("aria-describedby")
                .and_then(|id| {
                    self.paper
                        .query_selector(&format!("[id=\"{id}\"]"))
                        .ok()
                        .flatten()
                })
                .map(|description| text(&description));
            let description = match described {
                Some(words) if !words.is_empty() => format!("{label}. {words}"),
                _ => label,
            };
            match self.chart.take() {
                Some(Chart::Drawn(png)) => self.blocks.push(Block::Picture(Picture { png, description })),
                Some(Chart::NotDrawn) => self.blocks.push(Block::Paragraph(
                    "The profile chart could not be drawn in this browser: the table \u{201c}Score by component\u{201d} gives its figures."
                        .to_owned(),
                )),
                Some(Chart::LeftOut) | None => {}
            }
        }
        for child in children(figure).filter(|child| child.local_name() != "svg") {
            self.element(&child);
        }
    }
}
