//! Control characters in text that leaves the tool.
//!
//! A person can paste anything into a note, including characters no one can see (NUL, BEL,
//! ESC, DEL, the C1 range). Files we write must not carry them: RFC 5545 forbids them in
//! calendar text, and spreadsheets and strict CSV readers choke on them or show them as boxes.
//! Tabs and line breaks are kept: each format has its own way to write those.

use std::borrow::Cow;

/// `text` without control characters other than tab, line feed and carriage return.
pub fn without_controls(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_stray_control) {
        Cow::Owned(text.chars().filter(|&c| !is_stray_control(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_controls_go_and_layout_stays() {
        assert_eq!(
            without_controls("a\u{0}b\u{7}c\u{1b}[0md\u{7f}e\u{85}f\tg\nh\r\n"),
            "abc[0mdef\tg\nh\r\n"
        );
        assert!(matches!(without_controls("plain"), Cow::Borrowed("plain")));
    }
}
