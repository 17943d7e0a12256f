//! TIMEX3 value fragments: years, months, days and weeks as the values
//! spell them, `X` for an unknown part.

use chrono::{Datelike, NaiveDate};

pub(super) fn y4(y: Option<i32>) -> String {
    y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"))
}

pub(super) fn two(v: Option<u32>) -> String {
    v.map_or_else(|| "XX".to_string(), |v| format!("{v:02}"))
}

pub(super) fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(super) fn month_index(y: i32, m: u32) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

/// `1989-Q3` from a quarter index (year × 4 + quarter − 1).
pub(super) fn quarter_value(q: i64) -> String {
    format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
}

/// `2022-05-31` + 15:02:17 → `2022-05-31T15:02:17`.
pub(crate) fn with_time(date: &str, hour: u32, minute: u32, second: Option<u32>) -> String {
    match second {
        Some(s) => format!("{date}T{hour:02}:{minute:02}:{s:02}"),
        None => format!("{date}T{hour:02}:{minute:02}"),
    }
}
