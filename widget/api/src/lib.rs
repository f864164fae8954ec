//! The scoring functions of the npm package: decode, call the core, encode.
//!
//! Built on its own (with the `quick-read` feature) as the WebAssembly of `maturity-matrix/api`,
//! of Node and of the package's main entry, with no yew in it. The widget uses only `convert`
//! (the `functions` feature off), so a rater's download carries none of the functions: a page
//! that calls them loads this WebAssembly when it first does.
//!
//! [`PreparedInstrument`] is the fast route: the instrument is read and checked once, and each
//! call then reads only its responses. The free functions are thin wrappers that prepare the
//! instrument they are given (a cache keeps the last one, for loops that pass the same
//! instrument every time).

pub mod convert;
#[cfg(feature = "functions")]
mod functions;

#[cfg(feature = "functions")]
pub use functions::*;
