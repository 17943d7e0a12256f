//! scoop's resource files: every cue list and lexicon of the pipeline as a
//! plain-text file a researcher can read and extend without recompiling.
//!
//! A resource file holds one entry a line, after a header that says how its
//! entries match, as HeidelTime's resource files do:
//!
//! ```text
//! # Verbs that state a renewal.
//! # match: phrase
//! # example: "green-lit" matches "Netflix green-lit a second season"
//! renewed
//! green-lit
//! officially happening
//! ```
//!
//! - `# match:` is required: `word`, `phrase`, `suffix` or `regex` (see
//!   [`MatchRule`]). `# case: sensitive` makes matching case-sensitive; the
//!   default is case-insensitive, and then entries must be written in lower
//!   case.
//! - An entry may carry a value after ` => ` (`directed by => director`).
//! - Blank lines and other `#` lines are comments.
//!
//! The loader rejects, naming the file and line, a header without a rule,
//! a duplicate entry, and an entry that cannot match under its file's rule
//! (a space in a `word` entry, upper case in a case-insensitive file, a
//! regex that does not compile). Each crate embeds its defaults
//! ([`embedded!`]); [`Resources::override_from`] replaces any subset with
//! the files of a folder laid out the same way.

#![warn(missing_docs)]

mod lexicon;
mod resources;

pub use lexicon::{Entry, Lexicon, MatchRule};
pub use resources::{Resources, RESOURCE_DIR};

/// A resource file that could not be read or parsed: the file (and the
/// line, when one line is at fault) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ResourceError {
    /// The file as the user knows it: the override's path, or
    /// `resources/…` for an embedded default.
    pub file: String,
    /// 1-based line number, when one line is at fault.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// The embedded defaults of a crate: `(path under resources/, text)` for each
/// file named, read from the workspace's `resources/` folder at compile time.
/// `$root` is the path from the crate's manifest to the workspace root.
#[macro_export]
macro_rules! embedded {
    ($root:literal; $($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $root, "resources/", $path)))),*]
    };
}
