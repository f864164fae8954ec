//! The widget's screens, one component per file: the shell (`app`, `workspace`, `session`),
//! a folder per view, and `common` for the pieces several views share.

pub mod app;
mod assess;
mod board;
mod common;
mod facilitate;
mod paper;
mod plan;
mod progress;
#[cfg(test)]
mod render_tests;
mod results;
mod session;
mod shared;
mod start;
mod system;
mod workspace;
