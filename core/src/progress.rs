//! How the plan is going: each action's status, whether it is overdue, and the counts a board
//! paper reports ("12 actions: 5 done, 4 in progress, 3 not started; 3 overdue").
//!
//! "Today" is an argument, never read from a clock, so the same inputs always give the same
//! answer.

use crate::instrument::Instrument;
use crate::response::{ProgressLine, Response, Status};
use serde::Serialize;

/// One action the board is working on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ActionProgress {
    /// The component the item belongs to.
    pub component_id: String,
    /// The component's title.
    pub component_title: String,
    /// The item the action is for.
    pub item_id: String,
    /// The item's title.
    pub item_title: String,
    /// What will be done.
    pub action: String,
    /// Who leads it.
    pub owner: String,
    /// When it is due (`YYYY-MM-DD`), or empty.
    pub due: String,
    /// Where it stands; an action with no status has not started.
    pub status: Status,
    /// Due before today and neither done nor dropped.
    pub overdue: bool,
    /// The latest line of its progress log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<ProgressLine>,
}

/// Every action with its status, overdue ones first, and the counts by status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProgressReport {
    /// The day the report was made for (`YYYY-MM-DD`).
    pub today: String,
    /// How many actions there are.
    pub total: u32,
    /// Not started (including those with no status yet).
    pub not_started: u32,
    /// In progress.
    pub in_progress: u32,
    /// Done.
    pub done: u32,
    /// Dropped.
    pub dropped: u32,
    /// Past their due date and neither done nor dropped.
    pub overdue: u32,
    /// Overdue actions first (earliest due first), then the rest in instrument order.
    pub actions: Vec<ActionProgress>,
    /// The report in one sentence, for a board paper ([`progress_words`]).
    pub summary: String,
}

/// The actions of a response: every item the board made a priority, and every item with an
/// action written for it (a plan written before priorities existed, or one whose item has
/// since reached its target, is still followed to done).
pub fn progress(instrument: &Instrument, response: &Response, today: &str) -> ProgressReport {
    let actions: Vec<ActionProgress> = instrument
        .items()
        .filter_map(|(component, item)| {
            let answer = response.answers.get(&item.id)?;
            let has_action = answer.prioritised || !answer.action.trim().is_empty();
            has_action.then(|| {
                let status = answer.status.unwrap_or_default();
                ActionProgress {
                    component_id: component.id.clone(),
                    component_title: component.title.clone(),
                    item_id: item.id.clone(),
                    item_title: item.title.clone(),
                    action: answer.action.clone(),
                    owner: answer.owner.clone(),
                    due: answer.due.clone(),
                    status,
                    overdue: is_overdue(&answer.due, status, today),
                    latest: answer.progress.last().cloned(),
                }
            })
        })
        .collect();
    // Overdue first, then the rest, each earliest due first; actions with no due date last,
    // and instrument order among equals. Ranked through the shared sort, which costs no new
    // sort in the WebAssembly. A day number is far below 2^40, so the flag bit ranks first.
    let actions = crate::order::by_rank(actions, |a| {
        let due = if a.due.is_empty() {
            (1 << 40) - 1
        } else {
            day_number(&a.due)
        };
        (u64::from(!a.overdue) << 40) | due
    });
    let count = |status: Status| {
        u32::try_from(actions.iter().filter(|a| a.status == status).count()).unwrap_or(u32::MAX)
    };
    let mut report = ProgressReport {
        today: today.to_owned(),
        total: u32::try_from(actions.len()).unwrap_or(u32::MAX),
        not_started: count(Status::NotStarted),
        in_progress: count(Status::InProgress),
        done: count(Status::Done),
        dropped: count(Status::Dropped),
        overdue: u32::try_from(actions.iter().filter(|a| a.overdue).count()).unwrap_or(u32::MAX),
        actions,
        summary: String::new(),
    };
    report.summary = progress_words(&report);
    report
}

/// `YYYY-MM-DD` as the number `YYYYMMDD`, which orders as the dates do.
pub(crate) fn day_number(date: &str) -> u64 {
    date.bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |n, digit| n * 10 + u64::from(digit - b'0'))
}

/// Due before `today` (both `YYYY-MM-DD`, which order as text) and still open.
pub fn is_overdue(due: &str, status: Status, today: &str) -> bool {
    !due.is_empty() && due < today && matches!(status, Status::NotStarted | Status::InProgress)
}

/// The report in one sentence for a board paper: "12 actions: 5 done, 4 in progress,
/// 3 not started; 3 overdue."
pub fn progress_words(report: &ProgressReport) -> String {
    if report.total == 0 {
        return "No actions yet: choose the board's priorities in the action plan.".to_owned();
    }
    let parts: Vec<String> = [
        (report.done, "done"),
        (report.in_progress, "in progress"),
        (report.not_started, "not started"),
        (report.dropped, "dropped"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, label)| format!("{n} {label}"))
    .collect();
    let noun = if report.total == 1 {
        "action"
    } else {
        "actions"
    };
    let overdue = match report.overdue {
        0 => String::new(),
        n => format!("; {n} overdue"),
    };
    format!("{} {noun}: {}{overdue}.", report.total, parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn with_actions(statuses: &[(&str, Option<Status>, &str)]) -> (Instrument, Response) {
        let instrument = builtin("nhs-impact").expect("built in");
        let mut response = Response::new(&instrument);
        for (id, status, due) in statuses {
            let answer = response.answers.entry((*id).to_owned()).or_default();
            answer.level = Some(2);
            answer.prioritised = true;
            answer.action = format!("Action for {id}");
            answer.status = *status;
            answer.due = (*due).to_owned();
        }
        (instrument, response)
    }

    #[test]
    fn overdue_is_past_due_and_still_open_and_comes_first() {
        let (instrument, response) = with_actions(&[
            ("purpose-created", Some(Status::Done), "2026-01-31"),
            ("purpose-lived", None, "2026-12-01"),
            ("systems-daily", Some(Status::InProgress), "2026-11-28"),
            ("leaders-data", Some(Status::Dropped), "2026-01-01"),
            ("culture-codesign", Some(Status::NotStarted), "2026-11-29"),
        ]);
        let report = progress(&instrument, &response, "2026-11-29");
        assert_eq!(
            (
                report.total,
                report.done,
                report.in_progress,
                report.not_started,
                report.dropped,
                report.overdue
            ),
            (5, 1, 1, 2, 1, 1)
        );
        assert_eq!(report.actions[0].item_id, "systems-daily");
        assert!(
            !report
                .actions
                .iter()
                .any(|a| a.item_id == "culture-codesign" && a.overdue),
            "due today is not overdue"
        );
        assert_eq!(
            progress_words(&report),
            "5 actions: 1 done, 1 in progress, 2 not started, 1 dropped; 1 overdue."
        );
    }

    #[test]
    fn after_the_overdue_actions_come_the_rest_by_due_date() {
        // In instrument order: purpose-created, purpose-lived, culture-codesign, leaders-data,
        // systems-daily; the due dates run the other way round, and one has none.
        let (instrument, response) = with_actions(&[
            ("purpose-created", None, "2027-03-01"),
            ("purpose-lived", None, ""),
            ("culture-codesign", None, "2027-01-15"),
            ("leaders-data", None, "2026-10-01"),
            ("systems-daily", None, "2026-12-20"),
        ]);
        let report = progress(&instrument, &response, "2026-11-29");
        let order: Vec<&str> = report.actions.iter().map(|a| a.item_id.as_str()).collect();
        assert_eq!(
            order,
            [
                "leaders-data",
                "systems-daily",
                "culture-codesign",
                "purpose-created",
                "purpose-lived"
            ]
        );
    }

    #[test]
    fn no_actions_says_where_to_start() {
        let (instrument, response) = with_actions(&[]);
        assert_eq!(
            progress_words(&progress(&instrument, &response, "2026-11-29")),
            "No actions yet: choose the board's priorities in the action plan."
        );
    }
}
