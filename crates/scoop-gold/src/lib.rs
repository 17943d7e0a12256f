//! The extraction guide's document format, its scorer and the gold checker.
//!
//! Gold files written by hand and scoop's JSON output share one shape
//! ([`DocRecords`]), so the same scorer reads both; [`check`] validates gold
//! files against their texts; [`shared`] finds the shared data for tests.

#![warn(missing_docs)]

pub mod check;
pub mod format;
pub mod score;
pub mod shared;

pub use format::*;
