//! Just enough reading of rendered markup for the render tests: the server renderer writes
//! plain, well-formed HTML, so string search finds rows and cells without an HTML parser.

/// The markup after the tag that holds the first `marker` (a class, an attribute), up to the
/// first `end` after it: the content of that element when `end` is its closing tag.
pub fn within<'a>(html: &'a str, marker: &str, end: &str) -> &'a str {
    let from = html
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker:?} in the markup"));
    let rest = &html[from..];
    let rest = &rest[rest.find('>').expect("a tag ends") + 1..];
    &rest[..rest
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {marker:?}"))]
}

/// The value of each `attribute` in `html`, in order.
pub fn values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    html.split(&format!(" {attribute}=\""))
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("an attribute ends")])
        .collect()
}

/// The markup inside each `<tag>` element of `fragment`, in order (elements of one tag are
/// not nested in the markup this reads: table rows and cells, list items).
pub fn inner<'a>(fragment: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut found = Vec::new();
    let mut rest = fragment;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        // `<th` is also the start of `<thead>`.
        if !after.starts_with([' ', '>']) {
            rest = after;
            continue;
        }
        let end = after
            .find(&close)
            .unwrap_or_else(|| panic!("an unclosed <{tag}>"));
        found.push(&after[after.find('>').expect("a tag ends") + 1..end]);
        rest = &after[end..];
    }
    found
}

/// The text of each `<tag>` element of `fragment`, in order.
pub fn texts(fragment: &str, tag: &str) -> Vec<String> {
    inner(fragment, tag).into_iter().map(text).collect()
}

/// `fragment` without its tags, with the entities the renderer writes decoded.
pub fn text(fragment: &str) -> String {
    runs(fragment).concat()
}

/// The runs of text between tags, decoded: what each stretch of uninterrupted text reads.
pub fn runs(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    loop {
        let end = rest.find('<').unwrap_or(rest.len());
        if end > 0 {
            found.push(decode(&rest[..end]));
        }
        let Some(close) = rest[end..].find('>') else {
            return found;
        };
        rest = &rest[end + close + 1..];
    }
}

/// The entities the renderer writes in text and attribute values.
fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Every `&` in `html` that does not begin a character reference: text a browser would read
/// as markup. Empty when all text was escaped.
pub fn bare_ampersands(html: &str) -> Vec<&str> {
    html.match_indices('&')
        .map(|(at, _)| {
            // Twelve characters on, not bytes: text after an `&` may be any character.
            let from = &html[at..];
            &from[..from
                .char_indices()
                .nth(12)
                .map_or(from.len(), |(end, _)| end)]
        })
        .filter(|from| {
            let name: String = from[1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
                .collect();
            name.is_empty() || !from[1 + name.len()..].starts_with(';')
        })
        .collect()
}
