//! What every handler of `recognize` shares: the look-around context of a
//! match and small helpers on captures and words. Below every handler
//! module, so that none imports another.

use crate::context::{enclosing_token, next_token, prev_token, prev_token2};
use crate::expr::{Cand, Expr, YearSpec};
use crate::lexicon as lex;
use crate::words::DateWords;
use regex::Captures;

/// The text around a match and what the handlers judge it by.
pub(crate) struct Cx<'t> {
    pub text: &'t str,
    pub lo: usize,
    pub hi: usize,
    /// TimeML / TimeBank conventions (`Tagger::tag_timeml`).
    pub timeml: bool,
    /// The word lists of `resources/dates/`.
    pub words: &'t DateWords,
}

impl<'t> Cx<'t> {
    pub fn prev(&self, pos: usize) -> String {
        lower(prev_token(self.text, self.lo, pos))
    }
    pub fn prev2(&self, pos: usize) -> String {
        lower(prev_token2(self.text, self.lo, pos))
    }
    pub fn next(&self, pos: usize) -> &'t str {
        next_token(self.text, pos, self.hi)
    }
    /// Byte offset in the text of `token`, a slice of it (as returned by
    /// `next`, `prev_token`...).
    pub fn offset_of(&self, token: &str) -> usize {
        token.as_ptr() as usize - self.text.as_ptr() as usize
    }
    pub fn char_before(&self, pos: usize) -> Option<char> {
        self.text[self.lo..pos].chars().next_back()
    }
    pub fn char_after(&self, pos: usize) -> Option<char> {
        self.text[pos..self.hi].chars().next()
    }
    /// Inside a URL, handle, file name or identifier.
    pub fn in_identifier(&self, start: usize, end: usize) -> bool {
        let tok = enclosing_token(self.text, self.lo, self.hi, start, end);
        tok.contains("http")
            || tok.contains("www")
            || tok.contains('@')
            || tok.contains('_')
            || tok.contains('/') && !tok.starts_with(|c: char| c.is_ascii_digit())
            || tok.contains(".com")
    }
    pub fn starts_in_range(&self, start: usize) -> bool {
        start >= self.lo
    }
}

pub(crate) type Handler = fn(&Cx, &Captures, &mut Vec<Cand>);

pub(crate) fn num(caps: &Captures, name: &str) -> Option<u32> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

pub(crate) fn year_of(caps: &Captures, name: &str) -> Option<i32> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

pub(crate) fn rel_year(caps: &Captures, name: &str) -> Option<YearSpec> {
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

pub(crate) fn push(out: &mut Vec<Cand>, start: usize, end: usize, expr: Expr, modifier: Option<&'static str>) {
    out.push(Cand { start, end, expr, modifier });
}

pub(crate) fn valid_day(year: Option<i32>, month: u32, day: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_some()
}

pub(crate) fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// A full month name, capitalised (`May`, not `may` or `Jan`).
pub(crate) fn is_month_word(s: &str) -> bool {
    s.len() >= 3 && s.starts_with(|c: char| c.is_uppercase()) && lex::month_number(s).is_some() && {
        let l = lower(s);
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
            .contains(&l.as_str())
    }
}

/// `Week`, `Minutes`: capitalised but not all capitals.
pub(crate) fn is_title_case(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.next().is_some_and(char::is_lowercase)
}
