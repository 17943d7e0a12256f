//! Handlers for calendar dates: numeric, month-day, day-month, months,
//! years, quarters, halves, seasons and decades.

use super::clock::parse_time;
use super::shared::{is_month_word, lower, num, push, rel_year, valid_day, year_of, Cx};
use crate::context::prev_token;
use crate::expr::{Cand, Expr, YearSpec};
use crate::lexicon as lex;
use regex::Captures;

pub(crate) fn numeric(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
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
        if a > 12 {
            (y, Some(b), Some(a))
        } else {
            (y, Some(a), Some(b))
        }
    } else {
        (year_of(caps, "dy").unwrap_or(0), num(caps, "dm"), num(caps, "dd"))
    };
    let (Some(mo), Some(d)) = (mo, d) else { return };
    if (1..=12).contains(&mo) && valid_day(Some(y), mo, d) {
        let expr = Expr::Cal { year: YearSpec::Known(y), month: Some(mo), day: Some(d) };
        push(out, m.start(), m.end(), expr, None);
    }
}

pub(crate) fn month_day(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(mon), Some(day)) = (caps.get(0), caps.name("mon"), caps.name("day")) else {
        return;
    };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let Some(month) = lex::month_number(mon.as_str()) else {
        return;
    };
    let Some(d) = lex::parse_ordinal_day(day.as_str()) else {
        return;
    };
    let year = match (year_of(caps, "yr"), rel_year(caps, "rel")) {
        (Some(y), _) => YearSpec::Known(y),
        (None, Some(r)) => r,
        _ => YearSpec::Unknown,
    };
    let known = if let YearSpec::Known(y) = year { Some(y) } else { None };
    if !valid_day(known, month, d)
        || cx
            .char_after(day.end())
            .is_some_and(|c| matches!(c, ':' | '.') && cx.char_after(day.end() + 1).is_some_and(|c| c.is_ascii_digit()))
    {
        return;
    }
    // The number after the month counts something (`May 3 episodes`).
    if caps.name("yr").is_none() && cx.words.is_count_noun(cx.next(day.end())) {
        return;
    }
    let cal = Expr::Cal { year, month: Some(month), day: Some(d) };
    // The date proper ends with its year (or day); time and range tail follow.
    let date_end = caps.name("yr").or(caps.name("rel")).unwrap_or(day).end();
    if let Some(d2) = caps.name("day2") {
        let second = lex::parse_ordinal_day(d2.as_str());
        let next = cx.next(d2.end());
        let ok = second.is_some_and(|s| s > d && valid_day(known, month, s))
            && !cx.words.is_count_noun(next)
            && !cx
                .char_after(d2.end())
                .is_some_and(|c| matches!(c, ':' | '.' | ',') && cx.char_after(d2.end() + 1).is_some_and(|c| c.is_ascii_digit()))
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

pub(crate) fn day_month(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
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
    if caps.name("the").is_none()
        && (cx.words.is_label_word(&cx.prev(m.start())) || cx.char_before(m.start()).is_some_and(|c| matches!(c, '.' | ',' | '-' | ':')))
    {
        return;
    }
    let Some(month) = lex::month_number(mon.as_str()) else {
        return;
    };
    let Some(d) = lex::parse_ordinal_day(dd.as_str()) else {
        return;
    };
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

/// `May and June 2011`: the year written after the next month of a pair.
fn year_of_next_month(cx: &Cx, end: usize) -> Option<i32> {
    let after = |t: &str| cx.offset_of(t) + t.len();
    let sep = cx.next(end);
    if !cx.words.month_links.contains(sep) {
        return None;
    }
    let mon = cx.next(after(sep));
    if !is_month_word(mon) {
        return None;
    }
    let year = cx.next(after(mon));
    let y: i32 = year.parse().ok()?;
    (year.len() == 4 && (1800..2100).contains(&y)).then_some(y)
}

/// `January, February, and March`: a bare month next to another month,
/// separated only by commas, `and`, `or`, `to`, slashes or dashes.
fn in_month_list(cx: &Cx, start: usize, end: usize) -> bool {
    let is_sep = |t: &str| t == "," || t == "/" || cx.words.month_links.contains(t);
    let (mut pos, mut seps) = (start, 0);
    for _ in 0..3 {
        let t = prev_token(cx.text, cx.lo, pos);
        if is_sep(t) {
            seps += 1;
            pos = cx.offset_of(t);
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
            pos = cx.offset_of(t) + t.len();
        } else {
            return seps > 0 && is_month_word(t);
        }
    }
    false
}

pub(crate) fn month(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(mon)) = (caps.get(0), caps.name("mon")) else {
        return;
    };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let Some(month) = lex::month_number(mon.as_str()) else {
        return;
    };
    let part = caps.name("part").and_then(|p| lex::part_mod(p.as_str()));
    let year = match (year_of(caps, "yr"), rel_year(caps, "rel")) {
        (Some(y), _) => YearSpec::Known(y),
        (None, Some(r)) => r,
        _ => year_of_next_month(cx, m.end()).map_or(YearSpec::Unknown, YearSpec::Known),
    };
    if let (YearSpec::Unknown, Some(rel)) = (year, caps.name("mrel")) {
        let offset = match lower(rel.as_str()).as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let start = caps.name("part").filter(|_| part.is_some()).unwrap_or(rel).start();
        push(out, start, m.end(), Expr::MonthRel { month, offset }, part);
        return;
    }
    if year == YearSpec::Unknown {
        // Abbreviations are only dates with a day or year (`Jan` the name).
        if !is_month_word(mon.as_str()) {
            return;
        }
        if part.is_none() {
            let prev = cx.prev(m.start());
            let next = cx.next(m.end());
            // `May` before a lower-case word may be the verb, except after a
            // preposition (`disclosed in May that`).
            let modal_may = mon.as_str() == "May"
                && next.starts_with(|c: char| c.is_lowercase())
                && !matches!(next, "and" | "or" | "to")
                && !cx.words.may_prepositions.contains(&prev);
            // `for October`, `a June agreement`, `the October slaying`.
            let attributive = matches!(prev.as_str(), "for" | "a" | "the")
                && mon.as_str() != "May"
                && (prev == "for" || next.starts_with(|c: char| c.is_lowercase()));
            let ok = cx.words.strong_prepositions.contains(&prev) && !modal_may
                || attributive
                || prev == "back"
                || in_month_list(cx, m.start(), m.end());
            if !ok {
                return;
            }
            // `in June Lee's ...`: a following capitalised word makes it a name.
            if next.starts_with(|c: char| c.is_uppercase()) && !is_month_word(next) && prev != "in" {
                return;
            }
        }
    }
    // `early March` without a part: m.start() may include the part prefix.
    let start = if part.is_none() { caps.name("mrel").unwrap_or(mon).start() } else { m.start() };
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

pub(crate) fn period(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
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
        // `the third-quarter results`: an adjective, the article is not part of it.
        if m.as_str().contains("-quarter") && lower(m.as_str()).starts_with("the ") {
            start = m.start() + 4;
        }
        Expr::Quarter {
            year: yspec(year_of(caps, "qy3").or_else(|| year_of(caps, "qy4")), rel_year(caps, "qrel").or_else(|| rel_year(caps, "qrel2"))),
            q,
        }
    } else if let Some(h) = caps.name("hord").or_else(|| caps.name("hadj")) {
        // `the first half of 1989`; `first-half profit` (no year written:
        // the DCT's).
        let h = if lower(h.as_str()) == "first" { 1 } else { 2 };
        Expr::Half { year: yspec(year_of(caps, "hy"), rel_year(caps, "hrel")), h }
    } else if let Some(h) = num(caps, "hn") {
        Expr::Half { year: yspec(year_of(caps, "hy2"), None), h }
    } else if let Some(s) = caps.name("sname") {
        let Some((code, first_month)) = lex::season(s.as_str()) else {
            return;
        };
        let sy = year_of(caps, "sy");
        let srel = caps.name("srel").map(|r| lower(r.as_str()));
        match srel {
            // `that summer` is the story's season, not one counted from the DCT.
            Some(r) if sy.is_none() && r != "that" => {
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
                if sy.is_none() && modifier.is_none() && srel.is_none() {
                    // Bare season words need a temporal preposition (`in summer`);
                    // `fall` and `spring` are common verbs/nouns otherwise.
                    let prev = cx.prev(s.start());
                    let article = prev == "the";
                    let prev = if article { cx.prev2(s.start()) } else { prev };
                    // `pushed back to the spring`; `to fall` is a verb.
                    let to_the = article && matches!(prev.as_str(), "to" | "till" | "for");
                    if !to_the && !cx.words.season_prepositions.contains(&prev) {
                        return;
                    }
                    start = s.start();
                }
                Expr::Season { year: yspec(sy, None), code, first_month }
            }
        }
    } else if let Some(d) = caps.name("decl").and_then(|d| d.as_str().parse().ok()) {
        start = with_timeml_article(cx, start);
        Expr::Decade(d)
    } else if let Some(d) = caps.name("decs").and_then(|d| d.as_str().parse().ok()) {
        start = with_timeml_article(cx, start);
        Expr::ShortDecade(d)
    } else if let Some(w) = caps.name("decw") {
        // `the nineties`, `the early eighties`; not `in his nineties` (an age).
        if caps.name("decthe").is_none() && part.is_none() {
            return;
        }
        let tens = format!("{}y", lower(w.as_str()).trim_end_matches("ies"));
        let Some(d) = lex::parse_number(&tens) else {
            return;
        };
        Expr::ShortDecade(d as i32 / 10)
    } else if let Some(y) = caps.name("year") {
        // `FY2013`: the fiscal year, glued to its abbreviation.
        let glued = caps.name("fy").is_some_and(|fy| fy.end() == y.start());
        if modifier.is_none() && !glued && !plausible_year(cx, y.start(), y.end()) {
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

/// TimeBank keeps a decade's article in its span (`the 1990s`); the guide
/// does not (`the ‘60s` → `‘60s`).
fn with_timeml_article(cx: &Cx, start: usize) -> usize {
    let prev = crate::context::prev_token(cx.text, cx.lo, start);
    if cx.timeml && prev.eq_ignore_ascii_case("the") {
        cx.offset_of(prev)
    } else {
        start
    }
}

/// Whether `rest` starts with a later four-digit year than `year`, alone.
fn range_end(year: &str, rest: &str) -> bool {
    let rest = rest.trim_start_matches(['-', '–']);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && !rest[4..].starts_with(|c: char| c.is_alphanumeric()) && rest[..4].parse::<u32>().ok() > year.parse::<u32>().ok()
}

/// A bare four-digit number that reads as a year (not an id, count or label).
fn plausible_year(cx: &Cx, start: usize, end: usize) -> bool {
    let before = cx.char_before(start);
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '#' | '$' | '€' | '£' | '_' | ':' | '+' | '=')) {
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
        // `2009-2012`: a range of years, each one a year.
        (Some('-' | '–'), _) if range_end(&cx.text[start..end], after) => {}
        (Some('/' | '-' | '.' | ',' | ':'), Some(c)) if c.is_ascii_digit() => return false,
        (Some('%' | '/'), _) => return false,
        _ => {}
    }
    if cx.words.is_label_word(&cx.prev(start)) || cx.words.is_count_noun(cx.next(end)) {
        return false;
    }
    // `(1900 GMT)`: a 24-hour clock, not a year.
    if cx.words.zones_after_24_hour_clocks.contains(cx.next(end)) {
        return false;
    }
    !cx.in_identifier(start, end)
}
