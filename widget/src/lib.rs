//! The maturity-matrix widget: yew views over the scoring core, compiled to WebAssembly, and
//! the functions JavaScript calls.
//!
//! Layers, each depending only on those below it:
//! - `binding`: the WebAssembly surface for mounting (the scoring functions and value
//!   conversions are the `maturity-api` crate's, re-exported);
//! - `views`: one yew component per file, in a folder per screen, over
//! - `charts`: SVG charts drawn from the core's figures;
//! - `hooks` and `state`: the reducers that own each stored record, their contexts and the
//!   effects that save them;
//! - `platform`: the browser's storage, files, share links and clock.

mod binding;
mod charts;
mod hooks;
mod platform;
mod state;
mod views;

pub use binding::mount::{mount, MountHandle};
pub use views::app::{App, AppProps, InstrumentSource};
