//! The responses a board has collected, and the saved assessment holding its agreed record.
//! Read from storage once when the widget mounts; the workspace's persistence effect is the
//! only writer of the board's record (see `hooks::use_board`).

use maturity_core::{Instrument, Response};
use std::rc::Rc;
use yew::Reducible;

/// A board's collected responses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Board {
    /// One response per respondent, in the order they were added.
    pub respondents: Rc<Vec<Response>>,
    /// The slot of the agreed record, once one has been started.
    pub agreed: Option<u32>,
}

/// Changes to the board.
#[derive(Debug, Clone, PartialEq)]
pub enum BoardAction {
    /// Add responses; any already on the board are skipped.
    Add(Vec<Response>),
    /// Remove the respondent at this position.
    Remove(usize),
    /// The agreed record now lives in this slot.
    Agreed(u32),
}

impl Reducible for Board {
    type Action = BoardAction;

    fn reduce(self: Rc<Self>, action: BoardAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            BoardAction::Add(responses) => {
                let respondents = Rc::make_mut(&mut next.respondents);
                for response in responses {
                    if !respondents.contains(&response) {
                        respondents.push(response);
                    }
                }
            }
            BoardAction::Remove(index) if index < next.respondents.len() => {
                Rc::make_mut(&mut next.respondents).remove(index);
            }
            BoardAction::Remove(_) => return self,
            BoardAction::Agreed(slot) => next.agreed = Some(slot),
        }
        Rc::new(next)
    }
}

/// What reading a batch of files gave: the responses to add, and what to tell the person.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Admitted {
    /// Responses new to the board, in file order.
    pub added: Vec<Response>,
    /// "N responses added.", then one line per file that was not added, with why.
    pub messages: Vec<String>,
}

/// Reads `(file name, text)` pairs as responses to `instrument`, one by one: a file that
/// cannot be used is named with why and never stops the others; a response already on the
/// board (or earlier in the batch) is not added twice. A response with neither a respondent's
/// name nor a title is named after its file.
pub fn admit_files(
    instrument: &Instrument,
    existing: &[Response],
    files: Vec<(String, String)>,
) -> Admitted {
    let mut added: Vec<Response> = Vec::new();
    let mut rejected = Vec::new();
    for (name, text) in files {
        match Response::from_json_for(&text, instrument) {
            Ok(mut response) => {
                if existing.contains(&response) || added.contains(&response) {
                    rejected.push(format!("{name}: already added."));
                    continue;
                }
                if response.respondent.name.trim().is_empty() && response.title.trim().is_empty() {
                    response.respondent.name = name.trim_end_matches(".json").to_owned();
                }
                added.push(response);
            }
            Err(error) => {
                let shown: Vec<String> = error
                    .problems()
                    .iter()
                    .take(3)
                    .map(ToString::to_string)
                    .collect();
                let more = error.problems().len().saturating_sub(3);
                let tail = if more > 0 {
                    format!(" (and {more} more)")
                } else {
                    String::new()
                };
                rejected.push(format!("{name} was not added. {}{tail}", shown.join("; ")));
            }
        }
    }
    let count = added.len();
    let mut messages = vec![format!(
        "{count} response{} added.",
        if count == 1 { "" } else { "s" }
    )];
    messages.extend(rejected);
    Admitted { added, messages }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, respondent: &str, level: u8) -> (String, String) {
        let text = format!(
            r#"{{"formatVersion":1,"instrument":{{"id":"nhs-impact","version":"1.0.0"}},"respondent":{{"name":"{respondent}"}},"answers":{{"purpose-created":{{"level":{level}}}}}}}"#
        );
        (name.to_owned(), text)
    }

    #[test]
    fn files_are_admitted_one_by_one_with_reasons_for_the_rest() {
        let instrument = maturity_core::builtin("nhs-impact").unwrap();
        let admitted = admit_files(
            &instrument,
            &[],
            vec![
                file("chair.json", "Chair", 3),
                ("broken.json".into(), "{ not json".into()),
                file("again.json", "Chair", 3),
                file("nameless.json", "", 2),
            ],
        );
        assert_eq!(admitted.added.len(), 2);
        assert_eq!(
            admitted.added[1].respondent.name, "nameless",
            "named after its file"
        );
        assert_eq!(admitted.messages[0], "2 responses added.");
        assert!(admitted.messages[1]
            .starts_with("broken.json was not added. this is not a readable data (JSON) file"));
        assert_eq!(admitted.messages[2], "again.json: already added.");
    }

    #[test]
    fn a_response_already_on_the_board_is_not_added_twice() {
        let instrument = maturity_core::builtin("nhs-impact").unwrap();
        let first = admit_files(&instrument, &[], vec![file("a.json", "Chair", 3)]);
        let again = admit_files(&instrument, &first.added, vec![file("a.json", "Chair", 3)]);
        assert!(again.added.is_empty());
        assert_eq!(
            again.messages,
            ["0 responses added.", "a.json: already added."]
        );
        let board = Rc::new(Board::default()).reduce(BoardAction::Add(first.added.clone()));
        let board = board.reduce(BoardAction::Add(first.added));
        assert_eq!(board.respondents.len(), 1);
    }

    #[test]
    fn many_problems_are_cut_to_three() {
        let instrument = maturity_core::builtin("nhs-impact").unwrap();
        let text = r#"{"formatVersion":1,"instrument":{"id":"nhs-impact","version":"1.0.0"},"answers":{"a":{},"b":{},"c":{},"d":{},"e":{}}}"#;
        let admitted = admit_files(&instrument, &[], vec![("x.json".into(), text.into())]);
        assert!(
            admitted.messages[1].ends_with("(and 2 more)"),
            "{}",
            admitted.messages[1]
        );
    }
}
