//! The WebAssembly surface of the element: mounting the app. The scoring functions, and the
//! conversions both use, are the `maturity-api` crate's, linked into this WebAssembly too.

pub mod mount;
