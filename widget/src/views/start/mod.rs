//! The start view: what the assessment is for, its details, and the saved assessments.

mod aside_copies;
mod details_form;
mod library_list;
mod set_aside_answers;
mod start_view;

pub use start_view::StartView;
