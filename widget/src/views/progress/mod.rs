//! The progress view: the board's actions through the year, each updated where it is shown.

mod action_update;
mod progress_view;

pub use progress_view::ProgressView;
