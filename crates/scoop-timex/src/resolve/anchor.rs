//! The anchor, the most recent calendar date written in the text, and the
//! values computed against it (or the DCT in its place): relative
//! expressions and the year a year-less date falls in.

use super::format::{iso_week, month_index, two, y4, ymd};
use crate::context::Tense;
use crate::recognize::RelUnit;
use chrono::{Duration, NaiveDate};

/// The most recent calendar date in the text, with whatever parts it had.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Anchor {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u32>,
    pub(super) day: Option<u32>,
    pub(super) end: usize,
    /// The year was written out (not inferred), so it may lend itself to
    /// year-less dates that follow.
    pub(super) explicit_year: bool,
}

impl Anchor {
    pub(super) fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }
}

/// Value of a relative expression against `base` (DCT or anchor).
pub(super) fn relative(base: Option<Anchor>, unit: RelUnit, offset: i32, anaphoric: bool) -> String {
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

/// Among the anchor's year and its neighbours, the one whose date (by `key`)
/// lies on the side of the anchor the tense implies, else the closest.
/// The tense is only trusted when it points less than `reach` (in `key`
/// units) away; past that the closest occurrence wins (`payable Dec. 7`
/// written in November is next month, whatever the verbs around it).
pub(super) fn pick_year(anchor_year: i32, anchor_key: i64, key: impl Fn(i32) -> i64, tense: Tense, reach: i64) -> i32 {
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
