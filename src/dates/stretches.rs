//! A length of time laid from a start: `3 days starting from next Monday`, `2 weeks
//! starting May 20th`, `3 days, from today` (dates), `2 hours from 2pm`, `10 am for 3
//! hours 30 minutes`, `Feb 14 from 9:30am for 7 hours` (times).

use super::cx::{Ctx, Found};
use super::durations::plain;
use super::lexicon::Unit;
use super::spec::{Amount, Dur, Expr, Point, Tod};
use super::times::{clock, day_point, Clock};

/// The start word after a duration: `starting from`, `starting on`, `starting`,
/// `beginning`, `from` (a comma may come first). Returns the token after it.
fn start_word(cx: &Ctx, j: usize, allow_comma: bool) -> Option<usize> {
    let j = if allow_comma && cx.punct(j, word!(",")) { j + 1 } else { j };
    if cx.is_any(j, &words!["starting", "beginning"]) {
        return Some(if cx.is_any(j + 1, &words!["from", "on"]) { j + 2 } else { j + 1 });
    }
    cx.is(j, word!("from")).then_some(j + 1)
}

/// A whole number of minutes in a duration of hours and minutes (`2.5 hours` = 150).
fn minutes(dur: &Dur) -> Option<u32> {
    let mut total = 0u32;
    for &(unit, amount) in dur.parts() {
        let Amount::N(n) = amount else { return None };
        let per = match unit {
            Unit::Hour => 60.0,
            Unit::Minute => 1.0,
            _ => return None,
        };
        total += (n.to_f64() * per).round() as u32;
    }
    (total > 0 && total < 24 * 60).then_some(total)
}

/// `clock` plus `mins` minutes, as a time of day.
fn plus(c: Clock, mins: u32) -> Tod {
    let start = c.hour as u32 * 60 + c.minute.unwrap_or(0) as u32;
    let end = (start + mins) % (24 * 60);
    Tod::Clock { hour: (end / 60) as u8, minute: Some((end % 60) as u8) }
}

/// A clock read in a stretch: bare hours are taken as written (`from 9`).
fn clock_at(cx: &Ctx, j: usize) -> Option<Clock> {
    clock(cx, j)
}

/// `2 hours from 2pm`, `3 days starting from next Monday`.
fn duration_first(cx: &Ctx, i: usize) -> Option<Found> {
    let (dur, k) = plain(cx, i)?;
    let j = start_word(cx, k, true)?;
    if let Some(mins) = minutes(&dur) {
        let c = clock_at(cx, j)?;
        return Some(Found::new(c.end, Expr::TimeRange { day: None, from: c.tod(), to: plus(c, mins) }));
    }
    let [(unit, Amount::N(n))] = dur.parts() else { return None };
    if unit.is_clock() || n.to_i64().is_none() {
        return None;
    }
    let d = day_point(cx, j)?;
    let Expr::Date(p) = d.expr else { return None };
    Some(Found::new(d.end, Expr::Stretch(p, dur)))
}

/// `10 am for 3 hours 30 minutes`, `Feb 14 from 9:30am for 7 hours`.
fn clock_first(cx: &Ctx, i: usize) -> Option<Found> {
    let (day, j): (Option<Point>, usize) = match day_point(cx, i) {
        Some(d) => {
            let Expr::Date(p) = d.expr else { return None };
            if !cx.is_any(d.end, &words!["from", "at"]) {
                return None;
            }
            (Some(p), d.end + 1)
        }
        // `from 10 am for 3 hours`: without `from`, `at 2pm for 1 hr` is two expressions.
        None if i > 0 && cx.is(i - 1, word!("from")) => (None, i),
        None => return None,
    };
    let c = clock_at(cx, j)?;
    if !(c.strong || day.is_some()) || !cx.is(c.end, word!("for")) {
        return None;
    }
    let (dur, end) = plain(cx, c.end + 1)?;
    let mins = minutes(&dur)?;
    Some(Found::new(end, Expr::TimeRange { day, from: c.tod(), to: plus(c, mins) }))
}

/// The longest stretch starting at `i`.
pub(crate) fn stretch(cx: &Ctx, i: usize) -> Option<Found> {
    super::cx::longer(duration_first(cx, i), clock_first(cx, i))
}

#[cfg(test)]
mod tests {
    use super::stretch;
    use crate::dates::testing::check;

    #[test]
    fn stretches() {
        check(stretch, &[
            ("3 days starting from next Monday", Some(("3 days starting from next Monday", "(2017-08-07,2017-08-10,P3D)"))),
            ("2 weeks starting May 20th", Some(("2 weeks starting May 20th", "(XXXX-05-20,XXXX-XX-XX,P2W)"))),
            ("2 hours from 2pm", Some(("2 hours from 2pm", "(T14,T16:00,PT2H)"))),
            ("2 hours from now", None),
            ("two weeks", None),
            ("10 am for 3 hours", None), // needs `from` before it
        ]);
    }
}
