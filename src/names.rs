//! The shapes of romanised Korean names and places, shared by the NER and
//! persons stages (both import it; it imports neither): surnames, the
//! syllables of given names, the suffixes of place names.

use regex::Regex;
use scoop_lexicon::{Lexicon, ResourceError, Resources};

/// Korean name shapes, built once from the `names/` resource files.
#[derive(Debug, Clone)]
pub struct Names {
    surnames: Lexicon,
    /// `^initial? vowel final?$` from the three syllable tables.
    syllable: Regex,
    place_suffixes: Lexicon,
}

impl Names {
    /// Reads `names/korean-surnames.txt`, the syllable tables and
    /// `names/korean-place-suffixes.txt`.
    pub fn new(resources: &Resources) -> Result<Names, ResourceError> {
        let initials = resources.lexicon("names/syllable-initials.txt")?;
        let vowels = resources.lexicon("names/syllable-vowels.txt")?;
        let finals = resources.lexicon("names/syllable-finals.txt")?;
        let pattern = format!("^{}?{}{}?$", initials.pattern(), vowels.pattern(), finals.pattern());
        let syllable = Regex::new(&pattern).map_err(|e| ResourceError {
            file: initials.name().to_string(),
            line: None,
            message: format!("the syllable tables do not form a regular expression: {e}"),
        })?;
        Ok(Names {
            surnames: resources.lexicon("names/korean-surnames.txt")?,
            syllable,
            place_suffixes: resources.lexicon("names/korean-place-suffixes.txt")?,
        })
    }

    /// A romanised Korean surname (`Park`, `LEE`), in any case.
    pub fn is_korean_surname(&self, word: &str) -> bool {
        self.surnames.contains(&word.to_lowercase())
    }

    /// One romanised Korean syllable (`Na`, `Yeon`, `Hwan`), capitalised or not.
    pub fn is_syllable(&self, word: &str) -> bool {
        let lower = word.to_ascii_lowercase();
        lower.len() <= 6 && lower.chars().all(|c| c.is_ascii_lowercase()) && self.syllable.is_match(&lower)
    }

    /// `Cheong-san`, `Ji-hu`: two romanised syllables joined by a hyphen, the
    /// first capitalised and the second not.
    pub fn is_given_name(&self, word: &str) -> bool {
        word.split_once('-').is_some_and(|(a, b)| {
            a.starts_with(|c: char| c.is_ascii_uppercase())
                && b.starts_with(|c: char| c.is_ascii_lowercase())
                && self.is_syllable(a)
                && self.is_syllable(b)
        })
    }

    /// A Korean place by its administrative suffix: `Goyang-si`,
    /// `Gyeonggi-do`, `Gapyeong-gun`, `Gangnam-gu`.
    pub fn is_korean_place(&self, word: &str) -> bool {
        // Stricter than a `suffix` lexicon's match: three bytes at least
        // before the suffix, so that a given name like `Ji-do` is no place.
        self.place_suffixes.entries().iter().any(|s| word.ends_with(s.text.as_str()) && word.len() > s.text.len() + 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        crate::resources::on_defaults(Names::new)
    }

    #[test]
    fn romanised_syllables() {
        let names = names();
        for word in ["Na", "Ra", "Yeon", "Hwan", "In", "Jung", "Eun", "Kyung", "Seong", "a", "ssang"] {
            assert!(names.is_syllable(word), "{word}");
        }
        for word in ["Second", "Ramsey", "Stark", "Season", "", "Na-ra", "Kkwaeng"] {
            assert!(!names.is_syllable(word), "{word}");
        }
    }

    #[test]
    fn given_names_surnames_and_places() {
        let names = names();
        assert!(names.is_given_name("Ji-hu") && names.is_given_name("Cheong-san"));
        assert!(!names.is_given_name("ji-hu") && !names.is_given_name("Ji-Hu") && !names.is_given_name("Spider-man"));
        assert!(names.is_korean_surname("Park") && names.is_korean_surname("LEE") && !names.is_korean_surname("Pascal"));
        assert!(names.is_korean_place("Goyang-si") && names.is_korean_place("Gangnam-gu"));
        assert!(!names.is_korean_place("Ji-do") && !names.is_korean_place("Goyang-SI"));
    }
}
