//! Holidays: the date of one in a given year, and the year meant when
//! none is written.

use super::anchor::pick_year;
use super::format::ymd;
use crate::context::Tense;
use crate::expr::Holiday;
use chrono::{Datelike, Duration, NaiveDate};

/// A holiday's value in year `y` (the year alone when it has no such day).
pub(super) fn in_year(y: i32, month: u32, rule: Holiday) -> String {
    holiday_date(y, month, rule).map_or_else(|| format!("{y:04}"), ymd)
}

/// A holiday's value without a year written: `last`/`next` (`offset`) the
/// occurrence before/after the DCT's day `base`, otherwise the one the
/// sentence's `tense` implies (as for `Jan. 31`).
pub(super) fn near(base: Option<NaiveDate>, month: u32, rule: Holiday, offset: Option<i32>, tense: impl FnOnce() -> Tense) -> String {
    let Some(base) = base else {
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
        None => pick_year(base.year(), now, key, tense(), 270),
    };
    in_year(y, month, rule)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holiday_dates() {
        let d = |y, m, r| holiday_date(y, m, r).map(ymd);
        assert_eq!(d(1999, 11, Holiday::NthWeekday { n: 4, wd: 4 }).as_deref(), Some("1999-11-25"));
        assert_eq!(d(1998, 11, Holiday::Election).as_deref(), Some("1998-11-03"));
        assert_eq!(d(2000, 3, Holiday::Easter).as_deref(), Some("2000-04-23"));
        assert_eq!(d(2024, 5, Holiday::NthWeekday { n: 5, wd: 1 }).as_deref(), Some("2024-05-27"));
    }
}
