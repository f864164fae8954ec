//! The start view: what the assessment is for, its details, and the saved assessments.

mod details_form;
mod library_list;
mod start_view;

pub use start_view::StartView;
