//! The name lexicons the rule engine and the refinements of every engine
//! both read: gazetteers, the last words of multi-word names, the
//! capitalised words that are no names, and Korean name shapes.

use crate::names::Names;
use scoop_lexicon::{Lexicon, ResourceError, Resources};

/// Built once from the `ner/` and `names/` resource files.
#[derive(Debug, Clone)]
pub(super) struct NameLexicons {
    pub(super) names: Names,
    pub(super) organisations: Lexicon,
    pub(super) organisation_final_words: Lexicon,
    pub(super) places: Lexicon,
    pub(super) place_final_words: Lexicon,
    pub(super) misc_names: Lexicon,
    pub(super) misc_final_words: Lexicon,
    not_names: Lexicon,
    run_breaks: Lexicon,
    lowercase_names: Lexicon,
}

impl NameLexicons {
    /// Reads every file the two need.
    pub(super) fn new(resources: &Resources) -> Result<NameLexicons, ResourceError> {
        Ok(NameLexicons {
            names: Names::new(resources)?,
            organisations: resources.lexicon("ner/organisations.txt")?,
            organisation_final_words: resources.lexicon("ner/organisation-final-words.txt")?,
            places: resources.lexicon("ner/places.txt")?,
            place_final_words: resources.lexicon("ner/place-final-words.txt")?,
            misc_names: resources.lexicon("ner/misc-names.txt")?,
            misc_final_words: resources.lexicon("ner/misc-final-words.txt")?,
            not_names: resources.lexicon("ner/not-names.txt")?,
            run_breaks: resources.lexicon("ner/run-breaks.txt")?,
            lowercase_names: resources.lexicon("ner/lowercase-names.txt")?,
        })
    }

    /// A word that may be part of a name by its case: capitalised, or a
    /// name written in lower case (`tvN`).
    pub(super) fn is_capitalised(&self, word: &str) -> bool {
        word.chars().next().is_some_and(|c| c.is_uppercase()) || self.lowercase_names.contains(word)
    }

    /// A capitalised word that is no name by itself (`Meanwhile`, `Season`, `May`).
    pub(super) fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word) || self.run_breaks.contains(word)
    }

    /// A word that is never part of a name nor joined into a title (`May`, `Dr.`, `CEO`).
    pub(super) fn breaks_runs(&self, word: &str) -> bool {
        self.run_breaks.contains(word)
    }

    /// See [`Names::is_korean_surname`].
    pub(super) fn is_korean_surname(&self, word: &str) -> bool {
        self.names.is_korean_surname(word)
    }
}
