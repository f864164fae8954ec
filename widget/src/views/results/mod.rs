//! The results view: the profile, where the items sit, strengths and gaps, change over time
//! and sharing.

#[cfg(feature = "board")]
mod compare_panel;
mod results_view;
mod share_panel;
#[cfg(feature = "board")]
mod trend_panel;

pub use results_view::ResultsView;
