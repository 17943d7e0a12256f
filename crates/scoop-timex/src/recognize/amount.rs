//! Handlers for durations (`seven months`, `at least 50 minutes`) and sets
//! (`every Friday`, `weekly`).

use super::shared::{is_title_case, lower, push, Cx};
use crate::expr::{Cand, Expr};
use crate::lexicon as lex;
use regex::Captures;

fn unit_code(unit: &str) -> (char, bool) {
    let u = lower(unit);
    match u.trim_end_matches('s') {
        "second" => ('S', true),
        "minute" => ('M', true),
        "hour" => ('H', true),
        "day" => ('D', false),
        "week" => ('W', false),
        "month" => ('M', false),
        "quarter" => ('Q', false),
        "decade" => ('E', false),
        "centurie" | "century" => ('C', false),
        _ => ('Y', false),
    }
}

/// A number or amount word before `a year`, making it a rate.
fn is_amount(cx: &Cx, w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) || w == "%" || lex::parse_number(w).is_some() || cx.words.amount_words.contains(w)
}

/// Whether the word before `pos` is an amount, or a counted plural after
/// one (`12% a year`, `four flights a week`, `10,000 units annually`).
fn follows_amount(cx: &Cx, pos: usize) -> bool {
    let prev = cx.prev(pos);
    is_amount(cx, &prev) || prev.ends_with('s') && is_amount(cx, &cx.prev2(pos))
}

/// TIMEX3 duration value: `P7M`, `PT50M`, `PXY`; counted decades and
/// centuries in years as TimeBank writes them (`P20Y`, `P100Y`), vague ones
/// `PXDE`, `PXC`.
pub(crate) fn duration_value(amount: Option<&str>, unit: &str) -> String {
    let (code, time) = unit_code(unit);
    let years = |k: u32| amount.and_then(|n| n.parse::<u32>().ok()).map(|n| format!("P{}Y", n * k));
    match code {
        'E' => years(10).unwrap_or_else(|| "PXDE".into()),
        'C' => years(100).unwrap_or_else(|| "PXC".into()),
        c => format!("P{}{}{c}", if time { "T" } else { "" }, amount.unwrap_or("X")),
    }
}

/// `2 1/2 years` → `P2Y6M`, `a minute and a half` → `PT1M30S`, `half an
/// hour` (`n` = 0) → `PT30M`: the half in the next smaller unit, else as a
/// decimal (`P1.5W`).
fn with_half(n: u32, unit: &str) -> String {
    let whole = |u: &str| {
        if n == 0 {
            String::new()
        } else {
            format!("{n}{u}")
        }
    };
    match unit_code(unit) {
        ('Y', _) => format!("P{}6M", whole("Y")),
        ('D', _) => format!("P{}T12H", whole("D")),
        ('H', _) => format!("PT{}30M", whole("H")),
        ('M', true) => format!("PT{}30S", whole("M")),
        ('E', _) => format!("P{}Y", n * 10 + 5),
        ('C', _) => format!("P{}Y", n * 100 + 50),
        (c, t) => format!("P{}{n}.5{c}", if t { "T" } else { "" }),
    }
}

/// Size of a unit in the smallest common unit, for `5 hours and 27 minutes`.
fn unit_minutes(code: char, time: bool) -> Option<u64> {
    match (code, time) {
        ('S', true) => None,
        ('M', true) => Some(1),
        ('H', true) => Some(60),
        ('D', false) => Some(60 * 24),
        ('W', false) => Some(60 * 24 * 7),
        _ => None,
    }
}

pub(crate) fn duration(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(n), Some(unit)) = (caps.get(0), caps.name("num"), caps.name("unit")) else {
        return;
    };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    // `474.26 million hours`, `3,000 hours`: part of a bigger number.
    if cx.char_before(m.start()).is_some_and(|c| matches!(c, '.' | ',')) && m.as_str().starts_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    let half = caps.name("half1").or(caps.name("half2")).is_some();
    let nword = lower(n.as_str());
    let nword: String = nword.split_whitespace().collect::<Vec<_>>().join(" ");
    // `CBS's "60 Minutes"`: a title-case unit is a programme's name.
    if is_title_case(unit.as_str()) {
        return;
    }
    let unit_l = lower(unit.as_str());
    let plural = unit_l.ends_with('s');
    let hyphen = caps.name("hy").is_some_and(|h| h.as_str() == "-");
    let after = &cx.text[m.end()..cx.hi];
    if hyphen && (after.starts_with("-old") || after.trim_start().starts_with("old")) {
        return; // ages
    }
    if !hyphen && after.trim_start().starts_with("old") {
        return;
    }
    let vague = cx.words.vague_amounts.contains(&nword);
    let qm = caps.name("qm");
    let prev_word = qm.map_or_else(|| cx.prev(m.start()), |q| lower(q.as_str().split_whitespace().last().unwrap_or("")));
    match nword.as_str() {
        "the" if !plural || !matches!(prev_word.as_str(), "over" | "through" | "throughout" | "across") => return,
        "a" | "an" | "a single" if plural => return,
        // `twice a year`, `three times a week`: frequencies, see `set`.
        "a" | "an" if matches!(prev_word.as_str(), "once" | "twice" | "times") => return,
        // A rate, not a length: `$500 million a year`, `24 hours a day`,
        // `12% a year`, `four flights a week`.
        "a" | "an" if caps.name("ago").is_none() && (is_amount(cx, &prev_word) || qm.is_none() && follows_amount(cx, m.start())) => return,
        // `a quarter of the market`, `three-quarters`: fractions; `the 1988
        // quarter`: a year's.
        _ if unit_l.starts_with("quarter")
            && (hyphen
                || nword.len() == 4 && nword.starts_with(|c: char| c.is_ascii_digit())
                || matches!(nword.as_str(), "a" | "an") && caps.name("ago").is_none()) =>
        {
            return
        }
        "the past" | "the last" if plural => return,
        "recent" | "coming" | "future" | "few" | "a few" | "several" | "many" | "some" if !plural => return,
        _ => {}
    }
    // `a second season`, `the first minute`: ordinal `second`, not the unit.
    if unit_l == "second" && !nword.starts_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    // `in recent years`, `in (the) coming months`: an unspecified past or
    // future, not a length.
    if matches!(nword.as_str(), "recent" | "coming" | "future") && caps.name("ago").is_none() {
        let det = caps.name("det").filter(|d| lower(d.as_str()) == "the");
        let value = if nword == "recent" { "PAST_REF" } else { "FUTURE_REF" };
        push(out, det.unwrap_or(n).start(), m.end(), Expr::Ref(value), None);
        return;
    }
    // `expected to last several months`: the verb `last`, not the determiner.
    let verb_last =
        caps.name("det").is_some_and(|d| lower(d.as_str()) == "last" && cx.words.last_verb_auxiliaries.contains(&cx.prev(d.start())));
    let det = caps.name("det").filter(|_| !verb_last);
    let the_adj = det.is_some_and(|d| lower(d.as_str()) == "the") && hyphen && !vague;
    if det.is_some_and(|d| lower(d.as_str()) == "the") && (hyphen || vague) && !(cx.timeml && the_adj) {
        return; // `the 24-hour period`: the article belongs to the noun
    }
    // TimeML: `the [eight-year] war`, the adjective without its article.
    let det = if the_adj { None } else { det };
    // `over the past three years`: before an article `over` is a preposition.
    let qm = qm.filter(|q| det.is_none() || !matches!(lower(q.as_str()).as_str(), "over" | "under"));
    let (start, modifier) = match qm {
        Some(q) if !vague => (m.start(), lex::quant_mod(q.as_str())),
        _ => (det.unwrap_or(n).start(), None),
    };
    let mut end = m.end();
    if let Some(ago) = caps.name("ago") {
        let amount = if vague { None } else { lex::parse_number(&nword) };
        let (code, _) = unit_code(unit.as_str());
        let code = if unit_l.starts_with("minute") { 'm' } else { code };
        push(out, start, ago.end(), Expr::Ago { amount, unit: code }, modifier);
        return;
    }
    if nword.starts_with("half ") {
        let value = with_half(0, unit.as_str());
        push(out, start, m.end(), Expr::Duration(value), modifier);
        return;
    }
    let amount = if vague {
        None
    } else if nword == "the past" || nword == "the last" {
        Some("1".to_string())
    } else if nword.contains('.') {
        Some(nword.clone())
    } else {
        lex::parse_number(&nword).map(|v| v.to_string())
    };
    let mut value = match amount.as_deref().and_then(|a| a.parse().ok()) {
        Some(n) if half => with_half(n, unit.as_str()),
        _ => duration_value(amount.as_deref(), unit.as_str()),
    };
    if let (Some(n2), Some(u2), Some(a)) = (caps.name("num2"), caps.name("unit2"), amount.as_deref()) {
        let (c1, t1) = unit_code(unit.as_str());
        let (c2, t2) = unit_code(u2.as_str());
        let combined = (|| {
            let (m1, m2) = (unit_minutes(c1, t1)?, unit_minutes(c2, t2)?);
            let total = a.parse::<u64>().ok()? * m1 + u64::from(lex::parse_number(n2.as_str())?) * m2;
            let (unit_name, size) = if m2 == 1 {
                ("minutes", 1)
            } else if m2 == 60 {
                ("hours", 60)
            } else {
                ("days", 60 * 24)
            };
            (total % size == 0).then(|| duration_value(Some(&(total / size).to_string()), unit_name))
        })();
        match combined {
            Some(v) => value = v,
            None => end = unit.end(),
        }
    } else if caps.name("num2").is_some() {
        end = unit.end();
    }
    push(out, start, end, Expr::Duration(value), modifier);
}

/// Compound lengths: `month-long`, `two-year-long`, `weeklong`, and the
/// uncounted `decades-old` (a counted `six-year-old` is an age).
fn compound_length(caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    let (amount, unit) = match (caps.name("cw"), caps.name("cu")) {
        (Some(w), _) => (Some(1), w.as_str().trim_end_matches("long")),
        (None, Some(u)) => {
            let plural = lower(u.as_str()).ends_with('s');
            let counted = caps.name("cn").and_then(|n| lex::parse_number(n.as_str()));
            let old = caps.name("cs").is_some_and(|s| lower(s.as_str()) == "old");
            if old && (counted.is_some() || !plural) {
                return;
            }
            (counted.or((!plural).then_some(1)), u.as_str())
        }
        (None, None) => return,
    };
    let amount = amount.map(|a| a.to_string());
    let value = duration_value(amount.as_deref(), unit);
    let end = caps.name("cs").or(caps.name("cw")).map_or(m.end(), |s| s.end());
    push(out, m.start(), end, Expr::Duration(value), None);
}

pub(crate) fn bare_units(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let Some(unit) = caps.name("unit") else {
        compound_length(caps, out);
        return;
    };
    match caps.name("ago").map(|a| lower(a.as_str())).as_deref() {
        // `the weeks ahead`: the near future (not `years ahead of schedule`).
        Some("ahead") => {
            if lower(cx.next(m.end())) != "of" {
                push(out, m.start(), m.end(), Expr::Ref("FUTURE_REF"), None);
            }
            return;
        }
        Some(_) => {
            push(out, unit.start(), m.end(), Expr::Ref("PAST_REF"), None);
            return;
        }
        None => {}
    }
    let prev = cx.prev(unit.start());
    let next = lower(cx.next(unit.end()));
    // `for years`, `within weeks`, `the first time in years`.
    let ok = matches!(prev.as_str(), "for" | "within" | "in") && !matches!(next.as_str(), "of" | "past")
        || matches!(next.as_str(), "after" | "later" | "before" | "earlier")
            && !cx.words.is_count_noun(&prev)
            && !prev.chars().all(|c| c.is_ascii_digit());
    if ok {
        push(out, unit.start(), unit.end(), Expr::Duration(duration_value(None, unit.as_str())), None);
    }
}

pub(crate) fn set(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    if let Some(adv) = caps.name("adv") {
        // `JoongAng Daily`: capitalised adverbs are names; `daily dose`: an
        // adjective before a noun is not annotated as a set.
        let next = lower(cx.next(adv.end()));
        let before_noun = next.starts_with(char::is_alphabetic) && !cx.words.set_adverb_followers.contains(&next);
        // TimeML annotates adjectival `daily` and `hourly` too (`the daily
        // tally`, `hourly earnings`), but not `average daily volume`.
        let adv_l = lower(adv.as_str());
        let before_noun = before_noun && !(cx.timeml && (adv_l == "hourly" || adv_l == "daily" && cx.prev(m.start()) != "average"));
        // TimeML leaves a rate's `annually` out (`rise 8.5% annually`).
        let rate = cx.timeml && adv_l == "annually" && follows_amount(cx, m.start());
        if adv.as_str().starts_with(|c: char| c.is_uppercase()) || before_noun || rate {
            return;
        }
        let value = match adv_l.as_str() {
            "hourly" => "PT1H",
            "weekly" => "P1W",
            "biweekly" => "P2W",
            "daily" | "nightly" => "P1D",
            "monthly" => "P1M",
            _ => "P1Y",
        };
        push(out, m.start(), m.end(), Expr::Set(value.to_string()), None);
        return;
    }
    if let (Some(freq), Some(unit)) = (caps.name("freq"), caps.name("fu")) {
        // TimeML: `twice a year`, `three times per week` (a bare `times a
        // week` is no frequency).
        if cx.timeml {
            let value = duration_value(Some("1"), unit.as_str());
            push(out, freq.start(), m.end(), Expr::Set(value), None);
        }
        return;
    }
    let Some(su) = caps.name("su") else { return };
    let su_l = lower(su.as_str());
    let step = caps.name("sn").and_then(|n| lex::parse_number(n.as_str())).unwrap_or(1) * if caps.name("other").is_some() { 2 } else { 1 };
    let value = if let Some((code, _)) = caps.name("sseason").and_then(|w| lex::season(w.as_str())) {
        format!("XXXX-{code}")
    } else if let Some(mon) = caps.name("smon") {
        // `each July`
        format!("XXXX-{:02}", lex::month_number(mon.as_str()).unwrap_or(1))
    } else if let Some(wd) = lex::weekday_number(&su_l).filter(|_| su_l.ends_with("day") && su_l != "day") {
        format!("XXXX-WXX-{wd}")
    } else if let Some(code) = cx.words.day_part(&su_l) {
        format!("XXXX-XX-XXT{code}")
    } else if su_l == "weekend" {
        "XXXX-WXX-WE".to_string()
    } else {
        duration_value(Some(&step.to_string()), &su_l)
    };
    let modifier = caps.name("orso").map(|_| "APPROX");
    push(out, m.start(), m.end(), Expr::Set(value), modifier);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_values() {
        assert_eq!(duration_value(Some("7"), "months"), "P7M");
        assert_eq!(duration_value(Some("50"), "minutes"), "PT50M");
        assert_eq!(duration_value(None, "weeks"), "PXW");
        assert_eq!(duration_value(Some("2"), "decades"), "P20Y");
        assert_eq!(duration_value(None, "decades"), "PXDE");
        assert_eq!(duration_value(None, "centuries"), "PXC");
        assert_eq!(with_half(2, "years"), "P2Y6M");
        assert_eq!(with_half(5, "hours"), "PT5H30M");
        assert_eq!(with_half(1, "minute"), "PT1M30S");
        assert_eq!(with_half(1, "weeks"), "P1.5W");
        assert_eq!(with_half(0, "day"), "PT12H");
        assert_eq!(with_half(0, "century"), "P50Y");
        assert_eq!(with_half(1, "decades"), "P15Y");
    }
}
