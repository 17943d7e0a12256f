//! Handlers for relative and deictic expressions: `next week`, `today`,
//! `now`, weekdays, `the 15th`.

use super::shared::{is_month_word, is_title_case, lower, push, Cx};
use crate::context::prev_token;
use crate::expr::{Cand, Expr, RelUnit, YearSpec};
use crate::lexicon as lex;
use regex::Captures;

pub(crate) fn relative(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let Some(m) = caps.get(0) else { return };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let part = caps.name("part").and_then(|p| lex::part_mod(p.as_str()));
    let mut start = m.start();
    let expr = if let Some(d) = caps.name("deictic") {
        match lower(d.as_str()).as_str() {
            // `(Today’s Webtoon)`: capitalised mid-sentence before a capitalised word is a title.
            "today"
                if d.as_str().starts_with('T') && !matches!(cx.prev(d.start()).as_str(), "" | "." | "!" | "?" | "\u{201c}" | "\"") && {
                    let rest = cx.text[d.end()..cx.hi].trim_start_matches(['\'', '’', 's']);
                    cx.next(d.end() + (cx.text[d.end()..cx.hi].len() - rest.len())).starts_with(char::is_uppercase)
                } =>
            {
                return
            }
            "today" => Expr::Today,
            "tonight" => Expr::Rel { unit: RelUnit::Night, offset: 0, anaphoric: false },
            "tomorrow" => Expr::Rel { unit: RelUnit::Day, offset: 1, anaphoric: false },
            _ => Expr::Rel { unit: RelUnit::Day, offset: -1, anaphoric: false },
        }
    } else if caps.name("theweekend").is_some() {
        // `over the weekend`: news reports the one just past.
        Expr::Rel { unit: RelUnit::Weekend, offset: -1, anaphoric: false }
    } else if let Some(tu) = caps.name("theunit") {
        // `by the end of the month`: the DCT's; `the month` alone is left to
        // the reporting-period pass.
        if part.is_none() {
            return;
        }
        let unit = match lower(tu.as_str()).rsplit(' ').next() {
            Some("month") => RelUnit::Month,
            Some("decade") => RelUnit::Decade,
            _ => RelUnit::Year,
        };
        Expr::Rel { unit, offset: 0, anaphoric: false }
    } else if caps.name("theweek").is_some() {
        // A market report's `for the week`, `the week's most active session`:
        // the week of the DCT; not `the week of March 6`, `the week before`.
        let rest = &cx.text[m.end()..cx.hi];
        let possessive = rest.starts_with(['\'', '’']);
        let next = lower(cx.next(m.end()));
        // `by the end of the week` is the DCT's week, as for the month and year.
        let ok = (possessive || part.is_some() || matches!(cx.prev(m.start()).as_str(), "for" | "of" | "during"))
            && !cx.words.week_blockers.contains(&next);
        if !ok {
            return;
        }
        Expr::Rel { unit: RelUnit::Week, offset: 0, anaphoric: false }
    } else if let Some(td) = caps.name("theday") {
        // Only `throughout the day`, `by the end of the day` and `the day
        // before` refer to a specific day reliably (`at the end of the day`
        // is an idiom).
        let by_its_end = part.is_some() && matches!(cx.prev(m.start()).as_str(), "by" | "until");
        // `the day before the crash`, `the day after his death`: a day next to
        // the story's.
        let within = matches!(cx.prev(m.start()).as_str(), "in" | "during" | "of");
        let offset = match lower(cx.next(m.end())).as_str() {
            _ if by_its_end => 0,
            "before" if !within => -1,
            "after" if !within => 1,
            _ if cx.prev(td.start()) == "throughout" => 0,
            _ => return,
        };
        if !by_its_end {
            start = td.start();
        }
        Expr::Rel { unit: RelUnit::Day, offset, anaphoric: true }
    } else {
        let (Some(det), Some(unit)) = (caps.name("det"), caps.name("unit")) else {
            return;
        };
        // `ABC News' "This Week"`: a title-case unit is a programme's name.
        if is_title_case(unit.as_str()) {
            return;
        }
        let det = lower(det.as_str());
        let det: String = det.split_whitespace().collect::<Vec<_>>().join(" ");
        let unit = match lower(unit.as_str()).as_str() {
            "day" => RelUnit::Day,
            "week" => RelUnit::Week,
            "weekend" => RelUnit::Weekend,
            "month" => RelUnit::Month,
            "year" => RelUnit::Year,
            _ => RelUnit::Decade,
        };
        let (offset, anaphoric) = match det.as_str() {
            "this past" | "last" => (-1, false),
            "next" | "coming" | "the coming" | "the next" => (1, false),
            "this" | "the current" => (0, false),
            "the previous" | "previous" | "the prior" | "prior" => (-1, true),
            "the following" | "following" => (1, true),
            _ => (0, true), // the same, that
        };
        // `the last day`, `next day`, `this day`: not dates in news use.
        if unit == RelUnit::Day && !anaphoric && det != "the next" {
            return;
        }
        let anaphoric = anaphoric || unit == RelUnit::Day;
        Expr::Rel { unit, offset, anaphoric }
    };
    push(out, start, m.end(), expr, part);
}

pub(crate) fn refs(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(r)) = (caps.get(0), caps.name("r")) else {
        return;
    };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let w = lower(r.as_str());
    let w: String = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let prev = cx.prev(m.start());
    let mut start = m.start();
    let value = match w.as_str() {
        // TimeML: adjectival `current` (`the current weakness`); `then
        // current` is a past present.
        "current" => {
            let next = cx.next(m.end());
            if !cx.timeml || r.as_str() != "current" || !next.starts_with(char::is_lowercase) {
                return;
            }
            if prev == "then" {
                start = cx.offset_of(prev_token(cx.text, cx.lo, m.start()));
                "PAST_REF"
            } else {
                "PRESENT_REF"
            }
        }
        "the near term" | "the short term" => "FUTURE_REF",
        // `for a while`: a length of unknown size.
        "a while" => {
            if matches!(prev.as_str(), "for" | "in" | "after" | "within") {
                push(out, start, m.end(), Expr::Duration("PXX".into()), None);
            }
            return;
        }
        // The guide's `at the moment`, `for the time being`; TimeBank and
        // AQUAINT never tag them.
        "the moment" if !cx.timeml && matches!(prev.as_str(), "at" | "for" | "of") => "PRESENT_REF",
        "the time being" if !cx.timeml && prev == "for" => "PRESENT_REF",
        "the future" | "the near future" if matches!(prev.as_str(), "in" | "into" | "about") => "FUTURE_REF",
        "the past" if prev == "in" => "PAST_REF",
        "the moment" | "the time being" | "the future" | "the near future" | "the past" => return,
        // `as soon as`, `too soon`, `but soon got into` (narrative, not future).
        "soon"
            if matches!(prev.as_str(), "as" | "too" | "so" | "how") || {
                let next = lower(cx.next(m.end()));
                next.len() > 3 && next.ends_with("ed") || cx.words.soon_blockers.contains(&next)
            } =>
        {
            return
        }
        "soon" => "FUTURE_REF",
        // TimeML: `Now, he says...` opens the sentence as a discourse
        // marker (the guide's gold keeps it).
        "now" if cx.timeml && r.as_str() == "Now" && cx.char_after(m.end()) == Some(',') => return,
        "recently" | "lately" => "PAST_REF",
        _ => "PRESENT_REF",
    };
    push(out, start, m.end(), Expr::Ref(value), None);
}

pub(crate) fn weekday(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(wd)) = (caps.get(0), caps.name("wd")) else {
        return;
    };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let Some(n) = lex::weekday_number(wd.as_str()) else {
        return;
    };
    // `Monday afternoons`: a weekly part of the day.
    let next = cx.next(m.end());
    let part_code = lower(next).strip_suffix('s').and_then(|w| cx.words.day_part(w));
    if let (Some(code), None) = (part_code, caps.name("wrel")) {
        let end = cx.offset_of(next) + next.len();
        let expr = Expr::Set(format!("XXXX-WXX-{n}T{code}"));
        push(out, m.start(), end, expr, None);
        return;
    }
    let joined = joins_a_weekly_set(cx, m.start());
    let offset = if let Some(rel) = caps.name("wrel") {
        Some(match lower(rel.as_str()).split_whitespace().last() {
            Some("last" | "previous" | "past") => -1,
            Some("next") | Some("coming") => 1,
            _ => 0,
        })
    } else if caps.name("pl").is_some() || joined {
        // `on Mondays`, `airs Mondays and Tuesdays`, `every Saturday and Sunday`.
        let schedule = cx.words.schedule_words.contains(&cx.prev(m.start()));
        if schedule || joined {
            let expr = Expr::Set(format!("XXXX-WXX-{n}"));
            push(out, m.start(), m.end(), expr, None);
        }
        return;
    } else if reads_as_day(cx, m.start(), m.end()) {
        // `as early as Tuesday`, `as soon as Tuesday`: the next one.
        (cx.prev(m.start()) == "as" && cx.prev2(m.start()) != "late").then_some(1)
    } else {
        return;
    };
    push(out, m.start(), m.end(), Expr::Weekday { wd: n, offset }, None);
}

/// Whether the weekday at `start` is coordinated with a weekly set before
/// it: `Mondays and [Tuesdays]`, `every Saturday and [Sunday]`.
fn joins_a_weekly_set(cx: &Cx, start: usize) -> bool {
    // `every Wednesday and` fits in 32 bytes.
    let from = crate::context::floor_char(cx.text, start.saturating_sub(32).max(cx.lo));
    let before = lower(cx.text[from..start].trim_end());
    let Some(rest) = ["and", "or", "&", ","].iter().find_map(|c| before.strip_suffix(c)) else {
        return false;
    };
    let mut words = rest.split_whitespace().rev();
    let is_weekday =
        |w: &&str| matches!(w.trim_end_matches('s'), "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday");
    let Some(day) = words.next().filter(is_weekday) else {
        return false;
    };
    day.ends_with("days") || matches!(words.next(), Some("every" | "each"))
}

/// Whether a weekday without `last`/`next` at `start..end` is a day rather
/// than part of a title or a name.
fn reads_as_day(cx: &Cx, start: usize, end: usize) -> bool {
    let prev = cx.prev(start);
    let next = cx.next(end);
    // News puts weekdays after almost any word (`voted Friday`), so only
    // title/name contexts are excluded; a sentence-initial weekday is a day
    // only with a clear continuation (`Tuesday, May 31`, `Monday (Nov. 13)`).
    let next_l = lower(next);
    // `at 10 p.m. Wednesday`: the abbreviation's period ends no sentence.
    let after_clock = prev == "." && {
        let before = cx.text[cx.lo..start].trim_end();
        let tail = before.get(before.len().saturating_sub(4)..).unwrap_or("");
        tail.eq_ignore_ascii_case("a.m.") || tail.eq_ignore_ascii_case("p.m.")
    };
    let sentence_initial = !after_clock && matches!(prev.as_str(), "" | "." | "!" | "?" | ":" | "\u{2014}" | "-");
    let clear_next = next_l == "(" || cx.words.day_part(&next_l).is_some();
    let name_follows = next.starts_with(|c: char| c.is_uppercase()) && !is_month_word(next);
    // `Friday's close` is a day, `Wednesday’s second season` a title: a
    // possessive is a day only before a lower-case word outside show talk.
    let possessive = cx.text[end..cx.hi].starts_with(['\'', '’']);
    let day_possessive = possessive && {
        let after_s = end + cx.text[end..cx.hi].chars().take(2).map(char::len_utf8).sum::<usize>();
        let w = cx.next(after_s.min(cx.hi));
        w.starts_with(char::is_lowercase) && !cx.words.show_words.contains(w)
    };
    // `Emma Myers, Joy Sunday, Naomi...`: a surname in a list of names (not
    // `in Kenya and Tanzania Friday, killing...`).
    let raw_prev = prev_token(cx.text, cx.lo, start);
    let name_after = || {
        let after_next = cx.offset_of(next) + next.len();
        cx.next(after_next).starts_with(char::is_uppercase)
    };
    let surname = raw_prev.starts_with(char::is_uppercase)
        && !sentence_initial
        && (matches!(next_l.as_str(), ")" | "") || matches!(next_l.as_str(), "," | "and") && name_after())
        && matches!(cx.prev2(start).as_str(), "," | "and" | "&" | "(" | "with");
    // Blockers that a clear day reading overrides: `as of Monday`, `as soon
    // as Tuesday`, `the handling of Wednesday's meeting`, `in Saturday
    // night's debate`; under TimeML `the Friday explosions`.
    let prev2 = || cx.prev2(start);
    let unblocked = match prev.as_str() {
        // `the early hours of Wednesday`, `the night of Friday`.
        "of" => {
            let p2 = prev2();
            p2 == "as" || p2 == "hours" || cx.words.day_part(&p2).is_some() || clear_next || day_possessive
        }
        "in" => clear_next || day_possessive,
        "as" => matches!(prev2().as_str(), "early" | "soon" | "late"),
        "the" => cx.timeml && next.starts_with(char::is_lowercase) && !cx.words.show_words.contains(next) && !possessive,
        _ => false,
    };
    // TimeML news: `Friday, an FBI official said`.
    let initial_ok = clear_next || day_possessive || cx.timeml && next_l == ",";
    (unblocked || !cx.words.weekday_blockers.contains(&prev))
        && !name_follows
        && (!possessive || day_possessive)
        && !surname
        && next_l != "season"
        && (!sentence_initial || initial_ok)
}

pub(crate) fn ordinal_day(cx: &Cx, caps: &Captures, out: &mut Vec<Cand>) {
    let (Some(m), Some(od)) = (caps.get(0), caps.name("od")) else {
        return;
    };
    if !cx.starts_in_range(m.start()) {
        return;
    }
    let prev = cx.prev(m.start());
    if !cx.words.day_of_month_prepositions.contains(&prev) {
        return;
    }
    // `the 15th anniversary`: followed by a noun, not a date.
    if cx.next(m.end()).starts_with(|c: char| c.is_alphanumeric()) {
        return;
    }
    if let Some(d) = lex::parse_ordinal_day(od.as_str()) {
        push(out, m.start(), m.end(), Expr::Cal { year: YearSpec::Unknown, month: None, day: Some(d) }, None);
    }
}
