//! Pieces several views share.

mod download_button;
mod error_view;
mod import_button;
mod plan_table;
mod save_notice;
mod score_table;
mod view_nav;

pub use download_button::DownloadButton;
pub use error_view::ErrorView;
pub use import_button::ImportButton;
pub use plan_table::PlanTable;
pub use save_notice::SaveNotice;
pub use score_table::ScoreTable;
pub use view_nav::ViewNav;
