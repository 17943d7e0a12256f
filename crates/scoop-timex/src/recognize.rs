//! Recognition: a dozen regexes (each one pass over the text, no per-position
//! scanning) propose candidate spans with a parsed, still unresolved
//! expression; context checks reject the false friends (`May` the name,
//! `Season 2`, `2024` in a URL, `a second season`...); overlaps are settled
//! in favour of the longer span.

mod amount;
mod calendar;
mod clock;
mod deictic;
mod extra;
mod fiscal;
mod shared;

pub use crate::expr::{Cand, Expr, RelUnit, YearSpec};
use crate::lexicon::{DAY, MONTH, NUMBER_WORDS, ORDINAL_WORDS, PART, QUANT, TIME, UNIT, WEEKDAY, WEEKDAY_LEAD, YEAR};
use crate::words::DateWords;
use amount::{bare_units, duration, set};
use calendar::{day_month, month, month_day, numeric, period};
use clock::time;
use deictic::{ordinal_day, refs, relative, weekday};
use extra::extra;
use fiscal::fiscal;
use regex::Regex;
use shared::{Cx, Handler};

/// The compiled passes, built once per tagger.
pub struct Recognizer {
    /// One regex per pass with the handler that reads its matches, in pass
    /// order (on equal spans the earlier pass wins).
    passes: Vec<(Regex, Handler)>,
}

/// Builds a regex from trusted fragments.
fn re(pattern: &str) -> Regex {
    // The patterns are constants covered by the unit tests, and the one
    // list spliced in (the holiday names) is escaped, so a failure here is a
    // programming error, never a consequence of user input.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in pattern: {e}"))
}

impl Recognizer {
    /// Compiles the passes; the holiday names come from `words`.
    pub fn new(words: &DateWords) -> Recognizer {
        let b = "(?-u:\\b)";
        let table: [(String, Handler); 15] = [
            (extra::pattern(words), extra),
            (format!(
                "{b}(?i:(?P<yaq>the\\s+(?:year-earlier|year-ago)\\s+(?:first|second|third|fourth)(?:\\s+|-)quarter)|(?P<qdet>the\\s+(?:comparable\\s+)?(?:latest|most\\s+recent|current|previous|prior-year|prior|year-earlier|year-ago|same|(?P<qyear>{YEAR}))|the|this|that|last|next|year-earlier|year-ago)\\s+(?:fiscal\\s+)?(?P<qunit>quarter|period)|(?P<ya>year-earlier|year-ago)|(?P<ydet>the\\s+(?:current\\s+|full\\s+)?(?:fiscal\\s+)?)year){b}"
            ), fiscal),
            (format!(
                "{b}(?:(?P<iy>(?:19|20)[0-9]{{2}})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12][0-9]|3[01])|(?P<sm>[0-9]{{1,2}})/(?P<sd>[0-9]{{1,2}})/(?P<sy>(?:19|20)[0-9]{{2}})|(?P<dy>(?:19|20)[0-9]{{2}})\\.(?P<dm>[0-9]{{1,2}})\\.(?P<dd>[0-9]{{1,2}})){b}"
            ), numeric),
            (format!(
                "{b}(?:(?P<wd>{WEEKDAY_LEAD}),?\\s+)?(?P<mon>{MONTH})(?:\\.\\s*|\\s+)(?P<day>{DAY})(?:,?\\s+(?P<yr>{YEAR})|\\s+(?P<rel>(?:this|last|next)\\s+year))?(?:(?:,\\s*|\\s+)(?:at\\s+)?(?P<time>{TIME}))?(?:\\s*(?:and|to|through|or|&|-|–|—)\\s*(?P<day2>{DAY}))?"
            ), month_day),
            (format!(
                "{b}(?:(?P<wd>{WEEKDAY_LEAD}),?\\s+)?(?:(?P<the>(?i:the))\\s+)?(?P<dd>{DAY}|(?i:{ORDINAL_WORDS}))\\s+(?:(?P<of>of)\\s+)?(?P<mon>{MONTH})(?:\\.?,?\\s+(?P<yr>{YEAR}))?"
            ), day_month),
            (format!(
                "(?:{b}(?P<part>{PART})(?:-|\\s+))?(?:{b}(?P<mrel>(?i:last|next|this))\\s+)?{b}(?P<mon>{MONTH})(?:\\.?(?:\\s+of)?,?\\s+(?P<yr>{YEAR})|\\s+(?P<rel>this|last|next)\\s+year)?"
            ), month),
            (format!(
                "(?:{b}(?P<q>(?i:at\\s+least|around|about|approximately|circa|no\\s+later\\s+than|no\\s+earlier\\s+than|as\\s+early\\s+as))\\s+)?(?:{b}(?P<part>{PART})(?:-|\\s+))?(?:\
                 {b}Q(?P<qn>[1-4])(?:\\s+(?:of\\s+)?(?P<qy>{YEAR}))?{b}\
                 |{b}(?P<qy2>{YEAR})\\s+Q(?P<qn2>[1-4]){b}\
                 |{b}(?i:(?:the\\s+)?(?:(?P<qy4>{YEAR})\\s+|(?P<qrel2>this|last|next)\\s+year(?:'|’)s\\s+)?(?:fiscal[\\s-]+)?(?P<qord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:\\s+|-)quarter)(?:\\s*\\(Q[1-4]\\))?(?:\\s+(?i:of)\\s+(?:(?P<qy3>{YEAR})|(?P<qrel>(?i:this|last|next))\\s+(?i:year)|(?i:the\\s+year)))?\
                 |{b}(?i:(?:the\\s+)?(?P<hord>first|second|latter|last|back)\\s+half\\s+of)\\s+(?:(?P<hy>{YEAR})|(?P<hrel>(?i:this|last|next))\\s+(?i:year)|(?i:the\\s+year))\
                 |{b}H(?P<hn>[12])\\s+(?P<hy2>{YEAR})\
                 |{b}(?P<hadj>(?i:first|second))-(?i:half){b}\
                 |{b}(?i:(?:(?P<srel>this\\s+past|this|that|last|next|the\\s+coming|the\\s+past)\\s+)?(?P<sname>spring|summer|fall|autumn|winter))(?:\\s+(?:of\\s+)?(?P<sy>{YEAR}))?{b}\
                 |{b}(?P<decl>(?:1[89]|20)[0-9])0s{b}\
                 |['‘’](?P<decs>[0-9])0s{b}\
                 |(?P<decthe>(?i:the)\\s+)?(?P<decw>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){b}\
                 |{b}(?:(?i:fiscal)[\\s-]+|(?P<fy>FY)\\s?)?(?P<year>{YEAR}))"
            ), period),
            (format!(
                "(?:{b}(?P<part>{PART})(?:-|\\s+))?{b}(?i:(?P<det>this\\s+past|this|last|next|coming|the\\s+previous|the\\s+prior|the\\s+following|the\\s+next|the\\s+coming|the\\s+same|the\\s+current|that|previous|prior|following)\\s+(?P<unit>weekend|week|month|year|decade|day)|(?P<deictic>today|tonight|tomorrow|yesterday)|(?P<theday>the\\s+day)|(?P<theweekend>the\\s+weekend)|(?P<theweek>the\\s+week)|(?P<theunit>the\\s+(?:month|year|decade))){b}"
            ), relative),
            (format!(
                "{b}(?i:(?P<r>now|currently|presently|at\\s+present|as\\s+of\\s+yet|as\\s+yet|nowadays|these\\s+days|recently|lately|soon|the\\s+moment|the\\s+near\\s+future|the\\s+future|the\\s+past|the\\s+time\\s+being|the\\s+(?:near|short)\\s+term|current|a\\s+while)){b}"
            ), refs),
            (format!(
                "{b}(?:(?P<qm>{QUANT})\\s+)?(?:(?P<det>(?i:the\\s+(?:past|last|next|first|latest|coming|previous|following|same)|past|last|next|the))\\s+)?(?P<num>(?i:{NUMBER_WORDS}|a\\s+hundred|half\\s+an?|a\\s+single|(?:a\\s+)?couple\\s+of|a\\s+few|an|a|few|several|many|some|recent|coming|future|the\\s+past\\s+few|the\\s+last\\s+few|the\\s+next\\s+few|the\\s+past|the\\s+last|the)|[0-9]+(?:\\.[0-9]+)?)(?P<half1>\\s+(?:1/2|(?i:and\\s+a\\s+half)))?(?P<hy>-|\\s+)(?:(?P<more>(?i:more|additional|further))\\s+)?(?:(?i:trading|business|working|consecutive|straight|successive)\\s+)?(?P<unit>(?i:{UNIT})){b}(?P<half2>\\s+(?i:and\\s+a\\s+half){b})?(?:\\s+and\\s+(?P<num2>[0-9]+|(?i:{NUMBER_WORDS}))\\s+(?P<unit2>(?i:{UNIT})){b})?(?:\\s+(?P<ago>(?i:ago|earlier)){b})?"
            ), duration),
            (format!(
                "{b}(?i:(?:(?P<cn>[0-9]+|{NUMBER_WORDS})-)?(?P<cu>{UNIT})-(?P<cs>long|old)|(?P<cw>(?:hour|day|week|month|year)long)|(?:(?P<the>the)\\s+)?(?P<unit>years|months|weeks|decades|days|hours|minutes|centuries)){b}(?:\\s+(?P<ago>(?i:ago|ahead)){b})?"
            ), bare_units),
            (format!(
                "{b}(?i:(?:every|each)\\s+(?:(?P<other>other)\\s+)?(?:(?P<sn>[0-9]+|{NUMBER_WORDS})\\s+)?(?P<su>{UNIT}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|morning|afternoon|evening|night|(?P<smon>january|february|march|april|may|june|july|august|september|october|november|december)|(?P<sseason>spring|summer|fall|autumn|winter))s?{b}(?:\\s+(?P<orso>or\\s+so){b})?|(?P<freq>once|twice|(?:[0-9]+|{NUMBER_WORDS})\\s+times)\\s+(?:a|an|per)\\s+(?P<fu>{UNIT}){b}|(?P<adv>hourly|weekly|daily|monthly|annually|yearly|nightly|biweekly){b})"
            ), set),
            (format!(
                "(?:{b}(?P<wrel>(?i:this\\s+past|last|next|this|coming|the\\s+previous))\\s+)?{b}(?P<wd>{WEEKDAY})(?P<pl>s)?{b}"
            ), weekday),
            (format!("{b}(?:(?P<t>{TIME})|(?P<nm>(?i:noon|midnight|midday)){b})"), time),
            (format!(
                "{b}(?i:the)\\s+(?P<od>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)){b}"
            ), ordinal_day),
        ];
        Recognizer { passes: table.into_iter().map(|(p, h)| (re(&p), h)).collect() }
    }

    /// All candidates in `text[lo..hi]`, sorted by start and non-overlapping.
    pub fn candidates(&self, text: &str, lo: usize, hi: usize, timeml: bool, words: &DateWords) -> Vec<Cand> {
        let hay = &text[..hi];
        let mut out = Vec::new();
        let cx = Cx { text, lo, hi, timeml, words };
        for (regex, handler) in &self.passes {
            let mut at = lo;
            while let Some(caps) = regex.captures_at(hay, at) {
                let m = caps.get(0).map_or(at..at, |m| m.range());
                handler(&cx, &caps, &mut out);
                // Advance past the match (or one char on an empty match).
                at = if m.end > m.start { m.end } else { m.end + hay[m.end..].chars().next().map_or(1, char::len_utf8) };
                if at >= hi {
                    break;
                }
            }
        }
        select(out)
    }
}

/// Keeps the longest candidates, then the earliest, without overlaps.
fn select(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)));
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for c in cands {
        let overlaps_before = taken.range(..c.end).next_back().is_some_and(|(_, &e)| e > c.start);
        if !overlaps_before {
            taken.insert(c.start, c.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_of_days_gives_two_candidates() {
        let text = "Shooting is on January 17 and 18 next weekend.";
        let words = crate::words::defaults();
        let cands = Recognizer::new(&words).candidates(text, 0, text.len(), false, &words);
        let spans: Vec<_> = cands.into_iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(spans, ["January 17", "18", "next weekend"]);
    }
}
