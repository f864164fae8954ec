//! The board paper view.

mod cover_form;
mod paper_view;
mod progress_section;

pub use paper_view::PaperView;
