//! The browser beneath the widget: storage, files, share links and the clock. Nothing above
//! this module calls the web platform for these.

pub mod clock;
pub mod files;
pub mod print;
pub mod share_link;
pub mod storage;
