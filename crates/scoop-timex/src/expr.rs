//! Recognised expressions, before resolution.

/// How a year is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    Known(i32),
    /// Relative to the DCT (`last year` → -1).
    Rel(i32),
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelUnit {
    Day,
    Night,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

/// A recognised expression before resolution against the DCT / context.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Calendar date with possibly missing parts.
    Cal {
        year: YearSpec,
        month: Option<u32>,
        day: Option<u32>,
    },
    Quarter {
        year: YearSpec,
        q: u32,
    },
    Half {
        year: YearSpec,
        h: u32,
    },
    Season {
        year: YearSpec,
        code: &'static str,
        first_month: u32,
    },
    /// `last summer` (-1), `this summer` (0), `next summer` (+1).
    SeasonRel {
        code: &'static str,
        first_month: u32,
        offset: i32,
    },
    /// Three-digit decade value (`196` for the 1960s).
    Decade(i32),
    /// `'60s`: the century is inferred at resolution.
    ShortDecade(i32),
    /// `next week`, `the following year`; anaphoric ones resolve against the
    /// previous date in the text rather than the DCT.
    Rel {
        unit: RelUnit,
        offset: i32,
        anaphoric: bool,
    },
    /// `today`: either the day or the generic present (`today's society`).
    Today,
    /// Weekday, with `last`/`next`/`this` when given.
    Weekday {
        wd: u32,
        offset: Option<i32>,
    },
    /// `two weeks ago`; `amount` None for vague ones (`many months ago`).
    Ago {
        amount: Option<u32>,
        unit: char,
    },
    Ref(&'static str),
    /// A financial reporting quarter referred to without its number (`the
    /// quarter`, `the year-earlier period`): `shift` quarters from the quarter
    /// under report, or from the DCT's quarter when `from_dct`; with `year`
    /// (`the 1988 quarter`, `the 1989 period`) that quarter in that year.
    QuarterRef {
        shift: i32,
        from_dct: bool,
        year: Option<i32>,
    },
    /// `last May`, `next April`, `this September`: the month's occurrence
    /// before (-1), after (+1) or in the year of (0) the DCT.
    MonthRel {
        month: u32,
        offset: i32,
    },
    /// `the year` in a report: the year under discussion.
    TheYear,
    Duration(String),
    Set(String),
    /// A DATE value fixed at recognition (`the 20th century` → `19`).
    Literal(String),
    /// A holiday: fixed `(month, day)` or computed from the year by `rule`;
    /// `offset` from `last`/`next`/`this`, or the `year` written after it.
    Holiday {
        month: u32,
        rule: Holiday,
        offset: Option<i32>,
        year: Option<i32>,
    },
    /// `this morning` (0), `last night` (-1): a part of a day near the DCT;
    /// `that night`, `the next morning` (`anaphoric`): near the story's day.
    DayPart {
        offset: i32,
        code: String,
        anaphoric: bool,
    },
    /// A time of day, optionally with its date (`May 31, 2022 3:02 pm`).
    Time {
        date: Option<Box<Expr>>,
        hour: u32,
        minute: u32,
        second: Option<u32>,
    },
}

/// How a holiday's day is found in its month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Fixed(u32),
    /// The `n`th (1-based; 5 = last) given ISO weekday of the month.
    NthWeekday {
        n: u32,
        wd: u32,
    },
    /// The Tuesday after the first Monday (US Election Day).
    Election,
    Easter,
}

#[derive(Debug, Clone)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<&'static str>,
}
