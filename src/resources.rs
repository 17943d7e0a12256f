//! The resource files every stage reads its cue lists and lexicons from:
//! the defaults embedded in the binary (`resources/` at the workspace root,
//! the dates stage's under `resources/dates/`), any subset replaced at run
//! time by `scoop extract --resources DIR`.

use scoop_lexicon::{ResourceError, Resources};
use std::path::Path;

/// The pipeline's own resource files (the dates stage embeds its own).
pub const DEFAULTS: &[(&str, &str)] = scoop_lexicon::embedded!("";
    "names/korean-place-suffixes.txt",
    "names/korean-surnames.txt",
    "names/syllable-finals.txt",
    "names/syllable-initials.txt",
    "names/syllable-vowels.txt",
    "ner/counted-nouns.txt",
    "ner/headline-lowercase.txt",
    "ner/lowercase-names.txt",
    "ner/medium-words.txt",
    "ner/misc-final-words.txt",
    "ner/misc-names.txt",
    "ner/name-connectors.txt",
    "ner/not-names.txt",
    "ner/not-title-openers.txt",
    "ner/organisation-final-words.txt",
    "ner/organisations.txt",
    "ner/place-final-words.txt",
    "ner/places.txt",
    "ner/run-breaks.txt",
    "ner/title-breaks.txt",
    "ner/title-connectors.txt",
    "ner/title-marks.txt",
    "ner/work-cues-after.txt",
    "ner/work-cues-before.txt",
    "persons/name-suffixes.txt",
    "persons/surname-variants.txt",
    "tokenize/abbreviations.txt",
    "tokenize/clitics-not-split.txt",
    "tokenize/clitics.txt",
    "tokenize/month-abbreviations.txt",
    "tokenize/prefix-abbreviations.txt",
    "tokenize/sentence-openers.txt",
);

/// Every default, replaced by the files of `dir` where it has them.
pub fn load(dir: Option<&Path>) -> Result<Resources, ResourceError> {
    let resources = Resources::new().with_defaults(DEFAULTS);
    match dir {
        Some(dir) => resources.override_from(dir),
        None => Ok(resources),
    }
}

/// A component built on the embedded defaults, which parse (tested below):
/// what `RuleRecognizer::new` and the free functions of the stages run on.
pub fn on_defaults<T>(build: impl FnOnce(&Resources) -> Result<T, ResourceError>) -> T {
    let resources = load(None).expect("the embedded resource files need no reading");
    build(&resources).unwrap_or_else(|e| panic!("an embedded resource file does not parse: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_parses() {
        let resources = load(None).unwrap();
        for (path, _) in DEFAULTS {
            let lexicon = resources.lexicon(path).unwrap_or_else(|e| panic!("{e}"));
            assert!(!lexicon.entries().is_empty(), "{path}");
        }
    }
}
