//! Saving assessments in the browser so they survive reloads and crashes.
//!
//! Every record of one widget shares the prefix `maturity-matrix:<instrument id>:<storage key>:`.
//! Assessment 1 lives at `…:response` (so a widget that only ever had one keeps its answers)
//! and assessment *n* at `…:response:<n>`; `…:ui` remembers which one is open and on which view.
//! A record that cannot be read is moved aside to `…:unreadable:<ms>`, never overwritten, and
//! the person is told where it went.

use crate::state::View;
use maturity_core::{Instrument, Response};

/// What happened when the widget looked for saved answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// Saved answers, read and checked against the instrument.
    Restored(Response),
    /// A saved record could not be read; it was kept under `aside_key`.
    Unreadable {
        /// Where the unreadable copy now lives (empty when it could not be moved).
        aside_key: String,
        /// Why it could not be read.
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

/// Where one widget keeps its records: the instrument's id and the host-chosen storage key.
#[derive(Debug, Clone, PartialEq)]
pub struct Shelf {
    prefix: String,
}

/// A saved assessment as the list of assessments shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Its number on the shelf.
    pub slot: u32,
    /// The response, or why it could not be read.
    pub response: Result<Response, String>,
}

/// The responses a board has collected, and the assessment holding its agreed view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Board {
    /// One response per respondent, in the order they were added.
    pub respondents: Vec<Response>,
    /// The slot of the agreed record, once one has been started.
    pub agreed: Option<u32>,
}

/// Which assessment is open and where the person was, restored on reload.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// The open assessment's slot.
    pub slot: u32,
    /// The view.
    pub view: View,
    /// The component shown in the assess view.
    pub component: usize,
}

fn local_storage() -> Option<web_sys::Storage> {
    // Both the property access and the getter can throw (sandboxed frames, disabled storage).
    web_sys::window()?.local_storage().ok().flatten()
}

impl Shelf {
    /// The shelf for `instrument` under the host's `storage_key`.
    pub fn new(instrument: &Instrument, storage_key: &str) -> Shelf {
        Shelf {
            prefix: format!("maturity-matrix:{}:{}:", instrument.id, storage_key),
        }
    }

    /// The key of assessment `slot`.
    pub fn response_key(&self, slot: u32) -> String {
        if slot <= 1 {
            format!("{}response", self.prefix)
        } else {
            format!("{}response:{slot}", self.prefix)
        }
    }

    fn slot_of(&self, key: &str) -> Option<u32> {
        let rest = key.strip_prefix(&self.prefix)?.strip_prefix("response")?;
        if rest.is_empty() {
            return Some(1);
        }
        rest.strip_prefix(':')?.parse().ok().filter(|&n| n > 1)
    }

    /// The slots in use and their keys, read from the key names alone.
    fn slots(&self) -> Vec<(u32, String)> {
        let Some(storage) = local_storage() else {
            return Vec::new();
        };
        let count = storage.length().unwrap_or(0);
        (0..count)
            .filter_map(|index| {
                let key = storage.key(index).ok()??;
                Some((self.slot_of(&key)?, key))
            })
            .collect()
    }

    /// Every saved assessment, in slot order. Unreadable ones are listed with the reason.
    pub fn list(&self, instrument: &Instrument) -> Vec<Saved> {
        let Some(storage) = local_storage() else {
            return Vec::new();
        };
        let saved: Vec<Saved> = self
            .slots()
            .into_iter()
            .filter_map(|(slot, key)| {
                let raw = storage.get_item(&key).ok()??;
                let response = Response::from_json_for(&raw, instrument).map_err(|e| e.to_string());
                Some(Saved { slot, response })
            })
            .collect();
        maturity_core::order::by_rank(saved, |s| u64::from(s.slot))
    }

    /// A slot no saved assessment uses, above `at_least`. Only key names are read: the saved
    /// answers need no parsing to know which numbers are taken.
    pub fn free_slot(&self, at_least: u32) -> u32 {
        let highest = self
            .slots()
            .iter()
            .map(|(slot, _)| *slot)
            .max()
            .unwrap_or(0);
        highest.max(at_least) + 1
    }

    /// Reads assessment `slot`, moving an unreadable record aside.
    pub fn load(&self, instrument: &Instrument, slot: u32) -> Loaded {
        let key = self.response_key(slot);
        let Some(storage) = local_storage() else {
            return Loaded::Unavailable;
        };
        let raw = match storage.get_item(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Loaded::Nothing,
            Err(_) => return Loaded::Unavailable,
        };
        match Response::from_json_for(&raw, instrument) {
            Ok(response) => Loaded::Restored(response),
            Err(error) => {
                let aside_key = format!("{key}:unreadable:{}", js_sys::Date::now() as u64);
                let moved =
                    storage.set_item(&aside_key, &raw).is_ok() && storage.remove_item(&key).is_ok();
                Loaded::Unreadable {
                    aside_key: if moved { aside_key } else { String::new() },
                    reason: error.to_string(),
                }
            }
        }
    }

    /// Writes assessment `slot`. The caller must not save over a record [`Shelf::load`]
    /// reported as unreadable and could not move aside (see [`SaveError::WouldOverwrite`]).
    pub fn save(&self, slot: u32, response: &Response) -> Result<(), SaveError> {
        let storage = local_storage().ok_or(SaveError::Unavailable)?;
        storage
            .set_item(&self.response_key(slot), &response.to_json())
            .map_err(|_| SaveError::Full)
    }

    /// Deletes assessment `slot`.
    pub fn remove(&self, slot: u32) {
        if let Some(storage) = local_storage() {
            // Nothing to recover from: a record that cannot be removed simply stays listed.
            let _ = storage.remove_item(&self.response_key(slot));
        }
    }

    /// Deletes the open assessment's saved answers, so it starts afresh where it was.
    pub fn clear_open(&self) {
        self.remove(self.place().map_or(1, |place| place.slot));
    }

    /// The board's collected responses and its agreed record, as last saved.
    pub fn board(&self, instrument: &Instrument) -> Board {
        let Some(raw) = local_storage()
            .and_then(|s| s.get_item(&format!("{}board", self.prefix)).ok().flatten())
        else {
            return Board::default();
        };
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&raw) else {
            return Board::default();
        };
        let respondents = value
            .get("respondents")
            .and_then(serde_json::Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|r| {
                        Response::from_value(r)
                            .ok()
                            .filter(|r| r.check(instrument).is_ok())
                    })
                    .collect()
            })
            .unwrap_or_default();
        let agreed = value
            .get("agreedSlot")
            .and_then(serde_json::Value::as_u64)
            .and_then(|n| u32::try_from(n).ok());
        Board {
            respondents,
            agreed,
        }
    }

    /// Saves the board.
    pub fn set_board(&self, board: &Board) -> Result<(), SaveError> {
        let storage = local_storage().ok_or(SaveError::Unavailable)?;
        let respondents: Vec<String> = board
            .respondents
            .iter()
            .map(Response::to_compact_json)
            .collect();
        let agreed = board
            .agreed
            .map_or_else(|| "null".to_owned(), |n| n.to_string());
        let record = format!(
            "{{\"respondents\":[{}],\"agreedSlot\":{agreed}}}",
            respondents.join(",")
        );
        storage
            .set_item(&format!("{}board", self.prefix), &record)
            .map_err(|_| SaveError::Full)
    }

    /// Where the person was last time, if it was recorded.
    pub fn place(&self) -> Option<Place> {
        let raw = local_storage()?
            .get_item(&format!("{}ui", self.prefix))
            .ok()??;
        let value: serde_json::Value = serde_json::from_str(&raw).ok()?;
        let view = View::from_name(value.get("view")?.as_str()?)?;
        Some(Place {
            slot: u32::try_from(value.get("slot")?.as_u64()?).ok()?.max(1),
            view,
            component: usize::try_from(value.get("component")?.as_u64()?).ok()?,
        })
    }

    /// Remembers where the person is. Failure only loses the place, never answers.
    pub fn set_place(&self, place: Place) {
        if let Some(storage) = local_storage() {
            let record = serde_json::json!({
                "slot": place.slot, "view": place.view.name(), "component": place.component,
            });
            let _ = storage.set_item(&format!("{}ui", self.prefix), &record.to_string());
        }
    }
}
