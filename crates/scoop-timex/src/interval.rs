//! Calendar intervals of DATE values.
//!
//! Conventions (TIMEX3 leaves these open):
//! - seasons are meteorological: `SP` Mar 1–May 31, `SU` Jun 1–Aug 31,
//!   `FA` Sep 1–Nov 30, `WI` Dec 1 of the year – end of Feb of the next;
//! - halves `H1`/`H2` are Jan–Jun / Jul–Dec; ISO weeks run Monday–Sunday and
//!   `-WE` is their Saturday–Sunday; a decade `202` is 2020–2029;
//! - `mod` START / MID / END keep the first / middle / last third of the
//!   period (in days, the outer thirds rounded up: `early 2024` is
//!   Jan 1–May 1, `mid-February 2026` is Feb 11–18, `late 2024` Sep 1–Dec 31);
//!   APPROX keeps the whole period; the open-ended mods (BEFORE, AFTER,
//!   ON_OR_BEFORE, ON_OR_AFTER) and LESS_THAN / MORE_THAN give no interval.

use chrono::{Duration, NaiveDate, Weekday};

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1))
}

fn months(y: i32, first: u32, count: u32) -> Option<(NaiveDate, NaiveDate)> {
    let last = first + count - 1;
    let (ly, lm) = (y + (last as i32 - 1) / 12, (last - 1) % 12 + 1);
    Some((NaiveDate::from_ymd_opt(y, first, 1)?, last_of_month(ly, lm)?))
}

/// The inclusive first and last day of a fully known DATE value.
fn period(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let b = value.as_bytes();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    if value.len() == 3 && digits(value) {
        let y: i32 = value.parse::<i32>().ok()? * 10;
        return Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y + 9, 12, 31)?));
    }
    let year = value.get(..4).filter(|y| digits(y))?.parse::<i32>().ok()?;
    let rest = &value[4..];
    if rest.is_empty() {
        return months(year, 1, 12);
    }
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let rest = &rest[1..];
    let num = |s: &str| s.parse::<u32>().ok();
    match rest.as_bytes().first()? {
        b'Q' => num(&rest[1..]).filter(|q| (1..=4).contains(q)).and_then(|q| months(year, 3 * q - 2, 3)),
        b'H' => num(&rest[1..]).filter(|h| (1..=2).contains(h)).and_then(|h| months(year, 6 * h - 5, 6)),
        b'W' if rest.len() > 1 && rest.as_bytes()[1].is_ascii_digit() => {
            let (w, we) = match rest.strip_suffix("-WE") {
                Some(w) => (w, true),
                None => (rest, false),
            };
            let monday = NaiveDate::from_isoywd_opt(year, num(&w[1..])?, Weekday::Mon)?;
            Some(if we { (monday + Duration::days(5), monday + Duration::days(6)) } else { (monday, monday + Duration::days(6)) })
        }
        _ => match rest {
            "SP" => months(year, 3, 3),
            "SU" => months(year, 6, 3),
            "FA" => months(year, 9, 3),
            "WI" => months(year, 12, 3),
            _ => {
                let (m, d) = match rest.split_once('-') {
                    Some((m, d)) => (num(m)?, Some(num(d)?)),
                    None => (num(rest)?, None),
                };
                match d {
                    Some(d) => NaiveDate::from_ymd_opt(year, m, d).map(|x| (x, x)),
                    None => months(year, m, 1),
                }
            }
        },
    }
}

/// Interval of a DATE value under its mod (see the module docs).
pub fn interval(value: &str, modifier: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = period(value)?;
    let n = (last - first).num_days() + 1;
    let third = (n + 2) / 3; // outer thirds rounded up
    match modifier {
        None | Some("APPROX") => Some((first, last)),
        Some("START") => Some((first, first + Duration::days(third - 1))),
        Some("END") => Some((last - Duration::days(third - 1), last)),
        Some("MID") => {
            let (a, b) = (first + Duration::days(third), last - Duration::days(third));
            Some(if a <= b { (a, b) } else { (first + Duration::days(n / 2), first + Duration::days(n / 2)) })
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods() {
        assert_eq!(interval("2026", None), Some((d(2026, 1, 1), d(2026, 12, 31))));
        assert_eq!(interval("2026-Q1", None), Some((d(2026, 1, 1), d(2026, 3, 31))));
        assert_eq!(interval("2026-W03", None), Some((d(2026, 1, 12), d(2026, 1, 18))));
        assert_eq!(interval("2026-W03-WE", None), Some((d(2026, 1, 17), d(2026, 1, 18))));
        assert_eq!(interval("2024-SU", None), Some((d(2024, 6, 1), d(2024, 8, 31))));
        assert_eq!(interval("2024-WI", None), Some((d(2024, 12, 1), d(2025, 2, 28))));
        assert_eq!(interval("2026-01-17", None), Some((d(2026, 1, 17), d(2026, 1, 17))));
        assert_eq!(interval("2024-02", None), Some((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(interval("202", None), Some((d(2020, 1, 1), d(2029, 12, 31))));
        assert_eq!(interval("2025-H2", None), Some((d(2025, 7, 1), d(2025, 12, 31))));
    }

    #[test]
    fn mods() {
        assert_eq!(interval("2024", Some("START")), Some((d(2024, 1, 1), d(2024, 5, 1))));
        assert_eq!(interval("2024", Some("END")), Some((d(2024, 9, 1), d(2024, 12, 31))));
        assert_eq!(interval("2026-02", Some("MID")), Some((d(2026, 2, 11), d(2026, 2, 18))));
        assert_eq!(interval("2024", Some("ON_OR_AFTER")), None);
        assert_eq!(interval("XXXX-01-17", None), None);
        assert_eq!(interval("PRESENT_REF", None), None);
    }
}
