//! Hooks that set up the state's reducers with their effects: the open assessment, the
//! persisted library and board, and focus management.

mod use_assessment;
mod use_board;
mod use_focus;
mod use_library;

pub use use_assessment::use_assessment;
pub use use_board::use_board_state;
pub use use_focus::{use_focus_on_change, use_focus_on_mount};
pub use use_library::use_library_state;
