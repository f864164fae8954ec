//! The WebAssembly surface: what JavaScript can call. Each function decodes its arguments,
//! calls the core (or mounts the app) and encodes the result; no rules live here.

pub mod api;
pub mod convert;
pub mod mount;
