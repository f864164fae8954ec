//! Every saved assessment of one widget, by slot: read from storage once when the widget
//! mounts, then changed only by actions, including changes other tabs (or other widgets on
//! the page) make to the same records, which are merged in field by field. The workspace's
//! persistence effect is the only writer of these records (see `hooks::use_library_state`).

use super::Timed;
use crate::platform::storage::AsideCopy;
use maturity_core::{differences, merge, Field, Fitted, Instrument, Response, SetAside};
use std::rc::Rc;
use yew::Reducible;

/// One saved assessment as this tab knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The answers as they stand in this tab.
    pub current: Rc<Response>,
    /// Answers kept in the record that no longer fit the instrument (a revised local matrix):
    /// shown, saved with the rest, never scored.
    pub set_aside: Rc<Vec<SetAside>>,
    /// What storage held when this tab last read or wrote the record: the common starting
    /// point when another tab's changes are merged in. `None` until it is first saved.
    pub stored: Option<Rc<Response>>,
    /// The fields changed in this tab, each with when: a later change from another tab to one
    /// of these is told to the person, never swapped in silently.
    pub edits: Rc<Vec<(Field, String)>>,
    /// Deleted in another tab while open here: kept on screen, saved again only if changed.
    pub deleted_elsewhere: bool,
}

impl Record {
    /// A record read from storage (or a file): what it holds is what storage holds.
    pub fn stored(fitted: Fitted) -> Record {
        let current = Rc::new(fitted.response);
        Record {
            stored: Some(current.clone()),
            current,
            set_aside: Rc::new(fitted.set_aside),
            edits: Rc::default(),
            deleted_elsewhere: false,
        }
    }

    /// A record not yet saved.
    pub fn unsaved(response: Rc<Response>, set_aside: Vec<SetAside>) -> Record {
        Record {
            current: response,
            set_aside: Rc::new(set_aside),
            stored: None,
            edits: Rc::default(),
            deleted_elsewhere: false,
        }
    }

    /// Whether this tab holds changes storage does not have yet.
    pub fn unsaved_changes(&self) -> bool {
        !self.deleted_elsewhere && self.stored.as_ref() != Some(&self.current)
    }

    /// The whole record as saved: the answers that fit and those set aside.
    pub fn whole(&self) -> Response {
        Fitted {
            response: (*self.current).clone(),
            set_aside: (*self.set_aside).clone(),
        }
        .whole()
    }
}

/// A saved assessment as storage holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Read, with the answers that fit the instrument and those that no longer do.
    Readable(Rc<Record>),
    /// Could not be read, and why, in words.
    Unreadable(Rc<str>),
}

/// A stored record read: its answers, or why it cannot be read.
pub fn read_record(raw: &str, instrument: &Instrument) -> Result<Fitted, Rc<str>> {
    Response::from_json(raw)
        .and_then(|response| response.fit(instrument))
        .map_err(|error| describe(&error).into())
}

/// The first problem of an error, in words, without its path.
fn describe(error: &maturity_core::Error) -> String {
    error
        .problems()
        .first()
        .map_or_else(|| "it could not be read".to_owned(), |p| p.message.clone())
}

impl Saved {
    /// Reads a stored record.
    pub fn read(raw: &str, instrument: &Instrument) -> Saved {
        match read_record(raw, instrument) {
            Ok(fitted) => Saved::Readable(Rc::new(Record::stored(fitted))),
            Err(reason) => Saved::Unreadable(reason),
        }
    }
}

/// How soon a change should reach storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pace {
    /// At once: a choice was made.
    #[default]
    Now,
    /// After a pause: text is being typed, and a save per keystroke would be wasted work.
    AfterTyping,
}

/// What another tab (or another widget on the page) did to an assessment, that the person
/// should hear about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Changed fields this tab had changed, and its later values now show.
    Changed(Vec<Field>),
    /// Deleted the assessment open here.
    Deleted,
    /// Saved the assessment in a form this page cannot read (a newer version of the tool,
    /// say): this tab's answers are kept in the page only.
    Unreadable,
}

/// The last change made in this tab, for the announcements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastEdit {
    /// The assessment changed.
    pub slot: u32,
    /// The item changed, if an item was.
    pub item: Option<String>,
}

/// The saved assessments. A handful per widget, so a list sorted by slot does: a map type
/// would add kilobytes of WebAssembly for no measurable speed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    /// The instrument, for starting an assessment on its first change.
    pub instrument: Rc<Instrument>,
    /// `(slot, assessment)`, by slot.
    pub saved: Rc<Vec<(u32, Saved)>>,
    /// How soon the last change should reach storage.
    pub pace: Pace,
    /// The last change made in this tab.
    pub last_edit: Option<LastEdit>,
    /// What to tell the person, by slot.
    pub notices: Rc<Vec<(u32, Notice)>>,
    /// Records that could not be read, kept aside, oldest first.
    pub copies: Rc<Vec<AsideCopy>>,
    /// `(slot, updated)`: the `updated` time of each assessment when it was last downloaded as
    /// a file, so the person can be told when changes exist only in this browser.
    pub downloads: Rc<Vec<(u32, String)>>,
    /// Records moved aside as this page opened, `(slot, why)` (`None`: the board's), so the
    /// person is told once.
    pub set_aside_now: Rc<Vec<(Option<u32>, Rc<str>)>>,
}

/// Changes to the saved assessments.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryAction {
    /// A person changed the assessment in a slot (starting it if it is new).
    Edit {
        /// Which.
        slot: u32,
        /// What, and when.
        timed: Timed,
    },
    /// Keep a new or replaced assessment in a slot (imported, duplicated, renamed, agreed).
    Put {
        /// Where.
        slot: u32,
        /// What: the answers, and any that do not fit the instrument.
        fitted: Rc<Fitted>,
    },
    /// Delete the assessment in a slot.
    Remove(u32),
    /// Storage now holds `response` in `slot`: this tab wrote it.
    Stored {
        /// Where.
        slot: u32,
        /// What was written.
        response: Rc<Response>,
    },
    /// Another tab or widget changed the record in `slot`: `None` when it was deleted.
    External {
        /// Where.
        slot: u32,
        /// What storage holds now.
        theirs: Option<Result<Rc<Fitted>, Rc<str>>>,
        /// Whether the slot is open in this tab (so a deletion keeps it on screen).
        open: bool,
    },
    /// The person has read the notice about a slot.
    Dismiss(u32),
    /// The unreadable record of a slot (or of the board, `None`) has been moved aside.
    SetAside {
        /// Whose record.
        slot: Option<u32>,
        /// The copy, where it is kept now.
        copy: AsideCopy,
        /// Why it could not be read, in words.
        reason: Rc<str>,
    },
    /// Delete a copy kept aside (the person chose to).
    ForgetCopy(String),
    /// The copies kept aside, as another tab left them.
    Copies(Vec<AsideCopy>),
    /// The assessment in `slot` was downloaded as a file, as it stood at `updated`.
    Downloaded {
        /// Which.
        slot: u32,
        /// Its `updated` time then.
        updated: String,
    },
    /// The record of downloads, as another tab left it.
    Downloads(Vec<(u32, String)>),
}

impl Library {
    /// A library holding `saved` (in any order).
    pub fn new(instrument: Rc<Instrument>, saved: Vec<(u32, Saved)>) -> Self {
        let saved = maturity_core::order::by_rank(saved, |(slot, _)| u64::from(*slot));
        Library {
            instrument,
            saved: Rc::new(saved),
            pace: Pace::Now,
            last_edit: None,
            notices: Rc::default(),
            copies: Rc::default(),
            downloads: Rc::default(),
            set_aside_now: Rc::default(),
        }
    }

    /// Whether the assessment in `slot` has changes that are in no downloaded file.
    pub fn undownloaded(&self, slot: u32) -> bool {
        let Some(response) = self.readable(slot) else {
            return false;
        };
        !response.updated.is_empty()
            && !self
                .downloads
                .iter()
                .any(|(known, updated)| *known == slot && *updated == response.updated)
    }

    /// The assessment in `slot`, readable or not.
    pub fn get(&self, slot: u32) -> Option<&Saved> {
        self.saved
            .iter()
            .find(|(known, _)| *known == slot)
            .map(|(_, saved)| saved)
    }

    /// The record in `slot`, if it is there and readable.
    pub fn record(&self, slot: u32) -> Option<&Rc<Record>> {
        match self.get(slot) {
            Some(Saved::Readable(record)) => Some(record),
            _ => None,
        }
    }

    /// The answers in `slot`, if it is there and readable.
    pub fn readable(&self, slot: u32) -> Option<&Rc<Response>> {
        self.record(slot).map(|record| &record.current)
    }

    /// The readable assessments other than `except`, in slot order.
    pub fn others(&self, except: u32) -> impl Iterator<Item = (u32, &Rc<Response>)> {
        self.saved
            .iter()
            .filter(move |(slot, _)| *slot != except)
            .filter_map(|(slot, saved)| match saved {
                Saved::Readable(record) => Some((*slot, &record.current)),
                Saved::Unreadable(_) => None,
            })
    }

    /// A slot no saved assessment uses, above `at_least`.
    pub fn free_slot(&self, at_least: u32) -> u32 {
        self.saved.last().map_or(0, |(slot, _)| *slot).max(at_least) + 1
    }

    /// What to tell the person about `slot`.
    pub fn notice(&self, slot: u32) -> Option<&Notice> {
        self.notices
            .iter()
            .find(|(known, _)| *known == slot)
            .map(|(_, notice)| notice)
    }
}

/// Puts `entry` in `slot` of a list sorted by slot.
fn place<T>(list: &mut Vec<(u32, T)>, slot: u32, entry: T) {
    match list.iter().position(|(known, _)| *known >= slot) {
        Some(at) if list[at].0 == slot => list[at].1 = entry,
        Some(at) => list.insert(at, (slot, entry)),
        None => list.push((slot, entry)),
    }
}

impl Reducible for Library {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let saved = Rc::make_mut(&mut next.saved);
        next.pace = Pace::Now;
        match action {
            LibraryAction::Edit { slot, timed } => {
                let Timed { action, at } = timed;
                next.pace = if action.is_typing() {
                    Pace::AfterTyping
                } else {
                    Pace::Now
                };
                let field = action.field();
                next.last_edit = Some(LastEdit {
                    slot,
                    item: field.item().map(str::to_owned),
                });
                let mut record = match self.record(slot) {
                    Some(record) => (**record).clone(),
                    None => Record::unsaved(Rc::new(Response::new(&self.instrument)), Vec::new()),
                };
                let mut response = (*record.current).clone();
                action.apply(&mut response, at.clone());
                record.current = Rc::new(response);
                record.deleted_elsewhere = false;
                let edits = Rc::make_mut(&mut record.edits);
                edits.retain(|(known, _)| *known != field);
                edits.push((field, at));
                place(saved, slot, Saved::Readable(Rc::new(record)));
            }
            LibraryAction::Put { slot, fitted } => {
                let fitted = Rc::unwrap_or_clone(fitted);
                let stored = self.record(slot).and_then(|r| r.stored.clone());
                let record = Record {
                    stored,
                    ..Record::unsaved(Rc::new(fitted.response), fitted.set_aside)
                };
                place(saved, slot, Saved::Readable(Rc::new(record)));
            }
            LibraryAction::Remove(slot) => saved.retain(|(known, _)| *known != slot),
            LibraryAction::Stored { slot, response } => {
                let Some(record) = self.record(slot) else {
                    return self;
                };
                let record = Record {
                    stored: Some(response),
                    ..(**record).clone()
                };
                place(saved, slot, Saved::Readable(Rc::new(record)));
            }
            LibraryAction::External { slot, theirs, open } => {
                let notices = Rc::make_mut(&mut next.notices);
                let notice = match (self.record(slot), theirs) {
                    (_, None) if !open => {
                        saved.retain(|(known, _)| *known != slot);
                        None
                    }
                    (Some(record), None) => {
                        let record = Record {
                            stored: None,
                            deleted_elsewhere: true,
                            ..(**record).clone()
                        };
                        place(saved, slot, Saved::Readable(Rc::new(record)));
                        Some(Notice::Deleted)
                    }
                    (None, None) => None,
                    (None, Some(Ok(fitted))) => {
                        place(
                            saved,
                            slot,
                            Saved::Readable(Rc::new(Record::stored(Rc::unwrap_or_clone(fitted)))),
                        );
                        None
                    }
                    (Some(_), Some(Err(_))) => Some(Notice::Unreadable),
                    (None, Some(Err(reason))) => {
                        place(saved, slot, Saved::Unreadable(reason));
                        None
                    }
                    (Some(record), Some(Ok(fitted))) => {
                        let merged = merge_into(record, Rc::unwrap_or_clone(fitted));
                        let lost: Vec<Field> = differences(&record.current, &merged.current)
                            .into_iter()
                            .filter(|field| record.edits.iter().any(|(edited, _)| edited == field))
                            .collect();
                        place(saved, slot, Saved::Readable(Rc::new(merged)));
                        (!lost.is_empty()).then_some(Notice::Changed(lost))
                    }
                };
                if let Some(notice) = notice {
                    place(notices, slot, notice);
                }
            }
            LibraryAction::Dismiss(slot) => {
                Rc::make_mut(&mut next.notices).retain(|(known, _)| *known != slot);
            }
            LibraryAction::SetAside { slot, copy, reason } => {
                if let Some(slot) = slot {
                    saved.retain(|(known, _)| *known != slot);
                }
                Rc::make_mut(&mut next.copies).push(copy);
                Rc::make_mut(&mut next.set_aside_now).push((slot, reason));
            }
            LibraryAction::ForgetCopy(key) => {
                Rc::make_mut(&mut next.copies).retain(|copy| copy.key != key);
            }
            LibraryAction::Copies(copies) => next.copies = Rc::new(copies),
            LibraryAction::Downloaded { slot, updated } => {
                place(Rc::make_mut(&mut next.downloads), slot, updated);
            }
            LibraryAction::Downloads(downloads) => next.downloads = Rc::new(downloads),
        }
        Rc::new(next)
    }
}

/// Another tab's copy merged into this tab's record. A field both changed keeps the later
/// change: this tab's, if it was made after the other copy was last changed.
fn merge_into(record: &Record, theirs: Fitted) -> Record {
    // Never saved here: both copies started from nothing.
    let base = record.stored.clone().unwrap_or_else(|| {
        Rc::new(Response {
            title: String::new(),
            organisation: String::new(),
            respondent: Default::default(),
            created: String::new(),
            updated: String::new(),
            next_review: String::new(),
            paper: Default::default(),
            answers: Default::default(),
            ..theirs.response.clone()
        })
    });
    let theirs_updated = theirs.response.updated.clone();
    let merged = merge(&base, &record.current, &theirs.response, |field| {
        record
            .edits
            .iter()
            .any(|(edited, at)| edited == field && *at > theirs_updated)
    });
    let mut set_aside = theirs.set_aside;
    for kept in record.set_aside.iter() {
        if !set_aside.iter().any(|s| s.item == kept.item) {
            set_aside.push(kept.clone());
        }
    }
    Record {
        current: Rc::new(merged.response),
        set_aside: Rc::new(set_aside),
        stored: Some(Rc::new(theirs.response)),
        edits: record.edits.clone(),
        deleted_elsewhere: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    fn instrument() -> Rc<Instrument> {
        Rc::new(maturity_core::builtin("nhs-impact").unwrap())
    }

    fn edit(library: Rc<Library>, slot: u32, action: Action, at: &str) -> Rc<Library> {
        library.reduce(LibraryAction::Edit {
            slot,
            timed: Timed {
                action,
                at: at.into(),
            },
        })
    }

    fn rate(item: &str, level: u8) -> Action {
        Action::Rate {
            item: item.into(),
            level,
        }
    }

    /// A library whose slot 1 was saved with one answer, as another tab would also see it.
    fn saved() -> (Rc<Library>, Response) {
        let library = Rc::new(Library::new(instrument(), Vec::new()));
        let library = edit(
            library,
            1,
            rate("purpose-created", 2),
            "2026-11-29T10:00:00.000Z",
        );
        let stored = library.readable(1).unwrap().clone();
        let library = library.reduce(LibraryAction::Stored {
            slot: 1,
            response: stored.clone(),
        });
        (library, (*stored).clone())
    }

    fn theirs(response: Response) -> Option<Result<Rc<Fitted>, Rc<str>>> {
        Some(Ok(Rc::new(Fitted {
            response,
            set_aside: Vec::new(),
        })))
    }

    #[test]
    fn an_edit_starts_a_record_and_typing_waits_for_a_pause() {
        let library = Rc::new(Library::new(instrument(), Vec::new()));
        let library = edit(
            library,
            3,
            Action::Notes {
                item: "purpose-created".into(),
                text: "a".into(),
            },
            "2026-11-29T10:00:00.000Z",
        );
        assert_eq!(library.pace, Pace::AfterTyping);
        let record = library.record(3).unwrap();
        assert!(record.unsaved_changes());
        assert_eq!(record.edits[0].0, Field::Notes("purpose-created".into()));
        assert!(library.undownloaded(3));
    }

    #[test]
    fn another_tabs_answers_to_other_items_are_merged_in() {
        let (library, stored) = saved();
        let library = edit(
            library,
            1,
            rate("purpose-lived", 3),
            "2026-11-29T10:01:00.000Z",
        );
        let mut other = stored;
        other
            .answers
            .entry("leaders-data".into())
            .or_default()
            .level = Some(4);
        other.updated = "2026-11-29T10:02:00.000Z".into();
        let library = library.reduce(LibraryAction::External {
            slot: 1,
            theirs: theirs(other.clone()),
            open: true,
        });
        let record = library.record(1).unwrap();
        let levels: Vec<(&str, Option<u8>)> = record
            .current
            .answers
            .iter()
            .map(|(id, a)| (id.as_str(), a.level))
            .collect();
        assert_eq!(
            levels,
            [
                ("leaders-data", Some(4)),
                ("purpose-created", Some(2)),
                ("purpose-lived", Some(3))
            ]
        );
        assert_eq!(record.stored.as_deref(), Some(&other));
        assert!(
            record.unsaved_changes(),
            "the merged result is still to be written"
        );
        assert_eq!(library.notice(1), None, "nothing of ours was replaced");
    }

    #[test]
    fn the_later_change_to_the_same_item_wins_and_the_loser_is_told() {
        let (library, stored) = saved();
        // Here at 10:01; there at 10:02: theirs is later and wins, and this tab is told.
        let mine = edit(
            library.clone(),
            1,
            rate("purpose-created", 3),
            "2026-11-29T10:01:00.000Z",
        );
        let mut other = stored;
        other.answers.get_mut("purpose-created").unwrap().level = Some(5);
        other.updated = "2026-11-29T10:02:00.000Z".into();
        let merged = mine.reduce(LibraryAction::External {
            slot: 1,
            theirs: theirs(other.clone()),
            open: true,
        });
        assert_eq!(
            merged.readable(1).unwrap().answers["purpose-created"].level,
            Some(5)
        );
        assert_eq!(
            merged.notice(1),
            Some(&Notice::Changed(vec![Field::Rating(
                "purpose-created".into()
            )]))
        );
        // Here at 10:03, after theirs: ours is kept, nothing to tell.
        let later = edit(
            library,
            1,
            rate("purpose-created", 3),
            "2026-11-29T10:03:00.000Z",
        );
        let kept = later.reduce(LibraryAction::External {
            slot: 1,
            theirs: theirs(other),
            open: true,
        });
        assert_eq!(
            kept.readable(1).unwrap().answers["purpose-created"].level,
            Some(3)
        );
        assert_eq!(kept.notice(1), None);
    }

    #[test]
    fn a_deletion_elsewhere_keeps_the_open_one_on_screen_and_drops_the_rest() {
        let (library, _) = saved();
        let open = library.clone().reduce(LibraryAction::External {
            slot: 1,
            theirs: None,
            open: true,
        });
        let record = open.record(1).unwrap();
        assert!(record.deleted_elsewhere && !record.unsaved_changes());
        assert_eq!(open.notice(1), Some(&Notice::Deleted));
        let open = edit(
            open,
            1,
            rate("purpose-lived", 1),
            "2026-11-29T10:05:00.000Z",
        );
        assert!(
            open.record(1).unwrap().unsaved_changes(),
            "a change keeps it after all"
        );
        let closed = library.reduce(LibraryAction::External {
            slot: 1,
            theirs: None,
            open: false,
        });
        assert!(closed.get(1).is_none());
    }
}
