//! CSV exports for spreadsheets: RFC 4180 quoting, with formula injection neutralised.

use crate::aggregate::Aggregate;
use crate::instrument::Instrument;
use crate::rating::{Rating, Special};
use crate::response::Response;

/// Formats one cell. A cell a spreadsheet would execute as a formula (starting with `=`, `+`,
/// `-`, `@`, tab or carriage return) is prefixed with `'` so it is shown as text; a cell with
/// a comma, quote or line break is quoted, with quotes doubled. Control characters other than
/// tab and line breaks are left out.
pub fn csv_cell(text: &str) -> String {
    let text = crate::control::without_controls(text);
    let neutralised = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    if neutralised.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutralised.replace('"', "\"\""))
    } else {
        neutralised
    }
}

pub(crate) fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    let row: Vec<String> = cells.iter().map(|c| csv_cell(c.as_ref())).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// One row per item: component, item, level value and label, special answer, notes, target,
/// whether it is a priority now, action, owner, due date, the action's status and its latest
/// progress line (dated). Lines end with CRLF as RFC 4180 asks.
pub fn response_csv(instrument: &Instrument, response: &Response) -> String {
    let mut out = String::new();
    push_row(
        &mut out,
        &[
            "Component",
            "Item",
            "Level",
            "Level label",
            "Special answer",
            "Notes",
            "Target",
            "Target label",
            "Priority now",
            "Action",
            "Owner",
            "Due",
            "Status",
            "Latest progress",
        ],
    );
    for (component, item) in instrument.items() {
        let answer = response.answers.get(&item.id).cloned().unwrap_or_default();
        let (level, label, special) = match answer.rating() {
            Rating::Level(v) => (
                v.to_string(),
                instrument
                    .level(v)
                    .map(|l| l.label.clone())
                    .unwrap_or_default(),
                String::new(),
            ),
            Rating::Special(Special::NotApplicable) => (
                String::new(),
                String::new(),
                instrument
                    .rating_label(Rating::Special(Special::NotApplicable))
                    .to_owned(),
            ),
            Rating::Special(Special::DontKnow) => (
                String::new(),
                String::new(),
                instrument
                    .rating_label(Rating::Special(Special::DontKnow))
                    .to_owned(),
            ),
            Rating::Unanswered => Default::default(),
        };
        let target = answer.target.map(|t| t.to_string()).unwrap_or_default();
        let target_label = answer
            .target
            .and_then(|t| instrument.level(t))
            .map(|l| l.label.clone())
            .unwrap_or_default();
        let priority = if answer.prioritised { "Yes" } else { "" };
        // A status is only meaningful once there is an action to have one.
        let status = if answer.action.is_empty() && answer.status.is_none() {
            ""
        } else {
            answer.status.unwrap_or_default().label()
        };
        let latest = answer
            .progress
            .last()
            .map(|line| format!("{}: {}", line.date, line.text))
            .unwrap_or_default();
        push_row(
            &mut out,
            &[
                &component.title,
                &item.title,
                &level,
                &label,
                &special,
                &answer.notes,
                &target,
                &target_label,
                priority,
                &answer.action,
                &answer.owner,
                &answer.due,
                status,
                &latest,
            ],
        );
    }
    out
}

/// One row per item of a board aggregation: counts, median, range, spread, the distribution
/// over levels (one column per level) and the disagreement flag.
pub fn aggregate_csv(instrument: &Instrument, aggregate: &Aggregate) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = [
        "Component",
        "Item",
        "Rated",
        "Median",
        "Lowest",
        "Highest",
        "Spread (levels)",
    ]
    .map(str::to_owned)
    .to_vec();
    header.extend(
        instrument
            .scale
            .levels
            .iter()
            .map(|l| format!("{} ({})", l.label, l.value)),
    );
    header
        .extend(["Not applicable", "Don't know", "Unanswered", "Disagreement"].map(str::to_owned));
    push_row(&mut out, &header);
    for ((component, item), agg) in instrument.items().zip(&aggregate.items) {
        let mut row = vec![
            component.title.clone(),
            item.title.clone(),
            agg.count.to_string(),
            agg.median.map(|m| m.to_string()).unwrap_or_default(),
            agg.min.map(|m| m.to_string()).unwrap_or_default(),
            agg.max.map(|m| m.to_string()).unwrap_or_default(),
            agg.spread.to_string(),
        ];
        row.extend(agg.distribution.iter().map(u32::to_string));
        row.extend([
            agg.not_applicable.to_string(),
            agg.dont_know.to_string(),
            agg.unanswered.to_string(),
            if agg.disagreement { "yes" } else { "no" }.to_owned(),
        ]);
        push_row(&mut out, &row);
    }
    out
}
