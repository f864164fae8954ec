//! The widget's screens, one component per file: the shell (`app`, `workspace`, `session`),
//! a folder per view, and `common` for the pieces several views share.

pub mod app;
mod assess;
#[cfg(feature = "board")]
mod board;
mod common;
#[cfg(feature = "board")]
mod facilitate;
mod paper;
mod plan;
#[cfg(feature = "board")]
mod progress;
#[cfg(test)]
mod render_tests;
mod results;
mod session;
#[cfg(feature = "board")]
mod shared;
mod start;
#[cfg(feature = "board")]
mod system;
mod workspace;
