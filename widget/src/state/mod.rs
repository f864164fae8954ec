//! The widget's state, one owner per stored record:
//! - [`Assessment`]: the open assessment's answers (a reducer per session or rater's turn);
//! - [`Library`]: every saved assessment, read once at mount; its effect is the only writer of
//!   assessment records;
//! - [`Board`]: the responses a board has collected; its effect is the only writer of the
//!   board record;
//! - [`Place`]: which assessment is open, on which view; written by the session.
//!
//! Views read the state through the contexts in [`context`] and change it by dispatching
//! actions; nothing here touches the browser.

mod assessment;
mod board;
pub mod context;
mod library;
mod view;

pub use assessment::{Action, Assessment, Detail, PlanField, Timed};
pub use board::{admit_files, Board, BoardAction};
pub use library::{Library, LibraryAction, Pace, Saved};
pub use view::{Place, View};
