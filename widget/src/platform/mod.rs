//! The browser beneath the widget: storage, files, share links, the clock, printing, and (in
//! the board's build) the clipboard and reading the paper into a document with its chart drawn.
//! Nothing above this module calls the web platform for these.

#[cfg(feature = "board")]
mod chart_picture;
#[cfg(feature = "board")]
pub mod clipboard;
pub mod clock;
pub mod files;
#[cfg(feature = "board")]
pub mod paper_document;
pub mod print;
pub mod share_link;
pub mod storage;
