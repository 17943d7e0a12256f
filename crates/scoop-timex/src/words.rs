//! The tagger's vocabulary: the word lists of `resources/dates/`, parsed
//! once into sets the recognisers and the resolver look words up in.
//!
//! The regex skeletons (months, weekdays, units, number words: see
//! `lexicon`) stay in code; these lists are the words around a match that
//! make it a date or not, and the cue words of tense.

use crate::expr::Holiday;
use scoop_lexicon::{Entry, Lexicon, ResourceError, Resources};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The embedded defaults of `resources/dates/`, for
/// [`scoop_lexicon::Resources::with_defaults`].
pub const RESOURCES: &[(&str, &str)] = scoop_lexicon::embedded!(
    "../../";
    "dates/amount-words.txt",
    "dates/clock-prepositions.txt",
    "dates/count-nouns.txt",
    "dates/day-of-month-prepositions.txt",
    "dates/day-part-phrase-enders.txt",
    "dates/day-part-prepositions.txt",
    "dates/day-parts.txt",
    "dates/fiscal-year-blockers.txt",
    "dates/fiscal-year-prepositions.txt",
    "dates/future-cues.txt",
    "dates/holidays.txt",
    "dates/label-words.txt",
    "dates/last-verb-auxiliaries.txt",
    "dates/may-prepositions.txt",
    "dates/month-links.txt",
    "dates/past-cues.txt",
    "dates/schedule-words.txt",
    "dates/season-prepositions.txt",
    "dates/set-adverb-followers.txt",
    "dates/show-words.txt",
    "dates/soon-blockers.txt",
    "dates/strong-prepositions.txt",
    "dates/time-zones.txt",
    "dates/to-as-preposition.txt",
    "dates/today-day-nouns.txt",
    "dates/vague-amounts.txt",
    "dates/week-blockers.txt",
    "dates/weekday-blockers.txt",
    "dates/zones-after-24-hour-clocks.txt",
);

/// FNV-1a: the sets hold short words and are asked in the recognisers' hot
/// loops, where SipHash would cost more than the `matches!` it replaces.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A list's entries, matched whole and exactly as written: the callers
/// lower-case a word where its case does not matter, so an entry of a
/// case-insensitive file (lower case) matches just those words.
#[derive(Debug, Clone)]
pub(crate) struct WordSet(HashSet<Box<str>, BuildHasherDefault<Fnv>>);

impl WordSet {
    fn new(lexicon: &Lexicon) -> WordSet {
        WordSet(lexicon.entries().iter().map(|e| e.text.as_str().into()).collect())
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// Every word list of `resources/dates/`, parsed once: the tagger holds one
/// and lends it to the recognisers and the resolver.
#[derive(Debug, Clone)]
pub struct DateWords {
    pub(crate) strong_prepositions: WordSet,
    pub(crate) weekday_blockers: WordSet,
    pub(crate) future_cues: WordSet,
    pub(crate) past_cues: WordSet,
    pub(crate) to_as_preposition: WordSet,
    pub(crate) month_links: WordSet,
    pub(crate) may_prepositions: WordSet,
    pub(crate) season_prepositions: WordSet,
    /// In file order: the first that begins the gap between a time and its date.
    pub(crate) time_zones: Vec<String>,
    pub(crate) zones_after_24_hour_clocks: WordSet,
    pub(crate) show_words: WordSet,
    pub(crate) schedule_words: WordSet,
    pub(crate) clock_prepositions: WordSet,
    pub(crate) day_of_month_prepositions: WordSet,
    pub(crate) fiscal_year_prepositions: WordSet,
    pub(crate) fiscal_year_blockers: WordSet,
    pub(crate) amount_words: WordSet,
    pub(crate) vague_amounts: WordSet,
    pub(crate) last_verb_auxiliaries: WordSet,
    pub(crate) set_adverb_followers: WordSet,
    pub(crate) day_part_prepositions: WordSet,
    pub(crate) day_part_phrase_enders: WordSet,
    pub(crate) today_day_nouns: WordSet,
    count_nouns: WordSet,
    label_words: WordSet,
    pub(crate) soon_blockers: WordSet,
    pub(crate) week_blockers: WordSet,
    /// `(word, TIMEX3 code)` in file order.
    day_parts: Vec<(String, String)>,
    /// Holiday names as written, in file order, and their days by name.
    holiday_names: Vec<String>,
    holidays: HashMap<String, (u32, Holiday)>,
}

impl DateWords {
    /// Reads every file of `dates/` in `resources`; a holiday or part of
    /// the day whose value the tagger cannot use is an error on its line.
    pub fn from_resources(resources: &Resources) -> Result<DateWords, ResourceError> {
        let lexicon = |name: &str| resources.lexicon(&format!("dates/{name}.txt"));
        let set = |name: &str| lexicon(name).map(|l| WordSet::new(&l));
        let day_parts = lexicon("day-parts")?;
        let holidays = lexicon("holidays")?;
        Ok(DateWords {
            strong_prepositions: set("strong-prepositions")?,
            weekday_blockers: set("weekday-blockers")?,
            future_cues: set("future-cues")?,
            past_cues: set("past-cues")?,
            to_as_preposition: set("to-as-preposition")?,
            month_links: set("month-links")?,
            may_prepositions: set("may-prepositions")?,
            season_prepositions: set("season-prepositions")?,
            time_zones: lexicon("time-zones")?.entries().iter().map(|e| e.text.clone()).collect(),
            zones_after_24_hour_clocks: set("zones-after-24-hour-clocks")?,
            show_words: set("show-words")?,
            schedule_words: set("schedule-words")?,
            clock_prepositions: set("clock-prepositions")?,
            day_of_month_prepositions: set("day-of-month-prepositions")?,
            fiscal_year_prepositions: set("fiscal-year-prepositions")?,
            fiscal_year_blockers: set("fiscal-year-blockers")?,
            amount_words: set("amount-words")?,
            vague_amounts: set("vague-amounts")?,
            last_verb_auxiliaries: set("last-verb-auxiliaries")?,
            set_adverb_followers: set("set-adverb-followers")?,
            day_part_prepositions: set("day-part-prepositions")?,
            day_part_phrase_enders: set("day-part-phrase-enders")?,
            today_day_nouns: set("today-day-nouns")?,
            count_nouns: set("count-nouns")?,
            label_words: set("label-words")?,
            soon_blockers: set("soon-blockers")?,
            week_blockers: set("week-blockers")?,
            day_parts: day_parts
                .entries()
                .iter()
                .map(|e| {
                    let code = e.value.as_deref().filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_uppercase()));
                    code.map(|c| (e.text.clone(), c.to_string()))
                        .ok_or_else(|| value_error(&day_parts, e, "a TIMEX3 code in capitals (`MO`)"))
                })
                .collect::<Result<_, _>>()?,
            holiday_names: holidays.entries().iter().map(|e| e.text.clone()).collect(),
            holidays: holidays
                .entries()
                .iter()
                .map(|e| {
                    let day = e.value.as_deref().and_then(holiday_rule);
                    day.map(|d| (e.text.clone(), d))
                        .ok_or_else(|| value_error(&holidays, e, "`12-25`, `11-thu-4`, `05-mon-last`, `easter` or `election`"))
                })
                .collect::<Result<_, _>>()?,
        })
    }

    /// Words after a number that show it counts something other than days
    /// (`January 17 and 18 episodes`, `2024 people`).
    pub(crate) fn is_count_noun(&self, word: &str) -> bool {
        self.count_nouns.contains(&word.to_ascii_lowercase())
    }

    /// Words before a number that make it a label, not a date (`Season 2`).
    pub(crate) fn is_label_word(&self, word: &str) -> bool {
        self.label_words.contains(word.to_ascii_lowercase().trim_end_matches('.'))
    }

    /// The TIMEX3 code of a part of the day (`night` → `NI`).
    pub(crate) fn day_part(&self, word: &str) -> Option<&str> {
        self.day_parts.iter().find(|(w, _)| w == word).map(|(_, code)| code.as_str())
    }

    /// The parts of the day and their codes, in file order.
    pub(crate) fn day_parts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.day_parts.iter().map(|(w, c)| (w.as_str(), c.as_str()))
    }

    /// The holiday names as one regex alternation, longest first so that
    /// `Christmas Day` wins over `Christmas`: a space matches any white
    /// space, an apostrophe either apostrophe.
    pub(crate) fn holiday_pattern(&self) -> String {
        let mut names: Vec<&String> = self.holiday_names.iter().collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let alternatives: Vec<String> =
            names.iter().map(|n| regex::escape(n).replace(' ', "\\s+").replace('\'', "(?:'|\u{2019})")).collect();
        format!("(?:{})", alternatives.join("|"))
    }

    /// The month and day rule of a holiday matched by [`Self::holiday_pattern`].
    pub(crate) fn holiday(&self, name: &str) -> Option<(u32, Holiday)> {
        let name: String = name.split_whitespace().collect::<Vec<_>>().join(" ").replace('\u{2019}', "'");
        self.holidays.get(&name).copied()
    }
}

fn value_error(lexicon: &Lexicon, entry: &Entry, expected: &str) -> ResourceError {
    let value = entry.value.as_deref().map_or_else(|| "no value".to_string(), |v| format!("`{v}`"));
    ResourceError {
        file: lexicon.name().to_string(),
        line: Some(entry.line),
        message: format!("`{}` has {value}: expected ` => ` and {expected}", entry.text),
    }
}

/// A holiday's value: `MM-DD`, `MM-<weekday>-<n or last>`, `easter`,
/// `election`. Easter and Election Day compute their own month; the month
/// kept for them is unused.
fn holiday_rule(value: &str) -> Option<(u32, Holiday)> {
    match value {
        "easter" => return Some((3, Holiday::Easter)),
        "election" => return Some((11, Holiday::Election)),
        _ => {}
    }
    let mut parts = value.split('-');
    let month: u32 = parts.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let rule = match (parts.next()?, parts.next(), parts.next()) {
        (day, None, None) => Holiday::Fixed(day.parse().ok().filter(|d| (1..=31).contains(d))?),
        (weekday, Some(n), None) => {
            let wd = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].iter().position(|w| *w == weekday)? as u32 + 1;
            let n = if n == "last" { 5 } else { n.parse().ok().filter(|n| (1..=4).contains(n))? };
            Holiday::NthWeekday { n, wd }
        }
        _ => return None,
    };
    Some((month, rule))
}

#[cfg(test)]
pub(crate) fn defaults() -> DateWords {
    DateWords::from_resources(&Resources::new().with_defaults(RESOURCES)).unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holiday_values() {
        assert_eq!(holiday_rule("12-25"), Some((12, Holiday::Fixed(25))));
        assert_eq!(holiday_rule("11-thu-4"), Some((11, Holiday::NthWeekday { n: 4, wd: 4 })));
        assert_eq!(holiday_rule("05-mon-last"), Some((5, Holiday::NthWeekday { n: 5, wd: 1 })));
        assert_eq!(holiday_rule("13-01"), None);
        assert_eq!(holiday_rule("11-thursday-4"), None);
        let words = defaults();
        assert_eq!(words.holiday("New  Year\u{2019}s Day"), Some((1, Holiday::Fixed(1))));
        assert_eq!(words.day_part("night"), Some("NI"));
    }

    #[test]
    fn a_holiday_without_a_usable_day_names_its_line() {
        let resources = Resources::new().with_defaults(RESOURCES).with_defaults(&[(
            "dates/holidays.txt",
            "# match: phrase\n# case: sensitive\nChristmas => 12-25\nBoxing Day => 26 December\n",
        )]);
        let e = DateWords::from_resources(&resources).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("resources/dates/holidays.txt", Some(4)));
        assert!(e.message.contains("`26 December`"), "{e}");
    }
}
