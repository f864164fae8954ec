//! The responses a board has collected, and the saved assessment holding its agreed record.
//! Read from storage once when the widget mounts; the workspace's persistence effect is the
//! only writer of the board's record (see `hooks::use_board_state`). Another tab's changes to
//! the board are merged in: every response either tab added is kept.

use maturity_core::{Fitted, Instrument, Response};
use serde::Serialize;
use std::rc::Rc;
use yew::Reducible;

/// One respondent's answers as the board holds them.
pub type Respondent = Rc<Fitted>;

/// What the board's record holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardRecord {
    /// One response per respondent, in the order they were added.
    pub respondents: Vec<Respondent>,
    /// The slot of the agreed record, once one has been started.
    pub agreed: Option<u32>,
    /// The spread, in levels, at which the board view flags an item (unset: the default), so the
    /// facilitation view steps through the same items the board view lists.
    pub threshold: Option<u32>,
    /// Where the room's discussion is: the id of the item on screen in the facilitation view,
    /// or an empty id once it has reached the end. Kept with the board, so leaving the view,
    /// reloading or opening it in another tab resumes on the same item.
    pub discussing: Option<String>,
}

/// The board's record as stored: each response whole, answers set aside included.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Stored<'a> {
    respondents: Vec<Response>,
    agreed_slot: Option<&'a u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    threshold: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    discussing: Option<&'a str>,
}

impl BoardRecord {
    /// The spread, in levels, at which items are flagged for discussion.
    #[cfg(feature = "board")]
    pub fn threshold(&self) -> u32 {
        self.threshold
            .unwrap_or(maturity_core::DEFAULT_DISAGREEMENT_THRESHOLD)
    }

    /// Reads a stored record. A record that is not readable JSON, or holds a response that
    /// cannot be read at all, is refused with why, so the caller keeps the original aside.
    pub fn read(text: &str, instrument: &Instrument) -> Result<BoardRecord, String> {
        let value = maturity_core::parse_json(text).map_err(|e| first_problem(&e))?;
        let list = value
            .get("respondents")
            .and_then(serde_json::Value::as_array)
            .ok_or("it has no list of respondents")?;
        let respondents = list
            .iter()
            .map(|r| {
                Response::from_value(r)
                    .and_then(|response| response.fit(instrument))
                    .map(Rc::new)
                    .map_err(|e| first_problem(&e))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let agreed = value
            .get("agreedSlot")
            .and_then(serde_json::Value::as_u64)
            .and_then(|n| u32::try_from(n).ok());
        let threshold = value
            .get("threshold")
            .and_then(serde_json::Value::as_u64)
            .and_then(|n| u32::try_from(n).ok());
        let discussing = value
            .get("discussing")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned);
        Ok(BoardRecord {
            respondents,
            agreed,
            threshold,
            discussing,
        })
    }

    /// The record's text, as stored.
    pub fn to_json(&self) -> String {
        let stored = Stored {
            respondents: self.respondents.iter().map(|r| r.whole()).collect(),
            agreed_slot: self.agreed.as_ref(),
            threshold: self.threshold,
            discussing: self.discussing.as_deref(),
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }
}

fn first_problem(error: &maturity_core::Error) -> String {
    error
        .problems()
        .first()
        .map_or_else(String::new, |p| p.message.clone())
}

/// A board's collected responses.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Board {
    /// What the board holds now in this tab.
    pub record: Rc<BoardRecord>,
    /// What storage held when this tab last read or wrote it: the common starting point when
    /// another tab's changes are merged in.
    pub stored: Rc<BoardRecord>,
    /// The answers that fit, one response per respondent: what the figures are computed from.
    pub responses: Rc<Vec<Response>>,
}

/// Changes to the board.
// Only the board's screens make most of these; the reducer is the same in both builds.
#[cfg_attr(not(feature = "board"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq)]
pub enum BoardAction {
    /// Add responses; any already on the board are skipped.
    Add(Vec<Respondent>),
    /// Remove the respondent at this position.
    Remove(usize),
    /// The agreed record now lives in this slot.
    Agreed(u32),
    /// The board view now flags items rated this many levels apart.
    Threshold(u32),
    /// The room's discussion has moved to this item (an empty id: to its end).
    Discussing(String),
    /// Storage now holds this record: this tab wrote it.
    Stored(Rc<BoardRecord>),
    /// Another tab or widget changed the board's record (`None`: cleared).
    External(Option<BoardRecord>),
}

impl Board {
    /// The board as read from storage.
    pub fn new(record: BoardRecord) -> Board {
        let record = Rc::new(record);
        Board {
            stored: record.clone(),
            responses: Rc::new(
                record
                    .respondents
                    .iter()
                    .map(|r| r.response.clone())
                    .collect(),
            ),
            record,
        }
    }

    fn with(&self, record: BoardRecord, stored: Rc<BoardRecord>) -> Board {
        let responses = if record.respondents == self.record.respondents {
            self.responses.clone()
        } else {
            Rc::new(
                record
                    .respondents
                    .iter()
                    .map(|r| r.response.clone())
                    .collect(),
            )
        };
        Board {
            record: Rc::new(record),
            stored,
            responses,
        }
    }
}

impl Reducible for Board {
    type Action = BoardAction;

    fn reduce(self: Rc<Self>, action: BoardAction) -> Rc<Self> {
        let mut record = (*self.record).clone();
        let stored = self.stored.clone();
        match action {
            BoardAction::Add(respondents) => {
                for respondent in respondents {
                    if !record.respondents.contains(&respondent) {
                        record.respondents.push(respondent);
                    }
                }
            }
            BoardAction::Remove(index) if index < record.respondents.len() => {
                record.respondents.remove(index);
            }
            BoardAction::Remove(_) => return self,
            BoardAction::Agreed(slot) => record.agreed = Some(slot),
            BoardAction::Threshold(levels) => record.threshold = Some(levels),
            BoardAction::Discussing(item) => record.discussing = Some(item),
            BoardAction::Stored(stored) => return Rc::new(self.with(record, stored)),
            BoardAction::External(theirs) => {
                let theirs = theirs.unwrap_or_default();
                let merged = merge_boards(&self.stored, &record, &theirs);
                return Rc::new(self.with(merged, Rc::new(theirs)));
            }
        }
        Rc::new(self.with(record, stored))
    }
}

/// Both tabs' changes to the board: a response either side added is kept, one either side
/// removed is gone, and the agreed record, the threshold and the item under discussion are
/// those last chosen.
fn merge_boards(base: &BoardRecord, mine: &BoardRecord, theirs: &BoardRecord) -> BoardRecord {
    let mut respondents: Vec<Respondent> = mine
        .respondents
        .iter()
        .filter(|r| theirs.respondents.contains(r) || !base.respondents.contains(r))
        .cloned()
        .collect();
    for r in &theirs.respondents {
        if !respondents.contains(r) && !base.respondents.contains(r) {
            respondents.push(r.clone());
        }
    }
    let agreed = if theirs.agreed != base.agreed {
        theirs.agreed
    } else {
        mine.agreed
    };
    let threshold = if theirs.threshold != base.threshold {
        theirs.threshold
    } else {
        mine.threshold
    };
    let discussing = if theirs.discussing != base.discussing {
        theirs.discussing.clone()
    } else {
        mine.discussing.clone()
    };
    BoardRecord {
        respondents,
        agreed,
        threshold,
        discussing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::admission::{admit_files, Said};

    fn text(respondent: &str, level: u8) -> String {
        format!(
            r#"{{"formatVersion":1,"instrument":{{"id":"nhs-impact","version":"1.0.0"}},"respondent":{{"name":"{respondent}"}},"answers":{{"purpose-created":{{"level":{level}}}}}}}"#
        )
    }

    fn file(
        name: &str,
        respondent: &str,
        level: u8,
    ) -> (String, Result<String, maturity_core::Error>) {
        (name.to_owned(), Ok(text(respondent, level)))
    }

    fn instrument() -> Instrument {
        maturity_core::builtin("nhs-impact").unwrap()
    }

    #[test]
    fn files_are_admitted_one_by_one_with_reasons_for_the_rest() {
        let admitted = admit_files(
            &instrument(),
            &[],
            vec![
                file("chair.json", "Chair", 3),
                ("broken.json".into(), Ok("{ not json".into())),
                file("again.json", "Chair", 3),
                file("nameless.json", "", 2),
            ],
        );
        assert_eq!(admitted.added.len(), 2);
        assert_eq!(
            admitted.added[1].response.respondent.name, "nameless",
            "named after its file"
        );
        assert_eq!(admitted.messages[0].text, "2 responses added.");
        assert!(admitted.messages[1]
            .text
            .starts_with("broken.json was not added. this is not a readable data (JSON) file"));
        assert_eq!(admitted.messages[2].text, "again.json: already added.");
    }

    #[test]
    fn a_refusal_is_told_in_words_with_the_paths_as_detail() {
        let admitted = admit_files(&instrument(), &[], vec![file("chair.json", "Chair", 7)]);
        let said = &admitted.messages[1];
        assert!(
            said.text
                .starts_with("chair.json was not added. How the vision was created: 7 is not"),
            "{}",
            said.text
        );
        assert!(!said.text.contains("answers."), "no path in the words");
        assert!(said
            .detail
            .as_deref()
            .is_some_and(|d| d.starts_with("answers.purpose-created.level: 7")));
    }

    #[test]
    fn a_second_different_response_from_the_same_person_is_not_counted_twice() {
        let chair = admit_files(&instrument(), &[], vec![file("chair.json", "Chair", 3)]);
        let admitted = admit_files(
            &instrument(),
            &chair.added,
            vec![
                file("chair-later.json", " chair", 4),
                file("ceo.json", "Chief Executive", 4),
            ],
        );
        assert_eq!(admitted.added.len(), 1);
        assert_eq!(
            admitted.added[0].response.respondent.name,
            "Chief Executive"
        );
        assert!(admitted.messages[1].text.starts_with(
            "chair-later.json was not added: the board already has a response from chair"
        ));
    }

    #[test]
    fn answers_that_do_not_fit_are_kept_and_named() {
        let text = r#"{"formatVersion":1,"instrument":{"id":"nhs-impact","version":"0.9"},"answers":{"purpose-created":{"level":3},"retired-item":{"level":2}}}"#;
        let admitted = admit_files(
            &instrument(),
            &[],
            vec![("old.json".into(), Ok(text.into()))],
        );
        assert_eq!(admitted.added.len(), 1);
        assert_eq!(admitted.added[0].set_aside[0].item, "retired-item");
        assert!(admitted.messages[1]
            .text
            .contains("1 of its answers does not fit this matrix; it is kept"));
        let board = Board::new(BoardRecord {
            respondents: admitted.added,
            agreed: None,
            threshold: None,
            discussing: None,
        });
        assert_eq!(board.record.respondents[0].set_aside.len(), 1);
        assert!(board.responses[0].answers.contains_key("purpose-created"));
        assert!(!board.responses[0].answers.contains_key("retired-item"));
    }

    #[test]
    fn a_response_already_on_the_board_is_not_added_twice() {
        let first = admit_files(&instrument(), &[], vec![file("a.json", "Chair", 3)]);
        let again = admit_files(
            &instrument(),
            &first.added,
            vec![file("a.json", "Chair", 3)],
        );
        assert!(again.added.is_empty());
        assert_eq!(
            again.messages,
            [
                Said::from("0 responses added."),
                Said::from("a.json: already added.")
            ]
        );
        let board = Rc::new(Board::default()).reduce(BoardAction::Add(first.added.clone()));
        let board = board.reduce(BoardAction::Add(first.added));
        assert_eq!(board.record.respondents.len(), 1);
        assert_eq!(board.responses.len(), 1);
    }

    #[test]
    fn another_tabs_additions_and_removals_merge_with_ours() {
        let respondent = |name: &str| {
            Rc::new(
                Response::from_json(&text(name, 3))
                    .unwrap()
                    .fit(&instrument())
                    .unwrap(),
            )
        };
        let (a, b, c, d) = (
            respondent("A"),
            respondent("B"),
            respondent("C"),
            respondent("D"),
        );
        let stored = BoardRecord {
            respondents: vec![a.clone(), b.clone()],
            agreed: None,
            threshold: None,
            discussing: None,
        };
        let board = Rc::new(Board::new(stored));
        // Here: C added. There: B removed, D added, an agreed record started.
        let board = board.reduce(BoardAction::Add(vec![c.clone()]));
        let theirs = BoardRecord {
            respondents: vec![a.clone(), d.clone()],
            agreed: Some(4),
            threshold: Some(3),
            discussing: Some("purpose-lived".into()),
        };
        let board = board.reduce(BoardAction::External(Some(theirs.clone())));
        assert_eq!(board.record.respondents, [a, c, d]);
        assert_eq!(board.record.agreed, Some(4));
        assert_eq!(*board.stored, theirs);
    }

    #[test]
    fn the_stored_text_reads_back_whole() {
        let text = r#"{"formatVersion":1,"instrument":{"id":"nhs-impact","version":"0.9"},"answers":{"purpose-created":{"level":3},"retired-item":{"level":2}}}"#;
        let fitted = Response::from_json(text)
            .unwrap()
            .fit(&instrument())
            .unwrap();
        let record = BoardRecord {
            respondents: vec![Rc::new(fitted)],
            agreed: Some(2),
            threshold: Some(1),
            discussing: Some("leaders-data".into()),
        };
        assert_eq!(
            BoardRecord::read(&record.to_json(), &instrument()).unwrap(),
            record
        );
        assert!(BoardRecord::read("{", &instrument()).is_err());
    }
}
