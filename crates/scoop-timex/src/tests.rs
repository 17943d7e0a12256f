//! Phenomenon tests on sentences written for these tests.

use super::*;

fn run(text: &str, dct: Option<&str>) -> Vec<(String, &'static str, String, Option<&'static str>)> {
    let tagger = Tagger::new();
    tagger
        .tag(text, 0..text.len(), dct.and_then(Dct::parse))
        .into_iter()
        .map(|t| (text[t.start..t.end].to_string(), t.timex_type.as_str(), t.value, t.modifier))
        .collect()
}

/// (span, value) pairs, for the common case.
fn sv(text: &str, dct: Option<&str>) -> Vec<(String, String)> {
    run(text, dct).into_iter().map(|(s, _, v, _)| (s, v)).collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

const DCT: Option<&str> = Some("2026-01-10");

#[test]
fn absolute_dates() {
    let t = "It opens January 17, on Jan. 3, by Sept. 5, on 17 January 2026, on January 17, 2026, on 2026-01-17 and on 1/17/2026.";
    assert_eq!(
        sv(t, None),
        pairs(&[
            ("January 17", "XXXX-01-17"),
            ("Jan. 3", "XXXX-01-03"),
            ("Sept. 5", "XXXX-09-05"),
            ("17 January 2026", "2026-01-17"),
            ("January 17, 2026", "2026-01-17"),
            ("2026-01-17", "2026-01-17"),
            ("1/17/2026", "2026-01-17"),
        ])
    );
}

#[test]
fn months_years_and_ordinals() {
    let t = "The shoot ran from December 2026 until September, a year after the first of March 2025 and since the 15th.";
    assert_eq!(
        sv(t, None),
        pairs(&[
            ("December 2026", "2026-12"),
            ("September", "2027-09"), // forward from the nearby anchor
            ("a year", "P1Y"),
            ("the first of March 2025", "2025-03-01"),
            ("the 15th", "XXXX-XX-15"),
        ])
    );
}

#[test]
fn years_but_not_numbers() {
    let t = "The 2026 slate (see https://example.com/2026/news) lists id X2026, room 2024, 3,2024 and 2019.";
    assert_eq!(sv(t, None), pairs(&[("2026", "2026"), ("2019", "2019")]));
}

#[test]
fn seasons_quarters_halves_decades() {
    let t = "They met last summer, filmed in Q3 2025 and the third quarter, aim for Early Q1 2024, the second half of 2025, and loved the 2020s and the ’90s.";
    assert_eq!(
        run(t, None),
        vec![
            ("last summer".to_string(), "DATE", "XXXX-SU".to_string(), None),
            ("Q3 2025".to_string(), "DATE", "2025-Q3".to_string(), None),
            ("the third quarter".to_string(), "DATE", "XXXX-Q3".to_string(), None),
            ("Early Q1 2024".to_string(), "DATE", "2024-Q1".to_string(), Some("START")),
            ("the second half of 2025".to_string(), "DATE", "2025-H2".to_string(), None),
            ("2020s".to_string(), "DATE", "202".to_string(), None),
            ("’90s".to_string(), "DATE", "199".to_string(), None),
        ]
    );
    assert_eq!(sv("It aired last summer.", Some("2024-11-02")), pairs(&[("last summer", "2024-SU")]));
    assert_eq!(sv("It aired last summer.", Some("2024-07-02")), pairs(&[("last summer", "2023-SU")]));
}

#[test]
fn weeks_and_weekends() {
    let t = "Filming moves next weekend, after last week and before next week.";
    assert_eq!(sv(t, DCT), pairs(&[("next weekend", "2026-W03-WE"), ("last week", "2026-W01"), ("next week", "2026-W03")]));
    assert_eq!(sv(t, None)[0].1, "XXXX-WXX-WE");
}

#[test]
fn parts_of_periods() {
    let t = "Production starts in early 2024, wraps by mid-February 2026, premieres late 2024 or later this year.";
    assert_eq!(
        run(t, DCT),
        vec![
            ("early 2024".to_string(), "DATE", "2024".to_string(), Some("START")),
            ("mid-February 2026".to_string(), "DATE", "2026-02".to_string(), Some("MID")),
            ("late 2024".to_string(), "DATE", "2024".to_string(), Some("END")),
            ("later this year".to_string(), "DATE", "2026".to_string(), Some("END")),
        ]
    );
    assert_eq!(run("It begins later this year.", None)[0].2, "XXXX");
}

#[test]
fn relative_dates() {
    let t = "Yesterday the cast met; today it was announced that filming starts next year, two weeks ago it rained, this month is busy, tonight we watch and tomorrow we rest.";
    assert_eq!(
        sv(t, DCT),
        pairs(&[
            ("Yesterday", "2026-01-09"),
            ("today", "2026-01-10"),
            ("next year", "2027"),
            ("two weeks ago", "2025-W52"),
            ("this month", "2026-01"),
            ("tonight", "2026-01-10TNI"),
            ("tomorrow", "2026-01-11"),
        ])
    );
}

#[test]
fn anaphoric_dates() {
    let t = "The show debuted in 2021. The following year it won. In the previous year it was pitched.";
    assert_eq!(sv(t, None), pairs(&[("2021", "2021"), ("The following year", "2022"), ("the previous year", "2020")]));
    assert_eq!(sv("The studio lost money in the previous year.", None), pairs(&[("the previous year", "PAST_REF")]));
}

#[test]
fn durations() {
    let t = "The shoot took seven months, then three years, 28 days, 50 minutes, many months, a few weeks, at least 50 minutes and a little over four months, a seven-month run and 5 hours and 27 minutes.";
    assert_eq!(
        run(t, None),
        vec![
            ("seven months".to_string(), "DURATION", "P7M".to_string(), None),
            ("three years".to_string(), "DURATION", "P3Y".to_string(), None),
            ("28 days".to_string(), "DURATION", "P28D".to_string(), None),
            ("50 minutes".to_string(), "DURATION", "PT50M".to_string(), None),
            ("many months".to_string(), "DURATION", "PXM".to_string(), None),
            ("a few weeks".to_string(), "DURATION", "PXW".to_string(), None),
            ("at least 50 minutes".to_string(), "DURATION", "PT50M".to_string(), Some("MORE_THAN")),
            ("a little over four months".to_string(), "DURATION", "P4M".to_string(), Some("MORE_THAN")),
            ("seven-month".to_string(), "DURATION", "P7M".to_string(), None),
            ("5 hours and 27 minutes".to_string(), "DURATION", "PT327M".to_string(), None),
        ]
    );
}

#[test]
fn sets() {
    let t = "New episodes drop every Friday, weekly, and a clip every 10 minutes or so.";
    assert_eq!(
        run(t, None),
        vec![
            ("every Friday".to_string(), "SET", "XXXX-WXX-5".to_string(), None),
            ("weekly".to_string(), "SET", "P1W".to_string(), None),
            ("every 10 minutes or so".to_string(), "SET", "PT10M".to_string(), Some("APPROX")),
        ]
    );
}

#[test]
fn present_past_future_refs() {
    let t = "It is now filming and currently on set; at the moment nothing is final. It was recently renewed many months ago and will air soon.";
    assert_eq!(
        sv(t, None),
        pairs(&[
            ("now", "PRESENT_REF"),
            ("currently", "PRESENT_REF"),
            ("the moment", "PRESENT_REF"),
            ("recently", "PAST_REF"),
            ("many months ago", "PAST_REF"),
            ("soon", "FUTURE_REF"),
        ])
    );
    assert_eq!(sv("Actors popular today's way.", None), pairs(&[("today", "PRESENT_REF")]));
}

#[test]
fn ranges_give_two_records() {
    let t = "Release window: late 2024 to early 2025. Shooting on January 17 and 18.";
    assert_eq!(sv(t, DCT), pairs(&[("late 2024", "2024"), ("early 2025", "2025"), ("January 17", "2026-01-17"), ("18", "2026-01-18")]));
}

#[test]
fn at_least_a_year() {
    assert_eq!(
        run("Fans will wait until at least 2024.", None),
        vec![("at least 2024".to_string(), "DATE", "2024".to_string(), Some("ON_OR_AFTER"))]
    );
}

#[test]
fn signal_words_are_outside_spans() {
    assert_eq!(
        sv("Due by March 2027, in 2026, on Sunday, since 2019.", None),
        pairs(&[("March 2027", "2027-03"), ("2026", "2026"), ("Sunday", "XXXX-XX-XX"), ("2019", "2019")])
    );
}

#[test]
fn not_dates() {
    let t = "Viewers logged 474.26 million hours over 12 episodes of Season 2 and season 2, Class 2, Part 2. \
             The 32-year-old star scored 3-1 in Physical: 100. She may be back. Kim Min-ha May join. Fans march on.";
    assert_eq!(sv(t, None), Vec::<(String, String)>::new());
    assert!(sv("The alarm rang at 7:30.", None).is_empty());
    assert!(sv("Wednesday season 2 stars Wednesday Addams.", None).is_empty());
}

#[test]
fn weekdays_resolve_against_the_dct() {
    // 2026-01-10 is a Saturday.
    assert_eq!(sv("The cast met on Sunday.", None), pairs(&[("Sunday", "XXXX-XX-XX")]));
    assert_eq!(sv("The cast met on Tuesday.", DCT), pairs(&[("Tuesday", "2026-01-06")]));
    assert_eq!(sv("The cast will meet on Tuesday.", DCT), pairs(&[("Tuesday", "2026-01-13")]));
    assert_eq!(sv("It aired on Saturday.", DCT), pairs(&[("Saturday", "2026-01-10")]));
    assert_eq!(sv("Officials voted Friday to resume talks.", DCT), pairs(&[("Friday", "2026-01-09")]));
    // The show, not the day.
    assert!(sv(
        "Fans binged Netflix’s Wednesday. She starred in Wednesday as Wednesday. Wednesday is back. With Joy Sunday, Emma Lee.",
        DCT
    )
    .is_empty());
}

#[test]
fn year_less_dates_follow_tense_and_context() {
    let dct = Some("2023-11-13");
    assert_eq!(sv("It was renewed in January.", dct), pairs(&[("January", "2023-01")]));
    assert_eq!(sv("It will premiere in January.", dct), pairs(&[("January", "2024-01")]));
    assert_eq!(sv("The show premiered on March 3.", dct), pairs(&[("March 3", "2023-03-03")]));
    // Without a DCT a nearby dated mention lends its year.
    let t = "Shooting was spotted in September 2022. It is unclear if it began in September.";
    assert_eq!(sv(t, None), pairs(&[("September 2022", "2022-09"), ("September", "2022-09")]));
    let t = "Talks started on December 1, 2023. On December 4, the deal closed.";
    assert_eq!(sv(t, None)[1], ("December 4".to_string(), "2023-12-04".to_string()));
}

#[test]
fn apposed_and_timed_dates() {
    assert_eq!(sv("Stills were released today (Jan 18) by the studio.", None), pairs(&[("today", "XXXX-01-18"), ("Jan 18", "XXXX-01-18")]));
    assert_eq!(
        run("It premieres at 9:10 PM on Dec 10th.", None),
        vec![
            ("9:10 PM".to_string(), "TIME", "XXXX-12-10T21:10".to_string(), None),
            ("Dec 10th".to_string(), "DATE", "XXXX-12-10".to_string(), None),
        ]
    );
    assert_eq!(
        run("Posted May 31, 2022 3:02:17 pm here.", None),
        vec![("May 31, 2022 3:02:17 pm".to_string(), "TIME", "2022-05-31T15:02:17".to_string(), None)]
    );
}

#[test]
fn byte_offsets_and_context_range() {
    let text = "date 2026-01-10 “Filming ends next week” — now.";
    let start = "date 2026-01-10 ".len();
    let out = Tagger::new().tag(text, start..text.len(), DCT.and_then(Dct::parse));
    let got: Vec<_> = out.iter().map(|t| (&text[t.start..t.end], t.value.as_str())).collect();
    assert_eq!(got, [("next week", "2026-W03"), ("now", "PRESENT_REF")]);
    let (from, to) = (3, 2);
    assert!(Tagger::new().tag(text, from..to, None).is_empty());
    // An end past the text is clamped; the prefix is tagged once inside the range.
    assert_eq!(Tagger::new().tag(text, 0..text.len() + 5, DCT.and_then(Dct::parse)).len(), 3);
}

#[test]
fn intervals_follow_mods() {
    let out = Tagger::new().tag("Filming starts in early 2024.", 0..29, None);
    let d = |m, d| chrono::NaiveDate::from_ymd_opt(2024, m, d).unwrap_or_default();
    assert_eq!(out[0].interval, Some((d(1, 1), d(5, 1))));
}

#[test]
fn dct_parsing() {
    assert_eq!(Dct::parse("2026-01-10"), Some(Dct { year: 2026, month: 1, day: Some(10) }));
    assert_eq!(Dct::parse("2026-01"), Some(Dct { year: 2026, month: 1, day: None }));
    assert_eq!(Dct::parse("2026-13-01"), None);
    assert_eq!(Dct::parse("26-01-01"), None);
}

#[test]
fn tagger_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Tagger>();
}

#[test]
fn business_reporting_periods() {
    let t = "Net income rose in the third quarter. Sales for the quarter were $5 million, up from $4 million a year earlier and flat in the year-earlier period.";
    assert_eq!(
        sv(t, Some("1989-10-30")),
        pairs(&[
            ("the third quarter", "1989-Q3"),
            ("the quarter", "1989-Q3"),
            ("a year earlier", "1988-Q3"),
            ("the year-earlier period", "1988-Q3"),
        ])
    );
    // With no quarter named, `the quarter` is the one before the DCT's, and
    // `a year ago` a year.
    assert_eq!(
        sv("Profit fell in the latest quarter. Prices were lower a year ago.", Some("1998-01-26")),
        pairs(&[("the latest quarter", "1997-Q4"), ("a year ago", "1997")])
    );
}

#[test]
fn news_relative_extents() {
    let t = "Sales grew over the past three years and last May, the firm said over the weekend; in recent years it hired 20 people.";
    assert_eq!(
        run(t, Some("1990-08-13")),
        vec![
            ("the past three years".to_string(), "DURATION", "P3Y".to_string(), None),
            ("last May".to_string(), "DATE", "1990-05".to_string(), None),
            ("the weekend".to_string(), "DATE", "1990-W32-WE".to_string(), None),
            ("recent years".to_string(), "DATE", "PAST_REF".to_string(), None),
        ]
    );
    // News weekdays and year-less dates: the day just past unless a future
    // cue is near; a year-less day far from the DCT the tense would put it
    // is taken at its closest occurrence.
    assert_eq!(
        sv("On Tuesday, the dividend was declared, payable Dec. 7.", Some("1989-11-02")),
        pairs(&[("Tuesday", "1989-10-31"), ("Dec. 7", "1989-12-07")])
    );
    assert_eq!(
        sv("He said today that today's society is changing.", Some("1998-02-13")),
        pairs(&[("today", "1998-02-13"), ("today", "PRESENT_REF")])
    );
}

/// (span, type, value) under TimeML conventions.
fn tml(text: &str, dct: &str) -> Vec<(String, &'static str, String)> {
    Tagger::new()
        .tag_timeml(text, 0..text.len(), Dct::parse(dct))
        .into_iter()
        .map(|t| (text[t.start..t.end].to_string(), t.timex_type.as_str(), t.value))
        .collect()
}

#[test]
fn spoken_years_centuries_holidays() {
    let t = "In nineteen ninety-six and January nineteen ninety-seven, by the year two thousand, in the 20th century, an 11th century temple, found on Thanksgiving Day, last Christmas, by year-end.";
    assert_eq!(
        sv(t, Some("2000-01-07")),
        pairs(&[
            ("nineteen ninety-six", "1996"),
            ("January nineteen ninety-seven", "1997-01"),
            ("the year two thousand", "2000"),
            ("the 20th century", "19"),
            ("11th century", "10"),
            ("Thanksgiving Day", "1999-11-25"),
            ("last Christmas", "1999-12-25"),
            ("year-end", "2000"),
        ])
    );
    // `20th Century Studios` is a name.
    assert!(sv("a 20th Century Studios film", DCT).is_empty());
}

#[test]
fn timeml_conventions() {
    let t = "Police said Friday night that talks broke off at noon Thursday and the offer expires at 5 p.m. EST Nov. 9; she spoke this morning, after last night, in the eight-year war, with daily rallies, for the year ended June 30.";
    assert_eq!(
        tml(t, "1989-11-03"),
        [
            ("Friday night", "TIME", "1989-11-03TNI"),
            ("noon Thursday", "TIME", "1989-11-02T12:00"),
            ("5 p.m. EST Nov. 9", "TIME", "1989-11-09T17:00"),
            ("this morning", "TIME", "1989-11-03TMO"),
            ("last night", "TIME", "1989-11-02TNI"),
            ("eight-year", "DURATION", "P8Y"),
            ("daily", "SET", "P1D"),
            ("the year", "DURATION", "P1Y"),
            ("June 30", "DATE", "1989-06-30"),
        ]
        .map(|(a, b, c)| (a.to_string(), b, c.to_string()))
    );
    // The guide's conventions keep the day alone and skip the rest.
    let guide = sv("Police said Friday night that the daily rallies go on.", Some("1989-11-03"));
    assert_eq!(guide, pairs(&[("Friday", "1989-11-03")]));
}

#[test]
fn news_months_and_weekdays() {
    let dct = Some("2000-04-03"); // a Monday
    let t = "Milton Roy disclosed in May that it was approached under a June agreement; volume for October rose after the October slaying.";
    assert_eq!(sv(t, dct), pairs(&[("May", "1999-05"), ("June", "1999-06"), ("October", "1999-10"), ("October", "1999-10"),]));
    let t = "As of Monday the group could come as early as Tuesday, after the handling of Wednesday's meeting; troops left Kenya and Tanzania Friday, killing no one.";
    assert_eq!(
        sv(t, dct),
        pairs(&[
            ("Monday", "2000-04-03"),
            ("Tuesday", "2000-04-04"), // `as early as`: the next one
            ("Wednesday", "2000-03-29"),
            ("Friday", "2000-03-31"),
        ])
    );
    assert_eq!(sv("Prices fell from the previous Friday.", dct), pairs(&[("the previous Friday", "2000-03-31")]));
}

#[test]
fn vague_futures_and_reporting_periods() {
    let dct = Some("2000-04-03");
    let t = "Sales will slow in coming months and in the coming years, taxes fall in future quarters and in the weeks ahead, well into the future, in the near term.";
    assert_eq!(
        sv(t, dct),
        pairs(&[
            ("coming months", "FUTURE_REF"),
            ("the coming years", "FUTURE_REF"),
            ("future quarters", "FUTURE_REF"),
            ("the weeks ahead", "FUTURE_REF"),
            ("the future", "FUTURE_REF"),
            ("the near term", "FUTURE_REF"),
        ])
    );
    // Quarters as units, but not fractions; a rate is not a length.
    let t = "It had losses for several quarters, pays interest every quarter over the next three quarters, with three-quarters of its food and a quarter of the market. It would save $500 million a year, three years ahead of schedule.";
    assert_eq!(
        sv(t, dct),
        pairs(&[("several quarters", "PXQ"), ("every quarter", "P1Q"), ("the next three quarters", "P3Q"), ("three years", "P3Y"),])
    );
    let t =
        "In fiscal 1989 the index dropped 3.8% for the week, and this century saw the week of March 6, closing by the end of the month.";
    assert_eq!(
        run(t, dct),
        [
            ("fiscal 1989", "DATE", "1989", None),
            ("the week", "DATE", "2000-W14", None),
            ("this century", "DURATION", "P100Y", None),
            ("March 6", "DATE", "2000-03-06", None),
            ("the end of the month", "DATE", "2000-04", Some("END")),
        ]
        .map(|(a, b, c, d)| (a.to_string(), b, c.to_string(), d))
    );
}

#[test]
fn more_durations_and_sets() {
    let t =
        "Troops will be sent within weeks and stay for two more weeks, for an additional year and for a while; the march comes each July.";
    assert_eq!(
        run(t, None),
        [
            ("weeks", "DURATION", "PXW"),
            ("two more weeks", "DURATION", "P2W"),
            ("an additional year", "DURATION", "P1Y"),
            ("a while", "DURATION", "PXX"),
            ("each July", "SET", "XXXX-07"),
        ]
        .map(|(a, b, c)| (a.to_string(), b, c.to_string(), None))
    );
    // Programme names.
    assert!(sv("Baker said on \"This Week\" and on \"60 Minutes\" that it was over.", DCT).is_empty());
}

#[test]
fn timeml_news_conventions() {
    let dct = "2000-04-03";
    let t = "The Friday explosions killed 81. Friday, an FBI official said the store closed at 10 p.m. Wednesday.";
    assert_eq!(
        tml(t, dct),
        [("Friday", "DATE", "2000-03-31"), ("Friday", "DATE", "2000-03-31"), ("10 p.m. Wednesday", "TIME", "2000-03-29T22:00"),]
            .map(|(a, b, c)| (a.to_string(), b, c.to_string()))
    );
    // A clock time with no date next to it takes the last day written, else
    // the DCT's; a bracketed conversion stays outside; `a.m.` ends no sentence.
    let t = "He was shot at 10 p.m. as he stood, and a judge met him at midday. The blast came at 10:35 a.m. (0735 GMT) Friday. They have until 9 a.m. Tuesday to sign, and buyers came in the morning.";
    assert_eq!(
        tml(t, dct),
        [
            ("10 p.m.", "TIME", "2000-04-03T22:00"),
            ("midday", "TIME", "2000-04-03T12:00"),
            ("10:35 a.m.", "TIME", "2000-03-31T10:35"),
            ("Friday", "DATE", "2000-03-31"),
            ("9 a.m. Tuesday", "TIME", "2000-04-04T09:00"),
            ("the morning", "TIME", "2000-04-03TMO"),
        ]
        .map(|(a, b, c)| (a.to_string(), b, c.to_string()))
    );
    let t = "It sparked the current weakness at 50% of the then current market price.";
    assert_eq!(
        tml(t, dct),
        [("current", "DATE", "PRESENT_REF"), ("then current", "DATE", "PAST_REF"),].map(|(a, b, c)| (a.to_string(), b, c.to_string()))
    );
    // The guide's conventions leave all of these out.
    assert!(sv("The store closed at 10 p.m. amid the current weakness.", Some(dct)).is_empty());
}

#[test]
fn year_less_dates_follow_their_governing_verb() {
    let dct = Some("2013-10-14");
    // The nearest verb before the date decides, not any future word in the
    // sentence; a participle after `be` or with `un-` is no past cue, `set`
    // alone is a past one, `since` and irregular pasts (`brought`) are too.
    let t = "The minister said in May that talks would resume. New rules to be issued in November will apply. The record set on Feb. 6 still stands. In January, the club brought in its old coach. Since March, prices have fallen.";
    assert_eq!(
        sv(t, dct),
        pairs(&[("May", "2013-05"), ("November", "2013-11"), ("Feb. 6", "2013-02-06"), ("January", "2013-01"), ("March", "2013-03"),])
    );
    // An infinitive points ahead (`hope to sign`), `but` starts a new clause.
    let t = "The accord, which the parties hope to sign in April, was drafted by the envoy. They went to court to stop it, but in March the bill passed.";
    assert_eq!(sv(t, dct), pairs(&[("April", "2014-04"), ("March", "2013-03")]));
    // A future verb does not send a date before the DCT, whatever the year
    // written just before.
    let t = "Admitted in principle in July 2011, the two states will become members on March 12.";
    assert_eq!(sv(t, Some("2013-02-20")), pairs(&[("July 2011", "2011-07"), ("March 12", "2013-03-12")]));
}

#[test]
fn weekdays_infinitives_possessives_and_sentence_tense() {
    let dct = Some("2013-10-16"); // a Wednesday
    assert_eq!(sv("The two sides agreed to meet again on Friday.", dct), pairs(&[("Friday", "2013-10-18")]));
    // A possessive names an event already known, unless it is still ahead.
    assert_eq!(sv("The government will appeal Monday's ruling.", dct), pairs(&[("Monday", "2013-10-14")]));
    assert_eq!(sv("Campaigning closed ahead of Sunday's election.", dct), pairs(&[("Sunday", "2013-10-20")]));
    // No cue next to the day: the sentence's tense decides.
    assert_eq!(
        sv("On Tuesday, the regional association of independent bakers and grocers plans a protest march.", dct),
        pairs(&[("Tuesday", "2013-10-22")])
    );
    assert_eq!(sv("Rebels attacked in the early hours of Wednesday.", dct), pairs(&[("Wednesday", "2013-10-16")]));
}

#[test]
fn halves_spoken_numbers_and_counted_units() {
    let t = "He ruled for two and a half years, slept 2 1/2 hours, waited a minute and a half, then half an hour, over the last twenty four hours, for eight trading days and three consecutive quarters.";
    assert_eq!(
        sv(t, None),
        pairs(&[
            ("two and a half years", "P2Y6M"),
            ("2 1/2 hours", "PT2H30M"),
            ("a minute and a half", "PT1M30S"),
            ("half an hour", "PT30M"),
            ("the last twenty four hours", "PT24H"),
            ("eight trading days", "P8D"),
            ("three consecutive quarters", "P3Q"),
        ])
    );
    assert_eq!(sv("Within hours, the video spread. Minutes later, it was gone.", None), pairs(&[("hours", "PTXH"), ("Minutes", "PTXM")]));
    // Decades and centuries count in years; vague centuries are `PXC`.
    assert_eq!(
        sv("It lasted almost a hundred years, then two decades, then stood for centuries.", None),
        pairs(&[("almost a hundred years", "P100Y"), ("two decades", "P20Y"), ("centuries", "PXC"),])
    );
    // Rates are no lengths; TimeML makes `twice a year` a set.
    assert!(sv("It runs four flights a week and grows 12% a year.", DCT).is_empty());
    assert_eq!(
        tml("The board meets twice a year and three times a week.", "2013-10-16"),
        [("twice a year", "SET", "P1Y"), ("three times a week", "SET", "P1W"),].map(|(a, b, c)| (a.to_string(), b, c.to_string()))
    );
}

#[test]
fn decades_and_decade_ago() {
    assert_eq!(
        sv(
            "Sales peaked in the '80s, fell through the nineties and rose in the late eighties; she is in her eighties.",
            Some("1989-11-02")
        ),
        pairs(&[("'80s", "198"), ("the nineties", "199"), ("the late eighties", "198")])
    );
    assert_eq!(sv("The alliance took them in a decade ago.", Some("1999-03-12")), pairs(&[("a decade ago", "1989")]));
}

#[test]
fn year_ago_quarters_and_halves() {
    let t = "Net rose in the third quarter. In the year-ago third quarter it fell, and in the 1988 period it was flat. Earnings for the last half of 1989 look weak.";
    assert_eq!(
        sv(t, Some("1989-10-30")),
        pairs(&[
            ("the third quarter", "1989-Q3"),
            ("the year-ago third quarter", "1988-Q3"),
            ("the 1988 period", "1988-Q3"),
            ("the last half of 1989", "1989-H2"),
        ])
    );
}

#[test]
fn timeml_week_of_a_day() {
    // TimeML: `the week of March 6` is the day's ISO week; the guide keeps the day.
    let t = "The trial opens the week of March 6.";
    assert_eq!(tml(t, "2000-02-24"), [("the week of March 6", "DATE", "2000-W10")].map(|(a, b, c)| (a.to_string(), b, c.to_string())));
    assert_eq!(sv(t, Some("2000-02-24")), pairs(&[("March 6", "2000-03-06")]));
}

#[test]
fn seasons_halves_and_weeks_of_the_story() {
    let t =
        "That summer the crew moved to Busan. First-half revenue rose, as in the prior year, and the set closes by the end of the week.";
    assert_eq!(
        run(t, Some("2025-03-05")),
        [
            ("That summer", "DATE", "2025-SU", None),
            ("First-half", "DATE", "2025-H1", None),
            ("the prior year", "DATE", "2024", None),
            ("the end of the week", "DATE", "2025-W10", Some("END")),
        ]
        .map(|(a, b, c, d)| (a.to_string(), b, c.to_string(), d))
    );
}

#[test]
fn anaphoric_dates_before_any_other_fall_back_to_the_dct() {
    // Nothing written earlier to refer to: the DCT is the reference time;
    // without one only the direction is known.
    let t = "The previous year, the studio lost money.";
    assert_eq!(sv(t, Some("2025-03-05")), pairs(&[("The previous year", "2024")]));
    assert_eq!(sv(t, None), pairs(&[("The previous year", "PAST_REF")]));
}

#[test]
fn twenty_four_hour_clocks_are_no_years() {
    let t = "The polls close at 3 p.m. local time (1900 GMT), as in 2012.";
    assert_eq!(
        tml(t, "2013-03-21"),
        [("3 p.m.", "TIME", "2013-03-21T15:00"), ("2012", "DATE", "2012")].map(|(a, b, c)| (a.to_string(), b, c.to_string()))
    );
}

#[test]
fn weekday_led_day_month_dates_fiscal_abbreviations_and_sentence_final_clocks() {
    let t = "Filming wraps on Friday 22 March. The site was updated Thu, 21 Mar 2013. Sales in FY2013 and FY 2014 rose. The cast meets at 2pm. Then they eat.";
    assert_eq!(
        sv(t, Some("2013-03-18")),
        pairs(&[("Friday 22 March", "2013-03-22"), ("Thu, 21 Mar 2013", "2013-03-21"), ("FY2013", "2013"), ("FY 2014", "2014"),])
    );
    assert_eq!(
        tml("The cast meets at 2pm. Then they eat.", "2013-03-18"),
        [("2pm", "TIME", "2013-03-18T14:00")].map(|(a, b, c)| (a.to_string(), b, c.to_string()))
    );
}

#[test]
fn the_verb_last_is_no_determiner() {
    let t = "The shoot is expected to last several months; the last three months were calm.";
    assert_eq!(sv(t, Some("2026-01-10")), pairs(&[("several months", "PXM"), ("the last three months", "P3M")]));
}

#[test]
fn broadcast_schedules_are_weekly_sets() {
    let t = "The drama airs every Saturday and Sunday, its spin-off airs Mondays and Tuesdays, and the finale airs Friday.";
    assert_eq!(
        sv(t, Some("2025-01-10")),
        pairs(&[
            ("every Saturday", "XXXX-WXX-6"),
            ("Sunday", "XXXX-WXX-7"),
            ("Mondays", "XXXX-WXX-1"),
            ("Tuesdays", "XXXX-WXX-2"),
            ("Friday", "2025-01-10"),
        ])
    );
}

#[test]
fn a_day_of_the_month_follows_its_verb_and_seasons_follow_to_the() {
    let t = "The script reading took place on the 15th, filming starts on the 3rd, and the premiere was pushed back to the spring.";
    assert_eq!(sv(t, Some("2025-01-10")), pairs(&[("the 15th", "2024-12-15"), ("the 3rd", "2025-02-03"), ("spring", "2025-SP")]));
}

#[test]
fn compound_lengths_but_not_ages() {
    let t = "After a month-long shoot and a two-year-long wait, the weeklong festival honoured a decades-old studio, a 6-year-old actor and a six-month-old truce.";
    assert_eq!(
        sv(t, Some("2025-01-10")),
        pairs(&[("month-long", "P1M"), ("two-year-long", "P2Y"), ("weeklong", "P1W"), ("decades-old", "PXDE"),])
    );
}

#[test]
fn timeml_parts_of_the_day_after_prepositions_and_hourly_sets() {
    let t = "By the late afternoon the crowd had gone; in the morning session shares fell, and hourly wages rose.";
    let got = Tagger::new().tag_timeml(t, 0..t.len(), Dct::parse("2013-03-20"));
    let got: Vec<_> = got.into_iter().map(|x| (t[x.start..x.end].to_string(), x.value, x.modifier)).collect();
    assert_eq!(
        got,
        [("the late afternoon".to_string(), "2013-03-20TAF".to_string(), Some("END")), ("hourly".to_string(), "PT1H".to_string(), None),]
    );
}

#[test]
fn weekly_parts_of_days_seasonal_sets_holiday_years_and_paired_months() {
    let t = "The show airs Monday nights, the fair returns every summer, the shop closed on Christmas 2010, and sales fell in May and June 2011.";
    assert_eq!(
        sv(t, Some("2013-03-20")),
        pairs(&[
            ("Monday nights", "XXXX-WXX-1TNI"),
            ("every summer", "XXXX-SU"),
            ("Christmas 2010", "2010-12-25"),
            ("May", "2011-05"),
            ("June 2011", "2011-06"),
        ])
    );
}

#[test]
fn timeml_frequencies_per_unit() {
    let t = "Trains run 40 times per month, the board meets twice a year, and many times a week is no frequency.";
    assert_eq!(
        tml(t, "2013-03-20"),
        [("40 times per month", "SET", "P1M"), ("twice a year", "SET", "P1Y"),].map(|(a, b, c)| (a.to_string(), b, c.to_string()))
    );
}

#[test]
fn ends_of_decades_and_days_centuries_with_parts_and_half_centuries() {
    let t = "By the end of the decade, and by the end of the day, the late 19th century looked half a century away; at the end of the day it did not.";
    assert_eq!(
        run(t, Some("2013-03-20")),
        [
            ("the end of the decade", "DATE", "201", Some("END")),
            ("the end of the day", "DATE", "2013-03-20", Some("END")),
            ("the late 19th century", "DATE", "18", Some("END")),
            ("half a century", "DURATION", "P50Y", None),
        ]
        .map(|(a, b, c, d)| (a.to_string(), b, c.to_string(), d))
    );
}

#[test]
fn a_decade_keeps_its_article_in_timeml_only() {
    let t = "Prices peaked in the 1990s and fell in the ‘60s.";
    let spans = |v: Vec<(String, &'static str, String)>| v.into_iter().map(|x| x.0).collect::<Vec<_>>();
    assert_eq!(spans(tml(t, "2013-03-20")), ["the 1990s", "the ‘60s"]);
    let guide: Vec<_> = sv(t, Some("2013-03-20")).into_iter().map(|x| x.0).collect();
    assert_eq!(guide, ["1990s", "‘60s"]);
}

#[test]
fn short_and_irregular_past_verbs_cue_the_past_and_days_next_to_the_story() {
    let dct = Some("2013-03-20");
    assert_eq!(sv("He died on June 30.", dct), pairs(&[("June 30", "2012-06-30")]));
    assert_eq!(sv("They fled on June 30.", dct), pairs(&[("June 30", "2012-06-30")]));
    assert_eq!(sv("He sings on June 30.", dct), pairs(&[("June 30", "2013-06-30")]));
    let t = "The plant opened on March 3. The day before, workers had protested; later in the day before dusk they left.";
    assert_eq!(sv(t, dct), pairs(&[("March 3", "2013-03-03"), ("The day", "2013-03-02")]));
}

#[test]
fn ranges_of_years_give_two_years() {
    let t = "Sales in the 2009-2012 period fell, unlike in 2014-15 or on 2013-04-01.";
    assert_eq!(sv(t, Some("2013-03-20")), pairs(&[("2009", "2009"), ("2012", "2012"), ("2013-04-01", "2013-04-01")]));
}

#[test]
fn timeml_clock_times_after_prepositions_and_in_ranges() {
    let t = "The market was shut from 09:00 to 17:00, reopened until 18:30 and won 3:10 on aggregate.";
    let spans: Vec<_> = tml(t, "2013-03-20").into_iter().map(|x| x.0).collect();
    assert_eq!(spans, ["09:00", "17:00", "18:30"]);
}

#[test]
fn timeml_parts_of_the_story_day() {
    let t = "He was arrested on March 3. That night, police searched his flat; he appeared in court the next morning, and protesters gathered last night outside parliament.";
    assert_eq!(
        tml(t, "2013-03-20"),
        [
            ("March 3", "DATE", "2013-03-03"),
            ("That night", "TIME", "2013-03-03TNI"),
            ("the next morning", "TIME", "2013-03-04TMO"),
            ("last night", "TIME", "2013-03-19TNI"),
        ]
        .map(|(a, b, c)| (a.to_string(), b, c.to_string()))
    );
}

#[test]
fn a_sentence_opening_now_comma_is_a_discourse_marker_in_timeml_only() {
    let t = "Now, he says, the mine is now closed.";
    let spans: Vec<_> = tml(t, "2013-03-20").into_iter().map(|x| x.0).collect();
    assert_eq!(spans, ["now"]);
    assert_eq!(sv(t, Some("2013-03-20")), pairs(&[("Now", "PRESENT_REF"), ("now", "PRESENT_REF")]));
}

#[test]
fn timeml_leaves_out_the_annually_of_a_rate() {
    let t = "Revenue should rise 8.5% annually, the plant makes 10,000 units annually, and the fair is held annually.";
    let spans: Vec<_> = tml(t, "2013-03-20").into_iter().map(|x| x.0).collect();
    assert_eq!(spans, ["annually"]);
    assert_eq!(tml(t, "2013-03-20")[0].2, "P1Y");
}

#[test]
fn at_the_moment_is_a_date_for_the_guide_but_not_in_timeml() {
    let t = "There are no shipments at the moment, and for the time being none will come.";
    assert_eq!(sv(t, Some("2013-03-20")), pairs(&[("the moment", "PRESENT_REF"), ("the time being", "PRESENT_REF")]));
    assert!(tml(t, "2013-03-20").is_empty());
}

#[test]
fn prior_year_and_prior_reporting_periods() {
    let t = "Net income rose in the third quarter, beat the prior-year period and fell from the prior quarter.";
    assert_eq!(
        sv(t, Some("1989-10-30")),
        pairs(&[("the third quarter", "1989-Q3"), ("the prior-year period", "1988-Q3"), ("the prior quarter", "1989-Q2"),])
    );
}

#[test]
fn timeml_week_of_lead_off_a_char_boundary_is_no_lead() {
    let t = "x😀😀😀 March 6 came, as did the week of March 13.";
    let got = tml(t, "2000-03-20");
    assert_eq!(got[0].0, "March 6");
    assert_eq!(got[1].0, "the week of March 13");
}
