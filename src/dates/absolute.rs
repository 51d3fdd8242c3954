//! Dates written out on the calendar: `Aug. 1`, `August 1, 2017`, `1 August 2017`,
//! `1st of August`, `2017-08-01`, `08/01/2017`, `Aug 2017`, `2017`, `FY2018`, `Q3 2017`,
//! `the 1990s`, `the 15th century`, `the summer of 2016`, `week 23`, `Christmas`.

use super::cx::{keep_longer, longer, Ctx, Found, Word};
use super::lexicon::{tables, Class};
use super::numtok::{self, Shape, WordShape};
use super::spec::{Cal, Expr, Point};
use crate::numbers::parse_ordinal;
use crate::tokens::Kind;

/// Words before a month, season or year that make it a date (`in May`, `since 2011`).
pub(crate) const DATE_PREPS: [Word; 24] = words![
    "in", "on", "since", "until", "till", "til", "by", "during", "from", "through", "thru", "before", "after", "of", "early",
    "mid", "late", "last", "next", "this", "every", "each", "between", "throughout",
];

fn date(year: Option<i32>, month: Option<u8>, day: u8) -> Expr {
    Expr::Date(Point::of(Cal::Day { year, month, day }))
}

/// True when `month`/`day` can be a day (`Feb 30` is kept as written, like `XXXX-02-30`).
fn day_fits(month: u8, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day) && !(month == 2 && day > 30) && !(matches!(month, 4 | 6 | 9 | 11) && day > 31)
}

/// A day of the month at token `i`: `5`, `05`, `5th`, `fifth`, `twenty-first`, `twenty
/// first`; with `cardinal_words`, also `twenty five`. Returns the day and the next token.
pub(crate) fn day_number(cx: &Ctx, i: usize, cardinal_words: bool) -> Option<(u8, usize)> {
    match cx.kind(i)? {
        Kind::Number => match cx.shape(i)? {
            Shape::Int(v, d) if d <= 2 && (1..=31).contains(&v) => Some((v as u8, i + 1)),
            Shape::Ordinal(v) if (1..=31).contains(&v) => Some((v as u8, i + 1)),
            _ => None,
        },
        Kind::Word => match cx.class(i) {
            Class::OrdinalWord | Class::Unit { .. } | Class::None => ordinal_at(cx, i).filter(|v| (1..=31).contains(v)).map(|v| (v as u8, i + 1)),
            Class::NumberWord => {
                // `twenty first`, `thirty-first`, `twenty-first`
                if cx.hyphenated(i) {
                    if let Some(v) = parse_ordinal(cx.text(i)).filter(|v| (1..=31).contains(v)) {
                        return Some((v as u8, i + 1));
                    }
                }
                let tens = if cx.is(i, word!("twenty")) {
                    20
                } else if cx.is(i, word!("thirty")) {
                    30
                } else {
                    0
                };
                if tens > 0 && cx.kind(i + 1) == Some(Kind::Word) {
                    let unit = ordinal_at(cx, i + 1);
                    if let Some(unit) = unit.filter(|&u| u < 10 && tens + u <= 31) {
                        return Some(((tens + unit) as u8, i + 2));
                    }
                }
                if cardinal_words {
                    let m = cx.number_words(i)?;
                    let v = m.value.to_i64()?;
                    if (1..=31).contains(&v) {
                        return Some((v as u8, m.end));
                    }
                }
                None
            }
            _ => None,
        },
        _ => None,
    }
}

/// A year written in words: `nineteen ninety six`, `two thousand and fifteen`, `twenty
/// twenty`. Returns the year and the next token.
pub(crate) fn year_words(cx: &Ctx, i: usize) -> Option<(i32, usize)> {
    if cx.class(i) != Class::NumberWord {
        return None;
    }
    let first = cx.number_words(i)?;
    let v1 = first.value.to_i64()?;
    if (1000..=2999).contains(&v1) {
        return Some((v1 as i32, first.end));
    }
    if !(11..=29).contains(&v1) || cx.class(first.end) != Class::NumberWord {
        return None;
    }
    let second = cx.number_words(first.end)?;
    let v2 = second.value.to_i64()?;
    if !(10..=99).contains(&v2) {
        return None;
    }
    Some((v1 as i32 * 100 + v2 as i32, second.end))
}

/// A four-digit year token (1000-2999), or a year in words.
pub(crate) fn year_number(cx: &Ctx, i: usize) -> Option<(i32, usize)> {
    match cx.int(i) {
        Some((v, 4)) if (1000..=2999).contains(&v) && !cx.punct(i + 1, word!("%")) => Some((v as i32, i + 1)),
        Some(_) => None,
        None => year_words(cx, i),
    }
}

/// A year after a month (`of 87`, `, 2017`): four digits, words, or two digits after `of`
/// or an apostrophe. Returns the year and the next token.
fn year_after_month(cx: &Ctx, i: usize) -> Option<(i32, usize)> {
    if cx.punct(i, word!(",")) {
        return year_number(cx, i + 1).filter(|&(y, _)| (1000..=2999).contains(&y));
    }
    if cx.is_any(i, &words!["of", "in"]) {
        if let Some(r) = year_number(cx, i + 1) {
            return Some(r);
        }
        if cx.is(i, word!("of")) {
            if let Some((v, 2)) = cx.int(i + 1) {
                return Some((two_digit_year(v), i + 2));
            }
        }
        return None;
    }
    year_number(cx, i)
}

/// `87` → 1987, `17` → 2017 (two-digit years up to 30 are read as 20xx).
pub(crate) fn two_digit_year(v: u32) -> i32 {
    if v <= 30 {
        2000 + v as i32
    } else {
        1900 + v as i32
    }
}

/// The month of a month-name token, if `cx.class(i)` is one.
pub(crate) fn month_at(cx: &Ctx, i: usize) -> Option<(u8, bool)> {
    match cx.class(i) {
        Class::Month { month, abbr } => Some((month, abbr)),
        _ => None,
    }
}

/// True when the month name at `i` may stand alone as a date here (`in May`, not `May I`,
/// `March` the verb, `April Ryan`).
pub(crate) fn bare_month_ok(cx: &Ctx, i: usize, after_connective: bool) -> bool {
    let Some((month, abbr)) = month_at(cx, i) else { return false };
    let next_cap = cx.cap(i + 1) && cx.kind(i + 1) == Some(Kind::Word) && month_at(cx, i + 1).is_none();
    if next_cap && !cx.has(i + 1, crate::tokens::flag::SENT_START) {
        return false; // `April Ryan`, `May Day` is a holiday
    }
    let prep_before = i > 0 && (cx.is_any(i - 1, &DATE_PREPS) || cx.is_any(i - 1, &words!["to", "and", "or", "the", "late", "end", "beginning", "start", "middle"]));
    let ambiguous = matches!(month, 3 | 5) || abbr || cx.is(i, word!("august"));
    if ambiguous {
        let written_as_name = cx.cap(i) || (!cx.is_any(i, &words!["may", "march", "mar"]) && prep_before);
        return written_as_name && (prep_before || after_connective) && !cx.is(i - 1, word!("the")) && !cx.has(i, crate::tokens::flag::SENT_START);
    }
    prep_before || after_connective || cx.cap(i) && !cx.has(i, crate::tokens::flag::SENT_START)
}

/// A date led by a month name: `Aug. 1`, `August 1, 2017`, `July 4th of 1995`, `march
/// eighteenth`, `Aug 2017`, `Dec, 2018`, `April of 87`, `December`.
pub(crate) fn month_led(cx: &Ctx, i: usize, after_connective: bool) -> Option<Found> {
    let (month, _) = month_at(cx, i)?;
    let mut j = i + 1;
    // `Aug .` when the tokenizer kept the period apart never happens; `May/22` does.
    if cx.punct(j, word!("/")) && cx.tight(j) {
        j += 1;
    }
    let day_start = if cx.is(j, word!("the")) { j + 1 } else { j };
    if let Some((day, k)) = day_number(cx, day_start, false) {
        let lower_ambiguous = cx.is_any(i, &words!["may", "march"]) && !cx.cap(i);
        let followed_badly = cx.punct(k, word!("%")) || cx.is_any(k, &words!["percent", "per", "million", "billion"]);
        if day_fits(month, day as u32) && !followed_badly && !(lower_ambiguous && cx.kind(day_start) == Some(Kind::Number) && year_after_month(cx, k).is_none()) {
            // `August 1, 2017`, `May 2nd 2018`, `july 4th of 1995`
            if let Some((year, end)) = year_after_month(cx, k) {
                return Some(Found::new(end, date(Some(year), Some(month), day)));
            }
            if cx.punct(k, word!(",")) {
                if let Some((v, 2)) = cx.int(k + 1).filter(|_| cx.text(k + 1).starts_with('\'')) {
                    return Some(Found::new(k + 2, date(Some(two_digit_year(v)), Some(month), day)));
                }
            }
            return Some(Found::new(k, date(None, Some(month), day)));
        }
    }
    if let Some((year, end)) = year_after_month(cx, j) {
        let ambiguous_word = cx.is_any(i, &words!["may", "march"]) && !cx.cap(i);
        if !ambiguous_word || cx.kind(j) == Some(Kind::Number) {
            return Some(Found::new(end, Expr::Date(Point::of(Cal::Month { year: Some(year), month }))));
        }
    }
    if cx.punct(j, word!("-")) && cx.tight(j) {
        if let Some((year, end)) = year_number(cx, j + 1) {
            return Some(Found::new(end, Expr::Date(Point::of(Cal::Month { year: Some(year), month }))));
        }
    }
    bare_month_ok(cx, i, after_connective).then(|| Found::new(i + 1, Expr::Date(Point::of(Cal::Month { year: None, month }))))
}

/// A date led by the day: `1 August 2017`, `14 nov`, `1st of August`, `the 09th of May`,
/// `second of Aug`, `twenty five January nineteen eighty six`, `the 15th day of September`.
pub(crate) fn day_led(cx: &Ctx, i: usize) -> Option<Found> {
    let the = cx.is(i, word!("the"));
    let start = if the { i + 1 } else { i };
    let words = cx.kind(start) == Some(Kind::Word);
    if start > 0 && (cx.kind(start - 1) == Some(Kind::Symbol) || cx.punct(start - 1, word!("$"))) {
        return None; // `$12 December 27`
    }
    let (day, mut j) = day_number(cx, start, true)?;
    let ordinal_word = words && ordinal_at(cx, j - 1).is_some();
    let ordinal = ordinal_word || matches!(cx.shape(start), Some(Shape::Ordinal(_)));
    let mut of = false;
    if cx.is(j, word!("day")) && cx.is(j + 1, word!("of")) {
        j += 2;
        of = true;
        // `the 15th day of next month`, `the thirty-first day of the month`
        if let Some((cal_month, end)) = month_of_reference(cx, j) {
            let Cal::Month { year, month } = cal_month else { return None };
            if !day_fits(month, day as u32) {
                return None;
            }
            return Some(Found::new(end, date(year, Some(month), day)));
        }
    } else if cx.is(j, word!("of")) {
        j += 1;
        of = true;
    }
    let (month, abbr) = month_at(cx, j)?;
    if the && !(of || ordinal) {
        return None;
    }
    if words && !(of || ordinal) && (abbr || !cx.cap(j)) {
        return None; // `five jan` is too loose; `twenty five January` is fine
    }
    if ordinal_word && !of && !cx.cap(j) {
        return None; // `second may` is not a date; `first January` is
    }
    if cx.is_any(j, &words!["may", "march"]) && !cx.cap(j) && !of {
        // `2 may be`: only a date with a year after it
        year_after_month(cx, j + 1)?;
    }
    if !day_fits(month, day as u32) {
        return None;
    }
    let mut end = j + 1;
    if cx.punct(end, word!(".")) && cx.tight(end) && abbr {
        end += 1;
    }
    if let Some((year, k)) = year_after_month(cx, end) {
        return Some(Found::new(k, date(Some(year), Some(month), day)));
    }
    Some(Found::new(end, date(None, Some(month), day)))
}

/// `the month`, `this month`, `next month`, `last month` after `day of`: the month and
/// the token after it.
fn month_of_reference(cx: &Ctx, j: usize) -> Option<(Cal, usize)> {
    let dir = match cx.class(j) {
        Class::Rel(d) => d as i64,
        _ if cx.is(j, word!("the")) => 0,
        _ => return None,
    };
    if !cx.is(j + 1, word!("month")) {
        return None;
    }
    let cal = match cx.reference {
        Some(r) => {
            let d = r.add_months(dir)?;
            Cal::Month { year: Some(d.year()), month: d.month() }
        }
        None => return None,
    };
    Some((cal, j + 2))
}

/// What follows a weekday name that pins the date: `Tuesday March 7`, `Tue May 9`,
/// `Monday 19 December`, `Friday 7/6`, `Friday 2018-7-6`, `tuesday the eleventh`,
/// `Monday 21`. Returns the day and the token after it.
pub(crate) fn weekday_tail(cx: &Ctx, weekday: crate::calendar::Weekday, j: usize) -> Option<(Cal, usize)> {
    let j = if cx.punct(j, word!(",")) { j + 1 } else { j };
    let date_found = match cx.class(j) {
        Class::Month { .. } => month_led(cx, j, false),
        _ => longer(number_led(cx, j), day_led(cx, j)),
    };
    if let Some(f) = date_found {
        if let Expr::Date(Point { cal: cal @ Cal::Day { .. }, part: None }) = f.expr {
            return Some((year_by_weekday(cx, cal, weekday), f.end));
        }
    }
    // `Monday 21`, `tuesday the eleventh`, `Sat 14th`: the day of a month near the
    // reference date that falls on this weekday.
    let k = if cx.is(j, word!("the")) { j + 1 } else { j };
    let (day, end) = day_number(cx, k, false)?;
    let function_word = cx.is_any(end, &words!["between", "at", "from", "to", "and", "or", "in", "on", "for", "until", "till", "by", "around", "with"]);
    if cx.kind(k) == Some(Kind::Number) && !matches!(cx.shape(k), Some(Shape::Ordinal(_))) && ((cx.lower_word(end) && !function_word) || cx.punct(end, word!(":")) || cx.punct(end, word!("%"))) {
        return None; // `Friday 3 people`
    }
    let pronoun = cx.is_any(end, &words!["we", "i", "he", "she", "they", "it", "you", "there"]);
    if k > j && cx.lower_word(end) && matches!(cx.class(end), Class::None) && !function_word && !pronoun {
        return None; // `Thursday, the ninth meeting in a row`: an ordinal of the noun
    }
    let cal = match cx.reference {
        Some(r) => {
            let first = crate::calendar::Date::new(r.year(), r.month(), 1)?;
            [0i64, -1, 1, -2, 2]
                .iter()
                .filter_map(|&k| {
                    let m = first.add_months(k)?;
                    crate::calendar::Date::new(m.year(), m.month(), day)
                })
                .find(|d| d.weekday() == weekday)
                .map_or(Cal::Weekday(weekday), |d| Cal::Day { year: Some(d.year()), month: Some(d.month()), day: d.day() })
        }
        None => Cal::Weekday(weekday),
    };
    Some((cal, end))
}

/// `Sunday, July 15`: when the text gives no year, the year near the reference date in
/// which that day is that weekday (there is at most one in three years).
fn year_by_weekday(cx: &Ctx, cal: Cal, weekday: crate::calendar::Weekday) -> Cal {
    let (Cal::Day { year: None, month: Some(m), day }, Some(r)) = (cal, cx.reference) else { return cal };
    [r.year() - 1, r.year(), r.year() + 1]
        .into_iter()
        .find(|&y| crate::calendar::Date::new(y, m, day).is_some_and(|d| d.weekday() == weekday))
        .map_or(cal, |y| Cal::Day { year: Some(y), month: Some(m), day })
}

/// A weekday, alone or with its date: `Friday`, `on Friday`, `Tue May 9`, `Monday 21`.
/// Abbreviations (`Fri`, `Sun`) need a date after them, or a list around them (`Mon or
/// Tue`); `Sun` never stands alone (the newspaper).
fn weekday_led(cx: &Ctx, i: usize) -> Option<Found> {
    let Class::Weekday { day, abbr, plural: false } = cx.class(i) else { return None };
    if i > 0 && cx.is_any(i - 1, &words!["a", "an"]) {
        return None; // `falls on a Monday`: any Monday
    }
    let mut j = i + 1;
    if abbr && cx.punct(j, word!(".")) && cx.tight(j) {
        j += 1;
    }
    if let Some((cal, end)) = weekday_tail(cx, day, j) {
        return Some(Found::new(end, Expr::Date(Point::of(cal))));
    }
    if abbr {
        let listed = i > 0 && cx.is_any(i - 1, &words!["or", "and", "on", ","]) && cx.cap(i) && !cx.is(i, word!("sun")) && !cx.is(i, word!("sat")) && !cx.lower_word(j);
        if !listed {
            return None;
        }
    } else if cx.cap(i + 1)
        && cx.kind(i + 1) == Some(Kind::Word)
        && !matches!(cx.class(i + 1), Class::Month { .. })
        && !cx.has(i + 1, crate::tokens::flag::SENT_START)
        && !(i > 0 && cx.is_any(i - 1, &DATE_PREPS))
    {
        // `Friday Night Lights`, `Tuesday Weld`: part of a name.
        if !matches!(cx.class(i + 1), Class::Pod { .. } | Class::Unit { .. }) {
            return None;
        }
    }
    Some(Found::new(j, Expr::Date(Point::of(Cal::Weekday(day)))))
}

/// `the first week of January 2015`, `the last week of July`, `3rd week of Jan`, `the last
/// week of last month`.
fn month_week(cx: &Ctx, i: usize) -> Option<Found> {
    let the = cx.is(i, word!("the"));
    let j = if the { i + 1 } else { i };
    let n: i8 = if cx.is(j, word!("last")) { -1 } else { i8::try_from(ordinal_at(cx, j)?).ok().filter(|n| (1..=5).contains(n))? };
    if !cx.is(j + 1, word!("week")) || !cx.is(j + 2, word!("of")) {
        return None;
    }
    let k = j + 3;
    let (year, month, end) = if let Some((m, _)) = month_at(cx, k) {
        match year_after_month(cx, k + 1) {
            Some((y, e)) => (Some(y), m, e),
            None => (None, m, k + 1),
        }
    } else if let Some((Cal::Month { year, month }, e)) = month_of_reference(cx, k).or_else(|| {
        let Class::Rel(_) = cx.class(k) else { return None };
        month_of_reference(cx, k)
    }) {
        (year, month, e)
    } else {
        return None;
    };
    Some(Found::new(end, Expr::Date(Point::of(Cal::MonthWeek { year, month, week: n }))))
}

/// An ordinal at `i`, written in digits or words (`3rd`, `third`, `second`).
pub(crate) fn ordinal_at(cx: &Ctx, i: usize) -> Option<u32> {
    match cx.shape(i) {
        Some(Shape::Ordinal(v)) => Some(v),
        _ if ordinal_word(cx, i) => parse_ordinal(cx.text(i)),
        _ => None,
    }
}

/// True when the word at `i` may be an ordinal (`third`, `second`, `twenty-first`): a
/// cheap test before `parse_ordinal`, which lower-cases its input.
fn ordinal_word(cx: &Ctx, i: usize) -> bool {
    match cx.class(i) {
        Class::OrdinalWord => true,
        Class::Unit { unit: super::lexicon::Unit::Second, plural: false } => true,
        Class::None => cx.hyphenated(i) && cx.text(i).split_once('-').is_some_and(|(h, _)| super::lexicon::classify_word(h) == Class::NumberWord),
        _ => false,
    }
}

/// `the third quarter`, `the first quarter of 2017`, `the second half of the year`, `the
/// fourth quarter of next year`, `first-quarter`.
fn ordinal_part(cx: &Ctx, i: usize) -> Option<Found> {
    let the = cx.is(i, word!("the"));
    let j = if the { i + 1 } else { i };
    let (n, kind, k) = if let Some((head, tail)) = cx.text(j).split_once('-').filter(|_| cx.hyphenated(j)) {
        if !matches!(super::lexicon::classify_word(head), Class::OrdinalWord | Class::Unit { .. }) {
            return None;
        }
        let n = parse_ordinal(head)?;
        let kind = if tail.eq_ignore_ascii_case("quarter") { 'Q' } else if tail.eq_ignore_ascii_case("half") { 'H' } else { return None };
        (n, kind, j + 1)
    } else {
        let n = if cx.is(j, word!("last")) { 0 } else { ordinal_at(cx, j)? };
        let kind = if cx.is(j + 1, word!("quarter")) { 'Q' } else if cx.is(j + 1, word!("half")) { 'H' } else { return None };
        (n, kind, j + 2)
    };
    let max = if kind == 'Q' { 4 } else { 2 };
    let n = if n == 0 { max } else { n };
    if !(1..=max).contains(&n) {
        return None;
    }
    if cx.is(k, word!("of")) && !(cx.is(k + 1, word!("the")) && cx.is(k + 2, word!("year"))) && year_number(cx, k + 1).is_none() && !matches!(cx.class(k + 1), Class::Rel(_)) {
        return None; // `the first half of the match`
    }
    if !the && cx.is(j, word!("last")) {
        return None;
    }
    let (year, end) = if cx.is(k, word!("of")) {
        if let Some((y, e)) = year_number(cx, k + 1) {
            (Some(y), e)
        } else if cx.is(k + 1, word!("the")) && cx.is(k + 2, word!("year")) {
            (cx.reference.map(|r| r.year()), k + 3)
        } else if let (Class::Rel(d), true) = (cx.class(k + 1), cx.is(k + 2, word!("year"))) {
            (cx.reference.map(|r| r.year() + d as i32), k + 3)
        } else {
            return None;
        }
    } else if let Some((y, e)) = year_number(cx, k) {
        (Some(y), e)
    } else {
        (None, k)
    };
    Some(Found::new(end, year_part_expr(year, kind, n as u8)))
}

/// `the 18th` on its own: a day of a month not named.
fn the_nth(cx: &Ctx, i: usize) -> Option<Found> {
    let the = cx.is(i, word!("the"));
    let j = if the { i + 1 } else { i };
    let Some(Shape::Ordinal(v)) = cx.shape(j) else { return None };
    if !(1..=31).contains(&v) || i == 0 || !cx.is_any(i - 1, &words!["on", "by", "until", "till", "since", "before", "after"]) {
        return None;
    }
    let next = j + 1;
    let ok = next >= cx.len()
        || cx.kind(next) == Some(Kind::Punct)
        || cx.is_any(next, &words!["at", "from", "to", "until", "till"]);
    ok.then(|| Found::new(next, date(None, None, v as u8)))
}

/// Words that make a bare four-digit number a year when they come before it.
const YEAR_CUES: [Word; 30] = words![
    "in", "since", "by", "until", "till", "of", "from", "to", "through", "during", "before", "after", "between", "early", "mid",
    "late", "year", "fiscal", "circa", "c.", "around", "and", "or", "summer", "winter", "spring", "autumn", "fall", "end", "start",
];

/// Words after a number that make it a count, not a year.
const COUNT_WORDS: [Word; 24] = words![
    "people", "pieces", "troops", "soldiers", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "tons",
    "tonnes", "units", "jobs", "times", "votes", "dollars", "euros", "pounds", "percent", "per", "hours", "points",
];

/// True when the four-digit number at `i` reads as a year here.
fn bare_year_ok(cx: &Ctx, i: usize, year: i32) -> bool {
    let mut cue_before = i > 0 && cx.is_any(i - 1, &YEAR_CUES);
    if cue_before && cx.is_any(i - 1, &words!["and", "or", "to"]) {
        // `2007 and 2009`, `May and 2010`, but not `Resolutions 2254 and 2118`.
        cue_before = i > 1 && (matches!(cx.int(i - 2), Some((v, 4)) if (1000..=2200).contains(&v)) || month_at(cx, i - 2).is_some());
    }
    let next = i + 1;
    if cx.kind(next) == Some(Kind::Number) || cx.punct(next, word!("%")) || cx.punct(next, word!(":")) {
        return false;
    }
    if i > 0 && (cx.kind(i - 1) == Some(Kind::Symbol) || cx.is_any(i - 1, &words!["$", "#", "No.", "no.", "version", "v", "about", "some", "nearly", "almost", "than", "over", "approximately"])) {
        return false;
    }
    if i > 1 && cx.dash(i - 1) && cx.kind(i - 2) == Some(Kind::Number) && !matches!(cx.int(i - 2), Some((_, 4))) {
        return false; // `32 - 2015`
    }
    if cx.is_any(next, &COUNT_WORDS) || crate::numbers::magnitude(cx.text(next)).is_some_and(|_| cx.text(next).len() > 1) {
        return false;
    }
    if cue_before {
        return (1000..=2200).contains(&year);
    }
    if !(1900..=2100).contains(&year) {
        return false;
    }
    // A lower-case plural after an uncued number is a count: `2000 pieces`.
    let plural_after = cx.lower_word(next) && {
        let w = cx.text(next);
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !["was", "has", "is", "its", "his", "this", "as", "saw"].contains(&w)
    };
    !plural_after
}

/// Forms that start at a number token: numeric dates, years, decades, `2017 q1`,
/// `2016 10 16`, `1990 s`, `2019-Q1`, `1990s-era`.
fn number_led(cx: &Ctx, i: usize) -> Option<Found> {
    let shape = cx.shape(i)?;
    let day_first = cx.day_first;
    let pick = |a: u32, b: u32, dotted: bool| -> Option<(u8, u32)> {
        // Month first by default; day first by option, for dotted dates, or when the first
        // number cannot be a month.
        let (m, d) = if (day_first || dotted || a > 12) && b <= 12 { (b, a) } else { (a, b) };
        let m = u8::try_from(m).ok()?;
        day_fits(m, d).then_some((m, d))
    };
    match shape {
        Shape::Triple(a, ad, b, bd, c, cd, sep) => {
            if ad == 4 && bd <= 2 && cd <= 2 {
                let m = u8::try_from(b).ok()?;
                return day_fits(m, c).then(|| Found::new(i + 1, date(Some(a as i32), Some(m), c as u8)));
            }
            if ad <= 2 && bd <= 2 && (cd == 4 || (cd == 2 && sep != '-')) {
                let (m, d) = pick(a, b, sep == '.')?;
                let year = if cd == 4 { c as i32 } else { two_digit_year(c) };
                if !(1000..=2999).contains(&year) {
                    return None;
                }
                let mut end = i + 1;
                let found = Found::new(end, date(Some(year), Some(m), d as u8));
                // `2016 10 16` is handled by `year_led`; nothing follows a full date.
                end = found.end;
                return Some(Found { end, ..found });
            }
            None
        }
        Shape::Pair(a, ad, b, bd, sep) => {
            match sep {
                '/' if ad <= 2 && bd == 4 => {
                    let m = u8::try_from(a).ok().filter(|m| (1..=12).contains(m))?;
                    Some(Found::new(i + 1, Expr::Date(Point::of(Cal::Month { year: Some(b as i32), month: m }))))
                }
                '-' if ad <= 2 && bd == 4 && (1..=12).contains(&a) && (1900..=2100).contains(&b) => {
                    Some(Found::new(i + 1, Expr::Date(Point::of(Cal::Month { year: Some(b as i32), month: a as u8 }))))
                }
                '/' if ad <= 2 && bd <= 2 => {
                    let (m, d) = pick(a, b, false)?;
                    if !slash_date_ok(cx, i, ad + bd) {
                        return None;
                    }
                    let year_follows = cx.punct(i + 1, word!("/")) && cx.tight(i + 1);
                    let _ = year_follows;
                    Some(Found::new(i + 1, date(None, Some(m), d as u8)))
                }
                '.' if ad <= 2 && bd <= 2 && i > 0 && matches!(cx.class(i - 1), Class::Weekday { .. }) => {
                    let (m, d) = pick(a, b, false)?;
                    Some(Found::new(i + 1, date(None, Some(m), d as u8)))
                }
                _ => None,
            }
        }
        Shape::YearMonthDay(y, mon, d) => {
            let m = numtok::month_of_abbr(mon);
            day_fits(m, d).then(|| Found::new(i + 1, date(Some(y as i32), Some(m), d as u8)))
        }
        Shape::YearPart(y, kind, n) => Some(Found::new(i + 1, year_part_expr(Some(y as i32), kind, n))),
        Shape::Decade(v) => decade_expr(v).map(|cal| Found::new(i + 1, Expr::Date(Point::of(cal)))),
        Shape::DecadePrefix(v, len) => {
            let cal = decade_expr(v)?;
            let start = cx.doc.tokens[i].start as usize;
            Some(Found { end: i + 1, expr: Expr::Date(Point::of(cal)), end_byte: Some(start + len) })
        }
        Shape::Int(d, dd) if dd <= 2 && cx.punct(i + 1, word!("/")) && cx.tight(i + 1) && month_at(cx, i + 2).is_some() && cx.tight(i + 2) => {
            // `22/Jan/2019`
            let (m, _) = month_at(cx, i + 2)?;
            if !day_fits(m, d) || !cx.punct(i + 3, word!("/")) || !cx.tight(i + 3) {
                return None;
            }
            let (y, end) = year_number(cx, i + 4)?;
            Some(Found::new(end, date(Some(y), Some(m), d as u8)))
        }
        Shape::Int(..) => year_led(cx, i),
        _ => None,
    }
}

/// True when `M/D` at `i` is a date and not a fraction or a ratio: a date word before it,
/// or two-digit parts, and no `of`/unit after it.
fn slash_date_ok(cx: &Ctx, i: usize, digits: u8) -> bool {
    if cx.text(i) == "24/7" || cx.is_any(i + 1, &words!["of", "cup", "cups", "mile", "miles", "inch", "teaspoon", "tablespoon", "attack", "attacks"]) {
        return false;
    }
    if i > 0 && cx.is(i - 1, word!("the")) {
        return false; // `the 9/11 attacks`: an event's name
    }
    let cue = i > 0
        && (matches!(cx.class(i - 1), Class::Weekday { .. } | Class::Rel(_))
            || cx.is_any(i - 1, &words!["on", "by", "from", "until", "till", "since", "for", "before", "after", "due", "to", "date", "dated"]));
    cue || digits >= 3
}

/// `Q3` / `H1` with an optional year.
fn year_part_expr(year: Option<i32>, kind: char, n: u8) -> Expr {
    let cal = if kind == 'Q' { Cal::Quarter { year, q: n } } else { Cal::Half { year, h: n } };
    Expr::Date(Point::of(cal))
}

/// `1990` → the 1990s; `1900` → the 1900s as a century; `90` → the 1990s.
fn decade_expr(v: u32) -> Option<Cal> {
    match v {
        1000..=2990 if v % 100 == 0 && v < 2000 => Some(Cal::Century(v as i32 / 100)),
        1000..=2990 => Some(Cal::Decade(v as i32 / 10)),
        0..=90 => Some(Cal::Decade(two_digit_year(v) / 10)),
        _ => None,
    }
}

/// A year and what may follow it: `2017`, `2017 q1`, `2016 10 16`, `1990 s`, `575 B.C.`.
fn year_led(cx: &Ctx, i: usize) -> Option<Found> {
    let (v, digits) = cx.int(i)?;
    // `575 B.C.`, `AD 70`
    if cx.is_any(i + 1, &words!["BC", "B.C.", "B.C", "BCE"]) && digits <= 4 && v > 0 {
        return Some(Found::new(i + 2, Expr::Date(Point::of(Cal::BeforeChrist(v)))));
    }
    if digits != 4 {
        return None;
    }
    let year = v as i32;
    if cx.is(i + 1, word!("s")) && cx.tight(i + 1) || (cx.is(i + 1, word!("s")) && v % 10 == 0 && !cx.lower_word(i + 2)) {
        return decade_expr(v).map(|cal| Found::new(i + 2, Expr::Date(Point::of(cal))));
    }
    if let Some((kind, n)) = numtok::year_part(cx.text(i + 1)) {
        return Some(Found::new(i + 2, year_part_expr(Some(year), kind, n)));
    }
    if let (Some((m, md)), Some((d, dd))) = (cx.int(i + 1), cx.int(i + 2)) {
        if md <= 2 && dd <= 2 && (1..=12).contains(&m) && day_fits(m as u8, d) && (1900..=2100).contains(&year) {
            return Some(Found::new(i + 3, date(Some(year), Some(m as u8), d as u8)));
        }
    }
    bare_year_ok(cx, i, year).then(|| Found::new(i + 1, Expr::Date(Point::of(Cal::Year(year)))))
}

/// Word tokens with digits: `Q3 2017`, `FY2018`, `cy18`, `Dec31 , 1994`, `mar4`,
/// `Sep-23-2020`, `Dec-2018`, `mid-2018`, `mid-November`.
fn fused_word(cx: &Ctx, i: usize) -> Option<Found> {
    let shape = numtok::word_shape(cx.text(i))?;
    let year_after = |j: usize| {
        if cx.punct(j, word!(",")) || cx.is(j, word!("of")) {
            year_number(cx, j + 1)
        } else {
            year_number(cx, j)
        }
    };
    Some(match shape {
        WordShape::Part(kind, n, Some(y)) => Found::new(i + 1, year_part_expr(Some(y as i32), kind, n)),
        WordShape::Part(kind, n, None) => match year_after(i + 1) {
            Some((y, end)) => Found::new(end, year_part_expr(Some(y), kind, n)),
            None if kind == 'Q' && !cx.punct(i + 1, word!("-")) => Found::new(i + 1, year_part_expr(None, kind, n)),
            None => return None,
        },
        WordShape::Fiscal(v, d) => {
            let year = if d == 2 { two_digit_year(v) } else { v as i32 };
            Found::new(i + 1, Expr::Date(Point::of(Cal::Fiscal(Some(year)))))
        }
        WordShape::Calendar(v, d) => {
            let year = if d == 2 { two_digit_year(v) } else { v as i32 };
            Found::new(i + 1, Expr::Date(Point::of(Cal::Year(year))))
        }
        WordShape::MonthDay(name, d, year) => {
            let Class::Month { month, .. } = super::lexicon::classify_word(name) else { return None };
            if !day_fits(month, d) {
                return None;
            }
            match year {
                Some(y) => Found::new(i + 1, date(Some(y as i32), Some(month), d as u8)),
                None => match year_after(i + 1) {
                    Some((y, end)) => Found::new(end, date(Some(y), Some(month), d as u8)),
                    None => Found::new(i + 1, date(None, Some(month), d as u8)),
                },
            }
        }
        WordShape::MonthYear(name, y) => {
            let Class::Month { month, .. } = super::lexicon::classify_word(name) else { return None };
            Found::new(i + 1, Expr::Date(Point::of(Cal::Month { year: Some(y as i32), month })))
        }
        WordShape::Modified(modifier, v, decade) => {
            let part = super::parts::part_of_word(modifier)?;
            let cal = if decade { decade_expr(v)? } else { Cal::Year(v as i32) };
            Found::new(i + 1, Expr::Date(Point { cal, part: Some(part) }))
        }
        WordShape::WordPair(..) => return None,
        WordShape::ModifiedMonth(modifier, name) => {
            let part = super::parts::part_of_word(modifier)?;
            let Class::Month { month, .. } = super::lexicon::classify_word(name) else { return None };
            match year_after(i + 1) {
                Some((y, end)) => Found::new(end, Expr::Date(Point { cal: Cal::Month { year: Some(y), month }, part: Some(part) })),
                None => Found::new(i + 1, Expr::Date(Point { cal: Cal::Month { year: None, month }, part: Some(part) })),
            }
        }
    })
}

/// `FY 2018`, `fiscal 2018`, `fiscal year 2018`, `the fiscal year`, `cy 2008`, `the year
/// 2011`, `calendar year 2019`.
fn named_year(cx: &Ctx, i: usize) -> Option<Found> {
    let the = cx.is(i, word!("the"));
    let j = if the { i + 1 } else { i };
    if the && !cx.is(j, word!("year")) {
        return None; // `the cy 2008` is read from `cy`
    }
    if cx.is_any(j, &words!["FY", "fiscal"]) {
        let k = if cx.is(j + 1, word!("year")) { j + 2 } else { j + 1 };
        if let Some((y, end)) = year_number(cx, k) {
            return Some(Found::new(end, Expr::Date(Point::of(Cal::Fiscal(Some(y))))));
        }
        if let Some((v, 2)) = cx.int(k) {
            return Some(Found::new(k + 1, Expr::Date(Point::of(Cal::Fiscal(Some(two_digit_year(v)))))));
        }
        if cx.is(j, word!("fiscal")) && cx.is(j + 1, word!("year")) && !(i > 0 && cx.kind(i - 1) == Some(Kind::Number)) {
            return Some(Found::new(j + 2, Expr::Date(Point::of(Cal::Fiscal(None)))));
        }
        return None;
    }
    let k = if cx.is_any(j, &words!["calendar", "cy"]) { j + 1 } else { j };
    if cx.is(k, word!("year")) || (k > j && cx.is(j, word!("cy"))) {
        let at = if cx.is(k, word!("year")) { k + 1 } else { k };
        let (y, end) = year_number(cx, at)?;
        return Some(Found::new(end, Expr::Date(Point::of(Cal::Year(y)))));
    }
    None
}

/// Years in words after a date preposition: `in nineteen ninety six`.
fn worded_year(cx: &Ctx, i: usize) -> Option<Found> {
    if i == 0 || !cx.is_any(i - 1, &words!["in", "since", "of", "until", "by", "from", "to", "and"]) {
        return None;
    }
    let (y, end) = year_words(cx, i)?;
    Some(Found::new(end, Expr::Date(Point::of(Cal::Year(y)))))
}

/// `the 1990s`, `the '90s`, `the nineties`? (only numerals), `the 15th century`, `the
/// twenty-first century`.
fn decade_century(cx: &Ctx, i: usize) -> Option<Found> {
    let the = cx.is(i, word!("the"));
    let j = if the { i + 1 } else { i };
    // Century: `15th century`, `the nineteenth century`, `21st-century`
    let nth = match cx.shape(j) {
        Some(Shape::Ordinal(v)) => Some(v),
        _ if cx.kind(j) == Some(Kind::Word) => ordinal_at(cx, j),
        _ => None,
    };
    if let Some(n) = nth.filter(|n| (1..=30).contains(n)) {
        if cx.is_any(j + 1, &words!["century", "centuries"]) {
            return Some(Found::new(j + 2, Expr::Date(Point::of(Cal::Century(n as i32 - 1)))));
        }
        return None;
    }
    if the {
        let found = number_led(cx, j)?;
        return match found.expr {
            // `the 1990s-era policy`: `the` goes with `policy`
            Expr::Date(Point { cal: Cal::Decade(_) | Cal::Century(_), .. }) if found.end_byte.is_none() => Some(found),
            _ => None,
        };
    }
    None
}

/// `summer 2016`, `the summer of 2016`, `summer` after a date word, `winter of 87`.
fn season(cx: &Ctx, i: usize) -> Option<Found> {
    let the = cx.is(i, word!("the"));
    let j = if the { i + 1 } else { i };
    let Class::Season(season) = cx.class(j) else { return None };
    let k = j + 1;
    let year = if cx.is(k, word!("of")) { year_number(cx, k + 1) } else { year_number(cx, k) };
    if let Some((y, end)) = year {
        return Some(Found::new(end, Expr::Date(Point::of(Cal::Season { year: Some(y), season }))));
    }
    // Bare: `in summer`, `the summer`, `this summer` (the `this` is read elsewhere).
    if cx.is(k, word!("of")) {
        return None; // `the fall of Mosul`
    }
    let fall = cx.is(j, word!("fall"));
    let cue = the || (j > 0 && (cx.is_any(j - 1, &DATE_PREPS) || cx.is_any(j - 1, &words!["whole", "entire"])) && !fall);
    let noun_after = cx.lower_word(k) && !cx.is_any(k, &words!["and", "or", "when", "as", "to", "for", "is", "was", "will", "the", "a", "an", "in", "of", "on", "at", "with"]);
    (cue && !noun_after).then(|| Found::new(k, Expr::Date(Point::of(Cal::Season { year: None, season }))))
}

/// `week 23`, `week 3 of 2027`, `the second week of 2021`, `the last week of 2019`.
fn week(cx: &Ctx, i: usize) -> Option<Found> {
    let the = cx.is(i, word!("the"));
    let j = if the { i + 1 } else { i };
    if cx.is(j, word!("week")) {
        if the {
            return None; // `the week 1` is read from `week`
        }
        let (n, _) = cx.int(j + 1)?;
        if !(1..=53).contains(&n) {
            return None;
        }
        if cx.is(j + 2, word!("of")) {
            if let Some((y, end)) = year_number(cx, j + 3) {
                return Some(Found::new(end, Expr::Date(Point::of(Cal::Week { year: y, week: n as u8 }))));
            }
        }
        let year = cx.reference.map(|d| d.year())?;
        return Some(Found::new(j + 2, Expr::Date(Point::of(Cal::Week { year, week: n as u8 }))));
    }
    // `the second week of 2021`, `the last week of 2019`
    let n: i32 = if cx.is(j, word!("last")) { -1 } else { ordinal_at(cx, j)? as i32 };
    if !cx.is(j + 1, word!("week")) || !cx.is(j + 2, word!("of")) {
        return None;
    }
    let (y, end) = year_number(cx, j + 3)?;
    let week = if n < 0 { super::spec::iso_week_monday(y, 53).map_or(52, |_| 53) } else { n };
    if !(1..=53).contains(&week) {
        return None;
    }
    Some(Found::new(end, Expr::Date(Point::of(Cal::Week { year: y, week: week as u8 }))))
}

/// The holidays whose name starts with word `i` (none unless it is a [`Class::Holiday`]
/// word), longest name first.
fn holidays_at(cx: &Ctx, i: usize) -> &'static [super::lexicon::Holiday] {
    if cx.class(i) != Class::Holiday {
        return &[];
    }
    let mut buf = [0u8; 32];
    let Some(first) = super::lexicon::lower_ascii(cx.text(i), &mut buf) else { return &[] };
    tables().holidays.get(first.trim_end_matches('.')).map_or(&[], Vec::as_slice)
}

/// True when the words of holiday `h` are the tokens from `i` on (any case, a final
/// period optional, `’` for `'`).
fn holiday_words_at(cx: &Ctx, i: usize, h: &super::lexicon::Holiday) -> bool {
    let word_eq = |j: usize, w: &str| {
        let t = cx.text(j);
        let t = t.strip_suffix('.').unwrap_or(t);
        let w = w.strip_suffix('.').unwrap_or(w);
        t.eq_ignore_ascii_case(w) || (w == "'s" && t == "’s") || (w == "'" && t == "’")
    };
    h.words.iter().enumerate().all(|(k, w)| word_eq(i + k, w))
}

/// True when the whole name of a holiday starts at word `i`: what [`holiday`] needs
/// before anything else, cheap enough to test at every holiday word.
pub(crate) fn holiday_name_at(cx: &Ctx, i: usize) -> bool {
    holidays_at(cx, i).iter().any(|h| holiday_words_at(cx, i, h))
}

/// A holiday name (`Christmas`, `New Year's Day`, `Easter 2018`, `Independence Day of
/// this year` reads the year from the reference).
pub(crate) fn holiday(cx: &Ctx, i: usize) -> Option<Found> {
    for h in holidays_at(cx, i) {
        if !holiday_words_at(cx, i, h) {
            continue;
        }
        let end = i + h.words.len();
        // Single words that are also ordinary words need a capital: `easter` is fine in
        // chat, but `new year` needs `New Year`.
        let prep_before = i > 0 && cx.is_any(i - 1, &words!["on", "for", "at", "before", "after", "until", "since", "by"]);
        if h.words.len() == 1 && !cx.cap(i) && cx.is_any(i, &words!["thanksgiving", "halloween"]) && !prep_before {
            return None;
        }
        if cx.is(i, word!("new")) && !cx.cap(i) && !(i > 0 && cx.is_any(i - 1, &words!["before", "after", "until", "since"])) {
            return None;
        }
        if let Some(found) = holiday_weekend(cx, h.rule, end) {
            return Some(found);
        }
        let (year, end) = match year_number(cx, end) {
            Some((y, e)) => (Some(y), e),
            None if cx.is(end, word!("of")) && matches!(cx.class(end + 1), Class::Rel(_)) && cx.is(end + 2, word!("year")) => {
                let Class::Rel(d) = cx.class(end + 1) else { return None };
                match cx.reference {
                    Some(r) => (Some(r.year() + d as i32), end + 3),
                    None => (None, end),
                }
            }
            None => (None, end),
        };
        return Some(Found::new(end, Expr::Date(Point::of(Cal::Holiday { year, rule: h.rule }))));
    }
    None
}

/// `Labor Day weekend`, `halloween weekend 2021`, `labor day 2021 weekend`: the weekend
/// at the holiday (the one before it when the holiday is a Monday).
fn holiday_weekend(cx: &Ctx, rule: &'static str, j: usize) -> Option<Found> {
    let (year, k) = match year_number(cx, j) {
        Some((y, e)) => (Some(y), e),
        None => (None, j),
    };
    if !cx.is(k, word!("weekend")) {
        return None;
    }
    let (year, end) = match (year, year_number(cx, k + 1)) {
        (Some(y), _) => (y, k + 1),
        (None, Some((y, e))) => (y, e),
        (None, None) => (cx.reference?.year(), k + 1),
    };
    let d = super::holidays::date(rule, year)?;
    let d = if d.weekday() == crate::calendar::Weekday::Mon { d.add_days(-2)? } else { d };
    let (y, w) = d.iso_week();
    Some(Found::new(end, Expr::Date(Point::of(Cal::Weekend { year: y, week: w }))))
}

/// The longest calendar date starting at token `i` (remembered).
pub(crate) fn absolute(cx: &Ctx, i: usize) -> Option<Found> {
    cx.absolutes.get(i, || absolute_at(cx, i))
}

fn absolute_at(cx: &Ctx, i: usize) -> Option<Found> {
    let mut best = None;
    match cx.kind(i)? {
        Kind::Number => {
            keep_longer(&mut best, number_led(cx, i));
            keep_longer(&mut best, day_led(cx, i));
            keep_longer(&mut best, decade_century(cx, i));
        }
        Kind::Word => {
            match cx.class(i) {
                Class::Month { .. } => keep_longer(&mut best, month_led(cx, i, false)),
                Class::Weekday { .. } => keep_longer(&mut best, weekday_led(cx, i)),
                Class::OrdinalWord | Class::NumberWord => {
                    keep_longer(&mut best, day_led(cx, i));
                    keep_longer(&mut best, worded_year(cx, i));
                    keep_longer(&mut best, decade_century(cx, i));
                }
                Class::Season(_) => keep_longer(&mut best, season(cx, i)),
                Class::Unit { .. } | Class::None if ordinal_at(cx, i).is_some() => keep_longer(&mut best, day_led(cx, i)),
                Class::Holiday => keep_longer(&mut best, holiday(cx, i)),
                _ => {}
            }
            if cx.has(i, crate::tokens::flag::HAS_DIGIT) || cx.hyphenated(i) {
                keep_longer(&mut best, fused_word(cx, i));
                keep_longer(&mut best, ordinal_part(cx, i));
            }
            if cx.is(i, word!("the")) {
                keep_longer(&mut best, month_week(cx, i));
                keep_longer(&mut best, ordinal_part(cx, i));
                keep_longer(&mut best, day_led(cx, i));
                keep_longer(&mut best, the_nth(cx, i));
                keep_longer(&mut best, decade_century(cx, i));
                keep_longer(&mut best, season(cx, i));
                keep_longer(&mut best, week(cx, i));
                keep_longer(&mut best, named_year(cx, i));
            } else if cx.is_any(i, &words!["week", "last"]) || ordinal_at(cx, i).is_some() {
                keep_longer(&mut best, week(cx, i));
                keep_longer(&mut best, month_week(cx, i));
                keep_longer(&mut best, ordinal_part(cx, i));
            }
            if cx.is_any(i, &words!["FY", "fiscal", "year", "calendar", "cy"]) {
                keep_longer(&mut best, named_year(cx, i));
            }
        }
        _ => {}
    }
    if matches!(cx.shape(i), Some(Shape::Ordinal(_))) {
        keep_longer(&mut best, week(cx, i));
        keep_longer(&mut best, month_week(cx, i));
        keep_longer(&mut best, ordinal_part(cx, i));
        keep_longer(&mut best, the_nth(cx, i));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::absolute;
    use crate::dates::testing::check;

    #[test]
    fn calendar_dates() {
        check(absolute, &[
            ("Aug. 1 was hot", Some(("Aug. 1", "XXXX-08-01"))),
            ("August 1, 2017 in Ankara", Some(("August 1, 2017", "2017-08-01"))),
            ("July 4th of 1995", Some(("July 4th of 1995", "1995-07-04"))),
            ("1 August 2017", Some(("1 August 2017", "2017-08-01"))),
            ("the 1st of August", Some(("the 1st of August", "XXXX-08-01"))),
            ("second of Aug", Some(("second of Aug", "XXXX-08-02"))),
            ("twenty five January nineteen eighty six", Some(("twenty five January nineteen eighty six", "1986-01-25"))),
            ("2017-08-01 report", Some(("2017-08-01", "2017-08-01"))),
            ("08/01/2017", Some(("08/01/2017", "2017-08-01"))),
            ("22/Jan/2019", Some(("22/Jan/2019", "2019-01-22"))),
            ("Dec31 , 1994", Some(("Dec31 , 1994", "1994-12-31"))),
            ("Sep-23-2020", Some(("Sep-23-2020", "2020-09-23"))),
            ("Aug 2017", Some(("Aug 2017", "2017-08"))),
            ("April of 87", Some(("April of 87", "1987-04"))),
            ("FY2018", Some(("FY2018", "FY2018"))),
            ("fiscal year 2018", Some(("fiscal year 2018", "FY2018"))),
            ("Q3 2017", Some(("Q3 2017", "2017-Q3"))),
            ("2019-H2", Some(("2019-H2", "2019-H2"))),
            ("the third quarter of 2016", Some(("the third quarter of 2016", "2016-Q3"))),
            ("the 1990s", Some(("the 1990s", "199"))),
            ("'90s music", Some(("'90s", "199"))),
            ("1990s-era", Some(("1990s", "199"))),
            ("mid-2018", Some(("mid-2018", "2018"))),
            ("mid-November", Some(("mid-November", "XXXX-11"))),
            ("the 15th century", Some(("the 15th century", "14"))),
            ("the summer of 2016", Some(("the summer of 2016", "2016-SU"))),
            ("week 3 of 2027", Some(("week 3 of 2027", "2027-W03"))),
            ("the last week of July 2016", Some(("the last week of July 2016", "2016-07-W05"))),
            ("Christmas Eve", Some(("Christmas Eve", "XXXX-12-24"))),
            ("Easter 2018", Some(("Easter 2018", "2018-04-01"))),
            ("Labor Day weekend 2021", Some(("Labor Day weekend 2021", "2021-W35-WE"))),
            ("Tuesday March 7", Some(("Tuesday March 7", "2017-03-07"))),
            ("Friday", Some(("Friday", "XXXX-WXX-5"))),
            ("575 B.C.", Some(("575 B.C.", "BC0575"))),
            ("2016 10 16", Some(("2016 10 16", "2016-10-16"))),
        ]);
    }

    #[test]
    fn not_calendar_dates() {
        check(absolute, &[
            ("May I ask", None),
            ("March on Washington", None),
            ("April Ryan", None),
            ("Sun reported", None),
            ("Sat down", None),
            ("2000 pieces", None),
            ("1,990 people", None),
            ("3-1 win", None),
            ("2.0.1 release", None),
            ("1/2 cup", None),
            ("555-1212", None),
            ("123-12-1234", None),
            ("the second time", None),
            ("Feb 30", Some(("Feb 30", "XXXX-02-30"))),
        ]);
    }
}
