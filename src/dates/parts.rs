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
    let j = if cx.is(i, "the") { i + 1 } else { i };
    let Class::Unit { unit, plural: false } = cx.class(j) else { return None };
    let cal = relative::this_unit(cx, unit)?;
    Some(Found::new(j + 1, Expr::Date(Point::of(cal))))
}

/// A part of a period starting at `i`.
pub(crate) fn part(cx: &Ctx, i: usize) -> Option<Found> {
    // `the end of 2000`, `end of the year`, `the beginning of next month`
    let the = cx.is(i, "the");
    let j = if the { i + 1 } else { i };
    if cx.is_any(j, &["beginning", "start", "middle", "end"]) && cx.is(j + 1, "of") {
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
    if the && !cx.is_any(j, &["early", "late", "mid"]) {
        return None;
    }
    if !cx.is_any(j, &["early", "late", "mid"]) {
        return None;
    }
    let part = part_of_word(cx.text(j))?;
    // `early in the year`
    let at = if cx.is(j + 1, "in") { j + 2 } else { j + 1 };
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
