//! The facilitation view: the board's discussion in the room, one item at a time, made for a
//! projector, recording the agreed level and rationale as it goes.

mod discussion_end;
mod facilitate_view;
mod item_timer;
mod room_distribution;

pub use facilitate_view::FacilitateView;
