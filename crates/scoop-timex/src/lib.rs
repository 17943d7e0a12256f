//! Rule-based TIMEX3 tagger (recognition and normalisation) for news text.
//!
//! [`Tagger::tag`] finds temporal expressions in a byte range of a text and
//! normalises them to TIMEX3 values following the extraction guide
//! (`/work/shared/extraction-guide.md`): dates (`2026-01-17`, `2025-Q3`,
//! `2026-W03-WE`, `202`, `PRESENT_REF`...), times, durations (`P7M`,
//! `PT50M`, `PXW`) and sets, with TIMEX3 `mod`s. See `resolve` for how
//! relative and partial expressions are anchored and `interval` for the
//! calendar interval conventions. [`timeml`] reads and writes TempEval-3
//! `.tml` files and scores them with TempEval-3's TIMEX3 measures.
//!
//! The word lists the recognisers and the resolver judge matches by (which
//! prepositions make a bare month a date, the tense cue words, holiday
//! names...) are resource files, `resources/dates/*.txt` ([`RESOURCES`]),
//! read into [`DateWords`]; [`Tagger::with_resources`] takes a researcher's
//! replacements. The regex skeletons (months, weekdays, units, number
//! words) stay in code.

#![warn(missing_docs)]

mod context;
mod expr;
mod interval;
mod lexicon;
mod recognize;
mod resolve;
pub mod timeml;
mod words;

use recognize::Recognizer;
use resolve::{Origin, Resolved, Resolver};
use scoop_lexicon::{ResourceError, Resources};
use std::ops::Range;

pub use interval::interval;
pub use timeml::{annotate_timeml_dir, eval_timeml_dir, TimemlReport};
pub use words::{DateWords, RESOURCES};

/// The guide's TIMEX3 types: one definition, shared with the record format.
pub use scoop_gold::TimexType;

/// Document creation time; news metadata sometimes only gives the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dct {
    /// The year, four digits.
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31; None when the metadata gives only the month.
    pub day: Option<u32>,
}

impl Dct {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Dct> {
        let s = s.trim();
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next());
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.is_some_and(|d| d.len() != 2) {
            return None;
        }
        let year = y.parse().ok()?;
        let month = m.parse().ok()?;
        let day = match d {
            Some(d) => Some(d.parse().ok()?),
            None => None,
        };
        chrono::NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))?;
        Some(Dct { year, month, day })
    }
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte offset into the text passed to [`Tagger::tag`] where it starts.
    pub start: usize,
    /// Byte offset where it ends, exclusive.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub timex_type: TimexType,
    /// The TIMEX3 value (`2026-01-17`, `P7M`, `XXXX-WXX-1`, `PRESENT_REF`).
    pub value: String,
    /// START MID END APPROX BEFORE AFTER ON_OR_BEFORE ON_OR_AFTER LESS_THAN MORE_THAN
    pub modifier: Option<&'static str>,
    /// Inclusive first and last day, for a DATE whose value is a fully known
    /// calendar period, narrowed by its mod: START/MID/END keep the first /
    /// middle / last third (`early 2024` → 2024-01-01..2024-05-01); seasons
    /// are meteorological (`2024-SU` → Jun 1..Aug 31, winter runs Dec–Feb);
    /// open-ended mods give None. See the `interval` module for the details.
    pub interval: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
}

/// The tagger: compiled patterns and word lists, built once and shared
/// across threads.
pub struct Tagger {
    words: DateWords,
    recognizer: Recognizer,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

impl Tagger {
    /// The tagger on the embedded word lists ([`RESOURCES`]).
    pub fn new() -> Tagger {
        Tagger::with_resources(&Resources::new().with_defaults(RESOURCES))
            .unwrap_or_else(|e| panic!("an embedded dates resource file does not parse: {e}"))
    }

    /// The tagger on the `dates/` files of `resources` (the embedded ones,
    /// or a researcher's replacements).
    pub fn with_resources(resources: &Resources) -> Result<Tagger, ResourceError> {
        let words = DateWords::from_resources(resources)?;
        Ok(Tagger { recognizer: Recognizer::new(&words), words })
    }

    /// Tags `text[range]` (range is a byte range on char boundaries; text
    /// outside it is context only, e.g. a metadata prefix). Results sorted
    /// by start, non-overlapping. An invalid range yields no results.
    pub fn tag(&self, text: &str, range: Range<usize>, dct: Option<Dct>) -> Vec<Timex> {
        self.tag_styled(text, range, dct, false)
    }

    /// Like [`Tagger::tag`], following TimeML / TimeBank conventions where
    /// they differ from the extraction guide: parts of the day join their
    /// day (`Friday night` → TIME `…TNI`), clock times join the date they
    /// precede (`5 p.m. EST Nov. 9`), `this morning`, `last night` are
    /// TIMEs, adjectival `daily` and `twice a year` are SETs, `the week of
    /// March 6` is a week, and a duration adjective after an article is kept
    /// without it (`the [eight-year] war`).
    pub fn tag_timeml(&self, text: &str, range: Range<usize>, dct: Option<Dct>) -> Vec<Timex> {
        self.tag_styled(text, range, dct, true)
    }

    fn tag_styled(&self, text: &str, range: Range<usize>, dct: Option<Dct>, timeml: bool) -> Vec<Timex> {
        let (lo, hi) = (range.start, range.end.min(text.len()));
        if lo >= hi || !text.is_char_boundary(lo) || !text.is_char_boundary(hi) {
            return Vec::new();
        }
        let words = &self.words;
        let cands = self.recognizer.candidates(text, lo, hi, timeml, words);
        let mut resolver = Resolver::new(text, lo, hi, dct, words);
        let mut records: Vec<Resolved> = cands.iter().map(|c| resolver.resolve(c)).collect();
        pin_day_refs(text, &mut records);
        attach_times(text, &mut records, timeml, dct, words);
        if timeml {
            join_day_parts(text, hi, &mut records, words);
            join_week_of(text, lo, &mut records);
        }
        records
            .into_iter()
            .map(|r| {
                let interval = match r.timex_type {
                    TimexType::Date => interval::interval(&r.value, r.modifier),
                    _ => None,
                };
                Timex { start: r.start, end: r.end, timex_type: r.timex_type, value: r.value, modifier: r.modifier, interval }
            })
            .collect()
    }
}

/// `YYYY-MM-DD` with at least month and day known (`XXXX-01-18` qualifies).
fn has_day(value: &str) -> bool {
    let b = value.as_bytes();
    value.len() == 10 && b[4] == b'-' && b[7] == b'-' && !value[5..].contains('X')
}

/// `today (Jan 18)`, `tomorrow, on August 18, 2022`: a relative day followed
/// by an apposed explicit date takes that date's value.
fn pin_day_refs(text: &str, records: &mut [Resolved]) {
    for i in 0..records.len().saturating_sub(1) {
        let (a, b) = (&records[i], &records[i + 1]);
        if a.origin != Origin::DayRef || !has_day(&b.value) {
            continue;
        }
        let gap = text[a.end..b.start].trim();
        let gap = gap.trim_start_matches([',', '(']).trim();
        let apposed = text[a.end..b.start].trim_start().starts_with([',', '(']) && (gap.is_empty() || gap.eq_ignore_ascii_case("on"));
        if apposed {
            records[i].value = records[i + 1].value.clone();
        }
    }
}

/// Gives a bare time of day the date next to it (`9:10 PM on Dec 10th`,
/// `May 3 at 9 pm`) and drops times with no date: without one they are as
/// likely scores or durations as clock times. Under TimeML a clock time
/// with no date next to it is kept (TimeBank annotates every one), on the
/// day last written before it, else the DCT's; a bare `noon`, `midnight`
/// only after `at`.
fn attach_times(text: &str, records: &mut Vec<Resolved>, timeml: bool, dct: Option<Dct>, words: &DateWords) {
    let dct_day = dct.and_then(|d| Some(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day?)));
    let mut keep = vec![true; records.len()];
    // TimeML: `5 p.m. EST Nov. 9`, `noon Thursday` are one TIME.
    let mut merge = vec![false; records.len()];
    for i in 0..records.len() {
        let Origin::TimeOfDay { hour, minute, second } = records[i].origin else {
            continue;
        };
        let next = records.get(i + 1).filter(|n| {
            let gap = text[records[i].end..n.start].trim();
            let gap = strip_zone(gap, words);
            (gap.is_empty() || gap.eq_ignore_ascii_case("on") || gap == ",") && has_day(&n.value)
        });
        if timeml && next.is_some() {
            // A bracketed conversion stays outside (`[10:35 a.m.] (0735 GMT) Friday`).
            let raw = text[records[i].end..records[i + 1].start].trim();
            let gap = strip_zone(raw, words);
            merge[i] = !raw.starts_with('(') && (gap.is_empty() || gap == ",");
        }
        let prev = i.checked_sub(1).map(|p| &records[p]).filter(|p| {
            let gap = text[p.end..records[i].start].trim().trim_start_matches(',').trim();
            (gap.is_empty() || gap.eq_ignore_ascii_case("at")) && has_day(&p.value)
        });
        let lone = || {
            let r = &records[i];
            let word = text[r.start..r.end].starts_with(char::is_alphabetic);
            let after_at =
                text[..r.start].trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| w.eq_ignore_ascii_case("at"));
            if word && !after_at {
                return None;
            }
            records[..i].iter().rev().find(|p| has_day(&p.value)).map(|p| p.value[..10].to_string()).or_else(|| dct_day.clone())
        };
        let date = match next.or(prev) {
            Some(r) => Some(r.value.clone()),
            None if timeml => lone(),
            None => None,
        };
        match date {
            Some(date) => records[i].value = resolve::with_time(&date, hour, minute, second),
            None => keep[i] = false,
        }
    }
    for i in (0..records.len()).rev() {
        if merge[i] && keep[i] && i + 1 < records.len() {
            records[i].end = records[i + 1].end;
            keep[i + 1] = false;
        }
    }
    let mut k = keep.into_iter();
    records.retain(|_| k.next().unwrap_or(false));
}

/// `EST`, `EDT`, `GMT`, `local time`... between a clock time and its date,
/// also as a bracketed conversion (`10:35 a.m. (0735 GMT) Friday`).
fn strip_zone<'g>(gap: &'g str, words: &DateWords) -> &'g str {
    if let Some((inner, rest)) = gap.strip_prefix('(').and_then(|g| g.split_once(')')) {
        if inner.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || matches!(c, ' ' | ':')) {
            return rest.trim();
        }
    }
    let g = gap.trim_start_matches(['(', ',']).trim();
    for z in &words.time_zones {
        if let Some(rest) = g.strip_prefix(z) {
            if !rest.starts_with(|c: char| c.is_alphanumeric()) {
                return rest.trim_start_matches([')']).trim();
            }
        }
    }
    gap
}

/// TimeML: a day followed by a part of the day is one TIME (`Friday
/// night` → `1998-02-13TNI`, `yesterday morning`).
fn join_day_parts(text: &str, hi: usize, records: &mut [Resolved], words: &DateWords) {
    for r in records.iter_mut() {
        if r.timex_type != TimexType::Date || !has_day(&r.value) {
            continue;
        }
        let after = &text[r.end..hi];
        let rest = after.trim_start_matches([' ', '\t']);
        let ws = after.len() - rest.len();
        if ws == 0 {
            continue;
        }
        let skip = ws;
        for (w, code) in words.day_parts() {
            let ok = rest.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w))
                && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-');
            if ok {
                r.end += skip + w.len();
                r.timex_type = TimexType::Time;
                r.value = format!("{}T{code}", r.value);
                break;
            }
        }
    }
}

/// TimeML: `the week of March 6` is that day's ISO week (`2000-W10`).
fn join_week_of(text: &str, lo: usize, records: &mut [Resolved]) {
    const LEAD: &str = "the week of";
    for i in 0..records.len() {
        let r = &records[i];
        let Some(day) = chrono::NaiveDate::parse_from_str(&r.value, "%Y-%m-%d").ok() else {
            continue;
        };
        let before = text[lo..r.start].trim_end();
        let Some(from) = before.len().checked_sub(LEAD.len()).map(|k| lo + k) else {
            continue;
        };
        // `get` is None off a char boundary (`—week of` is no lead).
        let lead = text.get(from..from + LEAD.len());
        if !lead.is_some_and(|w| w.eq_ignore_ascii_case(LEAD)) {
            continue;
        }
        let starts_word = !text[lo..from].chars().next_back().is_some_and(char::is_alphanumeric);
        let taken = i > 0 && records[i - 1].end > from;
        if starts_word && !taken {
            records[i].start = from;
            records[i].value = day.format("%G-W%V").to_string();
        }
    }
}

#[cfg(test)]
mod tests;
