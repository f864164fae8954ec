//! The widget's state, one owner per stored record:
//! - [`Library`]: every saved assessment (the open one included), read once at mount; the
//!   store's writer is the only code saving assessment records;
//! - [`Board`]: the responses a board has collected; the same writer saves its record;
//! - [`Assessment`]: a rater's turn on a shared device, kept in memory until they finish;
//! - the system view's records, admitted by [`admit_records`], live in that view alone;
//! - [`Place`]: which assessment is open, on which view; written by the session.
//!
//! Views read the state through the contexts in [`context`] and change it by dispatching
//! actions; nothing here touches the browser.

#[cfg(feature = "board")]
mod admission;
mod assessment;
mod board;
mod changes;
pub mod context;
mod library;
#[cfg(feature = "board")]
mod system;
mod view;

#[cfg(feature = "board")]
pub use admission::{admit_files, Said};
#[cfg(feature = "board")]
pub use assessment::Assessment;
pub use assessment::{Action, Detail, PaperField, PlanField, Timed};
pub use board::{Board, BoardAction, BoardRecord};
pub use library::{read_stored, stamped_text, Library, LibraryAction, Notice, Record, Saved};
#[cfg(feature = "board")]
pub use system::admit_records;
pub use view::{Answers, Open, Opening, Place, View};
