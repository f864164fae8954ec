//! Answers opened from a share link.

mod shared_view;

pub use shared_view::SharedView;
