//! Dates, times, durations and sets through the public `analyze`: one line per case,
//! grouped by behaviour, with the cases that must not match. The sentences are written
//! for these tests in the style of news reports.

use textlens::{analyze, Date, Label, Options, Value};

/// `(span, label, timex)` of every time expression found in `text`.
fn found(text: &str, date: Option<&str>, day_first: bool) -> Vec<(String, Label, String)> {
    let options = Options { reference_date: date.and_then(Date::parse_iso), day_first, ..Options::default() };
    analyze(text, &options)
        .entities
        .into_iter()
        .filter(|e| matches!(e.label, Label::Date | Label::Time | Label::Duration | Label::Set))
        .map(|e| {
            let timex = match &e.value {
                Some(Value::Temporal(t)) => t.timex.clone(),
                _ => String::new(),
            };
            (e.text, e.label, timex)
        })
        .collect()
}

/// The `start`/`end` of the time expression `span` in `text`.
fn days(text: &str, date: &str, span: &str) -> (Option<String>, Option<String>) {
    let options = Options { reference_date: Date::parse_iso(date), ..Options::default() };
    let analysis = analyze(text, &options);
    let e = analysis.entities.iter().find(|e| e.text == span).unwrap_or_else(|| panic!("{span:?} not found in {text:?}"));
    match &e.value {
        Some(Value::Temporal(t)) => (t.start.clone(), t.end.clone()),
        _ => panic!("{span:?} has no temporal value"),
    }
}

use Label::{Date as D, Duration as DUR, Set as S, Time as T};

/// `(text, reference date, [(span, label, timex)])`: exactly these expressions are found.
type Case = (&'static str, Option<&'static str>, &'static [(&'static str, Label, &'static str)]);

fn check(cases: &[Case]) {
    for (text, date, want) in cases {
        let got = found(text, *date, false);
        let want: Vec<(String, Label, String)> = want.iter().map(|(s, l, t)| (s.to_string(), *l, t.to_string())).collect();
        assert_eq!(got, want, "{text:?}");
    }
}

const REF: Option<&str> = Some("2017-08-04"); // a Friday

#[test]
fn absolute_dates() {
    check(&[
        ("Turkey took delivery on Aug. 1, officials said.", REF, &[("Aug. 1", D, "XXXX-08-01")]),
        ("The deal was signed on August 1, 2017 in Ankara.", REF, &[("August 1, 2017", D, "2017-08-01")]),
        ("He was born on 1 August 1976.", REF, &[("1 August 1976", D, "1976-08-01")]),
        ("Voting ends on the 1st of August.", REF, &[("the 1st of August", D, "XXXX-08-01")]),
        ("The filing is dated 2017-08-01.", REF, &[("2017-08-01", D, "2017-08-01")]),
        ("The filing is dated 08/01/2017.", REF, &[("08/01/2017", D, "2017-08-01")]),
        ("Sales rose in Aug 2017.", REF, &[("Aug 2017", D, "2017-08")]),
        ("Output fell in 2016.", REF, &[("2016", D, "2016")]),
        ("The budget for FY2018 was approved.", REF, &[("FY2018", D, "FY2018")]),
        ("Profit doubled in Q3 2017.", REF, &[("Q3 2017", D, "2017-Q3")]),
        ("Crime fell sharply in the 1990s.", REF, &[("the 1990s", D, "199")]),
        ("The plant opens in mid-2018.", REF, &[("mid-2018", D, "2018")]),
        ("Snow is expected in early January.", REF, &[("early January", D, "XXXX-01")]),
        ("They met in the summer of 2016.", REF, &[("the summer of 2016", D, "2016-SU")]),
        ("It was built in the 15th century.", REF, &[("the 15th century", D, "14")]),
        ("Results for the third quarter of 2016 were weak.", REF, &[("the third quarter of 2016", D, "2016-Q3")]),
        ("He testified on Monday 19 December.", REF, &[("Monday 19 December", D, "2016-12-19")]),
        ("The final is on Sunday, July 15.", Some("2018-10-10"), &[("Sunday, July 15", D, "2018-07-15")]),
        ("The city fell in December 2014.", REF, &[("December 2014", D, "2014-12")]),
        ("Jan. 8 was the deadline.", REF, &[("Jan. 8", D, "XXXX-01-08")]),
        ("Christmas falls on a Monday this year.", REF, &[("Christmas", D, "XXXX-12-25"), ("this year", D, "2017")]),
        ("Troops left on Labor Day 2021.", REF, &[("Labor Day 2021", D, "2021-09-06")]),
        ("The temple was built around 575 B.C. by the king.", REF, &[("575 B.C.", D, "BC0575")]),
        ("Week 23 saw the most rain.", REF, &[("Week 23", D, "2017-W23")]),
        ("Here is how it did in the quarter ended July 31:", REF, &[("July 31", D, "XXXX-07-31")]),
    ]);
}

#[test]
fn relative_dates() {
    check(&[
        ("Prices rose today.", REF, &[("today", D, "2017-08-04")]),
        ("The minister resigned yesterday.", REF, &[("yesterday", D, "2017-08-03")]),
        ("The court rules tomorrow.", REF, &[("tomorrow", D, "2017-08-05")]),
        ("Talks collapsed last week.", REF, &[("last week", D, "2017-W30")]),
        ("The law takes effect next month.", REF, &[("next month", D, "2017-09")]),
        ("Exports grew this year.", REF, &[("this year", D, "2017")]),
        ("The company was founded two years ago.", REF, &[("two years ago", D, "2015-08-04")]),
        ("She will return in three weeks.", REF, &[("three weeks", D, "2017-08-25")]),
        ("Earlier this month, the bank cut rates.", REF, &[("Earlier this month", D, "2017-08")]),
        ("He had arrived the day before.", REF, &[("the day before", D, "2017-08-03")]),
        ("Fighting resumed the following day.", REF, &[("the following day", D, "2017-08-05")]),
        ("Strikes hit 40 targets in the last 24 hours.", REF, &[("the last 24 hours", T, "PT24H")]),
        ("Inflation has eased over the past three months.", REF, &[("the past three months", D, "(2017-05-04,2017-08-04,P3M)")]),
        ("Prices doubled over the past decade.", REF, &[("the past decade", D, "(2007-08-04,2017-08-04,P10Y)")]),
        ("Exports fell last year.", REF, &[("last year", D, "2016")]),
        ("The vote was held last Friday.", REF, &[("last Friday", D, "2017-07-28")]),
        ("The vote is next Friday.", REF, &[("next Friday", D, "2017-08-11")]),
        ("Hearings resume next week on Tuesday.", REF, &[("next week on Tuesday", D, "2017-08-08")]),
        ("The rebels took the town last October.", REF, &[("last October", D, "2016-10")]),
        ("Growth will slow early next year.", REF, &[("early next year", D, "2018")]),
        ("Nobody was hurt that day.", REF, &[("that day", D, "XXXX-XX-XX")]),
        ("Aid has increased in recent weeks.", REF, &[("recent weeks", D, "PAST_REF")]),
        ("Leaders will meet in the coming days.", REF, &[("the coming days", D, "FUTURE_REF")]),
        ("The bill passed the week before last.", REF, &[("the week before last", D, "2017-W29")]),
        ("The report is due by the end of the year.", REF, &[("the end of the year", D, "2017")]),
        // An ordinal after a weekday is the day of the month only when no noun follows it.
        ("The bank held rates on Thursday, the ninth meeting in a row.", REF, &[("Thursday", D, "XXXX-WXX-4")]),
        ("The vote is on Tuesday the eighth, and we will be there.", REF, &[("Tuesday the eighth", D, "2017-08-08")]),
    ]);
}

/// The tense rule: a weekday or month name without a year is placed before the reference
/// date in past-tense reporting and after it in the future tense.
#[test]
fn tense_places_weekdays_and_months() {
    let r = "2017-08-02"; // a Wednesday
    let cases: &[(&str, &str, &str)] = &[
        ("The ministry said on Friday that talks had failed.", "Friday", "2017-07-28"),
        ("Talks will resume on Friday, the ministry said.", "Friday", "2017-08-04"),
        ("The summit was held on Monday.", "Monday", "2017-07-31"),
        ("The summit will be held on Monday.", "Monday", "2017-08-07"),
        ("The company cut 500 jobs in December.", "December", "2016-12-01"),
        ("The company will cut 500 jobs in December.", "December", "2017-12-01"),
        ("The deal expires in December.", "December", "2017-12-01"),
        ("He arrived on Monday and will leave on Friday.", "Friday", "2017-08-04"),
        ("He arrived on Monday and will leave on Friday.", "Monday", "2017-07-31"),
        ("Shares fell on Wednesday.", "Wednesday", "2017-08-02"),
        ("Results were published on Aug. 10.", "Aug. 10", "2016-08-10"),
        ("Results will be published on Aug. 10.", "Aug. 10", "2017-08-10"),
    ];
    for (text, span, start) in cases {
        assert_eq!(days(text, r, span).0.as_deref(), Some(*start), "{text:?}");
    }
}

#[test]
fn underspecified_without_a_reference_date() {
    check(&[
        ("Turkey took delivery on Aug. 1.", None, &[("Aug. 1", D, "XXXX-08-01")]),
        ("The vote was held on Friday.", None, &[("Friday", D, "XXXX-WXX-5")]),
        ("Prices rose yesterday.", None, &[("yesterday", D, "XXXX-XX-XX")]),
        ("Talks collapsed last week.", None, &[("last week", D, "XXXX-WXX")]),
        ("The plant closed in December.", None, &[("December", D, "XXXX-12")]),
        ("Output fell in 2016.", None, &[("2016", D, "2016")]),
    ]);
    let analysis = analyze("The plant closed in December.", &Options::default());
    let Some(Value::Temporal(t)) = &analysis.entities[0].value else { panic!("no value") };
    assert_eq!((t.start.as_deref(), t.end.as_deref()), (None, None), "no guessed days without a reference date");
}

#[test]
fn numeric_dates_day_first() {
    assert_eq!(found("Filed on 01/08/2017.", REF, false), [("01/08/2017".to_string(), D, "2017-01-08".to_string())]);
    assert_eq!(found("Filed on 01/08/2017.", REF, true), [("01/08/2017".to_string(), D, "2017-08-01".to_string())]);
    assert_eq!(found("Filed on 25/12/2016.", REF, false), [("25/12/2016".to_string(), D, "2016-12-25".to_string())]);
    assert_eq!(found("Filed on 23.04.2022.", REF, false), [("23.04.2022".to_string(), D, "2022-04-23".to_string())]);
}

#[test]
fn start_and_end_days() {
    let cases: &[(&str, &str, &str, &str)] = &[
        ("Crime fell in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31"),
        ("Sales rose in Aug 2017.", "Aug 2017", "2017-08-01", "2017-08-31"),
        ("Snow is expected in early January.", "early January", "2018-01-01", "2018-01-10"),
        ("Talks collapsed last week.", "last week", "2017-07-24", "2017-07-30"),
        ("Sales fell between 2007 and 2009.", "2007 and 2009", "2007-01-01", "2009-12-31"),
        ("The festival runs March 3-5, 2021.", "March 3-5, 2021", "2021-03-03", "2021-03-05"),
        ("The plant is shut from Dec. 24 through Jan. 2.", "Dec. 24 through Jan. 2", "2017-12-24", "2018-01-02"),
        ("Profit doubled in Q3 2017.", "Q3 2017", "2017-07-01", "2017-09-30"),
        ("They met in the summer of 2016.", "the summer of 2016", "2016-06-01", "2016-08-31"),
    ];
    for (text, span, start, end) in cases {
        let (s, e) = days(text, "2017-08-04", span);
        assert_eq!((s.as_deref(), e.as_deref()), (Some(*start), Some(*end)), "{text:?}");
    }
}

#[test]
fn times() {
    check(&[
        ("The blast happened at 3 p.m. on Tuesday.", REF, &[("3 p.m.", T, "T15"), ("Tuesday", D, "XXXX-WXX-2")]),
        ("Markets closed at 15:30 GMT.", REF, &[("15:30 GMT", T, "T15:30")]),
        ("The deadline is noon.", REF, &[("noon", T, "T12")]),
        ("The curfew starts at midnight.", REF, &[("midnight", T, "T00")]),
        ("The vote is on Friday morning.", REF, &[("Friday morning", T, "XXXX-WXX-5TMO")]),
        ("She lands tomorrow at 5pm.", REF, &[("tomorrow at 5pm", T, "2017-08-05T17")]),
        ("We meet at 3p tomorrow.", REF, &[("3p tomorrow", T, "2017-08-05T15")]),
        ("Police were called last night.", REF, &[("last night", T, "2017-08-03TNI")]),
        ("He spoke this morning.", REF, &[("this morning", T, "2017-08-04TMO")]),
        ("The deal was struck at 3:15 a.m. after talks.", REF, &[("3:15 a.m.", T, "T03:15")]),
        ("Polls are open from 9am to 5pm.", REF, &[("9am to 5pm", T, "(T09,T17,PT8H)")]),
        ("It happened at half past seven in the evening.", REF, &[("half past seven in the evening", T, "T19:30")]),
    ]);
}

#[test]
fn durations() {
    check(&[
        ("He signed an 18-month contract.", REF, &[("18-month", DUR, "P18M")]),
        ("The war lasted three years.", REF, &[("three years", DUR, "P3Y")]),
        ("The strike went on for two weeks.", REF, &[("two weeks", DUR, "P2W")]),
        ("It was the worst drought in a decade.", REF, &[("a decade", DUR, "P10Y")]),
        ("Suspects can be held for 48 hours.", REF, &[("48 hours", DUR, "PT48H")]),
        ("The call is scheduled to last 45 minutes.", REF, &[("45 minutes", DUR, "PT45M")]),
        ("Talks lasted more than 20 hours.", REF, &[("more than 20 hours", DUR, "PT20H")]),
        ("The trip takes one and a half hours.", REF, &[("one and a half hours", DUR, "PT1.5H")]),
    ]);
}

#[test]
fn sets() {
    check(&[
        ("The prize is awarded every year.", REF, &[("every year", S, "P1Y")]),
        ("The board meets weekly.", REF, &[("weekly", S, "P1W")]),
        ("Protesters gather each Monday.", REF, &[("each Monday", S, "XXXX-WXX-1")]),
        ("The museum is closed on Mondays.", REF, &[("Mondays", S, "XXXX-WXX-1")]),
        ("Trains run twice a day.", REF, &[("twice a day", S, "P1D")]),
        ("Inspectors visit every other week.", REF, &[("every other week", S, "P2W")]),
    ]);
}

#[test]
fn ranges_are_one_span() {
    check(&[
        ("Output fell from Sep to Nov.", REF, &[("Sep to Nov", D, "(XXXX-09-01,XXXX-11-01,P2M)")]),
        ("Unemployment doubled between 2007 and 2009.", REF, &[("2007 and 2009", D, "(2007-01-01,2009-01-01,P2Y)")]),
        ("The festival runs March 3-5, 2021.", REF, &[("March 3-5, 2021", D, "(2021-03-03,2021-03-05,P2D)")]),
        ("He served from 1993 to 2001.", REF, &[("1993 to 2001", D, "(1993-01-01,2001-01-01,P8Y)")]),
        ("The war of 1980-88 left a million dead.", REF, &[("1980-88", D, "(1980-01-01,1988-01-01,P8Y)")]),
        ("He served in the Gulf in 1990-91.", REF, &[("1990-91", D, "(1990-01-01,1991-01-01,P1Y)")]),
    ]);
}

/// Words and numbers that look like dates but are not.
#[test]
fn must_not_match() {
    let cases: &[(&str, &str)] = &[
        ("Officials may announce the result soon.", "may"),
        ("May I ask a question?", "May"),
        ("Thousands plan to march on the capital.", "march"),
        ("The March for Our Lives drew thousands.", "March"),
        ("April Ryan asked the first question.", "April"),
        ("The Sun reported the story first.", "Sun"),
        ("It was the second time he had won.", "second"),
        ("Chelsea won 3-1 at home.", "3-1"),
        ("The shares cost $1,990 each.", "1,990"),
        ("The price was 1,990 dollars.", "1,990"),
        ("Install version 2.0.1 of the app.", "2.0.1"),
        ("Call (206) 555-1212 for details.", "555-1212"),
        ("Call +86 138-2010-2015 now.", "138-2010-2015"),
        ("They delivered 2000 pieces of equipment.", "2000"),
        ("About 1500 soldiers were deployed.", "1500"),
        ("The screen has a 4:3 aspect ratio.", "4:3"),
        ("Add 1/2 cup of sugar.", "1/2"),
        ("Open 24/7 for customers.", "24/7"),
        ("The 9/11 attacks changed policy.", "9/11"),
        ("Resolutions 2254 and 2118 were adopted.", "2118"),
        ("The fall of Mosul shocked the world.", "fall"),
        ("The course will last three weekends.", "last three"),
        ("There are two to four people in the room.", "two to four"),
        ("He is 5 years old.", "5 years"),
        ("She earns $5 a month.", "a month"),
        ("The station is open 24 hours a day.", "a day"),
        ("It was a quarter of the vote.", "quarter"),
        ("Wait a second, he said.", "a second"),
        ("Everyday life has changed.", "Everyday"),
        ("Tuesday Weld starred in the film.", "Tuesday"),
        ("The 62-year-old president spoke.", "62-year"),
    ];
    for (text, bad) in cases {
        let got = found(text, REF, false);
        assert!(got.iter().all(|(span, _, _)| !span.contains(bad)), "{text:?}: {bad:?} was read as a time expression in {got:?}");
    }
}

#[test]
fn spans_leave_out_leading_prepositions() {
    for (text, span) in [
        ("The vote was held on Friday.", "Friday"),
        ("Talks begin in January.", "January"),
        ("The law passed in 2016.", "2016"),
        ("He will stay for two weeks.", "two weeks"),
        ("The plant closed at noon.", "noon"),
    ] {
        let got = found(text, REF, false);
        assert_eq!(got.first().map(|g| g.0.as_str()), Some(span), "{text:?}");
    }
}

#[test]
fn decade_prefix_of_a_hyphenated_word() {
    assert_eq!(found("The 1990s-era policy was dropped.", REF, false), [("1990s".to_string(), D, "199".to_string())]);
}

/// Any mix of date-like pieces gives valid spans and never panics (a deterministic
/// pseudo-random walk over tricky fragments).
#[test]
fn arbitrary_fragments_never_panic() {
    const PIECES: &[&str] = &[
        "on", "the", "Friday", "May", "march", "3", "31st", "2017", "-", "–", "to", "and", "between", "from", "last", "next",
        "week", "weeks", "ago", "in", "Aug.", "1", ",", "at", "3pm", "15:30", "GMT", "noon", "every", "each", "a", "half",
        "hour", "of", "Q3", "FY2018", "mid-2018", "1990s-era", "'90s", "12/31/1999", "2017-08-01", "99/99/9999", "0:00",
        "24:60", "Feb", "30", "29", "9999", "0000", "fourth", "twenty", "first", "quarter", "morning", "tonight", "’s",
        "Christmas", "weekend", "ago", "later", "earlier", "this", "past", "recent", "days", "the day before", "yesterday",
        "😀", "Erdoğan", "\n\n", ".", "B.C.", "575", "18-month", "three-year", "5/1-5/7", "10am-12pm", "1-3", "pm", "a.m.",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..3000 {
        let mut text = String::new();
        let len = 1 + round % 12;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            text.push(if seed % 5 == 0 { '\u{a0}' } else { ' ' });
        }
        for date in [None, Some("2017-08-04"), Some("0001-01-01"), Some("9999-12-31")] {
            let options = Options { reference_date: date.and_then(Date::parse_iso), day_first: seed % 2 == 0, ..Options::default() };
            for e in analyze(&text, &options).entities {
                let (s, t) = (e.span.bytes.start, e.span.bytes.end);
                assert!(s < t && t <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(t), "{text:?}");
                assert_eq!(&text[s..t], e.text);
            }
        }
    }
}
