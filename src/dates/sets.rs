//! Recurring times (TIMEX3 `SET`): `every year`, `weekly`, `each Monday`, `every other
//! day`, `twice a week`, `Fridays`, `Friday mornings`, `every evening at 7:13 p.m.`, `3pm
//! each day`.

use super::cx::{keep_longer, Ctx, Found};
use super::durations::count;
use super::lexicon::{Class, Unit};
use super::spec::{Amount, Dur, Expr, Milli, SetBase, Tod};
use super::times::clock;

fn every(base: SetBase, tod: Option<Tod>, end: usize) -> Found {
    Found::new(end, Expr::Set { base, tod })
}

/// ` at 4pm` after a recurring day: the clock and the token after it.
fn at_clock(cx: &Ctx, j: usize, pod: Option<super::lexicon::Pod>) -> Option<(Tod, usize)> {
    let k = if cx.is(j, word!("at")) { j + 1 } else { j };
    let c = clock(cx, k)?;
    if !(c.strong || k > j) {
        return None;
    }
    let c = match pod {
        Some(p) => c.in_part(p),
        None => c,
    };
    Some((c.tod(), c.end))
}

/// `every`/`each` + a unit, a weekday, a part of the day: `every year`, `every two weeks`,
/// `every other day`, `each Monday at 4pm`, `every evening at 7:13 p.m.`, `every weekend`.
fn every_led(cx: &Ctx, i: usize) -> Option<Found> {
    if cx.class(i) != Class::Every {
        return None;
    }
    let mut j = i + 1;
    let mut amount = Amount::N(Milli::from_int(1));
    if cx.is_any(j, &words!["other", "second"]) {
        amount = Amount::N(Milli::from_int(2));
        j += 1;
    } else if let Some((a, k)) = count(cx, j).filter(|_| !cx.is_any(j, &words!["a", "an", "some", "many"])) {
        amount = a;
        j = k;
    }
    match cx.class(j) {
        Class::Unit { unit, .. } => {
            if unit == Unit::Night {
                let tail = at_clock(cx, j + 1, Some(super::lexicon::Pod::Night));
                return Some(match tail {
                    Some((tod, end)) => every(SetBase::Daily, Some(tod), end),
                    None => every(SetBase::Daily, Some(Tod::Part(super::lexicon::Pod::Night)), j + 1),
                });
            }
            let base = SetBase::Every(Dur::one(unit, amount));
            match at_clock(cx, j + 1, None) {
                Some((tod, end)) if unit == Unit::Day => Some(every(base, Some(tod), end)),
                _ => Some(every(base, None, j + 1)),
            }
        }
        Class::Weekday { day, .. } => {
            let (pod, k) = match cx.class(j + 1) {
                Class::Pod { pod, .. } => (Some(pod), j + 2),
                _ => (None, j + 1),
            };
            let tail = at_clock(cx, k, pod);
            let tod = tail.map(|t| t.0).or(pod.map(Tod::Part));
            Some(every(SetBase::Weekday(day), tod, tail.map_or(k, |t| t.1)))
        }
        Class::Pod { pod, .. } => {
            let tail = at_clock(cx, j + 1, Some(pod));
            Some(match tail {
                Some((tod, end)) => every(SetBase::Daily, Some(tod), end),
                None => every(SetBase::Daily, Some(Tod::Part(pod)), j + 1),
            })
        }
        _ => None,
    }
}

/// `daily`, `weekly`, `annually`, `everyday` (not the adjective in `everyday life`).
fn adverb(cx: &Ctx, i: usize) -> Option<Found> {
    let Class::SetAdverb(k) = cx.class(i) else { return None };
    let timex = super::lexicon::tables().sets.get(k as usize).copied()?;
    if cx.is(i, word!("everyday")) && cx.lower_word(i + 1) {
        return None;
    }
    // `the daily said`, `Zycie Warszawy daily`, `the news weekly Der Spiegel`: a newspaper.
    let name_around = (cx.cap(i + 1) && cx.kind(i + 1) == Some(crate::tokens::Kind::Word) && !cx.has(i + 1, crate::tokens::flag::SENT_START))
        || (i > 0 && cx.cap(i - 1) && !cx.has(i - 1, crate::tokens::flag::SENT_START) && cx.kind(i - 1) == Some(crate::tokens::Kind::Word));
    let reports = cx.is_any(i + 1, &words!["said", "says", "reported", "reports", "wrote", "quoted", "newspaper"]);
    if name_around || reports {
        return None;
    }
    Some(every(SetBase::Fixed(timex), None, i + 1))
}

/// `once a week`, `twice a year`, `three times a day`, `once every two weeks`.
fn times_per(cx: &Ctx, i: usize) -> Option<Found> {
    let j = if cx.is_any(i, &words!["once", "twice", "thrice"]) {
        i + 1
    } else if cx.is(i + 1, word!("times")) {
        count(cx, i)?;
        i + 2
    } else if cx.is_any(i + 1, &words!["a", "per"]) && !cx.is_any(i, &words!["a", "an"]) && count(cx, i).is_some_and(|(_, k)| k == i + 1) {
        // `one a day`, `5 a week`; not after a currency sign (`$5 a month` is a price)
        if i > 0 && (cx.kind(i - 1) == Some(crate::tokens::Kind::Symbol) || cx.punct(i - 1, word!("$"))) {
            return None;
        }
        i + 1
    } else {
        return None;
    };
    if cx.is_any(j, &words!["a", "an", "per", "each"]) {
        let Class::Unit { unit, plural: false } = cx.class(j + 1) else { return None };
        return Some(every(SetBase::Every(Dur::one(unit, Amount::N(Milli::from_int(1)))), None, j + 2));
    }
    if cx.class(j) == Class::Every {
        let inner = every_led(cx, j)?;
        return Some(Found::new(inner.end, inner.expr));
    }
    None
}

/// `Fridays`, `on Mondays`, `Friday mornings`, `Thursdays at 17.30`, `weekends`.
fn plural_day(cx: &Ctx, i: usize) -> Option<Found> {
    match cx.class(i) {
        Class::Weekday { day, plural: true, .. } => {
            if !cx.cap(i) {
                return None;
            }
            let tail = at_clock(cx, i + 1, None).filter(|_| cx.is(i + 1, word!("at")));
            Some(every(SetBase::Weekday(day), tail.map(|t| t.0), tail.map_or(i + 1, |t| t.1)))
        }
        Class::Weekday { day, plural: false, abbr: false } => {
            // `Friday mornings`
            let Class::Pod { pod, plural: true } = cx.class(i + 1) else { return None };
            Some(every(SetBase::Weekday(day), Some(Tod::Part(pod)), i + 2))
        }
        Class::Unit { unit: Unit::Weekend, plural: true } if i > 0 && cx.is_any(i - 1, &words!["on", "at"]) => {
            Some(every(SetBase::Every(Dur::one(Unit::Weekend, Amount::N(Milli::from_int(1)))), None, i + 1))
        }
        _ => None,
    }
}

/// A clock and a recurrence: `3pm each day`, `6am everyday`, `7 every morning`.
fn clock_every(cx: &Ctx, i: usize) -> Option<Found> {
    let c = clock(cx, i)?;
    if !c.strong {
        return None;
    }
    let j = c.end;
    if cx.is(j, word!("everyday")) || cx.is(j, word!("daily")) {
        return Some(every(SetBase::Daily, Some(c.tod()), j + 1));
    }
    if cx.class(j) == Class::Every && cx.is(j + 1, word!("day")) {
        return Some(every(SetBase::Daily, Some(c.tod()), j + 2));
    }
    None
}

/// The longest recurring expression starting at `i`.
pub(crate) fn set(cx: &Ctx, i: usize) -> Option<Found> {
    let mut best = None;
    keep_longer(&mut best, every_led(cx, i));
    keep_longer(&mut best, adverb(cx, i));
    keep_longer(&mut best, times_per(cx, i));
    keep_longer(&mut best, plural_day(cx, i));
    keep_longer(&mut best, clock_every(cx, i));
    best
}

#[cfg(test)]
mod tests {
    use super::set;
    use crate::dates::testing::check;

    #[test]
    fn sets() {
        check(set, &[
            ("every year", Some(("every year", "P1Y"))),
            ("every two weeks", Some(("every two weeks", "P2W"))),
            ("every other day", Some(("every other day", "P2D"))),
            ("each Monday at 4pm", Some(("each Monday at 4pm", "XXXX-WXX-1T16"))),
            ("every evening at 7:13 p.m.", Some(("every evening at 7:13 p.m.", "T19:13"))),
            ("every night", Some(("every night", "TNI"))),
            ("weekly", Some(("weekly", "P1W"))),
            ("quarterly results", Some(("quarterly", "P3M"))),
            ("twice a year", Some(("twice a year", "P1Y"))),
            ("one a day", Some(("one a day", "P1D"))),
            ("Fridays", Some(("Fridays", "XXXX-WXX-5"))),
            ("Friday mornings", Some(("Friday mornings", "XXXX-WXX-5TMO"))),
            ("3pm each day", Some(("3pm each day", "T15"))),
        ]);
    }

    #[test]
    fn not_sets() {
        check(set, &[
            ("each of them", None),
            ("every one of them", None),
            ("everyday life", None),
            ("daily Sueddeutsche Zeitung", None),
            ("weekly said", None),
            ("a day", None),
        ]);
    }
}
