//! The board paper view.

mod cover_form;
mod paper_view;

pub use paper_view::PaperView;
