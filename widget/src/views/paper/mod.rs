//! The board paper view.

mod paper_view;

pub use paper_view::PaperView;
