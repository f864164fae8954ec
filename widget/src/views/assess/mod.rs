//! The assess view: rating each item, component by component.

mod assess_view;
mod component_section;
mod item_question;
mod target_select;

pub use assess_view::AssessView;
#[cfg(feature = "board")]
pub use item_question::ItemQuestion;
pub use target_select::TargetSelect;
