//! The widget's views, one component per file.

mod assessment_view;
mod component_section;
mod error_view;
mod item_question;
mod results_panel;
mod save_notice;

pub use assessment_view::AssessmentView;
pub use component_section::ComponentSection;
pub use error_view::ErrorView;
pub use item_question::ItemQuestion;
pub use results_panel::ResultsPanel;
pub use save_notice::SaveNotice;
