//! The widget's stored state: the saved assessments (the library) and the board, each read
//! from storage once when the widget mounts and then kept by its own reducer, and the writers
//! that are the only code saving those records.
//!
//! Before each write the writer looks at what storage holds: if another tab (or another widget
//! on the page) has written since, its copy is merged in first and the merged result written,
//! so a stale copy never replaces a newer one. Other tabs' writes also arrive as they happen
//! (the `storage` event) and are merged in at once.
//!
//! Every change is written as it is made, typed text included, keystroke by keystroke: a
//! browser shut down as a whole (rather than a tab closed) need not let the page's own events
//! save anything on the way out (Chromium does not), so a change waiting for a pause or an
//! event would be lost. One write of a whole assessment costs well under a millisecond (see the
//! README's design notes).

use crate::platform::storage::{AsideCopy, SaveError, Shelf, Watch};
use crate::state::context::{BoardContext, LastSave, LibraryContext};
use crate::state::{
    read_stored, stamped_text, Board, BoardAction, BoardRecord, Library, LibraryAction, Saved,
};
use maturity_core::{Fitted, Instrument, Response};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// Writes the library's and the board's changes: the one writer of those records.
struct Writer {
    shelf: Rc<Shelf>,
    instrument: Rc<Instrument>,
    /// False when nothing may be written (the host owns the answers, or storage is blocked).
    enabled: bool,
    library: UseReducerDispatcher<Library>,
    board: UseReducerDispatcher<Board>,
    /// The text of each record as this tab last read or wrote it, by key: a record whose text
    /// differs has been written by someone else since.
    known: RefCell<Vec<(String, Option<String>)>>,
    /// Slots whose unreadable record could not be moved aside: writing there would destroy it.
    blocked: RefCell<Vec<u32>>,
    /// The latest state handed over, written at the next flush.
    wanted_library: RefCell<Option<Rc<Library>>>,
    wanted_board: RefCell<Option<Rc<Board>>>,
    /// The slot open in this tab: a deletion elsewhere keeps it on screen.
    open: Cell<u32>,
    on_saved: Callback<LastSave>,
    board_saved: Callback<bool>,
}

impl Writer {
    fn known(&self, key: &str) -> Option<Option<String>> {
        self.known
            .borrow()
            .iter()
            .find(|(known, _)| known == key)
            .map(|(_, text)| text.clone())
    }

    fn set_known(&self, key: &str, text: Option<String>) {
        let mut known = self.known.borrow_mut();
        match known.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = text,
            None => known.push((key.to_owned(), text)),
        }
    }

    /// True when storage holds what this tab last saw at `key`; otherwise the other copy is
    /// handed to the state to merge, and false returned (the merged result is written next).
    fn unchanged_elsewhere(&self, key: &str) -> bool {
        let now = self.shelf.read(key);
        // A record this tab never read counts as absent.
        if self.known(key).flatten() == now {
            return true;
        }
        self.set_known(key, now.clone());
        self.tell(key, now);
        false
    }

    /// True when storage holds both forms of the assessment in `slot` as this tab last saw
    /// them; otherwise the other copy is handed to the state to merge, and false returned.
    fn assessment_unchanged_elsewhere(&self, slot: u32) -> bool {
        let (key, stamped_key) = (self.shelf.response_key(slot), self.shelf.stamped_key(slot));
        let now = self.shelf.read(&key);
        // The stamped form counts only beside the first (see `take_in`).
        let unchanged = self.known(&key).flatten() == now
            && (now.is_none()
                || self.known(&stamped_key).flatten() == self.shelf.read(&stamped_key));
        if !unchanged {
            self.take_in(slot);
        }
        unchanged
    }

    /// Hands the assessment in `slot`, as storage holds it now, to the library to merge. Both
    /// forms are read afresh, never taken from an event: a writer writes the stamped form
    /// first, so whenever the first form is seen changed, the stamped form beside it is at
    /// least as new. A stamped form with no first form beside it is an assessment deleted, or
    /// one whose first form has not been written yet, and is passed over.
    fn take_in(&self, slot: u32) {
        let (key, stamped_key) = (self.shelf.response_key(slot), self.shelf.stamped_key(slot));
        let (text, stamped) = (self.shelf.read(&key), self.shelf.read(&stamped_key));
        let theirs = text
            .as_deref()
            .map(|text| read_stored(text, stamped.as_deref(), &self.instrument).map(Rc::new));
        self.set_known(&key, text);
        self.set_known(&stamped_key, stamped);
        self.library.dispatch(LibraryAction::External {
            slot,
            theirs,
            open: self.open.get() == slot,
        });
    }

    /// Hands another copy of the record at `key` to the state that owns it.
    fn tell(&self, key: &str, text: Option<String>) {
        if let Some(slot) = self.shelf.slot_of(key) {
            self.take_in(slot);
        } else if key == self.shelf.board_key() {
            match text.map(|text| BoardRecord::read(&text, &self.instrument)) {
                None => self.board.dispatch(BoardAction::External(None)),
                Some(Ok(record)) => self.board.dispatch(BoardAction::External(Some(record))),
                // Another tab left something unreadable: it is theirs to explain; ours stays.
                Some(Err(_)) => {}
            }
        } else if key == self.shelf.downloads_key() {
            self.library
                .dispatch(LibraryAction::Downloads(read_downloads(text.as_deref())));
        } else if key.contains(":unreadable:") {
            self.library
                .dispatch(LibraryAction::Copies(self.shelf.aside_copies()));
        }
    }

    /// Writes whatever this tab has that storage does not.
    fn flush(&self) {
        if !self.enabled {
            return;
        }
        if let Some(library) = self.wanted_library.borrow().clone() {
            self.flush_library(&library);
        }
        if let Some(board) = self.wanted_board.borrow().clone() {
            self.flush_board(&board);
        }
    }

    fn flush_library(&self, library: &Library) {
        for (slot, saved) in library.saved.iter() {
            let Saved::Readable(record) = saved else {
                continue;
            };
            if !record.unsaved_changes() {
                continue;
            }
            let result = if self.blocked.borrow().contains(slot) {
                Err(SaveError::WouldOverwrite)
            } else {
                if !self.assessment_unchanged_elsewhere(*slot) {
                    continue;
                }
                let (key, stamped_key) = (
                    self.shelf.response_key(*slot),
                    self.shelf.stamped_key(*slot),
                );
                let text = record.whole().to_compact_json();
                let stamped = stamped_text(&text, &record.changes);
                // The stamped form first: see `take_in`.
                let written = self
                    .shelf
                    .write(&stamped_key, &stamped)
                    .and_then(|()| self.shelf.write(&key, &text));
                if written.is_ok() {
                    self.set_known(&key, Some(text));
                    self.set_known(&stamped_key, Some(stamped));
                    self.library.dispatch(LibraryAction::Stored {
                        slot: *slot,
                        response: record.current.clone(),
                        changes: record.changes.clone(),
                    });
                }
                written
            };
            self.on_saved.emit(LastSave {
                slot: *slot,
                result: result.map(|()| record.current.updated.clone()),
            });
        }
        // Records this tab deleted, both forms.
        let gone: Vec<String> = self
            .known
            .borrow()
            .iter()
            .filter(|(key, text)| {
                text.is_some()
                    && self
                        .shelf
                        .slot_of(key)
                        .or_else(|| self.shelf.slot_of_stamped(key))
                        .is_some_and(|slot| library.get(slot).is_none())
            })
            .map(|(key, _)| key.clone())
            .collect();
        for key in gone {
            self.shelf.remove(&key);
            self.set_known(&key, None);
        }
        let downloads_key = self.shelf.downloads_key();
        let text = write_downloads(&library.downloads);
        if self.known(&downloads_key).flatten().unwrap_or_default() != text
            && self.shelf.write(&downloads_key, &text).is_ok()
        {
            self.set_known(&downloads_key, Some(text));
        }
        for copy in self.shelf.aside_copies() {
            if !library.copies.iter().any(|kept| kept.key == copy.key) {
                self.shelf.remove(&copy.key);
            }
        }
    }

    fn flush_board(&self, board: &Board) {
        if board.record == board.stored {
            return;
        }
        let key = self.shelf.board_key();
        if !self.unchanged_elsewhere(&key) {
            return;
        }
        let text = board.record.to_json();
        let written = self.shelf.write(&key, &text).is_ok();
        if written {
            self.set_known(&key, Some(text));
            self.board
                .dispatch(BoardAction::Stored(board.record.clone()));
        }
        self.board_saved.emit(written);
    }
}

/// `{"1":"2026-…","3":"…"}` as `(slot, updated)` pairs.
fn read_downloads(text: Option<&str>) -> Vec<(u32, String)> {
    let Some(serde_json::Value::Object(map)) = text.and_then(|t| maturity_core::parse_json(t).ok())
    else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(slot, updated)| Some((slot.parse().ok()?, updated.as_str()?.to_owned())))
        .collect()
}

fn write_downloads(downloads: &[(u32, String)]) -> String {
    // Written by hand: collecting into a JSON map would bring a sort for a few pairs.
    let pairs: Vec<String> = downloads
        .iter()
        .map(|(slot, updated)| format!("\"{slot}\":{}", serde_json::Value::String(updated.clone())))
        .collect();
    format!("{{{}}}", pairs.join(","))
}

/// What the widget reads from storage before its first render.
struct Loaded {
    library: Vec<(u32, Saved)>,
    known: Vec<(String, Option<String>)>,
    board: Result<BoardRecord, String>,
    copies: Vec<AsideCopy>,
    downloads: Vec<(u32, String)>,
}

fn load(shelf: &Shelf, instrument: &Instrument) -> Loaded {
    let mut known = Vec::new();
    let library = shelf
        .responses()
        .into_iter()
        .map(|(slot, text)| {
            let stamped_key = shelf.stamped_key(slot);
            let stamped = shelf.read(&stamped_key);
            let saved = Saved::read(&text, stamped.as_deref(), instrument);
            known.push((shelf.response_key(slot), Some(text)));
            known.push((stamped_key, stamped));
            (slot, saved)
        })
        .collect();
    let board_text = shelf.read(&shelf.board_key());
    let board = match &board_text {
        None => Ok(BoardRecord::default()),
        Some(text) => BoardRecord::read(text, instrument),
    };
    known.push((shelf.board_key(), board_text));
    let downloads_text = shelf.read(&shelf.downloads_key());
    let downloads = read_downloads(downloads_text.as_deref());
    known.push((shelf.downloads_key(), downloads_text));
    Loaded {
        library,
        known,
        board,
        copies: shelf.aside_copies(),
        downloads,
    }
}

/// The stored state, and what views read of it.
pub struct Store {
    /// The saved assessments.
    pub library: LibraryContext,
    /// The board.
    pub board: BoardContext,
    /// Tells the writer which slot is open (a deletion elsewhere keeps that one on screen).
    pub set_open: Callback<u32>,
}

/// The stored state of `shelf`. When `stored` is false nothing is read or written: `seed`
/// (the host's answers) fills slot `open`. `start_afresh` deletes the open assessment first.
#[hook]
pub fn use_store(
    shelf: Rc<Shelf>,
    instrument: Rc<Instrument>,
    stored: bool,
    open: u32,
    seed: Option<Rc<Response>>,
    start_afresh: bool,
) -> Store {
    let loaded = {
        let (shelf, instrument) = (shelf.clone(), instrument.clone());
        use_memo((), move |()| stored.then(|| load(&shelf, &instrument)))
    };
    let available = !stored || shelf.available();
    let library = {
        let (loaded, instrument) = (loaded.clone(), instrument.clone());
        use_reducer(move || {
            let mut saved = (*loaded)
                .as_ref()
                .map(|l| l.library.clone())
                .unwrap_or_default();
            if start_afresh {
                saved.retain(|(slot, _)| *slot != open);
            }
            if let Some(seed) = seed {
                let fitted = Fitted {
                    response: (*seed).clone(),
                    set_aside: Vec::new(),
                };
                saved.push((
                    open,
                    Saved::Readable(Rc::new(crate::state::Record::stored(fitted))),
                ));
            }
            let mut library = Library::new(instrument, saved, tab_name());
            if let Some(loaded) = (*loaded).as_ref() {
                library.copies = Rc::new(loaded.copies.clone());
                library.downloads = Rc::new(loaded.downloads.clone());
            }
            library
        })
    };
    let board = {
        let loaded = loaded.clone();
        use_reducer(move || {
            Board::new(
                (*loaded)
                    .as_ref()
                    .and_then(|l| l.board.clone().ok())
                    .unwrap_or_default(),
            )
        })
    };
    let last_save = use_state(|| None::<LastSave>);
    let board_saved = use_state(|| true);
    let writer = {
        let (library, board) = (library.dispatcher(), board.dispatcher());
        let (on_saved, board_saved) = (last_save.setter(), board_saved.setter());
        let loaded = loaded.clone();
        use_memo((), move |()| {
            Rc::new(Writer {
                enabled: stored && available,
                known: RefCell::new(
                    (*loaded)
                        .as_ref()
                        .map(|l| l.known.clone())
                        .unwrap_or_default(),
                ),
                blocked: RefCell::new(Vec::new()),
                wanted_library: RefCell::new(None),
                wanted_board: RefCell::new(None),
                open: Cell::new(open),
                on_saved: Callback::from(move |save| on_saved.set(Some(save))),
                board_saved: Callback::from(move |saved| board_saved.set(saved)),
                shelf,
                instrument,
                library,
                board,
            })
        })
    };
    {
        // Once, as the widget opens: records that cannot be read are moved aside, where the
        // person can download them or read their text; one that cannot be moved stays, and
        // nothing is saved over it. Then other tabs' changes are listened for.
        let (writer, library, loaded) = ((*writer).clone(), library.clone(), loaded.clone());
        use_effect_with((), move |()| {
            let mut watch: Option<Watch> = None;
            if writer.enabled {
                for (slot, saved) in library.saved.iter() {
                    if let Saved::Unreadable(reason) = saved {
                        set_aside(&writer, Some(*slot), reason.clone());
                    }
                }
                if let Some(Err(reason)) = (*loaded).as_ref().map(|l| &l.board) {
                    set_aside(&writer, None, reason.as_str().into());
                }
                let listener = Rc::downgrade(&writer);
                watch = Some(writer.shelf.watch(Callback::from(
                    move |(key, text): (String, Option<String>)| {
                        let Some(writer) = listener.upgrade() else {
                            return;
                        };
                        // The stamped form is always followed by the first (see `take_in`).
                        if writer.shelf.slot_of_stamped(&key).is_none()
                            && writer.known(&key) != Some(text.clone())
                        {
                            writer.set_known(&key, text.clone());
                            writer.tell(&key, text);
                        }
                    },
                )));
                request_persistence();
            }
            move || drop(watch)
        });
    }
    {
        let writer = (*writer).clone();
        let state = library.clone();
        use_effect_with(
            (
                library.saved.clone(),
                library.downloads.clone(),
                library.copies.clone(),
            ),
            move |_| {
                *writer.wanted_library.borrow_mut() = Some(Rc::new((*state).clone()));
                writer.flush();
            },
        );
    }
    {
        let writer = (*writer).clone();
        use_effect_with((*board).clone(), move |board| {
            *writer.wanted_board.borrow_mut() = Some(Rc::new(board.clone()));
            writer.flush();
        });
    }
    let flush = {
        let writer = (*writer).clone();
        use_callback((), move |(), ()| writer.flush())
    };
    let set_open = {
        let writer = (*writer).clone();
        use_callback((), move |slot: u32, ()| writer.open.set(slot))
    };
    Store {
        library: LibraryContext {
            library,
            last_save: (*last_save).clone(),
            available,
            flush,
        },
        board: BoardContext {
            board,
            saved: *board_saved,
        },
        set_open,
    }
}

/// Moves the unreadable record of `slot` (or of the board, `None`) aside and tells the
/// library; one that cannot be moved blocks its slot.
fn set_aside(writer: &Writer, slot: Option<u32>, reason: Rc<str>) {
    let key = match slot {
        Some(slot) => writer.shelf.response_key(slot),
        None => writer.shelf.board_key(),
    };
    let text = writer.shelf.read(&key).unwrap_or_default();
    if writer.shelf.set_aside(&key) {
        writer.set_known(&key, None);
        if let Some(copy) = writer
            .shelf
            .aside_copies()
            .into_iter()
            .rev()
            .find(|copy| copy.text == text)
        {
            writer
                .library
                .dispatch(LibraryAction::SetAside { slot, copy, reason });
        }
    } else if let Some(slot) = slot {
        writer.blocked.borrow_mut().push(slot);
    }
}

/// A name for this widget's changes, unique among the tabs and widgets that share its records:
/// it orders changes made in the same millisecond (see `state::Stamp`).
fn tab_name() -> Rc<str> {
    // The random fraction's 52 bits after the point, read without arithmetic on it.
    let bits = js_sys::Math::random().to_bits() & ((1 << 52) - 1);
    format!("{bits:x}").into()
}

/// Asks the browser to keep this site's storage even when space runs low or the site goes
/// unused for a while (Safari, for one, otherwise clears script-written storage after seven
/// days without a visit). Browsers decide for themselves, often silently; nothing depends on it.
fn request_persistence() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let call = || -> Option<()> {
        let storage = js_sys::Reflect::get(&window.navigator(), &"storage".into()).ok()?;
        let persist: js_sys::Function =
            wasm_bindgen::JsCast::dyn_into(js_sys::Reflect::get(&storage, &"persist".into()).ok()?)
                .ok()?;
        persist.call0(&storage).ok()?;
        Some(())
    };
    let _ = call();
}
