//! The board paper view.

#[cfg(feature = "board")]
mod board_sections;
mod cover_form;
#[cfg(feature = "board")]
mod paper_actions;
mod paper_view;
#[cfg(feature = "board")]
mod progress_section;

pub use paper_view::PaperView;
