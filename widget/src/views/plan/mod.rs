//! The action plan view.

mod plan_entry_form;
mod plan_view;

pub use plan_view::PlanView;
