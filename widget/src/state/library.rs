//! Every saved assessment of one widget, by slot: read from storage once when the widget
//! mounts, then changed only by actions, including changes other tabs (or other widgets on
//! the page) make to the same records, which are merged in field by field, each field keeping
//! its later change (see [`super::changes`]). The store's writer is the only writer of these
//! records (see `hooks::use_store`).

use super::changes::{Changes, Stamp};
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
    /// When each field of `current` took its value, where that is known.
    pub changes: Rc<Changes>,
    /// The change times storage holds beside `stored`; `None` when it holds none that can be
    /// trusted (never saved, or its two forms disagree), so the record is written again.
    pub stored_changes: Option<Rc<Changes>>,
    /// The fields changed in this tab: a later change from another tab to one of these is told
    /// to the person, never swapped in silently. (Which change is later is the stamps' to say.)
    pub edits: Rc<Vec<Field>>,
    /// Deleted in another tab while open here: kept on screen, saved again only if changed.
    pub deleted_elsewhere: bool,
}

impl Record {
    /// A record read from storage (or a file) with no change times: what it holds is what
    /// storage holds.
    pub fn stored(fitted: Fitted) -> Record {
        Record::read(StoredRecord {
            fitted,
            changes: Changes::default(),
            agrees: true,
        })
    }

    /// A record as storage holds it.
    pub fn read(stored: StoredRecord) -> Record {
        let current = Rc::new(stored.fitted.response);
        let changes = Rc::new(stored.changes);
        Record {
            stored: Some(current.clone()),
            current,
            set_aside: Rc::new(stored.fitted.set_aside),
            stored_changes: stored.agrees.then(|| changes.clone()),
            changes,
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
            changes: Rc::default(),
            stored_changes: None,
            edits: Rc::default(),
            deleted_elsewhere: false,
        }
    }

    /// Whether this tab holds changes storage does not have yet.
    pub fn unsaved_changes(&self) -> bool {
        !self.deleted_elsewhere
            && (self.stored.as_ref() != Some(&self.current)
                || self.stored_changes.as_ref() != Some(&self.changes))
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

/// A saved assessment as storage holds it: its answers and when each field took its value.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRecord {
    /// The answers, and any that no longer fit the instrument.
    pub fitted: Fitted,
    /// When each field took its value, where that is known.
    pub changes: Changes,
    /// False when storage's two forms of the record disagree: once merged, it is written again.
    pub agrees: bool,
}

/// The record's second stored form: the answers exactly as `response` (the first form, which
/// files, older versions of this tool and other readers know) with their change times, in one
/// value, so no reader can pair answers with times from another write.
pub fn stamped_text(response: &str, changes: &Changes) -> String {
    format!(
        "{{\"response\":{response},\"changes\":{}}}",
        changes.to_json()
    )
}

/// Reads a stored record from its two forms: `response`, and `stamped` (see [`stamped_text`])
/// when storage has it. Two tabs writing at once can leave one tab's answers beside the other's
/// stamped form, and an older version of this tool writes the first form alone: then the later
/// of the two is taken (the first form without times for the fields it changed since).
pub fn read_stored(
    response: &str,
    stamped: Option<&str>,
    instrument: &Instrument,
) -> Result<StoredRecord, Rc<str>> {
    let plain = read_record(response, instrument)?;
    let record = |fitted, changes, agrees| {
        Ok(StoredRecord {
            fitted,
            changes,
            agrees,
        })
    };
    let Some(stamped) = stamped else {
        return record(plain, Changes::default(), true);
    };
    let changes =
        |value: Option<&serde_json::Value>| value.map_or_else(Changes::default, Changes::read);
    // Usually the stamped form holds exactly these answers, and only its changes need reading.
    if let Some(text) = stamped
        .strip_prefix("{\"response\":")
        .and_then(|rest| rest.strip_prefix(response))
        .and_then(|rest| rest.strip_prefix(",\"changes\":"))
        .and_then(|rest| rest.strip_suffix('}'))
    {
        return record(
            plain,
            changes(maturity_core::parse_json(text).ok().as_ref()),
            true,
        );
    }
    // A stamped form that cannot be read is no worse than none.
    let Ok(value) = maturity_core::parse_json(stamped) else {
        return record(plain, Changes::default(), true);
    };
    let mut changes = changes(value.get("changes"));
    let stamped = value
        .get("response")
        .and_then(|value| Response::from_value(value).ok())
        .and_then(|response| response.fit(instrument).ok());
    match stamped {
        Some(stamped) if stamped.response.updated >= plain.response.updated => {
            record(stamped, changes, false)
        }
        Some(stamped) => {
            // The plain form is the later: the fields it changed since have no known time.
            for field in differences(&stamped.response, &plain.response) {
                changes.forget(&field);
            }
            record(plain, changes, false)
        }
        None => record(plain, Changes::default(), false),
    }
}

/// The first problem of an error, in words, without its path.
fn describe(error: &maturity_core::Error) -> String {
    error
        .problems()
        .first()
        .map_or_else(|| "it could not be read".to_owned(), |p| p.message.clone())
}

impl Saved {
    /// Reads a stored record from its two forms (see [`read_stored`]).
    pub fn read(response: &str, stamped: Option<&str>, instrument: &Instrument) -> Saved {
        match read_stored(response, stamped, instrument) {
            Ok(stored) => Saved::Readable(Rc::new(Record::read(stored))),
            Err(reason) => Saved::Unreadable(reason),
        }
    }
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
    /// This tab's name in the stamps of its changes.
    pub tab: Rc<str>,
    /// How many changes this tab has made.
    pub count: u32,
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
    /// Storage now holds `response` in `slot`, with its change times: this tab wrote it.
    Stored {
        /// Where.
        slot: u32,
        /// What was written.
        response: Rc<Response>,
        /// The change times written with it.
        changes: Rc<Changes>,
    },
    /// Another tab or widget changed the record in `slot`: `None` when it was deleted.
    External {
        /// Where.
        slot: u32,
        /// What storage holds now.
        theirs: Option<Result<Rc<StoredRecord>, Rc<str>>>,
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
    /// A library holding `saved` (in any order), in the tab named `tab`.
    pub fn new(instrument: Rc<Instrument>, saved: Vec<(u32, Saved)>, tab: Rc<str>) -> Self {
        let saved = maturity_core::order::by_rank(saved, |(slot, _)| u64::from(*slot));
        Library {
            instrument,
            saved: Rc::new(saved),
            tab,
            count: 0,
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
        match action {
            LibraryAction::Edit { slot, timed } => {
                let Timed { action, at } = timed;
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
                // Every field the action changed (a status line changes the status too).
                let stamp = Stamp {
                    at: at.clone(),
                    tab: self.tab.clone(),
                    count: self.count,
                };
                next.count += 1;
                let changes = Rc::make_mut(&mut record.changes);
                for changed in differences(&record.current, &response) {
                    changes.set(changed, stamp.clone());
                }
                record.current = Rc::new(response);
                record.deleted_elsewhere = false;
                let edits = Rc::make_mut(&mut record.edits);
                if !edits.contains(&field) {
                    edits.push(field);
                }
                place(saved, slot, Saved::Readable(Rc::new(record)));
            }
            LibraryAction::Put { slot, fitted } => {
                let fitted = Rc::unwrap_or_clone(fitted);
                let mut record = Record::unsaved(Rc::new(fitted.response), fitted.set_aside);
                if let Some(before) = self.record(slot) {
                    // Replaced wholesale, with no time to stamp: the fields keep their earlier
                    // stamps, so a copy still holding the earlier values cannot order itself
                    // after these, and the merge keeps the side that changed them.
                    record.stored.clone_from(&before.stored);
                    record.changes = before.changes.clone();
                    record.stored_changes.clone_from(&before.stored_changes);
                }
                place(saved, slot, Saved::Readable(Rc::new(record)));
            }
            LibraryAction::Remove(slot) => saved.retain(|(known, _)| *known != slot),
            LibraryAction::Stored {
                slot,
                response,
                changes,
            } => {
                let Some(record) = self.record(slot) else {
                    return self;
                };
                let record = Record {
                    stored: Some(response),
                    stored_changes: Some(changes),
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
                    (None, Some(Ok(theirs))) => {
                        place(
                            saved,
                            slot,
                            Saved::Readable(Rc::new(Record::read(Rc::unwrap_or_clone(theirs)))),
                        );
                        None
                    }
                    (Some(_), Some(Err(_))) => Some(Notice::Unreadable),
                    (None, Some(Err(reason))) => {
                        place(saved, slot, Saved::Unreadable(reason));
                        None
                    }
                    (Some(record), Some(Ok(theirs))) => {
                        let (merged, taken) = merge_into(record, Rc::unwrap_or_clone(theirs));
                        // Only a change of this tab's that a later one replaced is told.
                        let replaced: Vec<Field> = taken
                            .into_iter()
                            .filter(|field| record.edits.contains(field))
                            .collect();
                        place(saved, slot, Saved::Readable(Rc::new(merged)));
                        (!replaced.is_empty()).then_some(Notice::Changed(replaced))
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

/// Another tab's copy merged into this tab's record, field by field: where the two differ,
/// the later change (by the stamps) is kept. Also returns the fields whose values were taken
/// from theirs.
fn merge_into(record: &Record, theirs: StoredRecord) -> (Record, Vec<Field>) {
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
            ..theirs.fitted.response.clone()
        })
    });
    let merged = merge(&base, &record.current, &theirs.fitted.response, |field| {
        record.changes.later(&theirs.changes, field)
    });
    // Each value keeps the stamp of the change that made it: where the two copies now hold
    // the same value, the later of their stamps.
    let unlike = differences(&merged.response, &theirs.fitted.response);
    let mut changes = (*record.changes).clone();
    for (field, stamp) in theirs.changes.iter() {
        if !unlike.contains(field) && changes.get(field) < Some(stamp) {
            changes.set(field.clone(), stamp.clone());
        }
    }
    let mut set_aside = theirs.fitted.set_aside;
    for kept in record.set_aside.iter() {
        if !set_aside.iter().any(|s| s.item == kept.item) {
            set_aside.push(kept.clone());
        }
    }
    let merged_record = Record {
        current: Rc::new(merged.response),
        set_aside: Rc::new(set_aside),
        stored: Some(Rc::new(theirs.fitted.response)),
        changes: Rc::new(changes),
        stored_changes: theirs.agrees.then(|| Rc::new(theirs.changes)),
        edits: record.edits.clone(),
        deleted_elsewhere: false,
    };
    (merged_record, merged.taken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    fn instrument() -> Rc<Instrument> {
        Rc::new(maturity_core::builtin("nhs-impact").unwrap())
    }

    /// An empty library in the tab named `tab`.
    fn tab(tab: &str) -> Rc<Library> {
        Rc::new(Library::new(instrument(), Vec::new(), tab.into()))
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

    /// `10:MM:SS.mmm` on the day the tests happen.
    fn at(time: &str) -> String {
        format!("2026-11-29T{time}Z")
    }

    /// What the writer leaves in storage for slot 1 of `library`, and the library told so.
    fn write(library: Rc<Library>) -> (Rc<Library>, StoredRecord) {
        let record = library.record(1).unwrap().clone();
        let stored = StoredRecord {
            fitted: Fitted {
                response: (*record.current).clone(),
                set_aside: (*record.set_aside).clone(),
            },
            changes: (*record.changes).clone(),
            agrees: true,
        };
        let library = library.reduce(LibraryAction::Stored {
            slot: 1,
            response: record.current.clone(),
            changes: record.changes.clone(),
        });
        (library, stored)
    }

    /// `library` told that storage now holds `stored` in slot 1.
    fn take_in(library: Rc<Library>, stored: &StoredRecord) -> Rc<Library> {
        library.reduce(LibraryAction::External {
            slot: 1,
            theirs: Some(Ok(Rc::new(stored.clone()))),
            open: true,
        })
    }

    fn level(library: &Library, item: &str) -> Option<u8> {
        library.readable(1)?.answers.get(item)?.level
    }

    /// Slot 1 saved with one answer, as one tab wrote it; the copy in storage.
    fn saved() -> (Rc<Library>, StoredRecord) {
        write(edit(
            tab("a"),
            1,
            rate("purpose-created", 2),
            &at("10:00:00.000"),
        ))
    }

    #[test]
    fn an_edit_starts_a_record_stamped_with_its_time_and_tab() {
        let library = edit(
            tab("a"),
            3,
            Action::Notes {
                item: "purpose-created".into(),
                text: "a".into(),
            },
            &at("10:00:00.000"),
        );
        let record = library.record(3).unwrap();
        assert!(record.unsaved_changes());
        let notes = Field::Notes("purpose-created".into());
        assert_eq!(record.edits[0], notes);
        assert_eq!(
            record.changes.get(&notes),
            Some(&Stamp {
                at: at("10:00:00.000"),
                tab: "a".into(),
                count: 0
            })
        );
        assert!(library.undownloaded(3));
    }

    #[test]
    fn another_tabs_answers_to_other_items_are_merged_in() {
        let (here, stored) = saved();
        let there = take_in(tab("b"), &stored);
        let here = edit(here, 1, rate("purpose-lived", 3), &at("10:01:00.000"));
        let (_, theirs) = write(edit(there, 1, rate("leaders-data", 4), &at("10:02:00.000")));
        let here = take_in(here, &theirs);
        let record = here.record(1).unwrap();
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
        assert_eq!(record.stored.as_deref(), Some(&theirs.fitted.response));
        assert!(
            record.unsaved_changes(),
            "the merged result is still to be written"
        );
        assert_eq!(here.notice(1), None, "nothing of ours was replaced");
    }

    #[test]
    fn the_later_change_to_the_same_item_wins_and_the_loser_is_told() {
        let (here, stored) = saved();
        let there = take_in(tab("b"), &stored);
        // Here at 10:01; there at 10:02: theirs is later and wins, and this tab is told.
        let mine = edit(
            here.clone(),
            1,
            rate("purpose-created", 3),
            &at("10:01:00.000"),
        );
        let (_, theirs) = write(edit(
            there,
            1,
            rate("purpose-created", 5),
            &at("10:02:00.000"),
        ));
        let merged = take_in(mine, &theirs);
        assert_eq!(level(&merged, "purpose-created"), Some(5));
        assert_eq!(
            merged.notice(1),
            Some(&Notice::Changed(vec![Field::Rating(
                "purpose-created".into()
            )]))
        );
        // Here at 10:03, after theirs: ours is kept, nothing to tell.
        let later = edit(here, 1, rate("purpose-created", 4), &at("10:03:00.000"));
        let kept = take_in(later, &theirs);
        assert_eq!(level(&kept, "purpose-created"), Some(4));
        assert_eq!(kept.notice(1), None);
    }

    #[test]
    fn three_tabs_an_older_change_inside_a_later_copy_does_not_replace_a_newer_one() {
        // C rates X at 10:01 and saves; B takes that in, then rates Y at 10:03 and saves, so
        // B's copy was last changed at 10:03 yet holds C's X of 10:01. A rated X at 10:02,
        // before either copy reached it: its X is the later change to X and must stay.
        let (_, stored) = saved();
        let (a, b, c) = (
            take_in(tab("a"), &stored),
            take_in(tab("b"), &stored),
            take_in(tab("c"), &stored),
        );
        let (c, from_c) = write(edit(c, 1, rate("purpose-created", 1), &at("10:01:00.000")));
        let a = edit(a, 1, rate("purpose-created", 4), &at("10:02:00.000"));
        let b = take_in(b, &from_c);
        let (b, from_b) = write(edit(b, 1, rate("purpose-lived", 5), &at("10:03:00.000")));
        let a = take_in(a, &from_b);
        assert_eq!(level(&a, "purpose-created"), Some(4), "A's later X stays");
        assert_eq!(level(&a, "purpose-lived"), Some(5), "B's Y comes in");
        assert_eq!(a.notice(1), None, "nothing of A's was replaced");
        // A writes the merged result; B and C take it in and agree, and are told.
        let (a, from_a) = write(a);
        let (b, c) = (take_in(b, &from_a), take_in(c, &from_a));
        for tab in [&a, &b, &c] {
            assert_eq!(level(tab, "purpose-created"), Some(4));
            assert_eq!(level(tab, "purpose-lived"), Some(5));
        }
        assert_eq!(
            c.notice(1),
            Some(&Notice::Changed(vec![Field::Rating(
                "purpose-created".into()
            )]))
        );
        assert_eq!(b.notice(1), None, "B never changed X");
        assert!(!a.record(1).unwrap().unsaved_changes());
    }

    #[test]
    fn changes_in_the_same_millisecond_settle_on_one_value_in_every_tab() {
        let (_, stored) = saved();
        let same = at("10:01:00.000");
        let tabs: Vec<Rc<Library>> = ["b", "c", "a"]
            .iter()
            .zip([3, 4, 5])
            .map(|(name, level)| {
                edit(
                    take_in(tab(name), &stored),
                    1,
                    rate("purpose-created", level),
                    &same,
                )
            })
            .collect();
        let copies: Vec<StoredRecord> = tabs.iter().map(|t| write(t.clone()).1).collect();
        // Each tab takes in the others' copies, in whichever order they reach it.
        for (index, here) in tabs.into_iter().enumerate() {
            let mut here = here;
            for (other, copy) in copies.iter().enumerate().rev() {
                if other != index {
                    here = take_in(here, copy);
                }
            }
            // Tab "c" sorts last among the three, so its 4 is the one kept.
            assert_eq!(level(&here, "purpose-created"), Some(4));
        }
    }

    /// A small deterministic generator of choices, so a failing schedule can be replayed.
    struct Dice(u64);

    impl Dice {
        fn below(&mut self, n: usize) -> usize {
            // xorshift64*
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
        }
    }

    /// One tab of a simulated browser: its state, and which write it last saw in storage.
    struct Tab {
        library: Rc<Library>,
        seen: usize,
    }

    impl Tab {
        /// What the store's writer does: if storage changed since this tab last saw it, take
        /// that in first; then write whatever storage lacks.
        fn flush(&mut self, storage: &mut Vec<StoredRecord>) {
            if self.seen < storage.len() {
                self.take_in(storage);
            }
            if self
                .library
                .record(1)
                .is_some_and(|record| record.unsaved_changes())
            {
                let (library, stored) = write(self.library.clone());
                self.library = library;
                storage.push(stored);
                self.seen = storage.len();
            }
        }

        /// What a `storage` event does: the latest write is taken in.
        fn take_in(&mut self, storage: &[StoredRecord]) {
            self.library = take_in(self.library.clone(), storage.last().unwrap());
            self.seen = storage.len();
        }
    }

    #[test]
    fn any_number_of_tabs_in_any_interleaving_keep_each_fields_latest_change() {
        let items = ["purpose-created", "purpose-lived", "purpose-aligned"];
        for seed in 1..=400_u64 {
            let mut dice = Dice(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
            let (_, first) = saved();
            let mut storage = vec![first];
            let names = ["a", "b", "c", "d"];
            let mut tabs: Vec<Tab> = names[..2 + dice.below(3)]
                .iter()
                .map(|name| Tab {
                    library: take_in(tab(name), &storage[0]),
                    seen: 1,
                })
                .collect();
            // The latest change to each item: (its stamp's order, the level).
            let mut latest: Vec<Option<((String, String), u8)>> = vec![None; items.len()];
            let mut millisecond = 0;
            for _ in 0..30 {
                let index = dice.below(tabs.len());
                match dice.below(3) {
                    // A change, stored at once, sometimes in the same millisecond as the last.
                    0 | 1 => {
                        millisecond += dice.below(2);
                        let when = at(&format!("10:00:01.{millisecond:03}"));
                        let item = dice.below(items.len());
                        let chosen = 1 + dice.below(5) as u8;
                        let tab = &mut tabs[index];
                        // Choosing what is already chosen changes nothing.
                        let changes = level(&tab.library, items[item]) != Some(chosen);
                        tab.library =
                            edit(tab.library.clone(), 1, rate(items[item], chosen), &when);
                        let stamp = (when, names[index].to_owned());
                        if changes
                            && latest[item]
                                .as_ref()
                                .is_none_or(|(known, _)| stamp >= *known)
                        {
                            latest[item] = Some((stamp, chosen));
                        }
                        tab.flush(&mut storage);
                    }
                    // A storage event arrives, late or not at all.
                    _ => {
                        if tabs[index].seen < storage.len() {
                            tabs[index].take_in(&storage);
                            tabs[index].flush(&mut storage);
                        }
                    }
                }
            }
            // Every event arrives in the end.
            while let Some(tab) = tabs.iter_mut().find(|tab| tab.seen < storage.len()) {
                tab.take_in(&storage);
                tab.flush(&mut storage);
            }
            for (item, latest) in items.iter().zip(&latest) {
                let expected = latest.as_ref().map(|(_, level)| *level).or(
                    (*item == "purpose-created").then_some(2), // as first saved
                );
                for (name, tab) in names.iter().zip(&tabs) {
                    assert_eq!(
                        level(&tab.library, item),
                        expected,
                        "seed {seed}: {item} in tab {name}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_record_from_an_older_version_loads_and_its_later_writes_are_taken() {
        let instrument = instrument();
        let (_, stored) = saved();
        let plain = stored.fitted.response.to_compact_json();
        // No stamped form: read as it is, with no change times, and nothing to write.
        let Saved::Readable(record) = Saved::read(&plain, None, &instrument) else {
            panic!("readable");
        };
        assert!(record.changes.iter().next().is_none() && !record.unsaved_changes());
        // Both forms agreeing: the times come with it.
        let stamped = stamped_text(&plain, &stored.changes);
        let both = read_stored(&plain, Some(&stamped), &instrument).unwrap();
        assert_eq!(both, stored);
        // An older version rated another item later and wrote the first form alone: its
        // answers are taken, without a time for what it changed, and written again.
        let mut older = stored.fitted.response.clone();
        older
            .answers
            .entry("purpose-lived".into())
            .or_default()
            .level = Some(1);
        older.updated = at("10:05:00.000");
        let read = read_stored(&older.to_compact_json(), Some(&stamped), &instrument).unwrap();
        assert_eq!(read.fitted.response, older);
        assert!(!read.agrees);
        assert!(read
            .changes
            .get(&Field::Rating("purpose-created".into()))
            .is_some());
        assert!(read
            .changes
            .get(&Field::Rating("purpose-lived".into()))
            .is_none());
        // A stamped form written after the first (another tab's, in the same moment): taken.
        let mut stale = stored.fitted.response.clone();
        stale.updated = at("09:00:00.000");
        let read = read_stored(&stale.to_compact_json(), Some(&stamped), &instrument).unwrap();
        assert_eq!(read.fitted.response, stored.fitted.response);
        assert!(!read.agrees);
        // A stamped form that cannot be read is passed over.
        let read = read_stored(&plain, Some("{\"response\":"), &instrument).unwrap();
        assert!(read.agrees && read.changes == Changes::default());
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
        let open = edit(open, 1, rate("purpose-lived", 1), &at("10:05:00.000"));
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
