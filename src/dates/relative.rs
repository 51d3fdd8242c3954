//! Dates relative to the reference date: `today`, `yesterday`, `last week`, `next month`,
//! `this year`, `last Friday`, `two years ago`, `three weeks from now`, `earlier this
//! month`, `the day before`, `the past three months`, `recent days`.
//!
//! Weekdays after `last`/`next`/`this` are placed by week, as in most English usage and in
//! Recognizers-Text: `next Friday` is the Friday of next week, `last Friday` the Friday of
//! last week, `this Friday` the Friday of this week; `this past Friday` and `this coming
//! Friday` are the nearest one before and after the reference date.

use super::absolute;
use super::cx::{keep_longer, longer, Ctx, Found};
use super::durations::count;
use super::lexicon::{Class, Unit};
use super::spec::{Amount, Cal, Dur, Expr, Gran, Point};
use crate::calendar::{Date, Weekday};

/// The period of `unit` that holds `d` (`Week` → its ISO week).
pub(crate) fn period_of(d: Date, unit: Unit) -> Option<Cal> {
    Some(match unit {
        Unit::Day | Unit::Night => Cal::Day { year: Some(d.year()), month: Some(d.month()), day: d.day() },
        Unit::Week | Unit::Fortnight => {
            let (year, week) = d.iso_week();
            Cal::Week { year, week }
        }
        Unit::Weekend => {
            let (year, week) = d.iso_week();
            Cal::Weekend { year, week }
        }
        Unit::Month => Cal::Month { year: Some(d.year()), month: d.month() },
        Unit::Quarter => Cal::Quarter { year: Some(d.year()), q: (d.month() - 1) / 3 + 1 },
        Unit::Year => Cal::Year(d.year()),
        Unit::Decade => Cal::Decade(d.year() / 10),
        Unit::Century => Cal::Century(d.year() / 100),
        Unit::Hour | Unit::Minute | Unit::Second => return None,
    })
}

fn gran(unit: Unit) -> Gran {
    match unit {
        Unit::Week | Unit::Fortnight => Gran::Week,
        Unit::Weekend => Gran::Weekend,
        Unit::Month => Gran::Month,
        Unit::Quarter => Gran::Quarter,
        Unit::Year => Gran::Year,
        Unit::Decade => Gran::Decade,
        Unit::Century => Gran::Century,
        _ => Gran::Day,
    }
}

/// `d` moved by `n` units (months clamp the day: Jan 31 + 1 month = Feb 28).
pub(crate) fn shift(d: Date, unit: Unit, n: i64) -> Option<Date> {
    match unit {
        Unit::Day | Unit::Night => d.add_days(n),
        Unit::Week | Unit::Weekend => d.add_days(n.checked_mul(7)?),
        Unit::Fortnight => d.add_days(n.checked_mul(14)?),
        Unit::Month => d.add_months(n),
        Unit::Quarter => d.add_months(n.checked_mul(3)?),
        Unit::Year => d.add_months(n.checked_mul(12)?),
        Unit::Decade => d.add_months(n.checked_mul(120)?),
        Unit::Century => d.add_months(n.checked_mul(1200)?),
        Unit::Hour | Unit::Minute | Unit::Second => None,
    }
}

/// The current period of `unit` (`this month`), or an unresolved one without a reference.
pub(crate) fn this_unit(cx: &Ctx, unit: Unit) -> Option<Cal> {
    match cx.reference {
        Some(r) => period_of(r, unit),
        None => (!unit.is_clock()).then_some(Cal::Unresolved(gran(unit))),
    }
}

fn day(d: Date) -> Cal {
    Cal::Day { year: Some(d.year()), month: Some(d.month()), day: d.day() }
}

fn date_at(cx: &Ctx, offset: i64) -> Cal {
    cx.reference.and_then(|r| r.add_days(offset)).map_or(Cal::Unresolved(Gran::Day), day)
}

/// The weekday `w` in the week of `d` moved by `weeks`.
fn weekday_in_week(d: Date, w: Weekday, weeks: i64) -> Option<Date> {
    let monday = d.monday()?;
    monday.add_days(weeks * 7 + w.index() as i64)
}

/// `today`, `yesterday`, `tomorrow`, `the day before yesterday`, `the day after tomorrow`.
fn day_word(cx: &Ctx, i: usize) -> Option<Found> {
    if let Class::DayRel(n) = cx.class(i) {
        return Some(Found::new(i + 1, Expr::Date(Point::of(date_at(cx, n as i64)))));
    }
    // `the day before yesterday`
    if cx.is(i, word!("the")) && cx.is(i + 1, word!("day")) && cx.is_any(i + 2, &words!["before", "after"]) {
        if let Class::DayRel(n) = cx.class(i + 3) {
            let delta = if cx.is(i + 2, word!("before")) { -1 } else { 1 };
            return Some(Found::new(i + 4, Expr::Date(Point::of(date_at(cx, n as i64 + delta)))));
        }
        // `the day before`, `the day after`: next to the reference date.
        let delta = if cx.is(i + 2, word!("before")) { -1 } else { 1 };
        if !cx.lower_word(i + 3) || cx.is_any(i + 3, &words!["and", "or", "when", "as", "at", "in", "on"]) {
            return Some(Found::new(i + 3, Expr::Date(Point::of(date_at(cx, delta)))));
        }
    }
    // `the following day`, `the next day`, `the previous day`, `the same day`
    if cx.is(i, word!("the")) && cx.is(i + 2, word!("day")) {
        let delta = if cx.is_any(i + 1, &words!["following", "next"]) {
            1
        } else if cx.is_any(i + 1, &words!["previous", "preceding"]) {
            -1
        } else {
            return None;
        };
        return Some(Found::new(i + 3, Expr::Date(Point::of(date_at(cx, delta)))));
    }
    None
}

/// True when `the` stays in the span before the direction word at `j`: `the past ...`, and
/// counts of hours or minutes (`the last 24 hours`).
fn keeps_article(cx: &Ctx, j: usize) -> bool {
    if cx.is(j, word!("past")) || matches!(cx.class(j + 1), Class::Unit { plural: true, .. } | Class::Unit { unit: Unit::Decade | Unit::Century, .. }) {
        return true; // `the past week`, `the coming days`, `the next decade`
    }
    let Some((amount, k)) = count(cx, j + 1) else { return false };
    amount == Amount::X || matches!(cx.class(k), Class::Unit { unit, plural: true } if unit.is_clock())
}

/// `last`/`next`/`this` + a unit, weekday, month, season or holiday; `this past Friday`;
/// `next week Wednesday`; `the past week`.
fn rel_led(cx: &Ctx, i: usize) -> Option<Found> {
    // `the next quarter` is read from `next`: like Recognizers-Text, the span leaves out
    // an article the phrase can do without (`next quarter`, `last 3 months`). `the past
    // three months` and `the last 24 hours` keep it, and so does `the next day` (see
    // `day_word`).
    if cx.is(i, word!("the")) && !keeps_article(cx, i + 1) {
        return None;
    }
    let the = cx.is(i, word!("the")) || i > 0 && cx.is(i - 1, word!("the"));
    let j = if cx.is(i, word!("the")) { i + 1 } else { i };
    let Class::Rel(mut dir) = cx.class(j) else { return None };
    if cx.is(j, word!("last")) && j > 0 && (cx.is_any(j - 1, &words!["to", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do", "'ll", "wo"]) || cx.lower_word(j - 1) && cx.text(j - 1).ends_with("n't")) {
        return None; // `the course will last three weekends`
    }
    let mut k = j + 1;
    if cx.is_any(k, &words!["calendar", "working"]) && cx.is(k + 1, word!("year")) || cx.is(k, word!("working")) && cx.is(k + 1, word!("week")) {
        k += 1; // `this calendar year`, `this working week`
    }
    // `this past Friday`, `this coming Friday`: the nearest one before / after.
    let mut nearest = false;
    if dir == 0 {
        if let Class::Rel(d2) = cx.class(k) {
            if d2 != 0 {
                dir = d2;
                nearest = true;
                k += 1;
            }
        }
    } else if cx.is(j, word!("coming")) || cx.is(j, word!("upcoming")) {
        nearest = true;
    }
    let r = cx.reference;
    // `next 5/12`: the written date
    if cx.kind(k) == Some(crate::tokens::Kind::Number) && !the {
        if let Some(f) = absolute::absolute(cx, k) {
            if let Expr::Date(Point { cal: Cal::Day { month: Some(_), .. }, .. }) = f.expr {
                return Some(f);
            }
        }
    }
    match cx.class(k) {
        Class::Unit { unit, plural: false } => {
            if the && cx.is(k + 1, word!("of")) {
                return None; // `the last week of July` is read elsewhere
            }
            if unit.is_clock() {
                return None;
            }
            // `next week Wednesday`, `this week on Monday`
            if unit == Unit::Week {
                let w = if cx.is(k + 1, word!("on")) { k + 2 } else { k + 1 };
                if let Class::Weekday { day: wd, plural: false, .. } = cx.class(w) {
                    let cal = r.and_then(|r| weekday_in_week(r, wd, dir as i64)).map_or(Cal::Weekday(wd), day);
                    return Some(Found::new(w + 1, Expr::Date(Point::of(cal))));
                }
            }
            // `the past decade`, `the past year`: the stretch up to the reference date,
            // not the previous calendar period (`last year`).
            if cx.is(j, word!("past")) && unit != Unit::Day {
                return Some(Found::new(k + 1, Expr::Span(Dur::one(unit, Amount::N(super::spec::Milli::from_int(1))), false)));
            }
            let cal = match r {
                Some(r) => {
                    let moved = shift(r, unit, dir as i64)?;
                    period_of(moved, unit)?
                }
                None => Cal::Unresolved(gran(unit)),
            };
            Some(Found::new(k + 1, Expr::Date(Point::of(cal))))
        }
        Class::Weekday { day: wd, plural: false, .. } => {
            // `this Friday 7.6`, `next friday 5/12`: the written date wins.
            if let Some((cal @ Cal::Day { month: Some(_), .. }, end)) = absolute::weekday_tail(cx, wd, k + 1) {
                return Some(Found::new(end, Expr::Date(Point::of(cal))));
            }
            let cal = match r {
                Some(r) => {
                    let d = if nearest {
                        let ahead = (wd.index() as i64 - r.weekday().index() as i64).rem_euclid(7);
                        if dir > 0 {
                            r.add_days(if ahead == 0 { 7 } else { ahead })?
                        } else {
                            let back = (7 - ahead) % 7;
                            r.add_days(-(if back == 0 { 7 } else { back }))?
                        }
                    } else {
                        weekday_in_week(r, wd, dir as i64)?
                    };
                    day(d)
                }
                None => Cal::Weekday(wd),
            };
            Some(Found::new(k + 1, Expr::Date(Point::of(cal))))
        }
        Class::Month { month, abbr } => {
            if abbr && !cx.cap(k) {
                return None;
            }
            if cx.is(k, word!("may")) && !cx.cap(k) {
                return None;
            }
            let year = r.map(|r| {
                let (y, m) = (r.year(), r.month());
                match dir {
                    -1 if month >= m => y - 1,
                    1 if month <= m => y + 1,
                    _ => y,
                }
            });
            Some(Found::new(k + 1, Expr::Date(Point::of(Cal::Month { year, month }))))
        }
        Class::Season(season) => {
            let year = match r {
                Some(r) => Some(season_year(r, season, dir)?),
                None => None,
            };
            Some(Found::new(k + 1, Expr::Date(Point::of(Cal::Season { year, season }))))
        }
        Class::Holiday => {
            let h = absolute::holiday(cx, k)?;
            let Expr::Date(Point { cal: Cal::Holiday { year: None, rule }, .. }) = h.expr else { return None };
            let cal = match r {
                Some(r) => {
                    let this = super::holidays::date(rule, r.year())?;
                    let y = match dir {
                        -1 if this >= r => r.year() - 1,
                        1 if this <= r => r.year() + 1,
                        _ => r.year(),
                    };
                    Cal::Holiday { year: Some(y), rule }
                }
                None => Cal::Holiday { year: None, rule },
            };
            Some(Found::new(h.end, Expr::Date(Point::of(cal))))
        }
        _ => {
            // `the past three months`, `the next few days`, `last 3 months`, `the coming
            // days`, `the next 4 business days`
            if dir == 0 {
                return None;
            }
            let (amount, at) = match count(cx, k) {
                Some(c) => c,
                None if cx.is(j, word!("coming")) => (Amount::X, k),
                None => return None,
            };
            if dir < 0 && !the {
                return None; // `last three weekends` without `the` is usually the verb
            }
            let at = if cx.is(at, word!("business")) { at + 1 } else { at };
            let Class::Unit { unit, plural } = cx.class(at) else { return None };
            if !plural && amount != Amount::N(super::spec::Milli::from_int(1)) {
                return None;
            }
            let dur = Dur::one(unit, amount);
            Some(Found::new(at + 1, Expr::Span(dur, dir > 0)))
        }
    }
}

/// The year of `last`/`this`/`next` `season` seen from `r`: `last summer` is the latest
/// summer that ended before `r`, `next summer` the first that starts after it, `this
/// summer` the one of `r`'s year (a winter belongs to the year it starts in).
fn season_year(r: Date, season: super::lexicon::Season, dir: i8) -> Option<i32> {
    let span = |y: i32| super::spec::bounds(Cal::Season { year: Some(y), season });
    let years = [r.year() - 2, r.year() - 1, r.year(), r.year() + 1];
    match dir {
        d if d < 0 => years.iter().rev().copied().find(|&y| span(y).is_some_and(|(_, e)| e < r)),
        d if d > 0 => years.iter().copied().find(|&y| span(y).is_some_and(|(s, _)| s > r)),
        _ => Some(if season == super::lexicon::Season::Winter && r.month() <= 2 { r.year() - 1 } else { r.year() }),
    }
}

/// `next week`, `of last week` after a weekday at `k`: that weekday in that week.
pub(crate) fn weekday_in_named_week(cx: &Ctx, wd: Weekday, k: usize) -> Option<(Cal, usize)> {
    let j = if cx.is(k, word!("of")) { k + 1 } else { k };
    let Class::Rel(dir) = cx.class(j) else { return None };
    if !cx.is(j + 1, word!("week")) {
        return None;
    }
    let cal = cx.reference.and_then(|r| weekday_in_week(r, wd, dir as i64)).map_or(Cal::Weekday(wd), day);
    Some((cal, j + 2))
}

/// `5 upcoming years`, `the 2 next days`, `10 previous weeks`: a count before the
/// direction word.
fn count_then_rel(cx: &Ctx, i: usize) -> Option<Found> {
    let j = i;
    let (amount, k) = count(cx, j)?;
    if !matches!(amount, Amount::N(_)) || cx.is_any(j, &words!["a", "an"]) {
        return None;
    }
    let Class::Rel(dir) = cx.class(k) else { return None };
    if dir == 0 || cx.is(k, word!("last")) && !(i > 0 && cx.is(i - 1, word!("the"))) {
        return None;
    }
    let Class::Unit { unit, plural: true } = cx.class(k + 1) else { return None };
    Some(Found::new(k + 2, Expr::Span(Dur::one(unit, amount), dir > 0)))
}

/// `Tuesday of last week`, `Wednesday next week`.
fn weekday_of_week(cx: &Ctx, i: usize) -> Option<Found> {
    let Class::Weekday { day: wd, plural: false, abbr: false } = cx.class(i) else { return None };
    let j = if cx.is(i + 1, word!("of")) { i + 2 } else { i + 1 };
    let Class::Rel(dir) = cx.class(j) else { return None };
    if !cx.is(j + 1, word!("week")) {
        return None;
    }
    let cal = cx.reference.and_then(|r| weekday_in_week(r, wd, dir as i64)).map_or(Cal::Weekday(wd), day);
    Some(Found::new(j + 2, Expr::Date(Point::of(cal))))
}

/// A count of units with a direction word: `two years ago`, `3 weeks later`, `a fortnight
/// earlier`, `three days from now`, `2 weeks before Christmas`, `4 months from tomorrow`,
/// `more than 2 weeks before today`, `2 years 1 month 21 days later`. Counts of hours and
/// minutes give a time on the reference day, whose hour is not known.
fn counted(cx: &Ctx, i: usize) -> Option<Found> {
    let qualified = (cx.is_any(i, &words!["more", "less"]) && cx.is(i + 1, word!("than"))) || (cx.is(i, word!("at")) && cx.is(i + 1, word!("least")));
    let start = if qualified { i + 2 } else { i };
    let (dur, k) = super::durations::plain(cx, start)?;
    // A duration has at most four parts: kept on the stack.
    let mut slots = [(Unit::Day, 0i64); 4];
    let mut len = 0;
    for &(unit, amount) in dur.parts() {
        let Amount::N(n) = amount else { return None };
        let part = match n.to_i64() {
            Some(n) => (unit, n),
            // `half an hour from now`: whole minutes
            None if unit == Unit::Hour => (Unit::Minute, (n.to_f64() * 60.0).round() as i64),
            None => return None,
        };
        if let Some(slot) = slots.get_mut(len) {
            *slot = part;
            len += 1;
        }
    }
    let parts = &slots[..len];
    let clock = parts.iter().any(|(u, _)| u.is_clock());
    let r = cx.reference;
    let apply = |base: Date, sign: i64| -> Option<Date> {
        parts.iter().try_fold(base, |d, &(unit, n)| if unit.is_clock() { Some(d) } else { shift(d, unit, sign * n) })
    };
    let point = |base: Option<Date>, sign: i64, end: usize| {
        let cal = base.and_then(|b| apply(b, sign)).map_or(Cal::Unresolved(Gran::Day), day);
        if clock {
            Found::new(end, Expr::Time { day: Some(Point::of(cal)), tod: super::spec::Tod::Unknown })
        } else {
            Found::new(end, Expr::Date(Point::of(cal)))
        }
    };
    if cx.is(k, word!("ago")) {
        return Some(point(r, -1, k + 1));
    }
    if cx.is_any(k, &words!["later", "hence"]) {
        return Some(point(r, 1, k + 1));
    }
    if cx.is(k, word!("earlier")) {
        return Some(point(r, -1, k + 1));
    }
    if cx.is(k, word!("from")) && cx.is(k + 1, word!("now")) {
        return Some(point(r, 1, k + 2));
    }
    if cx.is_any(k, &words!["from", "before", "after"]) && !clock {
        let sign = if cx.is(k, word!("before")) { -1 } else { 1 };
        // An anchor that is one day: `tomorrow`, `Tuesday`, `May 13 1999`, `Christmas`.
        let anchor = longer(absolute::absolute(cx, k + 1), relative(cx, k + 1))?;
        let Expr::Date(p) = anchor.expr else { return None };
        let base = super::anchor::day_of(p.cal, r, super::tense::Tense::Unknown)?;
        return Some(point(Some(base), sign, anchor.end));
    }
    None
}

/// `earlier this month`, `later this week`, `later in the year`, `earlier in the day`.
fn earlier_later(cx: &Ctx, i: usize) -> Option<Found> {
    if !cx.is_any(i, &words!["earlier", "later"]) {
        return None;
    }
    let (unit, end) = match cx.class(i + 1) {
        Class::Rel(0) => match cx.class(i + 2) {
            Class::Unit { unit, plural: false } => (unit, i + 3),
            _ => return None,
        },
        Class::DayRel(0) => (Unit::Day, i + 2),
        _ if cx.is(i + 1, word!("in")) && cx.is(i + 2, word!("the")) => match cx.class(i + 3) {
            Class::Unit { unit, plural: false } => (unit, i + 4),
            _ => return None,
        },
        _ => return None,
    };
    let cal = this_unit(cx, unit)?;
    Some(Found::new(end, Expr::Date(Point::of(cal))))
}

/// `recent days`, `the coming weeks`, `right now`, `at present`, `year to date`, `the
/// weekend`.
fn vague(cx: &Ctx, i: usize) -> Option<Found> {
    let j = if cx.is(i, word!("the")) { i + 1 } else { i };
    if cx.is_any(j, &words!["recent", "past"]) && j == i + usize::from(cx.is(i, word!("the"))) {
        if let Class::Unit { unit, plural: true } = cx.class(j + 1) {
            if !unit.is_clock() && (cx.is(j, word!("recent")) || j > i) {
                return Some(Found::new(j + 2, Expr::PastRef));
            }
        }
    }
    if cx.is(i, word!("right")) && cx.is(i + 1, word!("now")) {
        return Some(Found::new(i + 2, Expr::Present));
    }
    if cx.is(i, word!("at")) && cx.is(i + 1, word!("present")) && !cx.lower_word(i + 2) {
        return Some(Found::new(i + 2, Expr::Present));
    }
    if cx.is(i, word!("year")) && cx.is(i + 1, word!("to")) && cx.is(i + 2, word!("date")) {
        return Some(Found::new(i + 3, Expr::Date(Point::of(this_unit(cx, Unit::Year)?))));
    }
    if cx.is(i, word!("this")) && cx.is(i + 1, word!("time")) && matches!(cx.class(i + 2), Class::Rel(-1) | Class::Rel(1)) {
        let Class::Rel(dir) = cx.class(i + 2) else { return None };
        let Class::Unit { unit, plural: false } = cx.class(i + 3) else { return None };
        let cal = cx.reference.and_then(|r| shift(r, unit, dir as i64)).map_or(Cal::Unresolved(Gran::Day), day);
        return Some(Found::new(i + 4, Expr::Date(Point::of(cal))));
    }
    // `the week after next`, `the week before last`
    if cx.is(i, word!("the")) && cx.is_any(i + 2, &words!["after", "before"]) && cx.is_any(i + 3, &words!["next", "last"]) {
        if let Class::Unit { unit, plural: false } = cx.class(i + 1) {
            let dir: i64 = if cx.is(i + 2, word!("after")) { 2 } else { -2 };
            let cal = match cx.reference {
                Some(r) => period_of(shift(r, unit, dir)?, unit)?,
                None => Cal::Unresolved(gran(unit)),
            };
            return Some(Found::new(i + 4, Expr::Date(Point::of(cal))));
        }
    }
    // `that day`, `that weekend`, `the same week`: a period named earlier in the text,
    // which the reference date does not give.
    let k = if cx.is(i, word!("that")) || cx.is(i, word!("same")) && i > 0 && cx.is(i - 1, word!("the")) { i + 1 } else { 0 };
    if k > 0 {
        if let Class::Unit { unit, plural: false } = cx.class(k) {
            if !unit.is_clock() && unit != Unit::Night && !cx.is(k + 1, word!("of")) {
                return Some(Found::new(k + 1, Expr::Date(Point::of(Cal::Unresolved(gran(unit))))));
            }
        }
    }
    if cx.is(i, word!("the")) && cx.is(i + 1, word!("weekend")) {
        return Some(Found::new(i + 2, Expr::Date(Point::of(Cal::NearWeekend))));
    }
    None
}

/// The longest relative date starting at token `i` (remembered).
pub(crate) fn relative(cx: &Ctx, i: usize) -> Option<Found> {
    cx.relatives.get(i, || relative_at(cx, i))
}

fn relative_at(cx: &Ctx, i: usize) -> Option<Found> {
    let mut best = None;
    match cx.class(i) {
        Class::DayRel(_) => return day_word(cx, i),
        Class::Rel(_) => keep_longer(&mut best, rel_led(cx, i)),
        Class::Weekday { .. } => keep_longer(&mut best, weekday_of_week(cx, i)),
        _ => {}
    }
    if cx.is(i, word!("the")) {
        keep_longer(&mut best, day_word(cx, i));
        keep_longer(&mut best, rel_led(cx, i));
    }
    keep_longer(&mut best, counted(cx, i));
    keep_longer(&mut best, count_then_rel(cx, i));
    keep_longer(&mut best, earlier_later(cx, i));
    keep_longer(&mut best, vague(cx, i));
    best
}

#[cfg(test)]
mod tests {
    use super::relative;
    use crate::dates::testing::check;

    /// The reference date is Friday 2017-08-04.
    #[test]
    fn relative_dates() {
        check(relative, &[
            ("yesterday", Some(("yesterday", "2017-08-03"))),
            ("the day after tomorrow", Some(("the day after tomorrow", "2017-08-06"))),
            ("the day before", Some(("the day before", "2017-08-03"))),
            ("the next day", Some(("the next day", "2017-08-05"))),
            ("last week", Some(("last week", "2017-W30"))),
            ("this week", Some(("this week", "2017-W31"))),
            ("next month", Some(("next month", "2017-09"))),
            ("this calendar year", Some(("this calendar year", "2017"))),
            ("last quarter", Some(("last quarter", "2017-Q2"))),
            ("next decade", Some(("next decade", "202"))),
            ("the next decade", Some(("the next decade", "202"))),
            ("last Friday", Some(("last Friday", "2017-07-28"))),
            ("next Friday", Some(("next Friday", "2017-08-11"))),
            ("this past Wednesday", Some(("this past Wednesday", "2017-08-02"))),
            ("this coming Monday", Some(("this coming Monday", "2017-08-07"))),
            ("next week Wednesday", Some(("next week Wednesday", "2017-08-09"))),
            ("Tuesday of last week", Some(("Tuesday of last week", "2017-07-25"))),
            ("last December", Some(("last December", "2016-12"))),
            ("next March", Some(("next March", "2018-03"))),
            ("last summer", Some(("last summer", "2016-SU"))),
            ("last Christmas", Some(("last Christmas", "2016-12-25"))),
            ("two years ago", Some(("two years ago", "2015-08-04"))),
            ("3 weeks later", Some(("3 weeks later", "2017-08-25"))),
            ("four months from tomorrow", Some(("four months from tomorrow", "2017-12-05"))),
            ("2 weeks before Christmas", Some(("2 weeks before Christmas", "2017-12-11"))),
            ("earlier this month", Some(("earlier this month", "2017-08"))),
            ("later in the year", Some(("later in the year", "2017"))),
            ("the week after next", Some(("the week after next", "2017-W33"))),
            ("this time last year", Some(("this time last year", "2016-08-04"))),
            ("that weekend", Some(("that weekend", "XXXX-WXX-WE"))),
            ("recent years", Some(("recent years", "PAST_REF"))),
            ("right now", Some(("right now", "PRESENT_REF"))),
            ("year to date", Some(("year to date", "2017"))),
        ]);
    }

    #[test]
    fn not_relative_dates() {
        check(relative, &[
            ("the next quarter", None), // read from `next`, without the article
            ("last three weekends", None),
            ("now", None),
            ("this time, police", None),
            ("the last time", None),
            ("next to the", None),
        ]);
    }
}
