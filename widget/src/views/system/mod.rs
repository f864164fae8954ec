//! The system view: several organisations' agreed records side by side, for learning
//! together, never as a league table.

mod profile_multiples;
mod system_view;

#[cfg(test)]
pub(super) use system_view::use_system_view;
pub use system_view::SystemView;
