//! Calendar files (iCalendar, RFC 5545): the next review and each open action's due date as
//! all-day events, to import into Outlook or any calendar.
//!
//! Each event's `UID` is built from the assessment's creation time and the item, so importing
//! an updated file updates the events instead of adding copies. `now` (the file's `DTSTAMP`)
//! is an argument: the core reads no clock.

use crate::instrument::Instrument;
use crate::progress::progress;
use crate::response::{Response, Status};

/// The `.ics` text for a response: a `VEVENT` for its next review date, if set, and for each
/// action that has a due date and is neither done nor dropped. `now` is a timestamp such as
/// `2026-11-29T09:30:00Z`; `today` (`YYYY-MM-DD`) marks overdue actions in their description.
pub fn calendar_ics(
    instrument: &Instrument,
    response: &Response,
    now: &str,
    today: &str,
) -> String {
    // The clock is always readable in practice; a stamp that is not still gives a valid file.
    let stamp = match compact(now) {
        stamp if stamp.is_empty() => "19700101T000000Z".to_owned(),
        stamp => stamp,
    };
    // Stable across edits of this assessment, distinct between assessments, and the same as
    // earlier versions wrote, so a calendar that imported them updates its events.
    let origin: String = response
        .created
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, 'T' | 'Z'))
        .collect();
    let origin = if origin.is_empty() {
        "undated".to_owned()
    } else {
        origin
    };
    let name = if response.title.is_empty() {
        instrument.title.as_str()
    } else {
        response.title.as_str()
    };
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//maturity-matrix//Board self-assessment//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    let mut event = |uid: String, date: &str, summary: String, description: String| {
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{uid}"),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", date.replace('-', "")),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(&description)),
            "TRANSP:TRANSPARENT".into(),
            "END:VEVENT".into(),
        ]);
    };
    if !response.next_review.is_empty() {
        event(
            format!("review-{origin}-{}@maturity-matrix", instrument.id),
            &response.next_review,
            format!("Review the self-assessment: {name}"),
            format!(
                "Repeat the {} and compare it with the last one.",
                instrument.title
            ),
        );
    }
    for action in progress(instrument, response, today).actions {
        let open = matches!(action.status, Status::NotStarted | Status::InProgress);
        if action.due.is_empty() || !open {
            continue;
        }
        let what = if action.action.is_empty() {
            "Action to be agreed"
        } else {
            action.action.as_str()
        };
        let overdue = if action.overdue { " Overdue." } else { "" };
        let mut description = format!(
            "{}: {}. Status: {}.{overdue}",
            action.component_title,
            action.item_title,
            action.status.label()
        );
        if !action.owner.is_empty() {
            description.push_str(&format!(" Owner: {}.", action.owner));
        }
        if let Some(latest) = &action.latest {
            description.push_str(&format!(
                "\nLatest progress ({}): {}",
                latest.date, latest.text
            ));
        }
        event(
            format!("action-{origin}-{}@maturity-matrix", action.item_id),
            &action.due,
            format!("Due: {what} ({})", action.item_title),
            description,
        );
    }
    lines.push("END:VCALENDAR".into());
    lines
        .iter()
        .map(|line| fold(line))
        .collect::<Vec<_>>()
        .join("")
}

/// `2026-11-29T09:30:00.123Z` as `20261129T093000Z`, the only UTC date-time form RFC 5545
/// allows (no fraction of a second), or empty when `timestamp` is not that shape.
fn compact(timestamp: &str) -> String {
    // Date and time digits, up to the seconds: a browser clock's milliseconds are dropped.
    let digits: String = timestamp
        .get(..19)
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if digits.len() == 14 {
        format!("{}T{}Z", &digits[..8], &digits[8..])
    } else {
        String::new()
    }
}

/// Text as RFC 5545 writes it: backslash, semicolon and comma escaped, line breaks as `\n`,
/// and no control characters, which the RFC does not allow in text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::control::without_controls(text).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no line is longer than 75 octets (continuations start with a
/// space), never inside a character, and ended with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let folded = fold(&format!("SUMMARY:{}", "é".repeat(60)));
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(
            folded.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(60))
        );
    }

    #[test]
    fn stamps_drop_milliseconds_as_rfc_5545_requires() {
        assert_eq!(compact("2027-03-10T10:00:04.628Z"), "20270310T100004Z");
        assert_eq!(compact("2026-11-29T09:30:00Z"), "20261129T093000Z");
        assert_eq!(compact("not a time"), "");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(
            escape("bell\u{7} null\u{0} esc\u{1b} del\u{7f}"),
            "bell null esc del"
        );
    }
}
