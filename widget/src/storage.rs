//! Saving answers in the browser so they survive reloads and crashes.
//!
//! Records are namespaced `maturity-matrix:<instrument id>:<storage key>:response` and carry
//! the response format's own version. A record that cannot be read is moved aside, never
//! overwritten, and the person is told where it went.

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

/// The storage key for an instrument and a host-chosen key.
pub fn response_key(instrument: &Instrument, storage_key: &str) -> String {
    format!("maturity-matrix:{}:{}:response", instrument.id, storage_key)
}

fn local_storage() -> Option<web_sys::Storage> {
    // Both the property access and the getter can throw (sandboxed frames, disabled storage).
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads saved answers for `key`, moving an unreadable record aside.
pub fn load(instrument: &Instrument, key: &str) -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded::Unavailable;
    };
    let raw = match storage.get_item(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Nothing,
        Err(_) => return Loaded::Unavailable,
    };
    match Response::from_json_for(&raw, instrument) {
        Ok(response) => Loaded::Restored(response),
        Err(error) => {
            let aside_key = format!("{key}:unreadable:{}", js_sys::Date::now() as u64);
            let moved =
                storage.set_item(&aside_key, &raw).is_ok() && storage.remove_item(key).is_ok();
            Loaded::Unreadable {
                aside_key: if moved { aside_key } else { String::new() },
                reason: error.to_string(),
            }
        }
    }
}

/// Writes the answers under `key`. The caller must not save over a record [`load`] reported
/// as unreadable and could not move aside (see [`SaveError::WouldOverwrite`]).
pub fn save(key: &str, response: &Response) -> Result<(), SaveError> {
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    storage
        .set_item(key, &response.to_json())
        .map_err(|_| SaveError::Full)
}
