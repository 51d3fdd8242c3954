//! Parts of a period: `early January`, `mid-2018`, `late last year`, `the end of 2000`,
//! `the beginning of March`, `the middle of September`, `end of month`.

use super::cx::{Ctx, Found};
use super::lexicon::{Class, Part};
use super::spec::{Cal, Expr, Gran, Point};
use super::{absolute, relative};

/// The part named by a modifier word: `early`/`beginning`/`start` → start, `mid`/`middle`
/// → middle, `late`/`end` → end.
pub(crate) fn part_of_word(word: &str) -> Option<Part> {
    match super::lexicon::classify_word(word) {
        Class::Mod(p) => Some(p),
        _ => None,
    }
}

/// A period a part can apply to, at `i`: a calendar date or a relative one.
fn period(cx: &Ctx, i: usize) -> Option<Found> {
    let found = super::cx::longer(absolute::absolute(cx, i), relative::relative(cx, i))?;
    match found.expr {
        Expr::Date(Point { part: None, cal }) if !matches!(cal, Cal::Day { .. }) => Some(found),
        _ => None,
    }
}

/// `the year`, `the month`, `month` after `end of`: the current one.
fn current(cx: &Ctx, i: usize) -> Option<Found> {
    let j = if cx.is(i, word!("the")) { i + 1 } else { i };
    let Class::Unit { unit, plural: false } = cx.class(j) else { return None };
    let cal = relative::this_unit(cx, unit)?;
    Some(Found::new(j + 1, Expr::Date(Point::of(cal))))
}

/// `the first ten days of last year`, `the last 3 weeks of this year`, `the 9th month of
/// next year`: a stretch or a numbered period inside a period.
fn sub_period(cx: &Ctx, i: usize) -> Option<Found> {
    let j = if cx.is(i, word!("the")) { i + 1 } else { i };
    // `the 9th month of next year`
    if let (Some(n), true, true) = (absolute::ordinal_at(cx, j), cx.is(j + 1, word!("month")), cx.is(j + 2, word!("of"))) {
        let inner = period(cx, j + 3)?;
        let Expr::Date(Point { cal: Cal::Year(y), .. }) = inner.expr else { return None };
        let month = u8::try_from(n).ok().filter(|m| (1..=12).contains(m))?;
        return Some(Found::new(inner.end, Expr::Date(Point::of(Cal::Month { year: Some(y), month }))));
    }
    let first = cx.is(j, word!("first"));
    if !first && !cx.is(j, word!("last")) {
        return None;
    }
    let (amount, k) = super::durations::count(cx, j + 1)?;
    let super::spec::Amount::N(n) = amount else { return None };
    let n = n.to_i64().filter(|n| *n > 0)?;
    let Class::Unit { unit, plural: true } = cx.class(k) else { return None };
    if !cx.is(k + 1, word!("of")) || unit.is_clock() {
        return None;
    }
    let inner = super::cx::longer(period(cx, k + 2), current(cx, k + 2))?;
    let Expr::Date(p) = inner.expr else { return None };
    let (a, b) = super::spec::bounds(p.cal)?;
    let start = if first { a } else { relative::shift(b.add_days(1)?, unit, -n)? };
    let day = Cal::Day { year: Some(start.year()), month: Some(start.month()), day: start.day() };
    let dur = super::spec::Dur::one(unit, amount);
    Some(Found::new(inner.end, Expr::Stretch(Point::of(day), dur)))
}

/// A part of a period starting at `i`.
pub(crate) fn part(cx: &Ctx, i: usize) -> Option<Found> {
    if let Some(found) = sub_period(cx, i) {
        return Some(found);
    }
    // `the end of 2000`, `end of the year`, `the beginning of next month`
    let the = cx.is(i, word!("the"));
    let j = if the { i + 1 } else { i };
    if cx.is_any(j, &words!["beginning", "start", "middle", "end"]) && cx.is(j + 1, word!("of")) {
        if the && cx.kind(j + 2) == Some(crate::tokens::Kind::Number) {
            return None; // `the end of 2000` is read from `end`, as Recognizers-Text spans it
        }
        let part = part_of_word(cx.text(j))?;
        let inner = super::cx::longer(period(cx, j + 2), current(cx, j + 2))?;
        if let Expr::Date(p) = inner.expr {
            if matches!(p.cal, Cal::Unresolved(Gran::Day)) {
                return None;
            }
            return Some(Found::new(inner.end, Expr::Date(Point { cal: p.cal, part: Some(part) })));
        }
        return None;
    }
    // `early January`, `late last year`, `mid May`, `the early 1990s`
    if the && !cx.is_any(j, &words!["early", "late", "mid"]) {
        return None;
    }
    if !cx.is_any(j, &words!["early", "late", "mid"]) {
        return None;
    }
    let part = part_of_word(cx.text(j))?;
    // `early in the year`
    let at = if cx.is(j + 1, word!("in")) { j + 2 } else { j + 1 };
    let inner = if at == j + 2 { current(cx, at) } else { period(cx, at).or_else(|| month_after_mod(cx, at)) }?;
    let Expr::Date(p) = inner.expr else { return None };
    Some(Found::new(inner.end, Expr::Date(Point { cal: p.cal, part: Some(part) })))
}

/// A bare month after a modifier (`early January`, `mid May`): the modifier makes it a date.
fn month_after_mod(cx: &Ctx, i: usize) -> Option<Found> {
    absolute::month_at(cx, i)?;
    let found = absolute::month_led(cx, i, true)?;
    matches!(found.expr, Expr::Date(Point { cal: Cal::Month { .. }, .. })).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::part;
    use crate::dates::testing::check;

    /// The reference date is 2017-08-04.
    #[test]
    fn parts() {
        check(part, &[
            ("early January", Some(("early January", "XXXX-01"))),
            ("mid May", Some(("mid May", "XXXX-05"))),
            ("late last year", Some(("late last year", "2016"))),
            ("the end of the year", Some(("the end of the year", "2017"))),
            ("end of month", Some(("end of month", "2017-08"))),
            ("the beginning of next month", Some(("the beginning of next month", "2017-09"))),
            ("the early 1990s", Some(("the early 1990s", "199"))),
            ("the first ten days of last year", Some(("the first ten days of last year", "(2016-01-01,2016-01-11,P10D)"))),
            ("the 9th month of next year", Some(("the 9th month of next year", "2018-09"))),
        ]);
    }

    #[test]
    fn not_parts() {
        check(part, &[
            ("the end of the war", None),
            ("early morning", None),
            ("the end of 2000", None), // read from `end`, without the article
        ]);
        check(part, &[("late Friday", Some(("late Friday", "XXXX-WXX-5")))]);
    }
}
