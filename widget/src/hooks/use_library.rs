//! The saved assessments: read once when the widget mounts, then kept by a reducer whose
//! effect is the only writer of assessment records. Typed text is saved after a 300 ms pause;
//! choices at once; anything waiting is saved when the page is hidden or closed.

use crate::platform::storage::{SaveError, Shelf};
use crate::state::context::{LastSave, LibraryContext};
use crate::state::{Library, Pace, Saved};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use maturity_core::{Instrument, Response};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// How long typing must pause before the text is saved.
const TYPING_PAUSE_MS: u32 = 300;

/// Writes the library's changes to storage: the one writer of assessment records.
pub struct Persister {
    shelf: Rc<Shelf>,
    /// False when nothing may be written (the host owns the answers, or storage is blocked).
    enabled: bool,
    /// What storage holds, as far as this widget knows: what it read at mount or last wrote,
    /// by slot.
    written: RefCell<Vec<(u32, Rc<Response>)>>,
    /// Slots whose record could not be read and could not be moved aside: writing there would
    /// destroy it.
    blocked: RefCell<Vec<u32>>,
    /// The library as last handed over, written at the next flush.
    wanted: RefCell<Rc<Vec<(u32, Saved)>>>,
    timer: RefCell<Option<Timeout>>,
    on_saved: Callback<LastSave>,
}

impl Persister {
    fn new(
        shelf: Rc<Shelf>,
        enabled: bool,
        loaded: &Rc<Vec<(u32, Saved)>>,
        on_saved: Callback<LastSave>,
    ) -> Self {
        let mut written = Vec::new();
        let mut blocked = Vec::new();
        for (slot, saved) in loaded.iter() {
            match saved {
                Saved::Readable(response) => written.push((*slot, response.clone())),
                Saved::Unreadable(_) => blocked.push(*slot),
            }
        }
        Persister {
            shelf,
            enabled,
            written: RefCell::new(written),
            blocked: RefCell::new(blocked),
            wanted: RefCell::new(loaded.clone()),
            timer: RefCell::new(None),
            on_saved,
        }
    }

    /// Takes the library's latest state, to be written now or after a pause in typing.
    fn take(self: &Rc<Self>, saved: Rc<Vec<(u32, Saved)>>, pace: Pace) {
        *self.wanted.borrow_mut() = saved;
        match pace {
            Pace::Now => self.flush(),
            Pace::AfterTyping => {
                let this: Weak<Self> = Rc::downgrade(self);
                // Replacing the timer cancels the one before: only a pause saves.
                *self.timer.borrow_mut() = Some(Timeout::new(TYPING_PAUSE_MS, move || {
                    if let Some(this) = this.upgrade() {
                        this.flush();
                    }
                }));
            }
        }
    }

    /// Writes whatever differs from what storage holds.
    pub fn flush(&self) {
        drop(self.timer.borrow_mut().take());
        if !self.enabled {
            return;
        }
        let wanted = self.wanted.borrow().clone();
        let mut written = self.written.borrow_mut();
        for (slot, saved) in wanted.iter() {
            let Saved::Readable(response) = saved else {
                continue;
            };
            let known = written.iter().position(|(known, _)| known == slot);
            if known.is_some_and(|at| written[at].1 == *response) {
                continue;
            }
            let result = if self.blocked.borrow().contains(slot) {
                Err(SaveError::WouldOverwrite)
            } else {
                self.shelf.save(*slot, response)
            };
            if result.is_ok() {
                match known {
                    Some(at) => written[at].1 = response.clone(),
                    None => written.push((*slot, response.clone())),
                }
            }
            self.on_saved.emit(LastSave {
                slot: *slot,
                result: result.map(|()| response.updated.clone()),
            });
        }
        written.retain(|(slot, _)| {
            let kept = wanted.iter().any(|(wanted, _)| wanted == slot);
            if !kept {
                self.shelf.remove(*slot);
            }
            kept
        });
    }

    /// Moves the unreadable record of `slot` aside so a new assessment can be saved there.
    /// Returns where it went, or `None` when it could not be moved (the slot stays blocked).
    pub fn set_aside(&self, slot: u32) -> Option<String> {
        if !self.enabled {
            return None;
        }
        let aside = self.shelf.set_aside(slot)?;
        self.blocked.borrow_mut().retain(|blocked| *blocked != slot);
        Some(aside)
    }
}

/// The library's context, and the persister behind it (for moving unreadable records aside).
pub struct LibraryState {
    /// What views read.
    pub context: LibraryContext,
    /// The writer of assessment records.
    pub persister: Rc<Persister>,
}

/// The saved assessments of `shelf`. When `stored` is false nothing is read or written.
/// `start_afresh` deletes the assessment in that slot as the widget opens.
#[hook]
pub fn use_library_state(
    shelf: Rc<Shelf>,
    instrument: Rc<Instrument>,
    stored: bool,
    start_afresh: Option<u32>,
) -> LibraryState {
    // Read once, before the first render, so no view ever parses storage while rendering.
    let loaded = {
        let shelf = shelf.clone();
        use_memo((), move |()| {
            if stored {
                shelf.load_library(&instrument)
            } else {
                Some(Vec::new())
            }
        })
    };
    let available = loaded.is_some();
    let library = {
        let loaded = loaded.clone();
        use_reducer(move || {
            let mut saved = (*loaded).clone().unwrap_or_default();
            if let Some(slot) = start_afresh {
                saved.retain(|(known, _)| *known != slot);
            }
            Library::new(saved)
        })
    };
    let last_save = use_state(|| None::<LastSave>);
    let persister = {
        let (loaded, on_saved) = (loaded.clone(), last_save.setter());
        use_memo((), move |()| {
            let loaded = Library::new((*loaded).clone().unwrap_or_default()).saved;
            let on_saved = Callback::from(move |save: LastSave| on_saved.set(Some(save)));
            Rc::new(Persister::new(
                shelf,
                stored && available,
                &loaded,
                on_saved,
            ))
        })
    };
    {
        let persister = (*persister).clone();
        let pace = library.pace;
        use_effect_with(library.saved.clone(), move |saved| {
            persister.take(saved.clone(), pace)
        });
    }
    {
        // Leaving the page, hiding it (a switched tab, a locked phone) or unmounting the
        // widget saves whatever is still waiting for a pause in typing.
        let persister = (*persister).clone();
        use_effect_with((), move |()| {
            let listeners = web_sys::window().map(|window| {
                let on_hide = |event: &'static str| {
                    let persister = persister.clone();
                    EventListener::new(&window, event, move |_| persister.flush())
                };
                [on_hide("pagehide"), on_hide("visibilitychange")]
            });
            move || {
                drop(listeners);
                persister.flush();
            }
        });
    }
    let flush = {
        let persister = (*persister).clone();
        use_callback((), move |(), ()| persister.flush())
    };
    LibraryState {
        context: LibraryContext {
            library,
            last_save: (*last_save).clone(),
            available,
            flush,
        },
        persister: (*persister).clone(),
    }
}
