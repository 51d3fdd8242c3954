//! Open-ended dates, kept in one span with the words that open them: `no later than
//! January 1, 2010`, `later than 2018`, `as early as next week`, `2012 or later`,
//! `1/1/2016 and later`. The value is the date that bounds them.

use super::cx::{longer, Ctx, Found};
use super::spec::Expr;

/// `no later than X`, `not later than X`, `later than X`, `earlier than X`: the point after
/// them, with the span starting at `i`.
pub(crate) fn prefixed(cx: &Ctx, i: usize) -> Option<Found> {
    // `as early as next week`, `as late as 7:00 am`
    if cx.is(i, word!("as")) && cx.is_any(i + 1, &words!["early", "late", "soon"]) && cx.is(i + 2, word!("as")) {
        let inner = longer(super::point(cx, i + 3), super::times::time(cx, i + 3))?;
        return matches!(inner.expr, Expr::Date(_) | Expr::Time { .. }).then_some(inner);
    }
    let j = if cx.is_any(i, &words!["no", "not"]) { i + 1 } else { i };
    if !cx.is_any(j, &words!["later", "earlier", "sooner"]) || !cx.is(j + 1, word!("than")) {
        return None;
    }
    if let Some((y, end)) = super::absolute::year_number(cx, j + 2) {
        return Some(Found::new(end, Expr::Date(super::spec::Point::of(super::spec::Cal::Year(y)))));
    }
    let inner = super::point(cx, j + 2)?;
    matches!(inner.expr, Expr::Date(_)).then_some(inner)
}

/// `or later`, `and later`, `or earlier` after a date ending before `end`: the new end.
pub(crate) fn suffix_end(cx: &Ctx, end: usize) -> Option<usize> {
    (cx.is_any(end, &words!["or", "and"]) && cx.is_any(end + 1, &words!["later", "earlier"]) && !cx.is(end + 2, word!("than"))).then_some(end + 2)
}

#[cfg(test)]
mod tests {
    use super::prefixed;
    use crate::dates::testing::check;

    #[test]
    fn open_ends() {
        check(prefixed, &[
            ("no later than January 1, 2010", Some(("no later than January 1, 2010", "2010-01-01"))),
            ("later than 2018", Some(("later than 2018", "2018"))),
            ("as late as 7:00 am", Some(("as late as 7:00 am", "T07:00"))),
            ("later than expected", None),
            ("no later", None),
        ]);
    }
}
