//! The extraction guide's document format and its scorer.
//!
//! Gold files written by hand and scoop's JSON output share one shape
//! ([`DocRecords`]), so the same scorer reads both.

pub mod format;
pub mod score;

pub use format::*;
