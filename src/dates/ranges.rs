//! Ranges, one span with their connective: `from Sep to Nov`, `between 2007 and 2009`,
//! `March 3-5, 2021`, `2014-2018`, `Jan-Feb 2017`, `9 to 12 of June`, `5 to 6pm`, `3:00 to
//! 4:00 tomorrow`, `Tuesday from 2:00 to 2:30 pm`.

use super::absolute::{day_number, month_at, year_number};
use super::cx::{keep_longer, longer, Ctx, Found};
use super::lexicon::{Class, Pod};
use super::numtok::Shape;
use super::spec::{Cal, Expr, Point, Tod};
use super::times::{clock, day_point, Clock};
use crate::tokens::Kind;

/// The connective at `j` and the token after it; `and` only after `between`.
fn connective(cx: &Ctx, j: usize, between: bool) -> Option<usize> {
    if cx.is_any(j, &words!["to", "till", "til", "until", "through", "thru"]) || cx.dash(j) {
        return Some(j + 1);
    }
    (between && cx.is(j, word!("and"))).then_some(j + 1)
}

fn date_range(a: Point, b: Point, end: usize) -> Found {
    Found::new(end, Expr::DateRange(a, b))
}

fn year_cal(y: i32) -> Point {
    Point::of(Cal::Year(y))
}

/// Ranges written in one token: `2014-2018`, `1980-88`, `5/1-5/7`, `10/1/2018-10/7/2018`.
fn one_token(cx: &Ctx, j: usize) -> Option<Found> {
    match cx.shape(j)? {
        Shape::Pair(a, 4, b, bd, '-' | '~') if (1000..=2999).contains(&a) => {
            let b = match bd {
                4 => b,
                2 => {
                    let y = a / 100 * 100 + b;
                    if y <= a {
                        y + 100
                    } else {
                        y
                    }
                }
                _ => return None,
            };
            if b <= a || (bd == 2 && b - a > 10) || b - a > 100 || !(1000..=2999).contains(&b) {
                return None;
            }
            Some(date_range(year_cal(a as i32), year_cal(b as i32), j + 1))
        }
        Shape::PairRange((m1, d1), (m2, d2)) => {
            let day = |m: u32, d: u32, y: Option<i32>| Point::of(Cal::Day { year: y, month: Some(m as u8), day: d as u8 });
            if !(1..=12).contains(&m1) || !(1..=12).contains(&m2) || !(1..=31).contains(&d1) || !(1..=31).contains(&d2) {
                return None;
            }
            let (year, end) = trailing_year(cx, j + 1);
            Some(date_range(day(m1, d1, year), day(m2, d2, year), end))
        }
        Shape::TripleRange((m1, d1, y1), (m2, d2, y2)) => {
            let ok = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
            if !ok(m1, d1) || !ok(m2, d2) {
                return None;
            }
            let y1 = if y1 == 0 { y2 } else { y1 };
            let day = |m: u32, d: u32, y: u32| Point::of(Cal::Day { year: Some(y as i32), month: Some(m as u8), day: d as u8 });
            Some(date_range(day(m1, d1, y1), day(m2, d2, y2), j + 1))
        }
        _ => None,
    }
}

/// Two months in one token: `Jan-Feb 2017`, `Nov-Feb 5th, 2017` is not read.
fn month_pair_word(cx: &Ctx, j: usize) -> Option<Found> {
    // Two words joined by a dash: the runs `Alpha - Alpha` of `numtok::word_shape`.
    if cx.kind(j) != Some(Kind::Word) || !cx.dashed(j) {
        return None;
    }
    let Some(super::numtok::WordShape::WordPair(a, b)) = super::numtok::word_shape(cx.text(j)) else { return None };
    let (Class::Month { month: m1, .. }, Class::Month { month: m2, .. }) = (super::lexicon::classify_word(a), super::lexicon::classify_word(b)) else {
        return None;
    };
    if !cx.cap(j) {
        return None;
    }
    // `Nov-Feb 5th, 2017`: the second end is a day.
    if let Some((d, k)) = day_number(cx, j + 1, false) {
        let (year, end) = trailing_year(cx, k);
        let y1 = year.map(|y| if m1 > m2 { y - 1 } else { y });
        return Some(date_range(Point::of(Cal::Month { year: y1, month: m1 }), Point::of(Cal::Day { year, month: Some(m2), day: d }), end));
    }
    let (year, end) = trailing_year(cx, j + 1);
    let y1 = year.map(|y| if m1 > m2 { y - 1 } else { y });
    Some(date_range(Point::of(Cal::Month { year: y1, month: m1 }), Point::of(Cal::Month { year, month: m2 }), end))
}

/// `, 2020` or ` 2017` after a range: the year and the token after it.
fn trailing_year(cx: &Ctx, j: usize) -> (Option<i32>, usize) {
    let k = if cx.punct(j, word!(",")) { j + 1 } else { j };
    match year_number(cx, k) {
        Some((y, end)) => (Some(y), end),
        None => (None, j),
    }
}

/// Days of one month: `March 3-5, 2021`, `November 19-20`, `april ninth through
/// seventeenth`, `9 to 12 of June`, `3-5 March`, `ninth and seventeenth of april`.
fn day_span(cx: &Ctx, j: usize, between: bool) -> Option<Found> {
    let day = |m: u8, d: u8, y: Option<i32>| Point::of(Cal::Day { year: y, month: Some(m), day: d });
    if let Some((month, _)) = month_at(cx, j) {
        // `March 3-5`
        let k = if cx.is(j + 1, word!("the")) { j + 2 } else { j + 1 };
        let (d1, d2, end) = match cx.shape(k) {
            Some(Shape::Pair(a, ad, b, bd, '-')) if ad <= 2 && bd <= 2 => (a, b, k + 1),
            _ => {
                let (d1, c) = day_number(cx, k, false)?;
                let after = connective(cx, c, between)?;
                let after = if cx.is(after, word!("the")) { after + 1 } else { after };
                let (d2, end) = day_number(cx, after, false)?;
                (d1 as u32, d2 as u32, end)
            }
        };
        if !(1..=31).contains(&d1) || !(1..=31).contains(&d2) || d2 <= d1 {
            return None;
        }
        let (year, end) = trailing_year(cx, end);
        return Some(date_range(day(month, d1 as u8, year), day(month, d2 as u8, year), end));
    }
    // `9 to 12 of June`, `3-5 March 2021`, `ninth and seventeenth of april`
    let start = if cx.is(j, word!("the")) { j + 1 } else { j };
    let (d1, d2, k) = match cx.shape(start) {
        Some(Shape::Pair(a, ad, b, bd, '-')) if ad <= 2 && bd <= 2 => (a, b, start + 1),
        _ => {
            let (d1, c) = day_number(cx, start, false)?;
            let after = connective(cx, c, between)?;
            let after = if cx.is(after, word!("the")) { after + 1 } else { after };
            let (d2, k) = day_number(cx, after, false)?;
            (d1 as u32, d2 as u32, k)
        }
    };
    let m_at = if cx.is(k, word!("of")) { k + 1 } else { k };
    let (month, _) = month_at(cx, m_at)?;
    if !(1..=31).contains(&d1) || !(1..=31).contains(&d2) || d2 <= d1 {
        return None;
    }
    if cx.is_any(m_at, &words!["may", "march"]) && !cx.cap(m_at) {
        return None;
    }
    let (year, end) = trailing_year(cx, m_at + 1);
    Some(date_range(day(month, d1 as u8, year), day(month, d2 as u8, year), end))
}

/// Two clocks joined by a connective, or one token holding both: `5 to 6pm`, `3:00 to
/// 4:00`, `10am-12pm`, `1-3 pm`, `9.30-4.30pm`. With `lead` (`from`, `between`), bare
/// numbers are accepted when a part of the day or a day follows.
fn clock_pair(cx: &Ctx, j: usize, between: bool) -> Option<(Clock, Clock, usize)> {
    if let Some(shape) = cx.shape(j) {
        match shape {
            Shape::ClockRange(a, b) => {
                let mk = |c: super::numtok::ClockTok| Clock { hour: c.hour, minute: c.minute, half_known: false, strong: true, end: j + 1 };
                let (mut ca, mut cb) = (mk(a), mk(b));
                if let Some(pm) = a.pm {
                    ca.hour = half(a.hour, pm);
                    ca.half_known = true;
                }
                let mut end = j + 1;
                let b_pm = b.pm.or_else(|| match cx.class(j + 1) {
                    Class::Ampm(pm) => {
                        end = j + 2;
                        Some(pm)
                    }
                    _ => None,
                });
                if let Some(pm) = b_pm {
                    cb.hour = half(b.hour, pm);
                    cb.half_known = true;
                }
                return Some((ca, cb, end));
            }
            Shape::Pair(a, ad, b, bd, '-') if ad <= 2 && bd <= 2 && (1..=12).contains(&a) && (1..=12).contains(&b) => {
                // `1-3 pm`
                if let Class::Ampm(pm) = cx.class(j + 1) {
                    let ca = Clock { hour: a as u8, minute: None, half_known: false, strong: false, end: j + 1 };
                    let cb = Clock { hour: half(b as u8, pm), minute: None, half_known: true, strong: true, end: j + 2 };
                    return Some((ca, cb, j + 2));
                }
                return None;
            }
            _ => {}
        }
    }
    let mut a = clock(cx, j)?;
    let mut a_end = a.end;
    // `from 3 in the morning until 5pm`
    if let Some((pod, e)) = pod_after(cx, a.end) {
        a = a.in_part(pod);
        a_end = e;
    }
    let c = connective(cx, a_end, between)?;
    let b = clock(cx, c)?;
    Some((a, b, b.end))
}

/// `6-8` after a day (`next Monday 6-8`): two bare hours.
fn bare_hours(cx: &Ctx, j: usize) -> Option<(Clock, Clock, usize)> {
    let Some(Shape::Pair(a, ad, b, bd, '-')) = cx.shape(j) else { return None };
    if ad > 2 || bd > 2 || !(1..=12).contains(&a) || !(1..=12).contains(&b) || cx.lower_word(j + 1) {
        return None;
    }
    let mk = |h: u32| Clock { hour: h as u8, minute: None, half_known: false, strong: false, end: j + 1 };
    Some((mk(a), mk(b), j + 1))
}

fn half(hour: u8, pm: bool) -> u8 {
    match (hour, pm) {
        (12, false) => 0,
        (h, true) if h < 12 => h + 12,
        (h, _) => h,
    }
}

/// Gives the first clock the half of the day of the second when it has none (`5 to 6pm`
/// is 17:00-18:00, `11 to 1pm` is 11:00-13:00).
fn share_half(mut a: Clock, b: Clock) -> Clock {
    if !a.half_known && b.half_known && a.hour < 12 {
        let pm = a.hour + 12;
        let b_minutes = b.hour as u32 * 60 + b.minute.unwrap_or(0) as u32;
        if (pm as u32) * 60 + a.minute.unwrap_or(0) as u32 <= b_minutes && b.hour >= 12 {
            a.hour = pm;
        }
        a.half_known = true;
    }
    a
}

fn pod_after(cx: &Ctx, j: usize) -> Option<(Pod, usize)> {
    if cx.is(j, word!("in")) && cx.is(j + 1, word!("the")) {
        if let Class::Pod { pod, plural: false } = cx.class(j + 2) {
            return Some((pod, j + 3));
        }
    }
    None
}

/// A time range starting at `j` (after any `from`/`between`), with the day and part of the
/// day that may follow it.
fn time_range(cx: &Ctx, j: usize, lead: bool, between: bool, day: Option<Point>) -> Option<Found> {
    let (a, b, mut end) = clock_pair(cx, j, between).or_else(|| day.and_then(|_| bare_hours(cx, j)))?;
    let (mut a, mut b) = (a, b);
    let mut context = day.is_some();
    if let Some((pod, e)) = pod_after(cx, end) {
        a = a.in_part(pod);
        b = b.in_part(pod);
        end = e;
        context = true;
    }
    let mut day = day;
    if day.is_none() {
        let k = if cx.is(end, word!("on")) { end + 1 } else { end };
        if let Some(d) = day_point(cx, k) {
            if let Expr::Date(p) = d.expr {
                day = Some(p);
                end = d.end;
                context = true;
                // `from 8am-3 yesterday afternoon`
                if let Class::Pod { pod, plural: false } = cx.class(end) {
                    a = if a.half_known { a } else { a.in_part(pod) };
                    b = if b.half_known { b } else { b.in_part(pod) };
                    end += 1;
                }
            }
        }
    }
    let worded = |c: &Clock| c.minute.is_some() && cx.kind(j) == Some(Kind::Word);
    let strong = a.strong || b.strong || a.half_known || b.half_known || (lead && worded(&a) && worded(&b));
    if !(strong || (lead && context) || (day.is_some() && context)) {
        return None;
    }
    let a = share_half(a, b);
    // `8am-3`: the second hour follows the first.
    if a.half_known && !b.half_known && b.hour < 12 && (b.hour as u32 * 60 + b.minute.unwrap_or(0) as u32) < (a.hour as u32 * 60 + a.minute.unwrap_or(0) as u32) {
        b.hour += 12;
    }
    Some(Found::new(end, Expr::TimeRange { day, from: a.tod(), to: b.tod() }))
}

/// `Tuesday from 2:00 to 2:30 pm`, `this evening from 7 to 7:30`, `next Monday 1-3 pm`,
/// `December 12th at 4 - 6:30 pm`.
fn day_then_times(cx: &Ctx, i: usize) -> Option<Found> {
    let (day, pod, mut j) = match day_point(cx, i) {
        Some(d) => {
            let Expr::Date(p) = d.expr else { return None };
            match cx.class(d.end) {
                Class::Pod { pod, plural: false } => (p, Some(pod), d.end + 1),
                _ => (p, None, d.end),
            }
        }
        None => {
            let t = super::times::time(cx, i)?;
            let Expr::Time { day: Some(p), tod: Tod::Part(pod) } = t.expr else { return None };
            (p, Some(pod), t.end)
        }
    };
    let between = cx.is(j, word!("between"));
    let lead = between || cx.is_any(j, &words!["from", "at"]);
    if lead || cx.punct(j, word!(",")) {
        j += 1;
    }
    let found = time_range(cx, j, lead, between, Some(day))?;
    let Expr::TimeRange { day, from, to } = found.expr else { return None };
    let (from, to) = match (pod, from, to) {
        (Some(p), Tod::Clock { hour: h1, minute: m1 }, Tod::Clock { hour: h2, minute: m2 }) => {
            let adj = |h: u8, m: Option<u8>| Clock { hour: h, minute: m, half_known: h >= 12, strong: true, end: 0 }.in_part(p).tod();
            (adj(h1, m1), adj(h2, m2))
        }
        _ => (from, to),
    };
    Some(Found::new(found.end, Expr::TimeRange { day, from, to }))
}

/// The longest range starting at `i`.
pub(crate) fn range(cx: &Ctx, i: usize) -> Option<Found> {
    let between = cx.is(i, word!("between"));
    let lead = between || cx.is(i, word!("from"));
    let j = if lead { i + 1 } else { i };
    if j >= cx.len() {
        return None;
    }
    let mut best = None;
    if !lead {
        keep_longer(&mut best, day_then_times(cx, i));
    }
    keep_longer(&mut best, one_token(cx, j));
    keep_longer(&mut best, month_pair_word(cx, j));
    keep_longer(&mut best, day_span(cx, j, between));
    keep_longer(&mut best, time_range(cx, j, lead, between, None));
    if lead {
        keep_longer(&mut best, timed_pair(cx, j, between));
    }
    // Two dates: `from Sep to Nov`, `between 2007 and 2009`, `2014 to 2018`,
    // `Jan-Feb 2017`, `Monday to Friday`, `between now and May 21`.
    let month_pair = month_at(cx, j).is_some() && connective(cx, j + 1, between).is_some_and(|c| month_at(cx, c).is_some() && cx.cap(j));
    let first = if cx.is(j, word!("now")) && lead {
        let cal = cx.reference.map_or(Cal::Unresolved(super::spec::Gran::Day), |r| Cal::Day { year: Some(r.year()), month: Some(r.month()), day: r.day() });
        Some(Found::new(j + 1, Expr::Date(Point::of(cal))))
    } else if month_pair {
        super::absolute::month_led(cx, j, true)
    } else {
        point_or_the(cx, j)
    };
    if let Some(a) = first {
        if let (Expr::Date(pa), Some(c)) = (a.expr, connective(cx, a.end, between)) {
            let now = if lead && cx.is_any(c, &words!["now", "today"]) {
                let cal = cx.reference.map_or(Cal::Unresolved(super::spec::Gran::Day), |r| Cal::Day { year: Some(r.year()), month: Some(r.month()), day: r.day() });
                Some(Found::new(c + 1, Expr::Date(Point::of(cal))))
            } else {
                None
            };
            let second = if now.is_some() {
                now
            } else if month_at(cx, c).is_some() {
                longer(super::absolute::month_led(cx, c, true), super::point(cx, c))
            } else {
                point_or_the(cx, c)
            };
            if let Some(b) = second {
                if let Expr::Date(pb) = b.expr {
                    if pair_ok(cx, j, pa, pb, lead) {
                        let mut end = b.end;
                        let (mut pa, mut pb) = (pa, pb);
                        // `Jan-Feb 2017`
                        if let (Cal::Month { year: None, month: m1 }, Cal::Month { year: None, month: m2 }) = (pa.cal, pb.cal) {
                            if let (Some(y), e) = trailing_year(cx, end) {
                                pa.cal = Cal::Month { year: Some(if m1 > m2 { y - 1 } else { y }), month: m1 };
                                pb.cal = Cal::Month { year: Some(y), month: m2 };
                                end = e;
                            }
                        }
                        keep_longer(&mut best, Some(date_range(pa, pb, end)));
                    }
                }
            }
        }
    }
    let best = best.filter(|f| matches!(f.expr, Expr::DateRange(..) | Expr::TimeRange { .. } | Expr::TimeSpan { .. }) && cx.kind(j) != Some(Kind::Punct))?;
    // The leading word belongs to the range only when the range needs it (`between 2007
    // and 2009`, `from Sep to Nov`); `between 1977-1979` is the range `1977-1979`.
    if lead && !has_word_connective(cx, j, best.end, between) {
        return None;
    }
    Some(best)
}

/// True when a connective word (`and` after `between`; `to`, `until`, ... after `from`)
/// joins the range at tokens `j..end`.
fn has_word_connective(cx: &Ctx, j: usize, end: usize, between: bool) -> bool {
    (j..end).any(|k| if between { cx.is(k, word!("and")) } else { cx.is_any(k, &words!["to", "till", "til", "until", "through", "thru"]) })
}

/// A time, with or without its day, as an end of a range: `2pm`, `tomorrow 4:30pm`,
/// `2:00 tomorrow`.
fn timed_end(cx: &Ctx, j: usize) -> Option<(Option<Point>, Tod, usize)> {
    let t = super::times::time(cx, j);
    if let Some(Found { expr: Expr::Time { day, tod: tod @ Tod::Clock { .. } }, end, .. }) = t {
        return Some((day, tod, end));
    }
    let c = clock(cx, j)?;
    (c.strong || c.minute.is_some()).then(|| (None, c.tod(), c.end))
}

/// `from 2pm till tomorrow 4:30pm`, `between 2:00 tomorrow and 4:00`: times where one end
/// names a day.
fn timed_pair(cx: &Ctx, j: usize, between: bool) -> Option<Found> {
    let (da, a, e1) = timed_end(cx, j)?;
    let c = connective(cx, e1, between)?;
    let (db, b, end) = timed_end(cx, c)?;
    match (da, db) {
        (None, None) => None,
        (Some(d), None) => Some(Found::new(end, Expr::TimeRange { day: Some(d), from: a, to: b })),
        (from_day, to_day) => Some(Found::new(end, Expr::TimeSpan { from_day, from: a, to_day, to: b })),
    }
}

/// A point at `j`, where inside a range a leading `the` belongs to the span (`2007 to the
/// end of 2008`).
fn point_or_the(cx: &Ctx, j: usize) -> Option<Found> {
    let direct = super::point(cx, j);
    if cx.is(j, word!("the")) {
        return longer(direct, super::point(cx, j + 1));
    }
    direct
}

/// True when two dates make a range: like with like (a year and a year, a month and a
/// month or a day, two days, two weekdays); without `from`/`between`, not two bare
/// numbers read as years far apart in meaning (`3 to 5`).
fn pair_ok(cx: &Ctx, j: usize, a: Point, b: Point, lead: bool) -> bool {
    use Cal::*;
    let kind = |c: Cal| match c {
        Day { .. } | Weekday(_) | Holiday { .. } => 0,
        Month { .. } => 1,
        Year(_) | Fiscal(_) => 2,
        Quarter { .. } | Half { .. } => 3,
        Decade(_) | Century(_) => 4,
        Season { .. } => 5,
        Week { .. } | Weekend { .. } => 6,
        _ => 7,
    };
    let (ka, kb) = (kind(a.cal), kind(b.cal));
    if ka == 7 || kb == 7 {
        return false;
    }
    let compatible = ka == kb || (ka <= 2 && kb <= 2) || (ka == 3 && kb == 2);
    if !compatible {
        return false;
    }
    if !lead {
        // `Monday to Friday`, `2014 to 2018`, `August to October`: the first end must
        // look like a date by itself.
        if matches!(a.cal, Month { year: None, .. }) && !cx.cap(j) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::range;
    use crate::dates::testing::check;

    #[test]
    fn ranges() {
        check(range, &[
            ("from Sep to Nov", Some(("from Sep to Nov", "(XXXX-09-01,XXXX-11-01,P2M)"))),
            ("between 2007 and 2009", Some(("between 2007 and 2009", "(2007-01-01,2009-01-01,P2Y)"))),
            ("March 3-5, 2021", Some(("March 3-5, 2021", "(2021-03-03,2021-03-05,P2D)"))),
            ("9 to 12 of June", Some(("9 to 12 of June", "(XXXX-06-09,XXXX-06-12,P3D)"))),
            ("Jan-Feb 2017", Some(("Jan-Feb 2017", "(2017-01-01,2017-02-01,P1M)"))),
            ("2014-2018", Some(("2014-2018", "(2014-01-01,2018-01-01,P4Y)"))),
            ("1980-88", Some(("1980-88", "(1980-01-01,1988-01-01,P8Y)"))),
            ("5/1-5/7, 2020", Some(("5/1-5/7, 2020", "(2020-05-01,2020-05-07,P6D)"))),
            ("from Dec. 24 through Jan. 2", Some(("from Dec. 24 through Jan. 2", "(XXXX-12-24,XXXX-01-02,P9D)"))),
            ("5 to 6pm", Some(("5 to 6pm", "(T17,T18,PT1H)"))),
            ("10am-12pm", Some(("10am-12pm", "(T10,T12,PT2H)"))),
            ("between 5 and 6 in the afternoon", Some(("between 5 and 6 in the afternoon", "(T17,T18,PT1H)"))),
            ("3:00 to 4:00 tomorrow", Some(("3:00 to 4:00 tomorrow", "(2017-08-05T03:00,2017-08-05T04:00,PT1H)"))),
            ("Tuesday from 2:00 to 2:30 pm", Some(("Tuesday from 2:00 to 2:30 pm", "(XXXX-WXX-2T14:00,XXXX-WXX-2T14:30,PT30M)"))),
            ("from 2pm till tomorrow 4:30pm", Some(("from 2pm till tomorrow 4:30pm", "(T14,2017-08-05T16:30,PT26H30M)"))),
            ("2007 to the end of 2008", Some(("2007 to the end of 2008", "(2007-01-01,2008-01-01,P1Y)"))),
        ]);
    }

    #[test]
    fn not_ranges() {
        check(range, &[
            ("from 2014", None),
            ("between 1977-1979", None), // the range is `1977-1979`
            ("3-1 win", None),
            ("from 3 to 5 people", None),
            ("between 10 and 20 percent", None),
            ("2015-32", None),
            ("138-2010-2015", None),
        ]);
    }
}
