//! Browser storage (`localStorage`) for one widget's records.
//!
//! Every record of one widget shares the prefix `maturity-matrix:<instrument id>:<storage key>:`.
//! Assessment 1 lives at `…:response` (so a widget that only ever had one keeps its answers)
//! and assessment *n* at `…:response:<n>`; `…:board` holds the board's collected responses and
//! `…:ui` remembers which assessment is open and on which view. A record that cannot be read is
//! moved aside to `…:unreadable:<ms>`, never overwritten.
//!
//! This module only reads and writes; which record is written when is decided by the state
//! that owns it. Storage is reached by hand rather than through `gloo-storage`, whose accessors
//! throw when the browser blocks storage (sandboxed frames, disabled cookies): here that is an
//! ordinary condition the widget works through, in memory, and tells the person about.

use crate::state::{Board, Place, Saved, View};
use maturity_core::{Instrument, Response};
use serde::Serialize;
use std::rc::Rc;

/// What the widget found where an assessment should be.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// Saved answers, read and checked against the instrument.
    Restored,
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

fn local_storage() -> Option<web_sys::Storage> {
    // Both the property access and the getter can throw (sandboxed frames, disabled storage).
    web_sys::window()?.local_storage().ok().flatten()
}

/// The board's record as stored.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BoardRecord<'a> {
    respondents: &'a [Response],
    agreed_slot: Option<u32>,
}

/// The place's record as stored.
#[derive(Serialize)]
struct PlaceRecord {
    slot: u32,
    view: &'static str,
    component: usize,
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

    /// Every saved assessment, read and checked, as `(slot, assessment)` in no particular
    /// order: `None` when storage cannot be used.
    pub fn load_library(&self, instrument: &Instrument) -> Option<Vec<(u32, Saved)>> {
        let storage = local_storage()?;
        let count = storage.length().ok()?;
        let keys: Vec<String> = (0..count)
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect();
        Some(
            keys.into_iter()
                .filter_map(|key| {
                    let slot = self.slot_of(&key)?;
                    let raw = storage.get_item(&key).ok()??;
                    Some((slot, Saved::read(&raw, instrument)))
                })
                .collect(),
        )
    }

    /// Writes assessment `slot`.
    pub fn save(&self, slot: u32, response: &Response) -> Result<(), SaveError> {
        let storage = local_storage().ok_or(SaveError::Unavailable)?;
        storage
            .set_item(&self.response_key(slot), &response.to_compact_json())
            .map_err(|_| SaveError::Full)
    }

    /// Deletes assessment `slot`.
    pub fn remove(&self, slot: u32) {
        if let Some(storage) = local_storage() {
            // Nothing to recover from: a record that cannot be removed simply stays listed.
            let _ = storage.remove_item(&self.response_key(slot));
        }
    }

    /// Moves the record of assessment `slot` aside, to `…:unreadable:<ms>`, so nothing is
    /// ever saved over it. Returns the key it now lives at, or `None` when it could not be
    /// moved (and so still sits at its own key).
    pub fn set_aside(&self, slot: u32) -> Option<String> {
        let storage = local_storage()?;
        let key = self.response_key(slot);
        let raw = storage.get_item(&key).ok()??;
        let aside_key = format!("{key}:unreadable:{}", js_sys::Date::now() as u64);
        let moved = storage.set_item(&aside_key, &raw).is_ok() && storage.remove_item(&key).is_ok();
        moved.then_some(aside_key)
    }

    /// The board's collected responses and its agreed record, as last saved.
    pub fn board(&self, instrument: &Instrument) -> Board {
        let Some(raw) = local_storage()
            .and_then(|s| s.get_item(&format!("{}board", self.prefix)).ok().flatten())
        else {
            return Board::default();
        };
        let Ok(value) = maturity_core::parse_json(&raw) else {
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
            respondents: Rc::new(respondents),
            agreed,
        }
    }

    /// Saves the board.
    pub fn set_board(&self, board: &Board) -> Result<(), SaveError> {
        let storage = local_storage().ok_or(SaveError::Unavailable)?;
        let record = BoardRecord {
            respondents: &board.respondents,
            agreed_slot: board.agreed,
        };
        let text = serde_json::to_string(&record).unwrap_or_default();
        storage
            .set_item(&format!("{}board", self.prefix), &text)
            .map_err(|_| SaveError::Full)
    }

    /// Where the person was last time, if it was recorded.
    pub fn place(&self) -> Option<Place> {
        let raw = local_storage()?
            .get_item(&format!("{}ui", self.prefix))
            .ok()??;
        let value = maturity_core::parse_json(&raw).ok()?;
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
            let record = PlaceRecord {
                slot: place.slot,
                view: place.view.name(),
                component: place.component,
            };
            let text = serde_json::to_string(&record).unwrap_or_default();
            let _ = storage.set_item(&format!("{}ui", self.prefix), &text);
        }
    }
}
