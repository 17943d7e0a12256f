//! Recognition: a dozen regexes (each one pass over the text, no per-position
//! scanning) propose candidate spans with a parsed, still unresolved
//! expression; context checks reject the false friends (`May` the name,
//! `Season 2`, `2024` in a URL, `a second season`...); overlaps are settled
//! in favour of the longer span.

use crate::context::{enclosing_token, next_token, prev_token, prev_token2};
use crate::lexicon::{self as lex, DAY, MONTH, NUMBER_WORDS, ORDINAL_WORDS, PART, QUANT, TIME, UNIT, WEEKDAY, YEAR};
use regex::{Captures, Regex};

/// How a year is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    Known(i32),
    /// Relative to the DCT (`last year` → -1).
    Rel(i32),
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelUnit {
    Day,
    Night,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

/// A recognised expression before resolution against the DCT / context.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Calendar date with possibly missing parts.
    Cal { year: YearSpec, month: Option<u32>, day: Option<u32> },
    Quarter { year: YearSpec, q: u32 },
    Half { year: YearSpec, h: u32 },
    Season { year: YearSpec, code: &'static str, first_month: u32 },
    /// `last summer` (-1), `this summer` (0), `next summer` (+1).
    SeasonRel { code: &'static str, first_month: u32, offset: i32 },
    /// Three-digit decade value (`196` for the 1960s).
    Decade(i32),
    /// `'60s`: the century is inferred at resolution.
    ShortDecade(i32),
    /// `next week`, `the following year`; anaphoric ones resolve against the
    /// previous date in the text rather than the DCT.
    Rel { unit: RelUnit, offset: i32, anaphoric: bool },
    /// `today`: either the day or the generic present (`today's society`).
    Today,
    /// Weekday, with `last`/`next`/`this` when given.
    Weekday { wd: u32, offset: Option<i32> },
    /// `two weeks ago`; `amount` None for vague ones (`many months ago`).
    Ago { amount: Option<u32>, unit: char },
    Ref(&'static str),
    Duration(String),
    Set(String),
    /// A time of day, optionally with its date (`May 31, 2022 3:02 pm`).
    Time { date: Option<Box<Expr>>, hour: u32, minute: u32, second: Option<u32> },
}

#[derive(Debug, Clone)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<&'static str>,
}

pub struct Recognizer {
    numeric: Regex,
    month_day: Regex,
    day_month: Regex,
    month: Regex,
    period: Regex,
    relative: Regex,
    refs: Regex,
    duration: Regex,
    bare_units: Regex,
    set: Regex,
    weekday: Regex,
    time: Regex,
    ordinal_day: Regex,
}

/// Builds a regex from trusted, constant fragments.
fn re(pattern: &str) -> Regex {
    // The patterns are compile-time constants covered by the unit tests, so a
    // failure here is a programming error, never a consequence of user input.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in pattern: {e}"))
}

const STRONG_PREPS: [&str; 22] = [
    "in", "since", "by", "until", "till", "from", "through", "between", "before", "after",
    "during", "throughout", "around", "this", "last", "next", "to", "of", "early", "late", "mid",
    "until",
];

const WEEKDAY_PREPS: [&str; 24] = [
    "on", "since", "until", "till", "by", "from", "before", "after", "every", "through", "(",
    "and", "or", "to", "late", "early", "said", "announced", "reported", "revealed", "confirmed",
    "unveiled", "shared", "released",
];

fn lower(s: &str) -> String {
    s.to_lowercase()
}

impl Recognizer {
    pub fn new() -> Recognizer {
        let b = "(?-u:\\b)";
        Recognizer {
            numeric: re(&format!(
                "{b}(?:(?P<iy>(?:19|20)[0-9]{{2}})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12][0-9]|3[01])|(?P<sm>[0-9]{{1,2}})/(?P<sd>[0-9]{{1,2}})/(?P<sy>(?:19|20)[0-9]{{2}})|(?P<dy>(?:19|20)[0-9]{{2}})\\.(?P<dm>[0-9]{{1,2}})\\.(?P<dd>[0-9]{{1,2}})){b}"
            )),
            month_day: re(&format!(
                "{b}(?:(?P<wd>{WEEKDAY}),?\\s+)?(?P<mon>{MONTH})(?:\\.\\s*|\\s+)(?P<day>{DAY})(?:,?\\s+(?P<yr>{YEAR})|\\s+(?P<rel>(?:this|last|next)\\s+year))?(?:(?:,\\s*|\\s+)(?:at\\s+)?(?P<time>{TIME}))?(?:\\s*(?:and|to|through|or|&|-|–|—)\\s*(?P<day2>{DAY}))?"
            )),
            day_month: re(&format!(
                "{b}(?:(?P<the>(?i:the))\\s+)?(?P<dd>{DAY}|(?i:{ORDINAL_WORDS}))\\s+(?:(?P<of>of)\\s+)?(?P<mon>{MONTH})(?:\\.?,?\\s+(?P<yr>{YEAR}))?"
            )),
            month: re(&format!(
                "(?:{b}(?P<part>{PART})(?:-|\\s+))?{b}(?P<mon>{MONTH})(?:\\.?(?:\\s+of)?,?\\s+(?P<yr>{YEAR})|\\s+(?P<rel>this|last|next)\\s+year)?"
            )),
            period: re(&format!(
                "(?:{b}(?P<q>(?i:at\\s+least|around|about|approximately|circa|no\\s+later\\s+than|no\\s+earlier\\s+than|as\\s+early\\s+as))\\s+)?(?:{b}(?P<part>{PART})(?:-|\\s+))?(?:\
                 {b}Q(?P<qn>[1-4])(?:\\s+(?:of\\s+)?(?P<qy>{YEAR}))?{b}\
                 |{b}(?P<qy2>{YEAR})\\s+Q(?P<qn2>[1-4]){b}\
                 |{b}(?i:(?:the\\s+)?(?P<qord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\\s+quarter)(?:\\s*\\(Q[1-4]\\))?(?:\\s+(?i:of)\\s+(?:(?P<qy3>{YEAR})|(?P<qrel>(?i:this|last|next))\\s+(?i:year)|(?i:the\\s+year)))?\
                 |{b}(?i:(?:the\\s+)?(?P<hord>first|second|latter|back)\\s+half\\s+of)\\s+(?:(?P<hy>{YEAR})|(?P<hrel>(?i:this|last|next))\\s+(?i:year)|(?i:the\\s+year))\
                 |{b}H(?P<hn>[12])\\s+(?P<hy2>{YEAR})\
                 |{b}(?i:(?:(?P<srel>this\\s+past|this|last|next|the\\s+coming|the\\s+past)\\s+)?(?P<sname>spring|summer|fall|autumn|winter))(?:\\s+(?:of\\s+)?(?P<sy>{YEAR}))?{b}\
                 |{b}(?P<decl>(?:1[89]|20)[0-9])0s{b}\
                 |['‘’](?P<decs>[0-9])0s{b}\
                 |{b}(?P<year>{YEAR}))"
            )),
            relative: re(&format!(
                "(?:{b}(?P<part>{PART})(?:-|\\s+))?{b}(?i:(?P<det>this\\s+past|this|last|next|coming|the\\s+previous|the\\s+following|the\\s+next|the\\s+coming|the\\s+same|the\\s+current|that|previous|following)\\s+(?P<unit>weekend|week|month|year|decade|day)|(?P<deictic>today|tonight|tomorrow|yesterday)|(?P<theday>the\\s+day)){b}"
            )),
            refs: re(&format!(
                "{b}(?i:(?P<r>now|currently|presently|at\\s+present|as\\s+of\\s+yet|as\\s+yet|nowadays|these\\s+days|recently|lately|soon|the\\s+moment|the\\s+near\\s+future|the\\s+future|the\\s+past|the\\s+time\\s+being)){b}"
            )),
            duration: re(&format!(
                "{b}(?:(?P<qm>{QUANT})\\s+)?(?P<num>(?i:{NUMBER_WORDS}|a\\s+single|a\\s+couple\\s+of|a\\s+few|an|a|few|several|many|some|recent|the\\s+past\\s+few|the\\s+last\\s+few|the\\s+next\\s+few|the\\s+past|the\\s+last|the)|[0-9]+(?:\\.[0-9]+)?)(?P<hy>-|\\s+)(?P<unit>(?i:{UNIT})){b}(?:\\s+and\\s+(?P<num2>[0-9]+|(?i:{NUMBER_WORDS}))\\s+(?P<unit2>(?i:{UNIT})){b})?(?:\\s+(?P<ago>(?i:ago)){b})?"
            )),
            bare_units: re(&format!(
                "{b}(?i:(?P<unit>years|months|weeks|decades|days)){b}(?:\\s+(?P<ago>(?i:ago)){b})?"
            )),
            set: re(&format!(
                "{b}(?i:(?:every|each)\\s+(?:(?P<other>other)\\s+)?(?:(?P<sn>[0-9]+|{NUMBER_WORDS})\\s+)?(?P<su>{UNIT}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|morning|afternoon|evening|night)s?{b}(?:\\s+(?P<orso>or\\s+so){b})?|(?P<adv>weekly|daily|monthly|annually|yearly|nightly|biweekly){b})"
            )),
            weekday: re(&format!(
                "(?:{b}(?P<wrel>(?i:this\\s+past|last|next|this|coming))\\s+)?{b}(?P<wd>{WEEKDAY})(?P<pl>s)?{b}"
            )),
            time: re(&format!("{b}(?P<t>{TIME})")),
            ordinal_day: re(&format!(
                "{b}(?i:the)\\s+(?P<od>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)){b}"
            )),
        }
    }

    /// All candidates in `text[lo..hi]`, sorted by start and non-overlapping.
    pub fn candidates(&self, text: &str, lo: usize, hi: usize) -> Vec<Cand> {
        let hay = &text[..hi];
        let mut out = Vec::new();
        let passes: [(&Regex, Handler); 13] = [
            (&self.numeric, numeric),
            (&self.month_day, month_day),
            (&self.day_month, day_month),
            (&self.month, month),
            (&self.period, period),
            (&self.relative, relative),
            (&self.refs, refs),
            (&self.duration, duration),
            (&self.bare_units, bare_units),
            (&self.set, set),
            (&self.weekday, weekday),
            (&self.time, time),
            (&self.ordinal_day, ordinal_day),
        ];
        let cx = Cx { text, lo, hi };
        for (regex, handler) in passes {
            let mut at = lo;
            while let Some(caps) = regex.captures_at(hay, at) {
                let m = caps.get(0).map_or(at..at, |m| m.range());
                handler(&cx, &caps, &mut out);
                // Advance past the match (or one char on an empty match).
                at = if m.end > m.start {
                    m.end
                } else {
                    m.end + hay[m.end..].chars().next().map_or(1, char::len_utf8)
                };
                if at >= hi {
                    break;
                }
            }
        }
        select(out)
    }
}

impl Default for Recognizer {
    fn default() -> Self {
        Recognizer::new()
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

struct Cx<'t> {
    text: &'t str,
    lo: usize,
    hi: usize,
}

impl<'t> Cx<'t> {
    fn prev(&self, pos: usize) -> String {
        lower(prev_token(self.text, self.lo, pos))
    }
    fn prev2(&self, pos: usize) -> String {
        lower(prev_token2(self.text, self.lo, pos))
    }
    fn next(&self, pos: usize) -> &'t str {
        next_token(self.text, pos, self.hi)
    }
    fn char_before(&self, pos: usize) -> Option<char> {
        self.text[self.lo..pos].chars().next_back()
    }
    fn char_after(&self, pos: usize) -> Option<char> {
        self.text[pos..self.hi].chars().next()
    }
    /// Inside a URL, handle, file name or identifier.
    fn in_identifier(&self, start: usize, end: usize) -> bool {
        let tok = enclosing_token(self.text, self.lo, self.hi, start, end);
        tok.contains("http") || tok.contains("www") || tok.contains('@') || tok.contains('_')
            || tok.contains('/') && !tok.starts_with(|c: char| c.is_ascii_digit())
            || tok.contains(".com")
    }
    fn starts_in_range(&self, start: usize) -> bool {
        start >= self.lo
    }
}

type Handler = fn(&Cx, &Captures, &mut Vec<Cand>);

fn num(caps: &Captures, name: &str) -> Option<u32> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

fn year_of(caps: &Captures, name: &str) -> Option<i32> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

fn rel_year(caps: &Captures, name: &str) -> Option<YearSpec> {
    caps.name(name).map(|m| {
        let w = lower(m.as_str());
        if w.starts_with("last") {
            YearSpec::Rel(-1)
        } else if w.starts_with("next") {
            YearSpec::Rel(1)
        } else {
            YearSpec::Rel(0)
        }
    })
}

fn push(out: &mut Vec<Cand>, start: usize, end: usize, expr: Expr, modifier: Option<&'static str>) {
    out.push(Cand { start, end, expr, modifier });
}

fn valid_day(year: Option<i32>, month: u32, day: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_some()
}

fn numeric(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if !cx.starts_in_range(m.start()) || cx.in_identifier(m.start(), m.end()) {
        return;
    }
    // Part of a longer number or version string.
    if cx.char_before(m.start()).is_some_and(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'))
        || cx.char_after(m.end()).is_some_and(|c| matches!(c, '/' | '-'))
    {
        return;
    }
    let (y, mo, d) = if let Some(y) = year_of(caps, "iy") {
        (y, num(caps, "im"), num(caps, "id"))
    } else if let Some(y) = year_of(caps, "sy") {
        // US order unless the first number cannot be a month.
        let (a, b) = (num(caps, "sm").unwrap_or(0), num(caps, "sd").unwrap_or(0));
        if a > 12 { (y, Some(b), Some(a)) } else { (y, Some(a), Some(b)) }
    } else {
        (year_of(caps, "dy").unwrap_or(0), num(caps, "dm"), num(caps, "dd"))
    };
    let (Some(mo), Some(d)) = (mo, d) else { return };
    if (1..=12).contains(&mo) && valid_day(Some(y), mo, d) {
        let expr = Expr::Cal { year: YearSpec::Known(y), month: Some(mo), day: Some(d) };
        push(out, m.start(), m.end(), expr, None);
    }
}

fn month_day(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(mon), Some(day)) = (caps.get(0), caps.name("mon"), caps.name("day")) else {
        return;
    };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let Some(month) = lex::month_number(mon.as_str()) else { return };
    let Some(d) = lex::parse_ordinal_day(day.as_str()) else { return };
    let year = match (year_of(caps, "yr"), rel_year(caps, "rel")) {
        (Some(y), _) => YearSpec::Known(y),
        (None, Some(r)) => r,
        _ => YearSpec::Unknown,
    };
    let known = if let YearSpec::Known(y) = year { Some(y) } else { None };
    if !valid_day(known, month, d) || cx.char_after(day.end()).is_some_and(|c| c == ':' || c == '.' && cx.char_after(day.end() + 1).is_some_and(|c| c.is_ascii_digit())) {
        return;
    }
    // The number after the month counts something (`May 3 episodes`).
    if caps.name("yr").is_none() && lex::is_count_noun(cx.next(day.end())) {
        return;
    }
    let cal = Expr::Cal { year, month: Some(month), day: Some(d) };
    // The date proper ends with its year (or day); time and range tail follow.
    let date_end = caps.name("yr").or(caps.name("rel")).unwrap_or(day).end();
    if let Some(d2) = caps.name("day2") {
        let second = lex::parse_ordinal_day(d2.as_str());
        let next = cx.next(d2.end());
        let ok = second.is_some_and(|s| s > d && valid_day(known, month, s))
            && !lex::is_count_noun(next)
            && !cx.char_after(d2.end()).is_some_and(|c| matches!(c, ':' | '.' | ',') && cx.char_after(d2.end() + 1).is_some_and(|c| c.is_ascii_digit()))
            && !is_month_word(next);
        if let (true, Some(s)) = (ok, second) {
            let expr = Expr::Cal { year, month: Some(month), day: Some(s) };
            push(out, d2.start(), d2.end(), expr, None);
        }
    }
    let timed = caps.name("day2").is_none().then(|| caps.name("time")).flatten();
    match timed.and_then(|t| Some((t, parse_time(t.as_str())?))) {
        Some((t, (hour, minute, second))) => {
            let expr = Expr::Time { date: Some(Box::new(cal)), hour, minute, second };
            push(out, m.start(), m.start() + cx.text[m.start()..t.end()].trim_end().len(), expr, None);
        }
        None => push(out, m.start(), date_end, cal, None),
    }
}

fn day_month(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(dd), Some(mon)) = (caps.get(0), caps.name("dd"), caps.name("mon")) else {
        return;
    };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let word = dd.as_str().starts_with(|c: char| c.is_alphabetic());
    if word && caps.name("of").is_none() {
        return;
    }
    if caps.name("the").is_none() && (lex::is_label_word(&cx.prev(m.start())) || cx.char_before(m.start()).is_some_and(|c| matches!(c, '.' | ',' | '-' | ':'))) {
        return;
    }
    let Some(month) = lex::month_number(mon.as_str()) else { return };
    let Some(d) = lex::parse_ordinal_day(dd.as_str()) else { return };
    let year = year_of(caps, "yr");
    if !valid_day(year, month, d) {
        return;
    }
    // `12 May be...`: May without a year needs an article or `of` to be a date.
    if mon.as_str() == "May" && year.is_none() && caps.name("the").is_none() && caps.name("of").is_none() {
        let next = cx.next(mon.end());
        if next.starts_with(|c: char| c.is_lowercase()) {
            return;
        }
    }
    let year = year.map_or(YearSpec::Unknown, YearSpec::Known);
    push(out, m.start(), m.end(), Expr::Cal { year, month: Some(month), day: Some(d) }, None);
}

fn is_month_word(s: &str) -> bool {
    s.len() >= 3 && s.starts_with(|c: char| c.is_uppercase()) && lex::month_number(s).is_some() && {
        let l = lower(s);
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
            .contains(&l.as_str())
    }
}

/// `January, February, and March`: a bare month next to another month,
/// separated only by commas, `and`, `or`, `to`, slashes or dashes.
fn in_month_list(cx: &Cx, start: usize, end: usize) -> bool {
    let is_sep = |t: &str| matches!(t, "," | "/" | "and" | "or" | "to" | "through" | "-" | "–");
    let offset = |t: &str| t.as_ptr() as usize - cx.text.as_ptr() as usize;
    let (mut pos, mut seps) = (start, 0);
    for _ in 0..3 {
        let t = prev_token(cx.text, cx.lo, pos);
        if is_sep(t) {
            seps += 1;
            pos = offset(t);
        } else {
            if seps > 0 && is_month_word(t) {
                return true;
            }
            break;
        }
    }
    let (mut pos, mut seps) = (end, 0);
    for _ in 0..3 {
        let t = cx.next(pos);
        if is_sep(t) {
            seps += 1;
            pos = offset(t) + t.len();
        } else {
            return seps > 0 && is_month_word(t);
        }
    }
    false
}

fn month(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(mon)) = (caps.get(0), caps.name("mon")) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let Some(month) = lex::month_number(mon.as_str()) else { return };
    let part = caps.name("part").and_then(|p| lex::part_mod(p.as_str()));
    let year = match (year_of(caps, "yr"), rel_year(caps, "rel")) {
        (Some(y), _) => YearSpec::Known(y),
        (None, Some(r)) => r,
        _ => YearSpec::Unknown,
    };
    if year == YearSpec::Unknown {
        // Abbreviations are only dates with a day or year (`Jan` the name).
        if !is_month_word(mon.as_str()) {
            return;
        }
        if part.is_none() {
            let prev = cx.prev(m.start());
            let ok = STRONG_PREPS.contains(&prev.as_str())
                && !(mon.as_str() == "May" && cx.next(m.end()).starts_with(|c: char| c.is_lowercase()) && !matches!(cx.next(m.end()), "and" | "or" | "to"))
                || prev == "back" 
                || in_month_list(cx, m.start(), m.end());
            if !ok {
                return;
            }
            // `in June Lee's ...`: a following capitalised word makes it a name.
            let next = cx.next(m.end());
            if next.starts_with(|c: char| c.is_uppercase()) && !is_month_word(next) && prev != "in" {
                return;
            }
        }
    }
    // `early March` without a part: m.start() may include the part prefix.
    let start = if part.is_none() { mon.start() } else { m.start() };
    push(out, start, m.end(), Expr::Cal { year, month: Some(month), day: None }, part);
}

fn date_quant(q: &str) -> Option<&'static str> {
    let w = lower(q);
    let w: String = w.split_whitespace().collect::<Vec<_>>().join(" ");
    match w.as_str() {
        "at least" | "no earlier than" | "as early as" => Some("ON_OR_AFTER"),
        "no later than" => Some("ON_OR_BEFORE"),
        _ => Some("APPROX"),
    }
}

fn period(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let part = caps.name("part").and_then(|p| lex::part_mod(p.as_str()));
    let quant = caps.name("q").and_then(|q| date_quant(q.as_str()));
    let modifier = part.or(quant);
    let yspec = |known: Option<i32>, rel: Option<YearSpec>| match (known, rel) {
        (Some(y), _) => YearSpec::Known(y),
        (None, Some(r)) => r,
        _ => YearSpec::Unknown,
    };
    let mut start = m.start();
    let expr = if let Some(q) = num(caps, "qn").or_else(|| num(caps, "qn2")) {
        Expr::Quarter { year: yspec(year_of(caps, "qy").or_else(|| year_of(caps, "qy2")), None), q }
    } else if let Some(q) = caps.name("qord").and_then(|w| lex::parse_period_ordinal(w.as_str())) {
        Expr::Quarter { year: yspec(year_of(caps, "qy3"), rel_year(caps, "qrel")), q }
    } else if let Some(h) = caps.name("hord") {
        let h = if lower(h.as_str()) == "first" { 1 } else { 2 };
        Expr::Half { year: yspec(year_of(caps, "hy"), rel_year(caps, "hrel")), h }
    } else if let Some(h) = num(caps, "hn") {
        Expr::Half { year: yspec(year_of(caps, "hy2"), None), h }
    } else if let Some(s) = caps.name("sname") {
        let Some((code, first_month)) = lex::season(s.as_str()) else { return };
        let sy = year_of(caps, "sy");
        match caps.name("srel").map(|r| lower(r.as_str())) {
            Some(r) if sy.is_none() => {
                let offset = match r.split_whitespace().next() {
                    Some("last") => -1,
                    Some("next") => 1,
                    Some("the") if r.ends_with("coming") => 1,
                    Some("the") => -1,
                    _ if r.ends_with("past") => -1,
                    _ => 0,
                };
                Expr::SeasonRel { code, first_month, offset }
            }
            _ => {
                if sy.is_none() && modifier.is_none() {
                    // Bare season words need a temporal preposition (`in summer`);
                    // `fall` and `spring` are common verbs/nouns otherwise.
                    let prev = cx.prev(s.start());
                    let prev = if prev == "the" { cx.prev2(s.start()) } else { prev };
                    if !matches!(prev.as_str(), "in" | "during" | "by" | "until" | "since" | "through" | "throughout" | "over") {
                        return;
                    }
                    start = s.start();
                }
                Expr::Season { year: yspec(sy, None), code, first_month }
            }
        }
    } else if let Some(d) = caps.name("decl").and_then(|d| d.as_str().parse().ok()) {
        Expr::Decade(d)
    } else if let Some(d) = caps.name("decs").and_then(|d| d.as_str().parse().ok()) {
        Expr::ShortDecade(d)
    } else if let Some(y) = caps.name("year") {
        if modifier.is_none() && !plausible_year(cx, y.start(), y.end()) {
            return;
        }
        let Ok(v) = y.as_str().parse() else { return };
        Expr::Cal { year: YearSpec::Known(v), month: None, day: None }
    } else {
        return;
    };
    if cx.in_identifier(m.start(), m.end()) {
        return;
    }
    push(out, start, m.end(), expr, modifier);
}

/// A bare four-digit number that reads as a year (not an id, count or label).
fn plausible_year(cx: &Cx, start: usize, end: usize) -> bool {
    let before = cx.char_before(start);
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '#' | '$' | '€' | '£' | '_' | ':' | '+' | '='))
    {
        return false;
    }
    // `2024-2025` is fine, `10-2024` (an id) is not.
    if before.is_some_and(|c| matches!(c, '-' | '–' | ',')) {
        let b = &cx.text[cx.lo..start];
        let b = b.trim_end_matches(['-', '–', ',']);
        let digits = b.chars().rev().take_while(|c| c.is_ascii_digit()).count();
        if digits != 4 && digits != 0 || before == Some(',') && digits > 0 {
            return false;
        }
    }
    let after = &cx.text[end..cx.hi];
    let mut ac = after.chars();
    match (ac.next(), ac.next()) {
        (Some('/' | '-' | '.' | ',' | ':'), Some(c)) if c.is_ascii_digit() => return false,
        (Some('%' | '/'), _) => return false,
        _ => {}
    }
    if lex::is_label_word(&cx.prev(start)) || lex::is_count_noun(cx.next(end)) {
        return false;
    }
    !cx.in_identifier(start, end)
}

fn relative(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let part = caps.name("part").and_then(|p| lex::part_mod(p.as_str()));
    let mut start = m.start();
    let expr = if let Some(d) = caps.name("deictic") {
        match lower(d.as_str()).as_str() {
            // `(Today’s Webtoon)`: capitalised mid-sentence before a capitalised word is a title.
            "today" if d.as_str().starts_with('T') && !matches!(cx.prev(d.start()).as_str(), "" | "." | "!" | "?" | "\u{201c}" | "\"") && {
                let rest = cx.text[d.end()..cx.hi].trim_start_matches(['\'', '’', 's']);
                cx.next(d.end() + (cx.text[d.end()..cx.hi].len() - rest.len())).starts_with(char::is_uppercase)
            } => return,
            "today" => Expr::Today,
            "tonight" => Expr::Rel { unit: RelUnit::Night, offset: 0, anaphoric: false },
            "tomorrow" => Expr::Rel { unit: RelUnit::Day, offset: 1, anaphoric: false },
            _ => Expr::Rel { unit: RelUnit::Day, offset: -1, anaphoric: false },
        }
    } else if let Some(td) = caps.name("theday") {
        // Only `throughout the day` refers to a specific day reliably.
        if cx.prev(td.start()) != "throughout" {
            return;
        }
        start = td.start();
        Expr::Rel { unit: RelUnit::Day, offset: 0, anaphoric: true }
    } else {
        let (Some(det), Some(unit)) = (caps.name("det"), caps.name("unit")) else { return };
        let det = lower(det.as_str());
        let det: String = det.split_whitespace().collect::<Vec<_>>().join(" ");
        let unit = match lower(unit.as_str()).as_str() {
            "day" => RelUnit::Day,
            "week" => RelUnit::Week,
            "weekend" => RelUnit::Weekend,
            "month" => RelUnit::Month,
            "year" => RelUnit::Year,
            _ => RelUnit::Decade,
        };
        let (offset, anaphoric) = match det.as_str() {
            "this past" | "last" => (-1, false),
            "next" | "coming" | "the coming" | "the next" => (1, false),
            "this" | "the current" => (0, false),
            "the previous" | "previous" => (-1, true),
            "the following" | "following" => (1, true),
            _ => (0, true), // the same, that
        };
        // `the last day`, `next day`, `this day`: not dates in news use.
        if unit == RelUnit::Day && !anaphoric && det != "the next" {
            return;
        }
        let anaphoric = anaphoric || unit == RelUnit::Day;
        Expr::Rel { unit, offset, anaphoric }
    };
    push(out, start, m.end(), expr, part);
}

fn refs(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(r)) = (caps.get(0), caps.name("r")) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let w = lower(r.as_str());
    let w: String = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let prev = cx.prev(m.start());
    let value = match w.as_str() {
        "the moment" if matches!(prev.as_str(), "at" | "for" | "of") => "PRESENT_REF",
        "the time being" if prev == "for" => "PRESENT_REF",
        "the future" | "the near future" if prev == "in" => "FUTURE_REF",
        "the past" if prev == "in" => "PAST_REF",
        "the moment" | "the time being" | "the future" | "the near future" | "the past" => return,
        // `as soon as`, `too soon`, `but soon got into` (narrative, not future).
        "soon" if matches!(prev.as_str(), "as" | "too" | "so" | "how") || {
            let next = lower(cx.next(m.end()));
            next == "after" || next.len() > 3 && next.ends_with("ed") || matches!(next.as_str(), "got" | "became" | "went" | "came" | "began" | "found" | "took" | "made")
        } => return,
        "soon" => "FUTURE_REF",
        "recently" | "lately" => "PAST_REF",
        _ => "PRESENT_REF",
    };
    push(out, m.start(), m.end(), Expr::Ref(value), None);
}

fn unit_code(unit: &str) -> (char, bool) {
    let u = lower(unit);
    match u.trim_end_matches('s') {
        "second" => ('S', true),
        "minute" => ('M', true),
        "hour" => ('H', true),
        "day" => ('D', false),
        "week" => ('W', false),
        "month" => ('M', false),
        "decade" => ('E', false),
        "centurie" | "century" => ('C', false),
        _ => ('Y', false),
    }
}

/// TIMEX3 duration value: `P7M`, `PT50M`, `PXY`, `P2DE`.
pub fn duration_value(amount: Option<&str>, unit: &str) -> String {
    let (code, time) = unit_code(unit);
    let n = amount.unwrap_or("X");
    let suffix = match code {
        'E' => "DE".to_string(),
        'C' => "CE".to_string(),
        c => c.to_string(),
    };
    format!("P{}{n}{suffix}", if time { "T" } else { "" })
}

/// Size of a unit in the smallest common unit, for `5 hours and 27 minutes`.
fn unit_minutes(code: char, time: bool) -> Option<u64> {
    match (code, time) {
        ('S', true) => None,
        ('M', true) => Some(1),
        ('H', true) => Some(60),
        ('D', false) => Some(60 * 24),
        ('W', false) => Some(60 * 24 * 7),
        _ => None,
    }
}

fn duration(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(n), Some(unit)) = (caps.get(0), caps.name("num"), caps.name("unit")) else {
        return;
    };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    // `474.26 million hours`, `3,000 hours`: part of a bigger number.
    if cx.char_before(m.start()).is_some_and(|c| matches!(c, '.' | ',') ) && m.as_str().starts_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    let nword = lower(n.as_str());
    let nword: String = nword.split_whitespace().collect::<Vec<_>>().join(" ");
    let unit_l = lower(unit.as_str());
    let plural = unit_l.ends_with('s') && unit_l != "centuries" || unit_l == "centuries";
    let hyphen = caps.name("hy").is_some_and(|h| h.as_str() == "-");
    let after = &cx.text[m.end()..cx.hi];
    if hyphen && (after.starts_with("-old") || after.trim_start().starts_with("old")) {
        return; // ages
    }
    if !hyphen && after.trim_start().starts_with("old") {
        return;
    }
    let vague = matches!(nword.as_str(), "few" | "a few" | "several" | "many" | "some" | "recent" | "the past few" | "the last few" | "the next few" | "the");
    let qm = caps.name("qm");
    let prev_word = qm.map_or_else(|| cx.prev(m.start()), |q| lower(q.as_str().split_whitespace().last().unwrap_or("")));
    match nword.as_str() {
        "the" if !plural || !matches!(prev_word.as_str(), "over" | "through" | "throughout" | "across") => return,
        "a" | "an" | "a single" if plural => return,
        "a" | "an" if matches!(prev_word.as_str(), "once" | "twice" | "times") => return,
        "the past" | "the last" if plural => return,
        "recent" | "few" | "a few" | "several" | "many" | "some" if !plural => return,
        _ => {}
    }
    // `a second season`, `the first minute`: ordinal `second`, not the unit.
    if unit_l == "second" && !nword.starts_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    let (start, modifier) = match qm {
        Some(q) if !vague => (m.start(), lex::quant_mod(q.as_str())),
        _ => (n.start(), None),
    };
    let mut end = m.end();
    if let Some(ago) = caps.name("ago") {
        let amount = if vague { None } else { lex::parse_number(&nword) };
        let (code, _) = unit_code(unit.as_str());
        let code = if unit_l.starts_with("minute") { 'm' } else { code };
        push(out, start, ago.end(), Expr::Ago { amount, unit: code }, modifier);
        return;
    }
    let amount = if vague {
        None
    } else if nword == "the past" || nword == "the last" {
        Some("1".to_string())
    } else if nword.contains('.') {
        Some(nword.clone())
    } else {
        lex::parse_number(&nword).map(|v| v.to_string())
    };
    let mut value = duration_value(amount.as_deref(), unit.as_str());
    if let (Some(n2), Some(u2), Some(a)) = (caps.name("num2"), caps.name("unit2"), amount.as_deref()) {
        let (c1, t1) = unit_code(unit.as_str());
        let (c2, t2) = unit_code(u2.as_str());
        let combined = (|| {
            let (m1, m2) = (unit_minutes(c1, t1)?, unit_minutes(c2, t2)?);
            let total = a.parse::<u64>().ok()? * m1 + u64::from(lex::parse_number(n2.as_str())?) * m2;
            let (unit_name, size) = if m2 == 1 { ("minutes", 1) } else if m2 == 60 { ("hours", 60) } else { ("days", 60 * 24) };
            (total % size == 0).then(|| duration_value(Some(&(total / size).to_string()), unit_name))
        })();
        match combined {
            Some(v) => value = v,
            None => end = unit.end(),
        }
    } else if caps.name("num2").is_some() {
        end = unit.end();
    }
    push(out, start, end, Expr::Duration(value), modifier);
}

fn bare_units(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(unit)) = (caps.get(0), caps.name("unit")) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    if caps.name("ago").is_some() {
        push(out, m.start(), m.end(), Expr::Ref("PAST_REF"), None);
        return;
    }
    let prev = cx.prev(m.start());
    let next = lower(cx.next(unit.end()));
    let ok = prev == "for" && next != "of"
        || matches!(next.as_str(), "after" | "later" | "before" | "earlier") && !lex::is_count_noun(&prev) && !prev.chars().all(|c| c.is_ascii_digit());
    if ok {
        push(out, m.start(), unit.end(), Expr::Duration(duration_value(None, unit.as_str())), None);
    }
}

fn set(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    if let Some(adv) = caps.name("adv") {
        // `JoongAng Daily`: capitalised adverbs are names; `daily dose`: an
        // adjective before a noun is not annotated as a set.
        let next = lower(cx.next(adv.end()));
        let before_noun = next.starts_with(char::is_alphabetic)
            && !matches!(next.as_str(), "on" | "in" | "and" | "or" | "until" | "from" | "at" | "for" | "since" | "through" | "with" | "starting");
        if adv.as_str().starts_with(|c: char| c.is_uppercase()) || before_noun {
            return;
        }
        let value = match lower(adv.as_str()).as_str() {
            "weekly" => "P1W",
            "biweekly" => "P2W",
            "daily" | "nightly" => "P1D",
            "monthly" => "P1M",
            _ => "P1Y",
        };
        push(out, m.start(), m.end(), Expr::Set(value.to_string()), None);
        return;
    }
    let Some(su) = caps.name("su") else { return };
    let su_l = lower(su.as_str());
    let step = caps.name("sn").and_then(|n| lex::parse_number(n.as_str())).unwrap_or(1)
        * if caps.name("other").is_some() { 2 } else { 1 };
    let value = if let Some(wd) = lex::weekday_number(&su_l).filter(|_| su_l.ends_with("day") && su_l != "day") {
        format!("XXXX-WXX-{wd}")
    } else {
        match su_l.as_str() {
            "weekend" => "XXXX-WXX-WE".to_string(),
            "morning" => "XXXX-XX-XXTMO".to_string(),
            "afternoon" => "XXXX-XX-XXTAF".to_string(),
            "evening" => "XXXX-XX-XXTEV".to_string(),
            "night" => "XXXX-XX-XXTNI".to_string(),
            u => duration_value(Some(&step.to_string()), u),
        }
    };
    let modifier = caps.name("orso").map(|_| "APPROX");
    push(out, m.start(), m.end(), Expr::Set(value), modifier);
}

fn weekday(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(wd)) = (caps.get(0), caps.name("wd")) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let Some(n) = lex::weekday_number(wd.as_str()) else { return };
    let next = cx.next(m.end());
    if let Some(rel) = caps.name("wrel") {
        let offset = match lower(rel.as_str()).split_whitespace().next() {
            Some("last") => -1,
            Some("next") | Some("coming") => 1,
            Some("this") if lower(rel.as_str()).ends_with("past") => -1,
            _ => 0,
        };
        push(out, m.start(), m.end(), Expr::Weekday { wd: n, offset: Some(offset) }, None);
        return;
    }
    let prev = cx.prev(m.start());
    if caps.name("pl").is_some() {
        if prev == "on" {
            push(out, m.start(), m.end(), Expr::Set(format!("XXXX-WXX-{n}")), None);
        }
        return;
    }
    let by_prev = WEEKDAY_PREPS.contains(&prev.as_str());
    let by_next = matches!(lower(next).as_str(), "(" | "morning" | "afternoon" | "evening" | "night");
    // `Wednesday Addams`, `on Wednesday Netflix...` (a name or title).
    let name_follows = next.starts_with(|c: char| c.is_uppercase()) && !is_month_word(next);
    if (by_prev || by_next) && !name_follows {
        push(out, m.start(), m.end(), Expr::Weekday { wd: n, offset: None }, None);
    }
}

/// Hour, minute, second of a time of day.
fn parse_time(s: &str) -> Option<(u32, u32, Option<u32>)> {
    let l = lower(s);
    let pm = l.contains('p');
    let am = l.contains('a');
    let digits: String = l.chars().filter(|c| c.is_ascii_digit() || *c == ':').collect();
    let mut parts = digits.split(':');
    let mut h: u32 = parts.next()?.parse().ok()?;
    let minute = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    let second = parts.next().and_then(|p| p.parse().ok());
    if pm && h < 12 {
        h += 12;
    } else if am && h == 12 {
        h = 0;
    }
    (h < 24 && minute < 60).then_some((h, minute, second))
}

fn time(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(t)) = (caps.get(0), caps.name("t")) else { return };
    if !cx.starts_in_range(m.start()) || cx.char_before(m.start()).is_some_and(|c| c.is_ascii_digit() || c == ':') {
        return;
    }
    // Bare `9:10` may be a score or a ratio; require am/pm or `at`.
    let has_meridiem = t.as_str().chars().any(|c| c.is_ascii_alphabetic());
    if !has_meridiem && cx.prev(m.start()) != "at" {
        return;
    }
    if let Some((hour, minute, second)) = parse_time(t.as_str()) {
        let end = m.start() + t.as_str().trim_end().len();
        push(out, m.start(), end, Expr::Time { date: None, hour, minute, second }, None);
    }
}

fn ordinal_day(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(od)) = (caps.get(0), caps.name("od")) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let prev = cx.prev(m.start());
    if !matches!(prev.as_str(), "on" | "by" | "since" | "until" | "till" | "from" | "before" | "after") {
        return;
    }
    // `the 15th anniversary`: followed by a noun, not a date.
    if cx.next(m.end()).starts_with(|c: char| c.is_alphanumeric()) {
        return;
    }
    if let Some(d) = lex::parse_ordinal_day(od.as_str()) {
        push(out, m.start(), m.end(), Expr::Cal { year: YearSpec::Unknown, month: None, day: Some(d) }, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, Expr)> {
        Recognizer::new()
            .candidates(text, 0, text.len())
            .into_iter()
            .map(|c| (text[c.start..c.end].to_string(), c.expr))
            .collect()
    }

    #[test]
    fn range_of_days_gives_two_candidates() {
        let s = spans("Shooting is on January 17 and 18 next weekend.");
        let texts: Vec<_> = s.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["January 17", "18", "next weekend"]);
    }

    #[test]
    fn time_parsing() {
        assert_eq!(parse_time("3:02:17 pm"), Some((15, 2, Some(17))));
        assert_eq!(parse_time("9 p.m."), Some((21, 0, None)));
        assert_eq!(parse_time("12 am"), Some((0, 0, None)));
    }

    #[test]
    fn duration_values() {
        assert_eq!(duration_value(Some("7"), "months"), "P7M");
        assert_eq!(duration_value(Some("50"), "minutes"), "PT50M");
        assert_eq!(duration_value(None, "weeks"), "PXW");
        assert_eq!(duration_value(Some("2"), "decades"), "P2DE");
    }
}
