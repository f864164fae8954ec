//! Hooks that set up the state's reducers with their effects: the open assessment of a
//! rater's turn, the stored library and board with their writer, the board's agreed record,
//! focus management, and disclosures built on opening.

mod use_agreed_record;
mod use_assessment;
mod use_disclosure;
mod use_focus;
mod use_store;

pub use use_agreed_record::use_open_agreed;
pub use use_assessment::use_assessment;
pub use use_disclosure::use_disclosure;
pub use use_focus::{use_focus_on_change, use_focus_on_mount};
pub use use_store::use_store;
