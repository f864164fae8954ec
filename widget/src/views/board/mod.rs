//! Board mode: collecting everyone's ratings, a rater's turn on a shared device, and the
//! facilitator's view of everyone's ratings together.

mod board_discussion;
mod board_view;
mod people_table;
mod respondent_turn;

pub use board_view::BoardView;
// The board's figures are reached by a click the native render tests cannot make: they mount
// the discussion directly.
#[cfg(test)]
pub(super) use board_discussion::BoardDiscussion;
