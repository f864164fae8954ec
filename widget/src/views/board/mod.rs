//! Board mode: collecting everyone's ratings, a rater's turn on a shared device, and the
//! facilitator's view of everyone's ratings together.

mod board_discussion;
mod board_view;
mod people_table;
mod respondent_turn;

pub use board_view::BoardView;
