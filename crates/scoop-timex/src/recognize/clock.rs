//! Clock times: `9:10 PM`, `3:02:17 pm`, `9 p.m.`, and under TimeML `noon`
//! and `midnight`.

use super::shared::{lower, push, Cx};
use crate::expr::{Cand, Expr};
use regex::Captures;

/// Hour, minute, second of a time of day.
pub(crate) fn parse_time(s: &str) -> Option<(u32, u32, Option<u32>)> {
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

pub(crate) fn time(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if let Some(nm) = caps.name("nm") {
        // TimeML: `noon Thursday`, `midnight Friday` (kept only next to a day).
        if !cx.timeml || !cx.starts_in_range(m.start()) {
            return;
        }
        let hour = if lower(nm.as_str()) == "midnight" { 24 } else { 12 };
        let expr = Expr::Time { date: None, hour, minute: 0, second: None };
        push(out, m.start(), m.end(), expr, None);
        return;
    }
    let Some(t) = caps.name("t") else {
        return;
    };
    if !cx.starts_in_range(m.start()) || cx.char_before(m.start()).is_some_and(|c| c.is_ascii_digit() || c == ':') {
        return;
    }
    // Bare `9:10` may be a score or a ratio; require am/pm, a preposition of
    // time or a clock time it ends a range with (`from 09:00 to 17:00`).
    let has_meridiem = t.as_str().chars().any(|c| c.is_ascii_alphabetic());
    let by_preposition = cx.words.clock_prepositions.contains(&cx.prev(m.start()));
    if !has_meridiem && !by_preposition && !ends_clock_range(cx, m.start()) {
        return;
    }
    if let Some((hour, minute, second)) = parse_time(t.as_str()) {
        let end = m.start() + t.as_str().trim_end().len();
        push(out, m.start(), end, Expr::Time { date: None, hour, minute, second }, None);
    }
}

/// Whether a clock time and `to`/`until`/a dash come just before `start`.
fn ends_clock_range(cx: &Cx, start: usize) -> bool {
    let before = cx.text[cx.lo..start].trim_end();
    let Some(rest) = ["to", "until", "-", "–"].iter().find_map(|sep| before.strip_suffix(sep)) else {
        return false;
    };
    let clock = rest.trim_end().rsplit(' ').next().unwrap_or("");
    let (h, mm) = clock.split_once(':').unwrap_or(("", ""));
    !h.is_empty() && h.len() <= 2 && mm.len() == 2 && h.bytes().chain(mm.bytes()).all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_parsing() {
        assert_eq!(parse_time("3:02:17 pm"), Some((15, 2, Some(17))));
        assert_eq!(parse_time("9 p.m."), Some((21, 0, None)));
        assert_eq!(parse_time("12 am"), Some((0, 0, None)));
    }
}
