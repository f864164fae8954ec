//! Hooks that set up the state's reducers with their effects: the open assessment of a
//! rater's turn, the stored library and board with their writer, the board's agreed record,
//! focus management, disclosures built on opening, and share links in the page's address.

#[cfg(feature = "board")]
mod use_agreed_record;
#[cfg(feature = "board")]
mod use_assessment;
#[cfg(feature = "board")]
mod use_disclosure;
mod use_focus;
mod use_shared_link;
mod use_store;

#[cfg(feature = "board")]
pub use use_agreed_record::use_open_agreed;
#[cfg(feature = "board")]
pub use use_assessment::use_assessment;
#[cfg(feature = "board")]
pub use use_disclosure::use_disclosure;
pub use use_focus::use_focus_on_change;
#[cfg(feature = "board")]
pub use use_focus::use_focus_on_mount;
pub use use_shared_link::use_shared_link;
pub use use_store::use_store;
