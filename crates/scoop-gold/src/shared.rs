//! Where the shared data lives (corpora, gold, CoNLL-2003, TempEval-3), for
//! every test, bench and example that reads it.
//!
//! One variable names the folder: `SCOOP_SHARED`, by default `../shared`
//! beside the workspace; a relative path is taken from the workspace root,
//! as `scripts/gold-gate` takes it. When what a test needs is absent, the
//! test is skipped with a message naming it, so that `cargo test` passes on a
//! fresh clone; under `CI=true` the same absence is a failure, so that CI
//! never passes by skipping.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The variable that names the shared folder.
pub const VAR: &str = "SCOOP_SHARED";

/// The shared folder: `$SCOOP_SHARED`, else `../shared` beside the workspace
/// (whether or not it exists).
pub fn dir() -> PathBuf {
    // This crate is `crates/scoop-gold` of the workspace.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.parent().and_then(Path::parent).unwrap_or(manifest);
    match std::env::var_os(VAR).filter(|v| !v.is_empty()) {
        Some(dir) => root.join(dir),
        None => root.parent().unwrap_or(root).join("shared"),
    }
}

/// Shared data that is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The path that was looked for.
    pub path: PathBuf,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is missing (the shared data folder is ${VAR}, by default ../shared beside the workspace)", self.path.display())
    }
}

impl std::error::Error for Missing {}

/// `dir()/relative` if it exists: for examples, to which missing data is an error.
pub fn find(relative: &str) -> Result<PathBuf, Missing> {
    let path = dir().join(relative);
    if path.exists() {
        Ok(path)
    } else {
        Err(Missing { path })
    }
}

/// `dir()/relative` if it exists; otherwise the caller skips: this prints
/// which test (or bench) is skipped and what is missing, and returns `None`.
/// Under `CI=true` it panics with that message instead.
///
/// ```no_run
/// let Some(gold) = scoop_gold::shared::or_skip("gold/seeds") else { return };
/// ```
#[track_caller]
pub fn or_skip(relative: &str) -> Option<PathBuf> {
    let missing = match find(relative) {
        Ok(path) => return Some(path),
        Err(missing) => missing,
    };
    if in_ci() {
        panic!("{missing}; under CI=true shared data is required");
    }
    // The test harness names test threads after their test; a bench or a
    // single-threaded run is named by the call's place.
    let here = std::panic::Location::caller();
    let who =
        std::thread::current().name().filter(|n| *n != "main").map_or_else(|| format!("{}:{}", here.file(), here.line()), str::to_string);
    // Straight to stderr, past the harness's capture, so that every skip shows in `cargo test`.
    let _ = writeln!(std::io::stderr(), "skipped {who}: {missing}");
    None
}

/// Whether this runs under CI (`CI=true`), where skipping would hide a failure.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}
