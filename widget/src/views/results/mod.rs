//! The results view: the profile, where the items sit, strengths and gaps, change over time
//! and sharing.

mod compare_panel;
mod results_view;
mod share_panel;
mod trend_panel;

pub use results_view::ResultsView;
