//! Normalisation: turns recognised expressions into TIMEX3 values.
//!
//! Two reference points are used, following the conventions of the shared
//! gold annotations:
//! - the **DCT** for deictic expressions (`next week`, `last year`, `today`)
//!   and for year-less dates (`Jan. 31`), which take the occurrence implied by
//!   the tense of their sentence, else the one closest to the DCT;
//! - the **anchor**, the most recent calendar date written in the text, for
//!   anaphoric expressions (`the following year`, `the same day`), for
//!   deictic ones when there is no DCT (`last month` after `October 11` →
//!   `XXXX-09`), and for a year-less date that follows a dated one closely
//!   (`December 1, 2023 ... On December 4` → `2023-12-04`). Without either,
//!   unknown parts stay `X`.
//!
//! `anchor` computes values against the anchor, `holiday` the days of
//! holidays, `format` spells the parts of a value.

mod anchor;
mod format;
mod holiday;

use crate::context::{self, Scope, Tense};
use crate::recognize::{Cand, Expr, RelUnit, YearSpec};
use crate::words::DateWords;
use crate::{Dct, TimexType};
use anchor::{pick_year, relative, Anchor};
use chrono::{Datelike, Duration, Months, NaiveDate};
use format::{iso_week, month_index, quarter_value, two, y4, ymd};

pub(crate) use format::with_time;

/// A year-less date borrows the anchor's year only this close (in bytes)
/// after it: the gold does so within a sentence or two, not across sections.
const ANCHOR_REACH: usize = 150;

/// How a record came about, for the post-passes in `lib.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A day given relative to now or by weekday (`today`, `Monday`): an
    /// apposed explicit date (`today (Jan 18)`) may pin it down.
    DayRef,
    /// A bare time of day, which needs a neighbouring date.
    TimeOfDay { hour: u32, minute: u32, second: Option<u32> },
    /// Anything else.
    Other,
}

/// A candidate with its TIMEX3 type and value, before the post-passes.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub start: usize,
    pub end: usize,
    pub timex_type: TimexType,
    pub value: String,
    pub modifier: Option<&'static str>,
    pub origin: Origin,
}

/// Resolves the candidates of one text in order, keeping the anchor and the
/// quarter under report as it goes.
pub struct Resolver<'t> {
    text: &'t str,
    lo: usize,
    hi: usize,
    words: &'t DateWords,
    dct: Option<Dct>,
    anchor: Option<Anchor>,
    /// The last quarter written with its year (`third quarter`, `1989-Q3`)
    /// and where it ended: business stories compare against it.
    quarter: Option<(i64, usize)>,
}

/// A year-based comparison (`a year ago`) refers to the quarter under
/// report when a quarter was named this close before it (bytes).
const QUARTER_REACH: usize = 1000;

impl<'t> Resolver<'t> {
    /// A resolver for `text[lo..hi]`, nothing written yet.
    pub fn new(text: &'t str, lo: usize, hi: usize, dct: Option<Dct>, words: &'t DateWords) -> Resolver<'t> {
        Resolver { text, lo, hi, words, dct, anchor: None, quarter: None }
    }

    /// The range being resolved and its tense cues.
    fn scope(&self) -> Scope<'t> {
        Scope { text: self.text, lo: self.lo, hi: self.hi, words: self.words }
    }

    fn dct_date(&self) -> Option<NaiveDate> {
        let d = self.dct?;
        NaiveDate::from_ymd_opt(d.year, d.month, d.day?)
    }

    /// The reference for deictic expressions: the DCT, else the anchor.
    fn deictic_base(&self) -> Anchor {
        match self.dct {
            Some(d) => Anchor { year: Some(d.year), month: Some(d.month), day: d.day, end: 0, explicit_year: true },
            None => self.anchor.unwrap_or_default(),
        }
    }

    /// The value of `c`; a calendar date becomes the anchor of what follows.
    pub fn resolve(&mut self, c: &Cand) -> Resolved {
        let (timex_type, value, origin) = self.value(c);
        Resolved { start: c.start, end: c.end, timex_type, value, modifier: c.modifier, origin }
    }

    fn value(&mut self, c: &Cand) -> (TimexType, String, Origin) {
        use TimexType::*;
        let date = |v: String| (Date, v, Origin::Other);
        match &c.expr {
            Expr::Cal { year, month, day } => {
                let (y, m, d) = self.calendar(*year, *month, *day, c);
                let explicit_year = matches!(year, YearSpec::Known(_));
                self.anchor = Some(Anchor { year: y, month: m, day: d, end: c.end, explicit_year });
                date(match (m, d) {
                    (None, None) => y4(y),
                    (Some(m), None) => format!("{}-{:02}", y4(y), m),
                    (m, d) => format!("{}-{}-{}", y4(y), two(m), two(d)),
                })
            }
            Expr::Quarter { year, q } => {
                // A quarter without a year is the latest one begun by the DCT.
                let y = match (year, self.dct) {
                    (YearSpec::Unknown, Some(d)) if *q > d.month.div_ceil(3) => Some(d.year - 1),
                    _ => self.period_year(*year),
                };
                if let Some(y) = y {
                    self.quarter = Some((i64::from(y) * 4 + i64::from(*q) - 1, c.end));
                }
                date(format!("{}-Q{q}", y4(y)))
            }
            Expr::QuarterRef { shift, from_dct, year } => {
                let base =
                    if *from_dct { self.dct.map(|d| i64::from(d.year) * 4 + i64::from(d.month - 1) / 3) } else { self.reported_quarter() };
                let q = base.map(|q| q + i64::from(*shift));
                date(match (q, year) {
                    (Some(q), Some(y)) => quarter_value(i64::from(*y) * 4 + q.rem_euclid(4)),
                    (Some(q), None) => quarter_value(q),
                    (None, Some(y)) => format!("{y:04}-QX"),
                    (None, None) => "XXXX-QX".into(),
                })
            }
            Expr::MonthRel { month, offset } => date(self.month_rel(*month, *offset)),
            Expr::TheYear => date(self.reported_quarter().map_or_else(|| "XXXX".into(), |q| q.div_euclid(4).to_string())),
            Expr::Half { year, h } => date(format!("{}-H{h}", y4(self.period_year(*year)))),
            Expr::Season { year, code, .. } => date(format!("{}-{code}", y4(self.period_year(*year)))),
            Expr::SeasonRel { code, first_month, offset } => date(format!("{}-{code}", y4(self.season_year(*first_month, *offset)))),
            Expr::Decade(d) => date(d.to_string()),
            Expr::ShortDecade(d) => {
                // `the '80s` is the latest such decade begun by the DCT
                // (1980s in 1989, 2020s in 2024).
                let now = self.dct.map_or(2000, |d| d.year);
                let century = if 2000 + 10 * d <= now { 20 } else { 19 };
                date(format!("{century}{d}"))
            }
            Expr::Rel { unit, offset, anaphoric } => {
                let base = if *anaphoric { self.anchor.or(self.dct.map(|_| self.deictic_base())) } else { Some(self.deictic_base()) };
                let v = relative(base, *unit, *offset, *anaphoric);
                let origin = if *unit == RelUnit::Day { Origin::DayRef } else { Origin::Other };
                let ty = if *unit == RelUnit::Night { Time } else { Date };
                (ty, v, origin)
            }
            Expr::Today => {
                if c.modifier.is_some() || self.today_is_a_day(c.start, c.end) {
                    let v = relative(Some(self.deictic_base()), RelUnit::Day, 0, false);
                    (Date, v, Origin::DayRef)
                } else {
                    date("PRESENT_REF".to_string())
                }
            }
            Expr::Weekday { wd, offset } => (Date, self.weekday(*wd, *offset, c), Origin::DayRef),
            Expr::Ago { amount, unit } => {
                let near_quarter = self.quarter.is_some_and(|(_, end)| c.start.saturating_sub(end) <= QUARTER_REACH);
                match (amount, unit, near_quarter, self.reported_quarter()) {
                    (Some(n), 'Y', true, Some(q)) => date(quarter_value(q - 4 * i64::from(*n))),
                    _ => date(self.ago(*amount, *unit)),
                }
            }
            Expr::Ref(v) => date((*v).to_string()),
            Expr::Literal(v) => date(v.clone()),
            Expr::Holiday { month, rule, offset: _, year: Some(y) } => date(holiday::in_year(*y, *month, *rule)),
            Expr::Holiday { month, rule, offset, year: None } => {
                date(holiday::near(self.dct_date(), *month, *rule, *offset, || context::tense(&self.scope(), c.start, c.end)))
            }
            Expr::DayPart { offset, code, anaphoric } => {
                match self.anchor.filter(|_| *anaphoric).and_then(|a| a.date()).or_else(|| self.dct_date()) {
                    Some(d) => (Time, format!("{}T{code}", ymd(d + chrono::Duration::days(i64::from(*offset)))), Origin::Other),
                    None => (Time, format!("XXXX-XX-XXT{code}"), Origin::Other),
                }
            }
            Expr::Duration(v) => (Duration, v.clone(), Origin::Other),
            Expr::Set(v) => (Set, v.clone(), Origin::Other),
            Expr::Time { date: None, hour, minute, second } => {
                let origin = Origin::TimeOfDay { hour: *hour, minute: *minute, second: *second };
                (Time, String::new(), origin)
            }
            Expr::Time { date: Some(d), hour, minute, second } => {
                let inner = Cand { start: c.start, end: c.end, expr: (**d).clone(), modifier: None };
                let (_, v, _) = self.value(&inner);
                (Time, with_time(&v, *hour, *minute, *second), Origin::Other)
            }
        }
    }

    /// `today` the day (`released today`, `today's editions`) versus the
    /// generic present (`today's society`, `the most popular actors
    /// today`): news means the day unless the possessive qualifies something
    /// general or a superlative makes it an era.
    fn today_is_a_day(&self, start: usize, end: usize) -> bool {
        let after = &self.text[end..self.hi];
        let Some(rest) = after.strip_prefix("'s").or_else(|| after.strip_prefix("’s")) else {
            // `the most popular actors today`: a superlative makes it an era.
            let clause = &self.text[context::sentence_start(self.text, self.lo, start)..start];
            return !clause.split(|c: char| !c.is_alphabetic()).any(|w| matches!(w, "most" | "best" | "biggest" | "greatest"));
        };
        let next = context::next_token(self.text, self.hi - rest.len(), self.hi).to_lowercase();
        self.words.today_day_nouns.contains(&next)
    }

    /// Year/month/day of a calendar expression, filling the year from the
    /// anchor or DCT when missing.
    fn calendar(&self, year: YearSpec, month: Option<u32>, day: Option<u32>, c: &Cand) -> (Option<i32>, Option<u32>, Option<u32>) {
        match year {
            YearSpec::Known(y) => (Some(y), month, day),
            YearSpec::Rel(k) => (self.deictic_base().year.map(|y| y + k), month, day),
            YearSpec::Unknown => {
                let Some(m) = month else {
                    // `the 15th`: the DCT's month, or the one before or after
                    // when the verb puts that day on the other side of the DCT
                    // (`took place on the 15th` written on the 10th).
                    let Some(d) = self.dct else {
                        return (None, None, day);
                    };
                    let tense = context::governing_tense(&self.scope(), c.start, c.end, 10, 5);
                    let shift: i64 = match (tense, day, d.day) {
                        (Tense::Past, Some(n), Some(today)) if n > today => -1,
                        (Tense::Future, Some(n), Some(today)) if n < today => 1,
                        _ => 0,
                    };
                    let i = month_index(d.year, d.month) + shift;
                    return (Some(i.div_euclid(12) as i32), Some(i.rem_euclid(12) as u32 + 1), day);
                };
                let near_anchor =
                    self.anchor.filter(|a| a.explicit_year && a.month.is_some() && c.start.saturating_sub(a.end) <= ANCHOR_REACH);
                let governing = context::governing_tense(&self.scope(), c.start, c.end, 10, 5);
                // Narrative order: the story moves forward from the anchor
                // (`December 2021. On May 31` → 2022), whatever the tense;
                // but a future verb does not point before the DCT (`invited
                // in July 1997, will join on March 12`).
                let anchored = near_anchor
                    .map(|a| {
                        let (ay, am) = (a.year.unwrap_or_default(), a.month.unwrap_or(1));
                        pick_year(ay, month_index(ay, am), |y| month_index(y, m), Tense::Future, i64::MAX)
                    })
                    .filter(|&y| governing != Tense::Future || self.dct.is_none_or(|d| month_index(y, m) >= month_index(d.year, d.month)));
                let y = if anchored.is_some() {
                    anchored
                } else if let Some(dct) = self.dct {
                    let tense = match governing {
                        Tense::Unknown => context::tense(&self.scope(), c.start, c.end),
                        t => t,
                    };
                    Some(match (day, self.dct_date()) {
                        (Some(d), Some(base)) => {
                            let key = |y: i32| NaiveDate::from_ymd_opt(y, m, d).map_or(i64::MIN / 4, |x| i64::from(x.num_days_from_ce()));
                            pick_year(dct.year, i64::from(base.num_days_from_ce()), key, tense, 270)
                        }
                        _ => pick_year(dct.year, month_index(dct.year, dct.month), |y| month_index(y, m), tense, 12),
                    })
                } else {
                    None
                };
                (y, Some(m), day)
            }
        }
    }

    fn period_year(&self, year: YearSpec) -> Option<i32> {
        match year {
            YearSpec::Known(y) => Some(y),
            YearSpec::Rel(k) => self.deictic_base().year.map(|y| y + k),
            YearSpec::Unknown => self.dct.map(|d| d.year),
        }
    }

    /// Year of `last/this/next <season>`: the last one over before the DCT,
    /// the one under way (or this year's), the next one to start.
    fn season_year(&self, first_month: u32, offset: i32) -> Option<i32> {
        let dct = self.dct?;
        let now = month_index(dct.year, dct.month);
        let start = |y: i32| month_index(y, first_month);
        let years = (dct.year - 2)..=(dct.year + 2);
        match offset {
            o if o < 0 => years.rev().find(|&y| start(y) + 3 <= now),
            o if o > 0 => years.into_iter().find(|&y| start(y) > now),
            _ => years.rev().find(|&y| start(y) <= now && now < start(y) + 3).or(Some(dct.year)),
        }
    }

    fn weekday(&self, wd: u32, offset: Option<i32>, c: &Cand) -> String {
        let Some(base) = self.dct_date() else {
            return "XXXX-XX-XX".to_string();
        };
        let cur = base.weekday().number_from_monday() as i64;
        let diff = wd as i64 - cur; // this ISO week's occurrence
        let day = match offset {
            Some(0) => base + Duration::days(diff),
            // Strictly before / after the base day (`last Friday` said on a Friday is a week back).
            Some(o) if o < 0 => {
                base - Duration::days(match (cur - wd as i64).rem_euclid(7) {
                    0 => 7,
                    n => n,
                })
            }
            Some(_) => {
                base + Duration::days(match (wd as i64 - cur).rem_euclid(7) {
                    0 => 7,
                    n => n,
                })
            }
            None => {
                // News reports mostly what happened: past unless a future cue is near;
                // without a cue next to it, the sentence's tense decides. A
                // possessive names an event already known (`will appeal
                // Monday's ruling`) unless it is still ahead (`ahead of
                // Sunday's vote`).
                let possessive = self.text[c.end..self.hi].starts_with(['\'', '’']);
                let tense = if possessive {
                    let prev = context::prev_token(self.text, self.lo, c.start).to_lowercase();
                    let prev2 = context::prev_token2(self.text, self.lo, c.start).to_lowercase();
                    if prev == "of" && prev2 == "ahead" {
                        Tense::Future
                    } else {
                        Tense::Past
                    }
                } else {
                    match context::near_tense(&self.scope(), c.start, c.end, 6) {
                        Tense::Unknown => context::tense(&self.scope(), c.start, c.end),
                        t => t,
                    }
                };
                if tense == Tense::Future {
                    base + Duration::days((wd as i64 - cur).rem_euclid(7))
                } else {
                    base - Duration::days((cur - wd as i64).rem_euclid(7))
                }
            }
        };
        ymd(day)
    }

    /// The quarter a business story reports on: the last one named, else
    /// the one before the DCT's (results come out after the quarter ends).
    fn reported_quarter(&self) -> Option<i64> {
        self.quarter.map(|(q, _)| q).or_else(|| self.dct.map(|d| i64::from(d.year) * 4 + i64::from(d.month - 1) / 3 - 1))
    }

    /// `last May` is the latest May before the DCT's month, `next May` the
    /// first after it, `this May` the DCT year's.
    fn month_rel(&self, month: u32, offset: i32) -> String {
        let Some(d) = self.dct else {
            return format!("XXXX-{month:02}");
        };
        let now = month_index(d.year, d.month);
        let y = match offset {
            o if o < 0 => (d.year - 1..=d.year).rev().find(|&y| month_index(y, month) < now),
            o if o > 0 => (d.year..=d.year + 1).find(|&y| month_index(y, month) > now),
            _ => Some(d.year),
        };
        format!("{}-{month:02}", y4(y))
    }

    fn ago(&self, amount: Option<u32>, unit: char) -> String {
        let Some(n) = amount else {
            return "PAST_REF".to_string();
        };
        let n = i64::from(n);
        let Some(base) = self.dct_date() else {
            return match unit {
                'W' => "XXXX-WXX".into(),
                'M' => "XXXX-XX".into(),
                'Q' => "XXXX-QX".into(),
                'Y' | 'E' | 'C' => "XXXX".into(),
                _ => "XXXX-XX-XX".into(),
            };
        };
        let back = |months: i64| base.checked_sub_months(Months::new(months.clamp(0, 1200) as u32));
        match unit {
            'D' => ymd(base - Duration::days(n)),
            'W' => iso_week(base - Duration::weeks(n)),
            'Q' => quarter_value(i64::from(base.year()) * 4 + i64::from(base.month0() / 3) - n),
            'M' => back(n).map_or_else(|| "PAST_REF".into(), |d| d.format("%Y-%m").to_string()),
            'Y' => format!("{}", base.year() - n as i32),
            // `a decade ago`: the year ten back, finer than its decade.
            'E' => format!("{}", base.year() - 10 * n as i32),
            'C' => format!("{}", (base.year() - 100 * n as i32) / 100),
            _ => ymd(base), // hours, minutes, seconds ago: the same day
        }
    }
}
