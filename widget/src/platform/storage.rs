//! Browser storage (`localStorage`) for one widget's records.
//!
//! Every record of one widget shares the prefix `maturity-matrix:<instrument id>:<storage key>:`.
//! Assessment 1 lives at `…:response` (so a widget that only ever had one keeps its answers)
//! and assessment *n* at `…:response:<n>`, in the response format files use; `…:stamped` and
//! `…:stamped:<n>` hold the same answers with when each field last changed, which merging
//! changes from several tabs needs (`state::stamped_text`); `…:board` holds the board's
//! collected responses,
//! `…:downloads` when each assessment was last downloaded, and `…:ui` which assessment is open
//! and on which view. A record that cannot be read is moved aside to `…:unreadable:<ms>`, never
//! overwritten, and offered to the person from there.
//!
//! This module only reads and writes; which record is written when is decided by the state
//! that owns it. Other tabs' writes arrive as the window's `storage` event; other widgets'
//! writes on the same page (which that event does not report) through [`Shelf::watch`].
//! Storage is reached by hand rather than through `gloo-storage`, whose accessors throw when
//! the browser blocks storage (sandboxed frames, disabled cookies): here that is an ordinary
//! condition the widget works through, in memory, and tells the person about.

use crate::state::{Place, View};
use gloo_events::EventListener;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use yew::Callback;

/// What the widget found where an assessment should be.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// Saved answers, read and checked against the instrument as the widget opened.
    Restored,
    /// Saved answers opened while the widget runs (another assessment, or this one again):
    /// they never left the page, so there is nothing to announce.
    Opened,
    /// A saved record could not be read; it was kept aside (or, when `kept` is false, left
    /// where it was because it could not be moved, and nothing will be saved over it).
    Unreadable {
        /// Whether it was moved aside.
        kept: bool,
        /// Why it could not be read, in words.
        reason: String,
    },
    /// Browser storage cannot be used here (disabled, blocked or sandboxed).
    Unavailable,
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Browser storage cannot be used.
    Unavailable,
    /// The browser refused to store more (quota exceeded).
    Full,
    /// An unreadable record sits at the key; saving would overwrite it.
    WouldOverwrite,
}

/// A record kept aside because it could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsideCopy {
    /// Where it is kept (never shown to the person).
    pub key: String,
    /// When it was set aside, in milliseconds since 1970.
    pub at_ms: u64,
    /// What it held, as it was.
    pub text: String,
    /// The assessment it was the record of; `None` for the board's record.
    pub slot: Option<u32>,
}

/// Where one widget keeps its records: the instrument's id and the host-chosen storage key.
#[derive(Debug)]
pub struct Shelf {
    prefix: String,
    /// Tells this shelf's own writes apart from other widgets' on the same page.
    id: u32,
}

impl PartialEq for Shelf {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    // Both the property access and the getter can throw (sandboxed frames, disabled storage).
    web_sys::window()?.local_storage().ok().flatten()
}

/// A watcher of one prefix's records on this page.
struct Watcher {
    id: u32,
    /// The shelf that asked: its own writes are not reported back to it.
    owner: u32,
    prefix: String,
    on_change: Callback<(String, Option<String>)>,
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static WATCHERS: RefCell<Vec<Watcher>> = const { RefCell::new(Vec::new()) };
}

/// Keeps a watch open; dropping it stops watching.
pub struct Watch {
    id: u32,
    _storage_event: Option<EventListener>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        WATCHERS.with(|w| w.borrow_mut().retain(|watcher| watcher.id != self.id));
    }
}

impl Shelf {
    /// The shelf for `instrument_id` under the host's `storage_key`.
    pub fn new(instrument_id: &str, storage_key: &str) -> Shelf {
        let id = NEXT_ID.with(|next| {
            let id = next.get();
            next.set(id + 1);
            id
        });
        Shelf {
            prefix: format!("maturity-matrix:{instrument_id}:{storage_key}:"),
            id,
        }
    }

    /// The key of assessment `slot`.
    pub fn response_key(&self, slot: u32) -> String {
        self.slot_key("response", slot)
    }

    /// The key of the stamped form of assessment `slot` (see the module note).
    pub fn stamped_key(&self, slot: u32) -> String {
        self.slot_key("stamped", slot)
    }

    /// The slot whose record lives at `key`, if one does.
    pub fn slot_of(&self, key: &str) -> Option<u32> {
        self.slot_in("response", key)
    }

    /// The slot whose stamped form lives at `key`, if one does.
    pub fn slot_of_stamped(&self, key: &str) -> Option<u32> {
        self.slot_in("stamped", key)
    }

    /// `…:<kind>` for slot 1, `…:<kind>:<slot>` for the others.
    fn slot_key(&self, kind: &str, slot: u32) -> String {
        if slot <= 1 {
            format!("{}{kind}", self.prefix)
        } else {
            format!("{}{kind}:{slot}", self.prefix)
        }
    }

    fn slot_in(&self, kind: &str, key: &str) -> Option<u32> {
        let rest = key.strip_prefix(&self.prefix)?.strip_prefix(kind)?;
        if rest.is_empty() {
            return Some(1);
        }
        rest.strip_prefix(':')?.parse().ok().filter(|&n| n > 1)
    }

    /// The key of the board's record.
    pub fn board_key(&self) -> String {
        format!("{}board", self.prefix)
    }

    /// The key of the record of downloads.
    pub fn downloads_key(&self) -> String {
        format!("{}downloads", self.prefix)
    }

    /// Whether storage can be used at all.
    pub fn available(&self) -> bool {
        local_storage().is_some()
    }

    /// The text at `key`; `None` when there is none or storage cannot be used.
    pub fn read(&self, key: &str) -> Option<String> {
        local_storage()?.get_item(key).ok().flatten()
    }

    /// Every assessment record, as `(slot, text)` in no particular order.
    pub fn responses(&self) -> Vec<(u32, String)> {
        let Some(storage) = local_storage() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..count)
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect();
        keys.into_iter()
            .filter_map(|key| Some((self.slot_of(&key)?, storage.get_item(&key).ok()??)))
            .collect()
    }

    /// Writes `text` at `key` and tells the other widgets on the page.
    pub fn write(&self, key: &str, text: &str) -> Result<(), SaveError> {
        let storage = local_storage().ok_or(SaveError::Unavailable)?;
        storage.set_item(key, text).map_err(|_| SaveError::Full)?;
        self.tell_others(key, Some(text));
        Ok(())
    }

    /// Deletes the record at `key` and tells the other widgets on the page.
    pub fn remove(&self, key: &str) {
        if let Some(storage) = local_storage() {
            // Nothing to recover from: a record that cannot be removed simply stays listed.
            if storage.remove_item(key).is_ok() {
                self.tell_others(key, None);
            }
        }
    }

    fn tell_others(&self, key: &str, text: Option<&str>) {
        let others: Vec<Callback<(String, Option<String>)>> = WATCHERS.with(|w| {
            w.borrow()
                .iter()
                .filter(|watcher| watcher.owner != self.id && watcher.prefix == self.prefix)
                .map(|watcher| watcher.on_change.clone())
                .collect()
        });
        for on_change in others {
            on_change.emit((key.to_owned(), text.map(str::to_owned)));
        }
    }

    /// Moves the record at `key` aside, to `<key>:unreadable:<ms>`, so nothing is ever saved
    /// over it. Returns false when it could not be moved (and so still sits at its own key).
    pub fn set_aside(&self, key: &str) -> bool {
        let Some(storage) = local_storage() else {
            return false;
        };
        let Ok(Some(text)) = storage.get_item(key) else {
            return true;
        };
        let aside_key = format!("{key}:unreadable:{}", js_sys::Date::now() as u64);
        storage.set_item(&aside_key, &text).is_ok() && storage.remove_item(key).is_ok()
    }

    /// Every record kept aside, oldest first.
    pub fn aside_copies(&self) -> Vec<AsideCopy> {
        let Some(storage) = local_storage() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        let copies: Vec<AsideCopy> = (0..count)
            .filter_map(|index| {
                let key = storage.key(index).ok()??;
                let (record, at) = key.split_once(":unreadable:")?;
                let slot = self.slot_of(record);
                if slot.is_none() && record != self.board_key() {
                    return None;
                }
                Some(AsideCopy {
                    at_ms: at.parse().ok()?,
                    text: storage.get_item(&key).ok()??,
                    slot,
                    key,
                })
            })
            .collect();
        maturity_core::order::by_rank(copies, |copy| copy.at_ms)
    }

    /// Where the person was last time, if it was recorded.
    pub fn place(&self) -> Option<Place> {
        let raw = self.read(&format!("{}ui", self.prefix))?;
        let value = maturity_core::parse_json(&raw).ok()?;
        let view = View::from_name(value.get("view")?.as_str()?)?;
        Some(Place {
            slot: u32::try_from(value.get("slot")?.as_u64()?).ok()?.max(1),
            view,
            component: usize::try_from(value.get("component")?.as_u64()?).ok()?,
        })
    }

    /// Remembers where the person is. Failure only loses the place, never answers; other
    /// widgets need not hear of it.
    pub fn set_place(&self, place: Place) {
        if let Some(storage) = local_storage() {
            let text = format!(
                "{{\"slot\":{},\"view\":\"{}\",\"component\":{}}}",
                place.slot,
                place.view.name(),
                place.component
            );
            let _ = storage.set_item(&format!("{}ui", self.prefix), &text);
        }
    }

    /// Calls `on_change(key, text)` whenever another tab, or another widget on this page,
    /// changes one of this shelf's records (`None`: deleted). Keep the returned watch.
    pub fn watch(&self, on_change: Callback<(String, Option<String>)>) -> Watch {
        let id = NEXT_ID.with(|next| {
            let id = next.get();
            next.set(id + 1);
            id
        });
        WATCHERS.with(|w| {
            w.borrow_mut().push(Watcher {
                id,
                owner: self.id,
                prefix: self.prefix.clone(),
                on_change: on_change.clone(),
            })
        });
        let prefix = self.prefix.clone();
        let storage_event = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                // Another tab cleared all of storage: every record reads as deleted.
                let Some(key) = event.key() else {
                    return;
                };
                if key.starts_with(&prefix) {
                    on_change.emit((key, event.new_value()));
                }
            })
        });
        Watch {
            id,
            _storage_event: storage_event,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_slot_has_its_record_and_its_stamped_form_and_each_key_names_its_slot() {
        let shelf = Shelf::new("nhs-impact", "default");
        for slot in [1, 2, 10] {
            assert_eq!(shelf.slot_of(&shelf.response_key(slot)), Some(slot));
            assert_eq!(shelf.slot_of_stamped(&shelf.stamped_key(slot)), Some(slot));
            assert_eq!(shelf.slot_of(&shelf.stamped_key(slot)), None);
            assert_eq!(shelf.slot_of_stamped(&shelf.response_key(slot)), None);
        }
        assert_eq!(
            [shelf.response_key(1), shelf.stamped_key(3)],
            [
                "maturity-matrix:nhs-impact:default:response",
                "maturity-matrix:nhs-impact:default:stamped:3"
            ]
        );
        for key in [
            "response:1",
            "response:x",
            "stamped:0",
            "board",
            "responses",
        ] {
            let key = format!("maturity-matrix:nhs-impact:default:{key}");
            assert_eq!(shelf.slot_of(&key), None, "{key}");
            assert_eq!(shelf.slot_of_stamped(&key), None, "{key}");
        }
    }
}
