//! The regex skeletons and the closed word classes they are made of
//! (months, weekdays, units, number words), with the lookups that turn a
//! captured word into its number.
//!
//! Recognition (`recognize`) assembles the fragments into a few combined
//! regexes. These stay in code: a lookup here must agree with the pattern
//! that captured the word. The open word lists around the matches are
//! resource files (`words`).

/// Capitalised month names and abbreviations, longest first so that regex
/// alternation (leftmost-first) prefers `June` over `Jun`, `Sept` over `Sep`.
pub const MONTH: &str = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?-u:\\b)";

/// Day of month as digits, optionally with an ordinal suffix.
pub const DAY: &str = "(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?-u:\\b)";

/// A four-digit year; 1800–2099 covers news text without catching most counts.
pub const YEAR: &str = "(?:1[89][0-9]{2}|20[0-9]{2})(?-u:\\b)";

/// Weekday names (capitalised: lower-case `sunday` is rare in edited text).
pub const WEEKDAY: &str = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// A weekday leading a full date (`Thursday 21 March`, `Thu, Mar 21, 2013`):
/// abbreviations are safe only there.
pub const WEEKDAY_LEAD: &str =
    "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?-u:\\b)\\.?)";

/// Time of day: `9:10`, `3:02:17 pm`, `9 p.m.`.
pub const TIME: &str = "(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:\\s*(?i:[ap](?:\\.m(?-u:\\b)\\.?|m(?-u:\\b))))?|(?:1[0-2]|0?[1-9])\\s*(?i:[ap](?:\\.m(?-u:\\b)\\.?|m(?-u:\\b))))";

/// Part-of-period modifiers placed before the expression (`early 2024`,
/// `mid-February`, `the end of 2025`). Mapped by [`part_mod`].
pub const PART: &str =
    "(?i:(?:the\\s+)?(?:very\\s+)?(?:earlier|early|mid|middle|later|late)|(?:the\\s+)?(?:end|beginning|start|middle)\\s+of)";

/// Quantity modifiers before durations and years (`at least 50 minutes`).
pub const QUANT: &str = "(?i:a\\s+little\\s+(?:over|more\\s+than|less\\s+than|under)|just\\s+(?:over|under)|well\\s+over|more\\s+than|over|at\\s+least|upwards\\s+of|nearly|almost|about|around|approximately|roughly|less\\s+than|fewer\\s+than|under|up\\s+to|at\\s+most|no\\s+more\\s+than)";

/// Cardinal number words usable as a quantity of time units (`twenty-four`,
/// and `twenty four` as transcripts write it).
pub const NUMBER_WORDS: &str = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)";

/// Ordinal day words for `the first of March`.
pub const ORDINAL_WORDS: &str = "(?:(?:twenty|thirty)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|twentieth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth)";

/// Time units (singular or plural).
pub const UNIT: &str = "(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|centuries|century)";

pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let n = match w.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// ISO weekday number, Monday = 1.
pub fn weekday_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let n = match w.get(..3)? {
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    };
    Some(n)
}

fn small_number(w: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    WORDS.iter().position(|x| *x == w).map(|i| i as u32)
}

fn tens(w: &str) -> Option<u32> {
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    TENS.iter().position(|x| *x == w).map(|i| 20 + 10 * i as u32)
}

/// Digits or an English number word (`twenty-five`, `a`, `a single`).
pub fn parse_number(s: &str) -> Option<u32> {
    let w = s.trim().to_ascii_lowercase();
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    match w.as_str() {
        "a" | "an" | "a single" | "one single" => return Some(1),
        "a couple of" | "couple of" => return Some(2),
        "hundred" | "a hundred" => return Some(100),
        _ => {}
    }
    if let Some(n) = small_number(&w).or_else(|| tens(&w)) {
        return Some(n);
    }
    let (t, u) = w.split_once(['-', ' '])?;
    Some(tens(t)? + small_number(u)?)
}

/// Day number of an ordinal: `17th` or `seventeenth`.
pub fn parse_ordinal_day(s: &str) -> Option<u32> {
    let w = s.to_ascii_lowercase();
    let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok().filter(|d| (1..=31).contains(d));
    }
    const ORD: [&str; 20] = [
        "",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    if let Some(i) = ORD.iter().position(|x| *x == w).filter(|i| *i > 0) {
        return Some(i as u32);
    }
    match w.as_str() {
        "twentieth" => return Some(20),
        "thirtieth" => return Some(30),
        _ => {}
    }
    let (t, u) = w.split_once('-')?;
    let base = match t {
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    let d = base + ORD.iter().position(|x| *x == u).filter(|i| *i > 0)? as u32;
    (d <= 31).then_some(d)
}

/// `first`/`1st`/`final` → 1..4 (quarters; `last`/`final` means the fourth).
pub fn parse_period_ordinal(s: &str) -> Option<u32> {
    match s.to_ascii_lowercase().as_str() {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" | "last" | "final" => Some(4),
        _ => None,
    }
}

/// TIMEX3 mod of a part-of-period prefix (`early`, `the end of`...).
pub fn part_mod(s: &str) -> Option<&'static str> {
    let w = s.to_ascii_lowercase();
    let w = w.trim_start_matches("the").trim();
    let w = w.trim_start_matches("very").trim();
    if w.starts_with("early") || w.starts_with("beginning") || w.starts_with("start") {
        Some("START")
    } else if w.starts_with("mid") {
        Some("MID")
    } else if w.starts_with("late") || w.starts_with("end") {
        Some("END")
    } else {
        None
    }
}

/// A quantity modifier's TIMEX3 mod, for a duration (`over 7 hours`).
pub fn quant_mod(s: &str) -> Option<&'static str> {
    let w = s.to_ascii_lowercase();
    let w: String = w.split_whitespace().collect::<Vec<_>>().join(" ");
    let m = match w.as_str() {
        "about" | "around" | "approximately" | "roughly" => "APPROX",
        "nearly" | "almost" | "less than" | "fewer than" | "under" | "just under" | "a little less than" | "a little under" | "up to"
        | "at most" | "no more than" => "LESS_THAN",
        _ => "MORE_THAN",
    };
    Some(m)
}

/// Season code and first month (winter starts in December of its year).
pub fn season(word: &str) -> Option<(&'static str, u32)> {
    match word.to_ascii_lowercase().as_str() {
        "spring" => Some(("SP", 3)),
        "summer" => Some(("SU", 6)),
        "fall" | "autumn" => Some(("FA", 9)),
        "winter" => Some(("WI", 12)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_ordinals() {
        assert_eq!(parse_number("twenty-five"), Some(25));
        assert_eq!(parse_number("a single"), Some(1));
        assert_eq!(parse_number("Seven"), Some(7));
        assert_eq!(parse_ordinal_day("twenty-first"), Some(21));
        assert_eq!(parse_ordinal_day("17th"), Some(17));
        assert_eq!(parse_ordinal_day("first"), Some(1));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(weekday_number("Sunday"), Some(7));
        assert_eq!(part_mod("the end of"), Some("END"));
        assert_eq!(part_mod("mid"), Some("MID"));
        assert_eq!(quant_mod("a little  over"), Some("MORE_THAN"));
    }
}
