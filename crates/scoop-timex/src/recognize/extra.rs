//! Handlers for less frequent expressions: spoken years (`nineteen
//! ninety-six`, `the year two thousand`), centuries (`the 20th century`),
//! holidays (`Thanksgiving Day`, `last Christmas`), `year-end`, and, under
//! TimeML conventions, parts of a day near the DCT (`this morning`, `last
//! night`).

use super::shared::{lower, push, Cx};
use crate::expr::{Cand, Expr, RelUnit, YearSpec};
use crate::lexicon::{self as lex, MONTH, YEAR};
use crate::words::DateWords;
use regex::Captures;

const TENS: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
const UNITS: &str = "(?:one|two|three|four|five|six|seven|eight|nine)";

/// The pass's regex; the holiday names are those of `words`.
pub(crate) fn pattern(words: &DateWords) -> String {
    let b = "(?-u:\\b)";
    let holidays = words.holiday_pattern();
    format!(
        "{b}(?:(?:(?P<smon>{MONTH})\\s+)?(?P<the_year>(?i:the\\s+year)\\s+)?(?P<spoken>(?i:nineteen[\\s-]+(?:{TENS}(?:[\\s-]+{UNITS})?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\\s+thousand(?:\\s+and\\s+{UNITS}|\\s+{UNITS})?)){b}\
         |(?P<cthe>(?i:the)\\s+)?(?:(?P<cpart>(?i:early|mid|late))[\\s-]+)?(?P<cent>[0-9]{{1,2}}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[\\s-]+century{b}\
         |(?:(?P<hrel>(?i:last|next|this))\\s+)?(?P<hol>{holidays})(?:\\s+(?P<hy>{YEAR}))?{b}\
         |(?P<ye>(?i:year-end|year\\s+end|year(?:'|’)s\\s+end)){b}\
         |(?P<tc>(?i:this\\s+century)){b}\
         |(?P<dp>(?i:this|last|that|the\\s+(?:next|following|previous|same)|the))\\s+(?:(?P<dpm>(?i:early|late|mid))[\\s-]+)?(?P<dpw>(?i:morning|afternoon|evening|night)){b})"
    )
}

fn word_number(s: &str) -> Option<u32> {
    let w: Vec<String> =
        lower(s).split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty() && *w != "and").map(str::to_string).collect();
    match w.as_slice() {
        [a] => lex::parse_number(a),
        [a, b] => Some(lex::parse_number(a)? + lex::parse_number(b)?),
        _ => None,
    }
}

fn ordinal(s: &str) -> Option<u32> {
    let l = lower(s);
    let digits: String = l.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    match l.as_str() {
        "twentieth" => Some(20),
        "twenty-first" => Some(21),
        w => lex::parse_ordinal_day(w),
    }
}

pub(crate) fn extra(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    if let Some(sp) = caps.name("spoken") {
        let l = lower(sp.as_str());
        let year = if let Some(rest) = l.strip_prefix("nineteen") {
            word_number(rest).map(|n| 1900 + n as i32)
        } else {
            // `two thousand` alone is an amount; `the year two thousand` a year.
            if caps.name("the_year").is_none() && caps.name("smon").is_none() {
                return;
            }
            let rest = l.trim_start_matches("two").trim_start();
            let rest = rest.trim_start_matches("thousand").trim();
            if rest.is_empty() {
                Some(2000)
            } else {
                word_number(rest).map(|n| 2000 + n as i32)
            }
        };
        let Some(year) = year else { return };
        // `nineteen ninety-six people`: a count.
        if cx.words.is_count_noun(cx.next(m.end())) {
            return;
        }
        let month = caps.name("smon").and_then(|mo| lex::month_number(mo.as_str()));
        let expr = Expr::Cal { year: YearSpec::Known(year), month, day: None };
        push(out, m.start(), m.end(), expr, None);
        return;
    }
    if let Some(c) = caps.name("cent").and_then(|c| ordinal(c.as_str())) {
        if !(1..=21).contains(&c) {
            return;
        }
        let expr = Expr::Literal(format!("{:02}", c - 1));
        let modifier = caps.name("cpart").and_then(|p| lex::part_mod(p.as_str()));
        push(out, m.start(), m.end(), expr, modifier);
        return;
    }
    if let Some(h) = caps.name("hol") {
        let Some((month, rule)) = cx.words.holiday(h.as_str()) else {
            return;
        };
        let offset = caps.name("hrel").map(|r| match lower(r.as_str()).as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        });
        let year = caps.name("hy").and_then(|y| y.as_str().parse().ok());
        let expr = Expr::Holiday { month, rule, offset, year };
        push(out, m.start(), m.end(), expr, None);
        return;
    }
    // `this century`: TimeBank reads it as its length, a hundred years.
    if caps.name("tc").is_some() {
        push(out, m.start(), m.end(), Expr::Duration("P100Y".into()), None);
        return;
    }
    if caps.name("ye").is_some() {
        let expr = Expr::Rel { unit: RelUnit::Year, offset: 0, anaphoric: false };
        push(out, m.start(), m.end(), expr, None);
        return;
    }
    if let (Some(dp), Some(w), true) = (caps.name("dp"), caps.name("dpw"), cx.timeml) {
        let w = lower(w.as_str());
        let dp = lower(dp.as_str());
        let dp = dp.split_whitespace().last().unwrap_or("");
        if lower(cx.next(m.end())) == "of" {
            return;
        }
        // `in the morning`, `by the late afternoon` of a report are the DCT's;
        // not `the morning of May 3`, `in the morning session`.
        if dp == "the" && (!cx.words.day_part_prepositions.contains(&cx.prev(m.start())) || !ends_phrase(cx, cx.next(m.end()))) {
            return;
        }
        let offset = match dp {
            // `last night` is the night before; `last morning` is not a day part.
            "last" if w != "night" => return,
            "last" | "previous" => -1,
            "next" | "following" => 1,
            _ => 0,
        };
        let anaphoric = matches!(dp, "that" | "next" | "following" | "previous" | "same");
        let Some(code) = cx.words.day_part(&w) else {
            return;
        };
        let modifier = caps.name("dpm").and_then(|p| lex::part_mod(p.as_str()));
        push(out, m.start(), m.end(), Expr::DayPart { offset, code: code.to_string(), anaphoric }, modifier);
    }
}

/// The word after a part of the day leaves it a noun phrase of its own
/// (`in the morning, ...`, `in the evening when ...`), not a modifier
/// (`the morning session`, `the evening news`).
fn ends_phrase(cx: &Cx, next: &str) -> bool {
    !next.starts_with(|c: char| c.is_lowercase()) || cx.words.day_part_phrase_enders.contains(&lower(next))
}
