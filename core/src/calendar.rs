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
    let stamp = compact(now);
    // Stable across edits of this assessment, distinct between assessments.
    let origin = match compact(&response.created) {
        created if !created.is_empty() => created,
        _ => "undated".to_owned(),
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

/// `2026-11-29T09:30:00Z` as `20261129T093000Z`; anything unexpected as digits and `T`/`Z`.
fn compact(timestamp: &str) -> String {
    timestamp
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, 'T' | 'Z'))
        .collect()
}

/// Text as RFC 5545 writes it: backslash, semicolon and comma escaped, line breaks as `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
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
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
