//! A document to hand on: the board paper as headings, paragraphs, lists, tables and a picture,
//! the structure a word processor or an email keeps. The Word writer (`docx`) writes it as a
//! Word file; here it is written as HTML and as plain text, for the clipboard.

/// A document: the line every page repeats at its top, then its blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Repeated at the top of every page; empty for none.
    pub running_header: String,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's title.
    Title(String),
    /// A heading: level 1 names a section, 2 a part of one, and so on.
    Heading {
        /// From 1, the highest.
        level: u8,
        /// The heading's words.
        text: String,
    },
    /// A paragraph; its line breaks are kept.
    Paragraph(String),
    /// An item of a bulleted list; items in a row make one list.
    Bullet(String),
    /// A table.
    Table(Table),
    /// A picture.
    Picture(Picture),
}

/// A table: a row of column headings, then rows of cells.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The column headings; empty for a table without a heading row.
    pub header: Vec<String>,
    /// The rows, one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The cell's words; its line breaks are kept.
    pub text: String,
    /// True for a cell that names its row (written in bold).
    pub heading: bool,
}

/// A picture: a PNG file and what it shows, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The PNG file.
    pub png: Vec<u8>,
    /// What the picture shows, for whoever cannot see it (its alternative text).
    pub description: String,
}

impl Picture {
    /// The picture's width and height in pixels, from its PNG header; `None` when `png` is not
    /// a PNG file.
    pub fn pixels(&self) -> Option<(u32, u32)> {
        const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
        let header = self.png.get(..24)?;
        let number = |at: usize| {
            u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
        };
        (header.starts_with(SIGNATURE) && &header[12..16] == b"IHDR")
            .then(|| (number(16), number(20)))
            .filter(|&(width, height)| width > 0 && height > 0)
    }
}

/// Appends `open`, then `text` with the characters HTML gives a meaning to written as
/// references and its line breaks as `<br>`, then `close`.
fn push_element(html: &mut String, open: &str, text: &str, close: &str) {
    html.push_str(open);
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\n' => html.push_str("<br>"),
            '\r' => {}
            c => html.push(c),
        }
    }
    html.push_str(close);
}

/// `text` on one line, for a cell of tab-separated text: its line breaks and tabs as spaces.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n', '\t'], " ")
}

impl Document {
    /// The document as HTML to paste into a word processor or an email: headings (`h1` for the
    /// title, then one level down per heading level), paragraphs, lists and bordered tables.
    /// Pictures are left out: mail programs drop a picture pasted inside HTML, and the Word
    /// file carries it. No style attributes, which some mail programs strip: borders and
    /// padding are the table's own attributes.
    pub fn to_html(&self) -> String {
        const HEADINGS: [(&str, &str); 5] = [
            ("<h2>", "</h2>"),
            ("<h3>", "</h3>"),
            ("<h4>", "</h4>"),
            ("<h5>", "</h5>"),
            ("<h6>", "</h6>"),
        ];
        let mut html = String::from("<meta charset=\"utf-8\">");
        let mut in_list = false;
        for block in &self.blocks {
            let bullet = matches!(block, Block::Bullet(_));
            if in_list && !bullet {
                html.push_str("</ul>");
            } else if bullet && !in_list {
                html.push_str("<ul>");
            }
            in_list = bullet;
            match block {
                Block::Title(text) => push_element(&mut html, "<h1>", text, "</h1>"),
                Block::Heading { level, text } => {
                    let (open, close) = HEADINGS[usize::from(*level).clamp(1, 5) - 1];
                    push_element(&mut html, open, text, close);
                }
                Block::Paragraph(text) => push_element(&mut html, "<p>", text, "</p>"),
                Block::Bullet(text) => push_element(&mut html, "<li>", text, "</li>"),
                Block::Table(table) => {
                    html.push_str("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
                    if !table.header.is_empty() {
                        html.push_str("<thead><tr>");
                        for heading in &table.header {
                            push_element(
                                &mut html,
                                "<th scope=\"col\" align=\"left\" valign=\"top\">",
                                heading,
                                "</th>",
                            );
                        }
                        html.push_str("</tr></thead>");
                    }
                    html.push_str("<tbody>");
                    for row in &table.rows {
                        html.push_str("<tr>");
                        for cell in row {
                            if cell.heading {
                                push_element(
                                    &mut html,
                                    "<th scope=\"row\" align=\"left\" valign=\"top\">",
                                    &cell.text,
                                    "</th>",
                                );
                            } else {
                                push_element(&mut html, "<td valign=\"top\">", &cell.text, "</td>");
                            }
                        }
                        html.push_str("</tr>");
                    }
                    html.push_str("</tbody></table>");
                }
                Block::Picture(_) => {}
            }
        }
        if in_list {
            html.push_str("</ul>");
        }
        html
    }

    /// The document as plain text: blocks apart by a blank line, list items marked "•", and
    /// each table row one line of cells apart by tabs, which paste into a spreadsheet or a Word
    /// table cell by cell. Pictures are left out.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut after_bullet = false;
        for block in &self.blocks {
            let bullet = matches!(block, Block::Bullet(_));
            if matches!(block, Block::Picture(_)) {
                continue;
            }
            if !out.is_empty() {
                // A list's items stay together, one a line.
                out.push_str(if bullet && after_bullet { "\n" } else { "\n\n" });
            }
            after_bullet = bullet;
            match block {
                Block::Title(text) | Block::Heading { text, .. } | Block::Paragraph(text) => {
                    out.push_str(&text.replace('\r', ""))
                }
                Block::Bullet(text) => {
                    out.push_str("\u{2022} ");
                    out.push_str(&one_line(text));
                }
                Block::Table(table) => {
                    let rows = std::iter::once(&table.header)
                        .filter(|header| !header.is_empty())
                        .map(|header| header.iter().map(|text| one_line(text)).collect::<Vec<_>>())
                        .chain(
                            table
                                .rows
                                .iter()
                                .map(|row| row.iter().map(|cell| one_line(&cell.text)).collect()),
                        );
                    for (n, cells) in rows.enumerate() {
                        if n > 0 {
                            out.push('\n');
                        }
                        out.push_str(&cells.join("\t"));
                    }
                }
                Block::Picture(_) => {}
            }
        }
        out.push('\n');
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A PNG of one pixel (a real file: signature, header, data and end chunks).
    pub(crate) fn one_pixel_png() -> Vec<u8> {
        crate::share::base64url_decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII",
        )
        .unwrap()
    }

    /// Every kind of block, with text that HTML and XML give a meaning to, a control character
    /// and line breaks.
    pub(crate) fn sample() -> Document {
        let cell = |text: &str, heading: bool| Cell {
            text: text.into(),
            heading,
        };
        Document {
            running_header: "North Trust \u{b7} Board \u{b7} Agenda item 7.2".into(),
            blocks: vec![
                Block::Title("Q&A <board> \"paper\"".into()),
                Block::Table(Table {
                    header: Vec::new(),
                    rows: vec![vec![
                        cell("Meeting", true),
                        cell("Board of Directors", false),
                    ]],
                }),
                Block::Heading {
                    level: 1,
                    text: "Summary and profile".into(),
                },
                Block::Paragraph("First line\nsecond line\u{1}".into()),
                Block::Picture(Picture {
                    png: one_pixel_png(),
                    description: "Profile chart: score by component".into(),
                }),
                Block::Heading {
                    level: 2,
                    text: "Score by component".into(),
                },
                Block::Table(Table {
                    header: vec!["Component".into(), "Score".into(), "Notes".into()],
                    rows: vec![
                        vec![
                            cell("Purpose", true),
                            cell("3.33", false),
                            cell("<script>alert(1)</script>\tand more", false),
                        ],
                        vec![cell("Overall (indicative)", true), cell("2.58", false)],
                    ],
                }),
                Block::Bullet("Purpose: from Emerging to Leading".into()),
                Block::Bullet("Culture: from Developing to Leading".into()),
                Block::Paragraph("Produced with maturity-matrix.".into()),
            ],
        }
    }

    #[test]
    fn html_escapes_text_and_keeps_the_structure() {
        let html = sample().to_html();
        assert!(html.starts_with("<meta charset=\"utf-8\"><h1>Q&amp;A &lt;board&gt; &quot;paper&quot;</h1><table border=\"1\""));
        assert!(html.contains("<h2>Summary and profile</h2><p>First line<br>second line\u{1}</p><h3>Score by component</h3>"));
        assert!(html
            .contains("<thead><tr><th scope=\"col\" align=\"left\" valign=\"top\">Component</th>"));
        assert!(html.contains("<th scope=\"row\" align=\"left\" valign=\"top\">Purpose</th><td valign=\"top\">3.33</td><td valign=\"top\">&lt;script&gt;alert(1)&lt;/script&gt;\tand more</td>"));
        assert!(html.contains("<ul><li>Purpose: from Emerging to Leading</li><li>Culture: from Developing to Leading</li></ul><p>Produced"));
        assert!(!html.contains("<img"), "pictures stay in the Word file");
    }

    #[test]
    fn text_has_a_line_per_table_row_with_tabs_between_cells() {
        let text = sample().to_text();
        assert!(text.starts_with("Q&A <board> \"paper\"\n\nMeeting\tBoard of Directors\n\nSummary and profile\n\nFirst line\nsecond line"));
        assert!(text.contains("Component\tScore\tNotes\nPurpose\t3.33\t<script>alert(1)</script> and more\nOverall (indicative)\t2.58\n\n"));
        assert!(text.ends_with("\u{2022} Purpose: from Emerging to Leading\n\u{2022} Culture: from Developing to Leading\n\nProduced with maturity-matrix.\n"));
    }

    #[test]
    fn a_picture_knows_its_size_from_its_png_header() {
        let picture = |png: Vec<u8>| {
            Picture {
                png,
                description: String::new(),
            }
            .pixels()
        };
        assert_eq!(picture(one_pixel_png()), Some((1, 1)));
        assert_eq!(
            picture(b"GIF89a and more bytes than a header".to_vec()),
            None
        );
        assert_eq!(picture(one_pixel_png()[..20].to_vec()), None);
    }
}
