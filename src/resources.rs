//! The resource files every stage reads its cue lists and lexicons from:
//! the defaults embedded in the binary (`resources/` at the workspace root,
//! the dates stage's under `resources/dates/`), any subset replaced at run
//! time by `scoop extract --resources DIR`.

use scoop_lexicon::{ResourceError, Resources};
use std::path::Path;

/// The pipeline's own resource files (the dates stage embeds its own).
pub const DEFAULTS: &[(&str, &str)] = scoop_lexicon::embedded!("";);

/// Every default, replaced by the files of `dir` where it has them.
pub fn load(dir: Option<&Path>) -> Result<Resources, ResourceError> {
    let resources = Resources::new().with_defaults(DEFAULTS);
    match dir {
        Some(dir) => resources.override_from(dir),
        None => Ok(resources),
    }
}
