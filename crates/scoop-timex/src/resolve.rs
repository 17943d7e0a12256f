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

use crate::context::{self, Tense};
use crate::expr::Holiday;
use crate::recognize::{Cand, Expr, RelUnit, YearSpec};
use crate::{Dct, TimexType};
use chrono::{Datelike, Duration, Months, NaiveDate};

/// A year-less date borrows the anchor's year only this close (in bytes)
/// after it: the gold does so within a sentence or two, not across sections.
const ANCHOR_REACH: usize = 150;

/// The most recent calendar date in the text, with whatever parts it had.
#[derive(Debug, Clone, Copy, Default)]
struct Anchor {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    end: usize,
    /// The year was written out (not inferred), so it may lend itself to
    /// year-less dates that follow.
    explicit_year: bool,
}

impl Anchor {
    fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }
}

/// How a record came about, for the post-passes in `lib.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A day given relative to now or by weekday (`today`, `Monday`): an
    /// apposed explicit date (`today (Jan 18)`) may pin it down.
    DayRef,
    /// A bare time of day, which needs a neighbouring date.
    TimeOfDay {
        hour: u32,
        minute: u32,
        second: Option<u32>,
    },
    Other,
}

#[derive(Debug, Clone)]
pub struct Resolved {
    pub start: usize,
    pub end: usize,
    pub timex_type: TimexType,
    pub value: String,
    pub modifier: Option<&'static str>,
    pub origin: Origin,
}

pub struct Resolver<'t> {
    text: &'t str,
    lo: usize,
    hi: usize,
    dct: Option<Dct>,
    anchor: Option<Anchor>,
    /// The last quarter written with its year (`third quarter`, `1989-Q3`)
    /// and where it ended: business stories compare against it.
    quarter: Option<(i64, usize)>,
}

/// A year-based comparison (`a year ago`) refers to the quarter under
/// report when a quarter was named this close before it (bytes).
const QUARTER_REACH: usize = 1000;

fn y4(y: Option<i32>) -> String {
    y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"))
}

fn two(v: Option<u32>) -> String {
    v.map_or_else(|| "XX".to_string(), |v| format!("{v:02}"))
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn month_index(y: i32, m: u32) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

impl<'t> Resolver<'t> {
    pub fn new(text: &'t str, lo: usize, hi: usize, dct: Option<Dct>) -> Resolver<'t> {
        Resolver { text, lo, hi, dct, anchor: None, quarter: None }
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
            Expr::Holiday { month, rule, offset: _, year: Some(y) } => {
                date(holiday_date(*y, *month, *rule).map_or_else(|| format!("{y:04}"), ymd))
            }
            Expr::Holiday { month, rule, offset, year: None } => date(self.holiday(*month, *rule, *offset, c)),
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
        matches!(
            next.as_str(),
            "edition"
                | "editions"
                | "trading"
                | "session"
                | "meeting"
                | "vote"
                | "announcement"
                | "issue"
                | "paper"
                | "ceremony"
                | "event"
                | "game"
                | "match"
                | "episode"
        )
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
                    let tense = context::governing_tense(self.text, self.lo, self.hi, c.start, c.end, 10, 5);
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
                let governing = context::governing_tense(self.text, self.lo, self.hi, c.start, c.end, 10, 5);
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
                        Tense::Unknown => context::tense(self.text, self.lo, self.hi, c.start, c.end),
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
                    match context::near_tense(self.text, self.lo, self.hi, c.start, c.end, 6) {
                        Tense::Unknown => context::tense(self.text, self.lo, self.hi, c.start, c.end),
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

    /// A holiday's date: `last`/`next` the occurrence before/after the DCT,
    /// otherwise the one the sentence's tense implies (as for `Jan. 31`).
    fn holiday(&self, month: u32, rule: Holiday, offset: Option<i32>, c: &Cand) -> String {
        let Some(base) = self.dct_date() else {
            return match rule {
                Holiday::Fixed(d) => format!("XXXX-{month:02}-{d:02}"),
                _ => "XXXX-XX-XX".to_string(),
            };
        };
        let key = |y: i32| holiday_date(y, month, rule).map_or(i64::MIN / 4, |x| i64::from(x.num_days_from_ce()));
        let now = i64::from(base.num_days_from_ce());
        let y = match offset {
            Some(o) if o < 0 => (base.year() - 1..=base.year()).rev().find(|&y| key(y) < now).unwrap_or(base.year() - 1),
            Some(o) if o > 0 => (base.year()..=base.year() + 1).find(|&y| key(y) > now).unwrap_or(base.year() + 1),
            Some(_) => base.year(),
            None => {
                let tense = context::tense(self.text, self.lo, self.hi, c.start, c.end);
                pick_year(base.year(), now, key, tense, 270)
            }
        };
        holiday_date(y, month, rule).map_or_else(|| format!("{y:04}"), ymd)
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

/// Among the anchor's year and its neighbours, the one whose date (by `key`)
/// lies on the side of the anchor the tense implies, else the closest.
/// The tense is only trusted when it points less than `reach` (in `key`
/// units) away; past that the closest occurrence wins (`payable Dec. 7`
/// written in November is next month, whatever the verbs around it).
fn pick_year(anchor_year: i32, anchor_key: i64, key: impl Fn(i32) -> i64, tense: Tense, reach: i64) -> i32 {
    let years = [anchor_year - 1, anchor_year, anchor_year + 1];
    let near = |y: &i32| (key(*y) - anchor_key).abs() < reach;
    let pick = match tense {
        Tense::Past => years.iter().rev().copied().find(|&y| key(y) <= anchor_key),
        Tense::Future => years.iter().copied().find(|&y| key(y) >= anchor_key),
        Tense::Unknown => None,
    };
    pick.filter(near).unwrap_or_else(|| {
        years.iter().copied().min_by_key(|&y| ((key(y) - anchor_key).abs(), (y - anchor_year).abs())).unwrap_or(anchor_year)
    })
}

/// The date of a holiday in year `y`.
fn holiday_date(y: i32, month: u32, rule: Holiday) -> Option<NaiveDate> {
    match rule {
        Holiday::Fixed(d) => NaiveDate::from_ymd_opt(y, month, d),
        Holiday::NthWeekday { n, wd } => {
            let first = NaiveDate::from_ymd_opt(y, month, 1)?;
            let lead = (i64::from(wd) - i64::from(first.weekday().number_from_monday())).rem_euclid(7);
            let mut d = first + Duration::days(lead + 7 * (i64::from(n) - 1));
            while d.month() != month {
                d -= Duration::days(7);
            }
            Some(d)
        }
        Holiday::Election => {
            let first_monday = holiday_date(y, 11, Holiday::NthWeekday { n: 1, wd: 1 })?;
            Some(first_monday + Duration::days(1))
        }
        Holiday::Easter => {
            // Anonymous Gregorian algorithm.
            let a = y % 19;
            let (b, c) = (y / 100, y % 100);
            let (d, e) = (b / 4, b % 4);
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            NaiveDate::from_ymd_opt(y, month as u32, day as u32)
        }
    }
}

/// Value of a relative expression against `base` (DCT or anchor).
fn relative(base: Option<Anchor>, unit: RelUnit, offset: i32, anaphoric: bool) -> String {
    let Some(b) = base else {
        // Anaphoric with nothing to refer to: only the direction is known.
        return match (unit, offset) {
            (RelUnit::Year, o) if anaphoric && o < 0 => "PAST_REF".into(),
            (RelUnit::Year, o) if anaphoric && o > 0 => "FUTURE_REF".into(),
            (u, _) => unknown_value(u),
        };
    };
    match unit {
        RelUnit::Day | RelUnit::Night => {
            let suffix = if unit == RelUnit::Night { "TNI" } else { "" };
            match b.date() {
                Some(d) => format!("{}{suffix}", ymd(d + Duration::days(i64::from(offset)))),
                None if offset == 0 && b.day.is_some() => {
                    format!("{}-{}-{}{suffix}", y4(b.year), two(b.month), two(b.day))
                }
                None => format!("XXXX-XX-XX{suffix}"),
            }
        }
        RelUnit::Week | RelUnit::Weekend => {
            let we = if unit == RelUnit::Weekend { "-WE" } else { "" };
            match b.date() {
                Some(d) => format!("{}{we}", iso_week(d + Duration::weeks(i64::from(offset)))),
                None => format!("XXXX-WXX{we}"),
            }
        }
        RelUnit::Month => match (b.year, b.month) {
            (Some(y), Some(m)) => {
                let i = month_index(y, m) + i64::from(offset);
                format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1)
            }
            (None, Some(m)) => format!("XXXX-{:02}", (i64::from(m) - 1 + i64::from(offset)).rem_euclid(12) + 1),
            _ => "XXXX-XX".into(),
        },
        RelUnit::Year => match b.year {
            Some(y) => format!("{:04}", y + offset),
            None if anaphoric && offset < 0 => "PAST_REF".into(),
            None if anaphoric && offset > 0 => "FUTURE_REF".into(),
            None => "XXXX".into(),
        },
        RelUnit::Decade => b.year.map_or_else(|| "XXX".into(), |y| format!("{}", y.div_euclid(10) + offset)),
    }
}

fn unknown_value(unit: RelUnit) -> String {
    match unit {
        RelUnit::Day => "XXXX-XX-XX",
        RelUnit::Night => "XXXX-XX-XXTNI",
        RelUnit::Week => "XXXX-WXX",
        RelUnit::Weekend => "XXXX-WXX-WE",
        RelUnit::Month => "XXXX-XX",
        RelUnit::Year => "XXXX",
        RelUnit::Decade => "XXX",
    }
    .to_string()
}

/// `1989-Q3` from a quarter index (year × 4 + quarter − 1).
fn quarter_value(q: i64) -> String {
    format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
}

/// `2022-05-31` + 15:02:17 → `2022-05-31T15:02:17`.
pub fn with_time(date: &str, hour: u32, minute: u32, second: Option<u32>) -> String {
    match second {
        Some(s) => format!("{date}T{hour:02}:{minute:02}:{s:02}"),
        None => format!("{date}T{hour:02}:{minute:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_year_follows_tense() {
        // DCT Nov 2023; "January" in a past sentence is Jan 2023, in a future one Jan 2024.
        let now = month_index(2023, 11);
        let key = |y| month_index(y, 1);
        assert_eq!(pick_year(2023, now, key, Tense::Past, 12), 2023);
        assert_eq!(pick_year(2023, now, key, Tense::Future, 12), 2024);
        assert_eq!(pick_year(2023, now, key, Tense::Unknown, 12), 2024);
        // Too far back for the tense to hold: the closest wins.
        assert_eq!(pick_year(2023, now, key, Tense::Past, 9), 2024);
    }

    #[test]
    fn holiday_dates() {
        let d = |y, m, r| holiday_date(y, m, r).map(ymd);
        assert_eq!(d(1999, 11, Holiday::NthWeekday { n: 4, wd: 4 }).as_deref(), Some("1999-11-25"));
        assert_eq!(d(1998, 11, Holiday::Election).as_deref(), Some("1998-11-03"));
        assert_eq!(d(2000, 3, Holiday::Easter).as_deref(), Some("2000-04-23"));
        assert_eq!(d(2024, 5, Holiday::NthWeekday { n: 5, wd: 1 }).as_deref(), Some("2024-05-27"));
    }

    #[test]
    fn relative_values() {
        let b = Anchor { year: Some(2026), month: Some(1), day: Some(10), end: 0, explicit_year: true };
        assert_eq!(relative(Some(b), RelUnit::Weekend, 1, false), "2026-W03-WE");
        assert_eq!(relative(Some(b), RelUnit::Month, -1, false), "2025-12");
        assert_eq!(relative(None, RelUnit::Year, -1, true), "PAST_REF");
        let partial = Anchor { year: None, month: Some(10), day: Some(11), end: 0, explicit_year: false };
        assert_eq!(relative(Some(partial), RelUnit::Month, -1, false), "XXXX-09");
        assert_eq!(relative(Some(partial), RelUnit::Day, 0, false), "XXXX-10-11");
    }
}
