//! The resource files every stage reads its cue lists and lexicons from:
//! the defaults embedded in the binary (`resources/` at the workspace root,
//! the dates stage's under `resources/dates/`), any subset replaced at run
//! time by `scoop extract --resources DIR`.

use scoop_lexicon::{ResourceError, Resources};
use std::path::Path;

/// The pipeline's own resource files (the dates stage's are
/// [`scoop_timex::RESOURCES`]).
pub const DEFAULTS: &[(&str, &str)] = scoop_lexicon::embedded!(
    "";
    "events/announce.txt",
    "events/award-nouns.txt",
    "events/award-verbs.txt",
    "events/cast-exit.txt",
    "events/casting.txt",
    "events/filming-end.txt",
    "events/filming-nouns.txt",
    "events/filming-ongoing.txt",
    "events/filming-start.txt",
    "events/location-prepositions.txt",
    "events/new-season.txt",
    "events/release-nouns.txt",
    "events/release-verbs.txt",
    "events/released-artifacts.txt",
    "events/renewal.txt",
    "events/script-reading.txt",
    "events/season-ordinals.txt",
    "events/season-words.txt",
    "events/status-expected.txt",
    "events/status-negated-clitics.txt",
    "events/status-negated.txt",
    "events/status-reported.txt",
    "events/status-rumored.txt",
    "events/wrap-up.txt",
    "names/korean-place-suffixes.txt",
    "names/korean-surnames.txt",
    "names/syllable-finals.txt",
    "names/syllable-initials.txt",
    "names/syllable-vowels.txt",
    "ner/counted-nouns.txt",
    "ner/credit-nouns.txt",
    "ner/headline-lowercase.txt",
    "ner/list-openers.txt",
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
    "roles/actor-cues-before.txt",
    "roles/actor-then-character.txt",
    "roles/cast-cues.txt",
    "roles/cast-list-cues.txt",
    "roles/character-cues-before.txt",
    "roles/character-introducers.txt",
    "roles/character-then-actor.txt",
    "roles/character-titles.txt",
    "roles/characters-after-list.txt",
    "roles/crew-after.txt",
    "roles/crew-before.txt",
    "roles/list-links.txt",
    "roles/story-cues.txt",
    "tokenize/abbreviations.txt",
    "tokenize/clitics.txt",
    "tokenize/month-abbreviations.txt",
    "tokenize/prefix-abbreviations.txt",
    "tokenize/sentence-openers.txt",
);

/// Every default, the dates stage's included, replaced by the files of
/// `dir` where it has them.
pub fn load(dir: Option<&Path>) -> Result<Resources, ResourceError> {
    let resources = Resources::new().with_defaults(DEFAULTS).with_defaults(scoop_timex::RESOURCES);
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
        for (path, _) in DEFAULTS.iter().chain(scoop_timex::RESOURCES) {
            let lexicon = resources.lexicon(path).unwrap_or_else(|e| panic!("{e}"));
            assert!(!lexicon.entries().is_empty(), "{path}");
        }
    }
}
