//! Reporting periods of business news: `the quarter`, `the year-earlier
//! period`, `year-ago`, `for the year`.

use super::shared::{lower, push, Cx};
use crate::expr::{Cand, Expr};
use regex::Captures;

/// Reporting periods in business news: `the quarter`, `the year-earlier
/// period`, `year-ago`, `for the year`.
pub(crate) fn fiscal(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let next = lower(cx.next(m.end()));
    if caps.name("yaq").is_some() {
        // `the year-ago third quarter`: the quarter under report, a year back.
        let expr = Expr::QuarterRef { shift: -4, from_dct: false, year: None };
        push(out, m.start(), m.end(), expr, None);
        return;
    }
    if caps.name("ya").is_some() {
        let expr = Expr::Ago { amount: Some(1), unit: 'Y' };
        push(out, m.start(), m.end(), expr, None);
        return;
    }
    if caps.name("ydet").is_some() {
        // `for the year`, `in the year ended`; not `the year 2000`, `the year
        // before` or a title (`Player of the Year`).
        let prev = cx.prev(m.start());
        // `the year ended March 31`: a reporting year, a duration in TimeML.
        if matches!(next.as_str(), "ended" | "ending") && !m.as_str().ends_with("Year") {
            push(out, m.start(), m.end(), Expr::Duration("P1Y".into()), None);
            return;
        }
        let ok = cx.words.fiscal_year_prepositions.contains(&prev)
            && !m.as_str().ends_with("Year")
            && cx.char_after(m.end()) != Some('-')
            && !next.starts_with(|c: char| c.is_ascii_digit())
            && !cx.words.fiscal_year_blockers.contains(&next);
        if ok {
            push(out, m.start(), m.end(), Expr::TheYear, None);
        }
        return;
    }
    let (Some(det), Some(unit)) = (caps.name("qdet"), caps.name("qunit")) else {
        return;
    };
    if next == "of" || cx.char_after(m.end()) == Some('-') {
        return;
    }
    let det = lower(det.as_str());
    let det: String = det.split_whitespace().collect::<Vec<_>>().join(" ");
    let year_back = det.contains("year-") || det.contains("prior-year");
    let specific = ["latest", "recent", "comparable", "same"].iter().any(|w| det.contains(w)) || year_back || caps.name("qyear").is_some();
    if lower(unit.as_str()) == "period" && !specific {
        return;
    }
    let (shift, from_dct) = if year_back {
        (-4, false)
    } else if det.contains("current") {
        (0, true)
    } else if det == "next" {
        (1, true)
    } else if det == "last" {
        (-1, true)
    } else if det.contains("previous") || det.contains("prior") {
        (-1, false)
    } else {
        (0, false)
    };
    push(
        out,
        m.start(),
        m.end(),
        Expr::QuarterRef { shift, from_dct, year: caps.name("qyear").and_then(|y| y.as_str().parse().ok()) },
        None,
    );
}
