//! A [`Document`] as a Word file (`.docx`): WordprocessingML parts in a zip archive, which Word
//! and LibreOffice open and a trust can copy into its own paper template.
//!
//! Headings use Word's built-in styles (Title, Heading 1 to 3, List Bullet), so they take on
//! the look of whatever template the text lands in, appear in Word's navigation pane and feed
//! a table of contents. Tables are real tables, their heading row repeated on each page;
//! pictures are inline PNGs with their description as alternative text; the running header is
//! the page header, and the footer numbers the pages. A4, in British English.
//!
//! The parts that never change are written out once below, and the rest is put together from
//! string pieces rather than formatted: this code travels in the board's WebAssembly, where
//! each formatting call costs bytes.

use crate::document::{Block, Cell, Document, Picture, Table};

/// The width of the text on an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH_TWIPS: u64 = 11_906 - 2 * 1_134;
/// The widest a picture is drawn: 16 cm, in English Metric Units (360,000 to the centimetre).
const PICTURE_WIDTH_EMU: u64 = 16 * 360_000;
/// EMU per pixel at 96 pixels to the inch, the size a picture has at 100 %.
const EMU_PER_PIXEL: u64 = 9_525;

/// Appends `text` to `out` as XML character data or an attribute value: the markup characters
/// escaped, and the characters XML 1.0 does not allow (control characters) dropped, since one
/// of them would make Word refuse the whole file. Tabs and line breaks become spaces: where a
/// line break counts, [`run`] writes it as Word's own.
fn push_xml(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' => out.push(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// Appends a run of `text`; its line breaks become Word's line breaks.
fn run(out: &mut String, text: &str, bold: bool) {
    out.push_str(if bold {
        "<w:r><w:rPr><w:b/></w:rPr>"
    } else {
        "<w:r>"
    });
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push_str("<w:br/>");
        }
        out.push_str("<w:t xml:space=\"preserve\">");
        push_xml(out, line);
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

/// Appends a paragraph in the style `style` (Normal when empty).
fn paragraph(out: &mut String, style: &str, text: &str, bold: bool) {
    out.push_str("<w:p>");
    if !style.is_empty() {
        out.push_str("<w:pPr><w:pStyle w:val=\"");
        out.push_str(style);
        out.push_str("\"/></w:pPr>");
    }
    run(out, text, bold);
    out.push_str("</w:p>");
}

/// Column widths in twips, shared out by how much each column holds (its longest line, from
/// 4 to 40 characters), so a number column stays narrow and a notes column gets the room.
/// LibreOffice lays tables out by these widths; Word also fits them to their contents.
fn column_widths(table: &Table, columns: usize) -> Vec<u64> {
    let longest = |text: &str| {
        text.split('\n')
            .map(|line| line.chars().count())
            .max()
            .unwrap_or(0)
    };
    let weights: Vec<u64> = (0..columns)
        .map(|column| {
            let header = table.header.get(column).map_or(0, |h| longest(h));
            let cells = table
                .rows
                .iter()
                .filter_map(|row| row.get(column))
                .map(|cell| longest(&cell.text));
            cells.fold(header, usize::max).clamp(4, 40) as u64
        })
        .collect();
    let total: u64 = weights.iter().sum::<u64>().max(1);
    weights
        .iter()
        .map(|weight| TEXT_WIDTH_TWIPS * weight / total)
        .collect()
}

/// Appends a table: borders and cell margins set on the table itself (so they hold in any
/// template), a row never split across pages, the heading row repeated on each page.
fn table(out: &mut String, table: &Table) {
    let columns = table
        .rows
        .iter()
        .map(Vec::len)
        .fold(table.header.len(), usize::max)
        .max(1);
    let widths = column_widths(table, columns);
    out.push_str(TABLE_PROPERTIES);
    for width in &widths {
        out.push_str("<w:gridCol w:w=\"");
        out.push_str(&width.to_string());
        out.push_str("\"/>");
    }
    out.push_str("</w:tblGrid>");
    let mut row = |cells: &mut dyn Iterator<Item = (&str, bool)>, header: bool| {
        out.push_str(if header {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
        for width in &widths {
            let (text, bold) = cells.next().unwrap_or(("", false));
            out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"");
            out.push_str(&width.to_string());
            out.push_str("\" w:type=\"dxa\"/></w:tcPr>");
            paragraph(out, "", text, bold);
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    };
    if !table.header.is_empty() {
        row(
            &mut table.header.iter().map(|text| (text.as_str(), true)),
            true,
        );
    }
    for cells in &table.rows {
        row(
            &mut cells
                .iter()
                .map(|cell: &Cell| (cell.text.as_str(), cell.heading)),
            false,
        );
    }
    out.push_str("</w:tbl>");
}

/// Appends an inline picture of `width` × `height` pixels; `number` counts the document's
/// pictures from 1 and names its relationship, `rIdPicture<number>`.
fn picture(out: &mut String, picture: &Picture, (width, height): (u32, u32), number: usize) {
    let cx = (u64::from(width) * EMU_PER_PIXEL).min(PICTURE_WIDTH_EMU);
    let (cx, cy, number) = (
        cx.to_string(),
        (cx * u64::from(height) / u64::from(width)).to_string(),
        number.to_string(),
    );
    let mut description = String::new();
    push_xml(&mut description, &picture.description);
    for piece in [
        "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"", &cx, "\" cy=\"", &cy,
        "\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"", &number, "\" name=\"Picture ", &number, "\" descr=\"", &description,
        "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
         <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"", &number,
        "\" name=\"picture", &number, ".png\" descr=\"", &description,
        "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdPicture", &number,
        "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"", &cx, "\" cy=\"", &cy,
        "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
    ] {
        out.push_str(piece);
    }
}

/// The document's body, and its pictures as `(number, bytes)`.
fn body(document: &Document) -> (String, Vec<(String, &[u8])>) {
    let mut out = String::new();
    let mut pictures = Vec::new();
    let mut after_table = false;
    for block in &document.blocks {
        // Two tables in a row would run together into one: a paragraph keeps them apart.
        if after_table && matches!(block, Block::Table(_)) {
            out.push_str("<w:p/>");
        }
        after_table = matches!(block, Block::Table(_));
        match block {
            Block::Title(text) => paragraph(&mut out, "Title", text, false),
            Block::Heading { level, text } => paragraph(
                &mut out,
                ["Heading1", "Heading2", "Heading3"][usize::from(*level).clamp(1, 3) - 1],
                text,
                false,
            ),
            Block::Paragraph(text) => paragraph(&mut out, "", text, false),
            Block::Bullet(text) => paragraph(&mut out, "ListBullet", text, false),
            Block::Table(content) => table(&mut out, content),
            Block::Picture(content) => match content.pixels() {
                Some(size) => {
                    let number = pictures.len() + 1;
                    picture(&mut out, content, size, number);
                    pictures.push((number.to_string(), content.png.as_slice()));
                }
                // Not a PNG: the words stand in for it rather than a broken picture.
                None => paragraph(&mut out, "", &content.description, false),
            },
        }
    }
    (out, pictures)
}

/// The Word file of `document`.
pub fn docx(document: &Document) -> Vec<u8> {
    let (body, pictures) = body(document);
    let headed = !document.running_header.trim().is_empty();
    let title = document.blocks.iter().find_map(|block| match block {
        Block::Title(text) => Some(text.as_str()),
        _ => None,
    });

    let mut content_types = String::from(CONTENT_TYPES);
    let mut relationships = String::from(DOCUMENT_RELATIONSHIPS);
    let mut main = String::from(DOCUMENT_START);
    main.push_str(&body);
    main.push_str("<w:sectPr>");
    let mut header = String::new();
    if headed {
        content_types.push_str(HEADER_TYPE);
        relationships.push_str(HEADER_RELATIONSHIP);
        main.push_str("<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>");
        header.push_str(HEADER_START);
        run(&mut header, &document.running_header, false);
        header.push_str("</w:p></w:hdr>");
    }
    main.push_str(DOCUMENT_END);
    content_types.push_str("</Types>");
    for (number, _) in &pictures {
        for piece in [
            "<Relationship Id=\"rIdPicture",
            number,
            IMAGE_RELATIONSHIP,
            number,
            ".png\"/>",
        ] {
            relationships.push_str(piece);
        }
    }
    relationships.push_str("</Relationships>");
    let mut core = String::from(CORE_START);
    push_xml(&mut core, title.unwrap_or(""));
    core.push_str("</dc:title><dc:language>en-GB</dc:language></cp:coreProperties>");

    let picture_names: Vec<String> = pictures
        .iter()
        .map(|(number, _)| ["word/media/picture", number, ".png"].concat())
        .collect();
    let mut files: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", PACKAGE_RELATIONSHIPS.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("word/document.xml", main.as_bytes()),
        ("word/_rels/document.xml.rels", relationships.as_bytes()),
        ("word/styles.xml", STYLES.as_bytes()),
        ("word/numbering.xml", NUMBERING.as_bytes()),
        ("word/footer1.xml", FOOTER.as_bytes()),
    ];
    if headed {
        files.push(("word/header1.xml", header.as_bytes()));
    }
    files.extend(
        picture_names
            .iter()
            .map(String::as_str)
            .zip(pictures.iter().map(|(_, bytes)| *bytes)),
    );
    crate::zip::stored(&files)
}

// The parts, and the pieces of parts, that never change.

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Default Extension=\"png\" ContentType=\"image/png\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>";

const HEADER_TYPE: &str =
    "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>";

const PACKAGE_RELATIONSHIPS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdDocument\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rIdCore\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

const DOCUMENT_RELATIONSHIPS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>";

const HEADER_RELATIONSHIP: &str =
    "<Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>";

/// Between a picture's number and its number again, in its relationship.
const IMAGE_RELATIONSHIP: &str =
    "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/picture";

const CORE_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>";

const DOCUMENT_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>";

/// The section's footer, A4 and 2 cm margins, after the header reference if there is one.
const DOCUMENT_END: &str = "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
<w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>";

const HEADER_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>";

/// "Page 1 of 2", the numbers being Word's fields for the page and the number of pages.
const FOOTER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
<w:r><w:t xml:space=\"preserve\">Page </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>\
<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r><w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>";

/// A table's properties, then the start of its grid: thin grey borders all round and inside,
/// the full text width, cells with room round their text.
const TABLE_PROPERTIES: &str = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>\
<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
</w:tblBorders><w:tblLayout w:type=\"autofit\"/><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";

/// The one list format: a bullet, hanging.
const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>\
<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl>\
</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// The styles the document uses, defined as Word defines its built-in ones (the same names, so
/// a template's own definitions take over when the text is copied into it): Arial 11 pt in
/// British English; headings bold, kept with the paragraph after them, at Word's outline
/// levels; a bulleted list; the page header and footer; and Word's plain grid table.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\
<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>\
<w:uiPriority w:val=\"10\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>\
<w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>\
<w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>\
<w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"2\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>\
<w:uiPriority w:val=\"99\"/><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/>\
<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:color w:val=\"4C6272\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/>\
<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>\
<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>\
<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>\
<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>\
<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>\
<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders></w:tblPr></w:style></w:styles>";

#[cfg(test)]
mod tests {
    use super::*;

    const WORD_MAIN: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    use crate::document::tests::{one_pixel_png, sample};
    use std::collections::BTreeMap;

    /// The archive's files by name.
    fn unpacked(document: &Document) -> BTreeMap<String, Vec<u8>> {
        crate::zip::tests::read(&docx(document))
            .into_iter()
            .collect()
    }

    fn text_of(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
        String::from_utf8(parts[name].clone()).unwrap()
    }

    /// Each element named `name` in `namespace` in a part.
    fn elements<'a>(
        xml: &'a roxmltree::Document,
        namespace: &'a str,
        name: &'a str,
    ) -> impl Iterator<Item = roxmltree::Node<'a, 'a>> {
        xml.descendants()
            .filter(move |n| n.has_tag_name((namespace, name)))
    }

    #[test]
    fn every_part_is_well_formed_xml_with_its_namespaces_declared() {
        let parts = unpacked(&sample());
        let xml_parts: Vec<&String> = parts
            .keys()
            .filter(|name| name.ends_with(".xml") || name.ends_with(".rels"))
            .collect();
        assert_eq!(xml_parts.len(), 9, "{:?}", parts.keys());
        for name in xml_parts {
            let text = text_of(&parts, name);
            assert!(
                text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"),
                "{name}"
            );
            // roxmltree refuses what is not well formed, an undeclared prefix included.
            if let Err(error) = roxmltree::Document::parse(&text) {
                panic!("{name}: {error}");
            }
        }
    }

    #[test]
    fn every_part_is_typed_and_every_reference_resolves() {
        let parts = unpacked(&sample());
        let types = text_of(&parts, "[Content_Types].xml");
        let types = roxmltree::Document::parse(&types).unwrap();
        let content_type = |name: &str| {
            types
                .descendants()
                .find(|n| n.attribute("PartName") == Some(&format!("/{name}")))
                .or_else(|| {
                    types.descendants().find(|n| {
                        n.attribute("Extension")
                            .is_some_and(|e| name.ends_with(&format!(".{e}")))
                    })
                })
                .and_then(|n| n.attribute("ContentType"))
                .map(str::to_owned)
        };
        for name in parts.keys().filter(|name| *name != "[Content_Types].xml") {
            assert!(content_type(name).is_some(), "{name} has a content type");
        }
        assert_eq!(
            content_type("word/document.xml").unwrap(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        );
        assert_eq!(
            content_type("word/media/picture1.png").unwrap(),
            "image/png"
        );

        // Each relationship names a part that is there; each id the document uses is one.
        let mut ids = Vec::new();
        for (rels, folder) in [
            ("_rels/.rels", ""),
            ("word/_rels/document.xml.rels", "word/"),
        ] {
            let text = text_of(&parts, rels);
            let xml = roxmltree::Document::parse(&text).unwrap();
            for relationship in xml.descendants().filter(|n| n.has_tag_name("Relationship")) {
                let target = format!("{folder}{}", relationship.attribute("Target").unwrap());
                assert!(parts.contains_key(&target), "{rels} names {target}");
                ids.push(relationship.attribute("Id").unwrap().to_owned());
            }
        }
        let main = text_of(&parts, "word/document.xml");
        let used: Vec<&str> = main
            .split("r:id=\"")
            .chain(main.split("r:embed=\""))
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert!(used.len() >= 3, "{used:?}");
        for id in used.into_iter().filter(|id| id.starts_with("rId")) {
            assert!(
                ids.iter().any(|known| known == id),
                "{id} is a relationship"
            );
        }
    }

    #[test]
    fn headings_use_word_s_own_heading_styles() {
        let parts = unpacked(&sample());
        let styles = text_of(&parts, "word/styles.xml");
        let styles = roxmltree::Document::parse(&styles).unwrap();
        let name_of = |id: &str| {
            elements(&styles, WORD_MAIN, "style")
                .find(|s| s.attribute((WORD_MAIN, "styleId")) == Some(id))
                .and_then(|s| s.children().find(|c| c.has_tag_name((WORD_MAIN, "name"))))
                .and_then(|n| n.attribute((WORD_MAIN, "val")))
        };
        let main = text_of(&parts, "word/document.xml");
        let main = roxmltree::Document::parse(&main).unwrap();
        let styled: Vec<(String, String)> = elements(&main, WORD_MAIN, "p")
            .filter_map(|p| {
                let style = elements_in(p, "pStyle")
                    .next()?
                    .attribute((WORD_MAIN, "val"))?;
                let text: String = elements_in(p, "t").filter_map(|t| t.text()).collect();
                Some((name_of(style).unwrap_or("undefined").to_owned(), text))
            })
            .collect();
        let styled: Vec<(&str, &str)> = styled
            .iter()
            .map(|(s, t)| (s.as_str(), t.as_str()))
            .collect();
        assert_eq!(
            styled,
            [
                ("Title", "Q&A <board> \"paper\""),
                ("heading 1", "Summary and profile"),
                ("heading 2", "Score by component"),
                ("List Bullet", "Purpose: from Emerging to Leading"),
                ("List Bullet", "Culture: from Developing to Leading"),
            ]
        );
        // Word's outline levels, so the headings feed the navigation pane and a contents page.
        let outline: Vec<&str> = elements(&styles, WORD_MAIN, "outlineLvl")
            .filter_map(|o| o.attribute((WORD_MAIN, "val")))
            .collect();
        assert_eq!(outline, ["0", "1", "2"]);
    }

    fn elements_in<'a>(
        node: roxmltree::Node<'a, 'a>,
        name: &'a str,
    ) -> impl Iterator<Item = roxmltree::Node<'a, 'a>> {
        node.descendants()
            .filter(move |n| n.has_tag_name((WORD_MAIN, name)))
    }

    #[test]
    fn tables_keep_every_cell_their_line_breaks_and_a_repeating_heading_row() {
        let parts = unpacked(&sample());
        let main = text_of(&parts, "word/document.xml");
        let main = roxmltree::Document::parse(&main).unwrap();
        let tables: Vec<Vec<Vec<String>>> = elements(&main, WORD_MAIN, "tbl")
            .map(|table| {
                elements_in(table, "tr")
                    .map(|row| {
                        elements_in(row, "tc")
                            .map(|cell| {
                                assert!(
                                    elements_in(cell, "p").count() >= 1,
                                    "a paragraph in every cell"
                                );
                                elements_in(cell, "t")
                                    .filter_map(|t| t.text())
                                    .collect::<Vec<_>>()
                                    .join("/")
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        assert_eq!(tables[0], [["Meeting", "Board of Directors"]]);
        assert_eq!(
            tables[1],
            [
                vec!["Component", "Score", "Notes"],
                vec!["Purpose", "3.33", "<script>alert(1)</script> and more"],
                vec!["Overall (indicative)", "2.58", ""],
            ]
        );
        let headed: Vec<bool> = elements(&main, WORD_MAIN, "tr")
            .map(|row| elements_in(row, "tblHeader").count() == 1)
            .collect();
        assert_eq!(
            headed,
            [false, true, false, false],
            "only a heading row repeats"
        );
        // The paragraph's line break is Word's, and the control character is gone.
        let paragraph = elements(&main, WORD_MAIN, "p")
            .find(|p| elements_in(*p, "br").count() == 1)
            .unwrap();
        let lines: Vec<&str> = elements_in(paragraph, "t")
            .filter_map(|t| t.text())
            .collect();
        assert_eq!(lines, ["First line", "second line"]);
    }

    #[test]
    fn the_picture_is_an_inline_png_with_its_description_and_shape() {
        let mut document = sample();
        let parts = unpacked(&document);
        assert_eq!(parts["word/media/picture1.png"], one_pixel_png());
        let main = text_of(&parts, "word/document.xml");
        let main = roxmltree::Document::parse(&main).unwrap();
        let drawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
        let properties = elements(&main, drawing, "docPr").next().unwrap();
        assert_eq!(
            properties.attribute("descr"),
            Some("Profile chart: score by component")
        );
        let extent = elements(&main, drawing, "extent").next().unwrap();
        assert_eq!(
            (extent.attribute("cx"), extent.attribute("cy")),
            (Some("9525"), Some("9525")),
            "one pixel at 96 to the inch"
        );

        // Bytes that are not a PNG never make a broken picture: the words stand in for it.
        document.blocks.retain(|b| !matches!(b, Block::Picture(_)));
        document.blocks.push(Block::Picture(Picture {
            png: b"not a picture".to_vec(),
            description: "The chart could not be drawn.".into(),
        }));
        let parts = unpacked(&document);
        assert!(!parts.keys().any(|name| name.starts_with("word/media/")));
        assert!(text_of(&parts, "word/document.xml")
            .contains("<w:t xml:space=\"preserve\">The chart could not be drawn.</w:t>"));
        assert!(!text_of(&parts, "word/_rels/document.xml.rels").contains("image"));
    }

    #[test]
    fn the_running_header_is_the_page_header_and_the_footer_numbers_the_pages() {
        let mut document = sample();
        let parts = unpacked(&document);
        assert!(text_of(&parts, "word/header1.xml")
            .contains(">North Trust \u{b7} Board \u{b7} Agenda item 7.2<"));
        let footer = text_of(&parts, "word/footer1.xml");
        assert!(footer.contains("w:instr=\" PAGE \"") && footer.contains("w:instr=\" NUMPAGES \""));
        assert!(text_of(&parts, "docProps/core.xml")
            .contains("<dc:title>Q&amp;A &lt;board&gt; &quot;paper&quot;</dc:title>"));

        document.running_header.clear();
        let parts = unpacked(&document);
        assert!(!parts.contains_key("word/header1.xml"));
        assert!(!text_of(&parts, "word/document.xml").contains("headerReference"));
        assert!(!text_of(&parts, "[Content_Types].xml").contains("header"));
        assert_eq!(
            docx(&document),
            docx(&document),
            "the same paper, the same bytes"
        );
    }
}
