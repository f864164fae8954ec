//! Every saved assessment of one widget, by slot: read from storage once when the widget
//! mounts, then changed only by actions. The workspace's persistence effect is the only writer
//! of these records (see `hooks::use_library`).

use maturity_core::{Instrument, Response};
use std::rc::Rc;
use yew::Reducible;

/// A saved assessment as storage holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Read and checked against the instrument.
    Readable(Rc<Response>),
    /// Could not be read, and why.
    Unreadable(Rc<str>),
}

impl Saved {
    /// Reads a stored record.
    pub fn read(raw: &str, instrument: &Instrument) -> Saved {
        match Response::from_json_for(raw, instrument) {
            Ok(response) => Saved::Readable(Rc::new(response)),
            Err(error) => Saved::Unreadable(error.to_string().into()),
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

/// The saved assessments. A handful per widget, so a list sorted by slot does: a map type
/// would add kilobytes of WebAssembly for no measurable speed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    /// `(slot, assessment)`, by slot.
    pub saved: Rc<Vec<(u32, Saved)>>,
    /// How soon the last change should reach storage.
    pub pace: Pace,
}

/// Changes to the saved assessments.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryAction {
    /// Keep `response` in `slot`, replacing what was there.
    Put {
        /// Where.
        slot: u32,
        /// What.
        response: Rc<Response>,
        /// How soon it should reach storage.
        pace: Pace,
    },
    /// Delete the assessment in a slot.
    Remove(u32),
}

impl Library {
    /// A library holding `saved` (in any order).
    pub fn new(mut saved: Vec<(u32, Saved)>) -> Self {
        saved = maturity_core::order::by_rank(saved, |(slot, _)| u64::from(*slot));
        Library {
            saved: Rc::new(saved),
            pace: Pace::Now,
        }
    }

    /// The assessment in `slot`, readable or not.
    pub fn get(&self, slot: u32) -> Option<&Saved> {
        self.saved
            .iter()
            .find(|(known, _)| *known == slot)
            .map(|(_, saved)| saved)
    }

    /// The assessment in `slot`, if it is there and readable.
    pub fn readable(&self, slot: u32) -> Option<&Rc<Response>> {
        match self.get(slot) {
            Some(Saved::Readable(response)) => Some(response),
            _ => None,
        }
    }

    /// The readable assessments other than `except`, in slot order.
    pub fn others(&self, except: u32) -> impl Iterator<Item = (u32, &Rc<Response>)> {
        self.saved
            .iter()
            .filter(move |(slot, _)| *slot != except)
            .filter_map(|(slot, saved)| match saved {
                Saved::Readable(response) => Some((*slot, response)),
                Saved::Unreadable(_) => None,
            })
    }

    /// A slot no saved assessment uses, above `at_least`.
    pub fn free_slot(&self, at_least: u32) -> u32 {
        self.saved.last().map_or(0, |(slot, _)| *slot).max(at_least) + 1
    }
}

impl Reducible for Library {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut saved = (*self.saved).clone();
        let pace = match action {
            LibraryAction::Put {
                slot,
                response,
                pace,
            } => {
                let entry = Saved::Readable(response);
                match saved.iter().position(|(known, _)| *known >= slot) {
                    Some(at) if saved[at].0 == slot => saved[at].1 = entry,
                    Some(at) => saved.insert(at, (slot, entry)),
                    None => saved.push((slot, entry)),
                }
                pace
            }
            LibraryAction::Remove(slot) => {
                saved.retain(|(known, _)| *known != slot);
                Pace::Now
            }
        };
        Rc::new(Library {
            saved: Rc::new(saved),
            pace,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(title: &str) -> Rc<Response> {
        let instrument = maturity_core::builtin("nhs-impact").unwrap();
        let mut response = Response::new(&instrument);
        response.title = title.into();
        Rc::new(response)
    }

    #[test]
    fn free_slots_are_above_every_saved_one_and_the_open_one() {
        let library = Library::new(vec![
            (4, Saved::Unreadable("broken".into())),
            (1, Saved::Readable(response("a"))),
        ]);
        assert_eq!(library.free_slot(1), 5);
        assert_eq!(library.free_slot(9), 10);
        assert_eq!(Library::default().free_slot(1), 2);
    }

    #[test]
    fn others_are_the_readable_ones_but_the_open_one() {
        let library = Library::new(vec![
            (1, Saved::Readable(response("a"))),
            (2, Saved::Readable(response("b"))),
            (3, Saved::Unreadable("broken".into())),
        ]);
        let others: Vec<u32> = library.others(1).map(|(slot, _)| slot).collect();
        assert_eq!(others, [2]);
    }

    #[test]
    fn put_and_remove_change_only_their_slot_and_say_how_soon_to_save() {
        let library = Rc::new(Library::new(vec![(3, Saved::Readable(response("c")))]));
        let library = library.reduce(LibraryAction::Put {
            slot: 2,
            response: response("b"),
            pace: Pace::AfterTyping,
        });
        assert_eq!(library.pace, Pace::AfterTyping);
        assert_eq!(library.readable(2).unwrap().title, "b");
        let library = library.reduce(LibraryAction::Put {
            slot: 3,
            response: response("c2"),
            pace: Pace::Now,
        });
        let slots = |library: &Library| {
            library
                .saved
                .iter()
                .map(|(slot, _)| *slot)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            slots(&library),
            [2, 3],
            "kept in slot order, replaced in place"
        );
        assert_eq!(library.readable(3).unwrap().title, "c2");
        let library = library.reduce(LibraryAction::Remove(2));
        assert_eq!(library.pace, Pace::Now);
        assert_eq!(slots(&library), [3]);
    }

    #[test]
    fn unreadable_records_say_why() {
        let instrument = maturity_core::builtin("nhs-impact").unwrap();
        assert!(
            matches!(Saved::read("{", &instrument), Saved::Unreadable(reason) if reason.contains("not a readable data (JSON) file"))
        );
    }
}
