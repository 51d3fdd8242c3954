//! Placing what the text leaves open (`Aug. 1`: which year? `Friday`: which week?) using
//! the reference date and the tense, and writing the final label and value.
//!
//! The TIMEX3 value says what the text says: a year or week the text does not give stays
//! `X` (`Aug. 1` → `XXXX-08-01`, `Friday` → `XXXX-WXX-5`), while expressions counted from
//! the reference date are resolved (`yesterday` → `2017-07-31`, `last week` → `2017-W30`).
//! `start`/`end` give the calendar days after placing, so the timeline can order them.
//!
//! An open date has three candidates around the reference date (the previous, the same
//! and the next year, month or week). In past-tense reporting the latest candidate that
//! starts on or before the reference date wins; in the future tense the first that ends
//! on or after it; with no tense cue, the one holding the reference date, else the nearest.
//! So `on Friday` in "talks were held on Friday" is the most recent Friday on or before
//! the article's date, and in "talks will be held on Friday" the next one (the reference
//! day itself when it is a Friday).

use super::relative::period_of;
use super::spec::{self, bounds, narrow, Cal, Expr, Point, SetBase};
use super::tense::Tense;
use crate::analysis::Temporal;
use crate::calendar::Date;
use crate::label::Label;
use super::lexicon::Unit;

/// True when `cal` needs the reference date and the tense to be placed.
pub(crate) fn is_open(cal: Cal) -> bool {
    matches!(
        cal,
        Cal::Day { year: None, .. }
            | Cal::Weekday(_)
            | Cal::Month { year: None, .. }
            | Cal::Quarter { year: None, .. }
            | Cal::Half { year: None, .. }
            | Cal::Season { year: None, .. }
            | Cal::Holiday { year: None, .. }
            | Cal::MonthWeek { year: None, .. }
            | Cal::NearWeekend
    )
}

/// True when finishing `expr` needs the tense of its sentence.
pub(crate) fn needs_tense(expr: &Expr) -> bool {
    let open = |p: &Option<Point>| p.is_some_and(|p| is_open(p.cal));
    match expr {
        Expr::Date(p) => is_open(p.cal),
        Expr::Time { day, .. } | Expr::TimeRange { day, .. } => open(day),
        Expr::TimeSpan { from_day, to_day, .. } => open(from_day) || open(to_day),
        Expr::DateRange(a, b) => is_open(a.cal) || is_open(b.cal),
        _ => false,
    }
}

fn with_year(cal: Cal, y: i32) -> Cal {
    match cal {
        Cal::Day { year: None, month: Some(m), day } => Cal::Day { year: Some(y), month: Some(m), day },
        Cal::Month { year: None, month } => Cal::Month { year: Some(y), month },
        Cal::Quarter { year: None, q } => Cal::Quarter { year: Some(y), q },
        Cal::Half { year: None, h } => Cal::Half { year: Some(y), h },
        Cal::Season { year: None, season } => Cal::Season { year: Some(y), season },
        Cal::Holiday { year: None, rule } => Cal::Holiday { year: Some(y), rule },
        Cal::MonthWeek { year: None, month, week } => Cal::MonthWeek { year: Some(y), month, week },
        other => other,
    }
}

fn year_of(cal: Cal) -> Option<i32> {
    match cal {
        Cal::Day { year, .. }
        | Cal::Month { year, .. }
        | Cal::Quarter { year, .. }
        | Cal::Half { year, .. }
        | Cal::Season { year, .. }
        | Cal::Holiday { year, .. }
        | Cal::MonthWeek { year, .. } => year,
        Cal::Year(y) => Some(y),
        _ => bounds(cal).map(|(a, _)| a.year()),
    }
}

/// The candidates for an open period around `r`.
fn candidates(cal: Cal, r: Date) -> [Option<Cal>; 3] {
    let years = |cal: Cal| [-1, 0, 1].map(|k| Some(with_year(cal, r.year() + k)));
    match cal {
        Cal::Day { year: None, month: None, day } => [-1, 0, 1].map(|k| {
            let first = Date::new(r.year(), r.month(), 1)?.add_months(k)?;
            Some(Cal::Day { year: Some(first.year()), month: Some(first.month()), day })
        }),
        Cal::Weekday(w) => [-1i64, 0, 1].map(|k| {
            let monday = r.add_days(-(r.weekday().index() as i64))?;
            let d = monday.add_days(k * 7 + w.index() as i64)?;
            period_of(d, Unit::Day)
        }),
        Cal::NearWeekend => [-1i64, 0, 1].map(|k| period_of(r.add_days(k * 7)?, Unit::Weekend)),
        other if is_open(other) => years(other),
        _ => [Some(cal), None, None],
    }
}

/// Places an open period by the rule in the module documentation; periods that cannot be
/// placed (`Feb 30`) stay as they are.
pub(crate) fn place(cal: Cal, r: Date, tense: Tense) -> Cal {
    if !is_open(cal) {
        return cal;
    }
    let cands: Vec<(Cal, Date, Date)> = candidates(cal, r).into_iter().flatten().filter_map(|c| bounds(c).map(|(a, b)| (c, a, b))).collect();
    let pick = match tense {
        Tense::Past => cands.iter().filter(|c| c.1 <= r).max_by_key(|c| c.1),
        Tense::Future => cands.iter().filter(|c| c.2 >= r).min_by_key(|c| c.1),
        Tense::Unknown => cands.iter().find(|c| c.1 <= r && r <= c.2).or_else(|| {
            cands.iter().min_by_key(|c| {
                let dist = if c.2 < r { r.to_days() - c.2.to_days() } else { c.1.to_days() - r.to_days() };
                (dist, c.1)
            })
        }),
    };
    pick.map_or(cal, |c| c.0)
}

/// The day a one-day expression falls on (`Tuesday`, `tomorrow`, `May 13 1999`), for
/// counting from it.
pub(crate) fn day_of(cal: Cal, r: Option<Date>, tense: Tense) -> Option<Date> {
    let cal = match r {
        Some(r) => place(cal, r, tense),
        None => cal,
    };
    match bounds(cal)? {
        (a, b) if a == b => Some(a),
        _ => None,
    }
}

/// A year written on one end of a range applies to the other (`March 3-5, 2021`, `Jan-Feb
/// 2017`), keeping the end after the start.
fn share_years(a: Cal, b: Cal) -> (Cal, Cal) {
    let start = |c: Cal| bounds(c).map(|(s, _)| s);
    if is_open(a) && !is_open(b) {
        if let Some(y) = year_of(b) {
            let a1 = with_year(a, y);
            return (if start(a1) > start(b) { with_year(a, y - 1) } else { a1 }, b);
        }
    }
    if is_open(b) && !is_open(a) {
        if let Some(y) = year_of(a) {
            let b1 = with_year(b, y);
            return (a, if start(b1) < start(a) { with_year(b, y + 1) } else { b1 });
        }
    }
    (a, b)
}

/// Places both ends of a range: the start by the tense, the end after the start.
fn place_range(a: Cal, b: Cal, r: Option<Date>, tense: Tense) -> (Cal, Cal) {
    let start = |c: Cal| bounds(c).map(|(s, _)| s);
    let (a, b) = share_years(a, b);
    let Some(r) = r else { return (a, b) };
    let a = place(a, r, tense);
    if !is_open(b) {
        return (a, b);
    }
    if let (Cal::Weekday(w), Some(sa)) = (b, start(a)) {
        let ahead = (w.index() as i64 - sa.weekday().index() as i64).rem_euclid(7);
        return (a, sa.add_days(ahead).and_then(|d| period_of(d, Unit::Day)).unwrap_or(b));
    }
    match year_of(a) {
        Some(y) => {
            let b1 = with_year(b, y);
            (a, if start(b1) < start(a) { with_year(b, y + 1) } else { b1 })
        }
        None => (a, place(b, r, tense)),
    }
}

fn iso(d: Date) -> String {
    if !(0..=9999).contains(&d.year()) {
        return d.to_string();
    }
    // `YYYY-MM-DD`, as `Date`'s `Display` writes it.
    let mut s = String::with_capacity(10);
    spec::push_padded(&mut s, d.year() as u32, 4);
    s.push('-');
    spec::push_padded(&mut s, d.month().into(), 2);
    s.push('-');
    spec::push_padded(&mut s, d.day().into(), 2);
    s
}

/// The value of a point: the TIMEX3 value of what is written (`written`), the days of
/// where it was placed (`placed`).
fn point_value(written: Point, placed: Point) -> (String, Option<String>, Option<String>) {
    let mut timex = String::new();
    spec::cal_timex(written.cal, &mut timex);
    let p = placed;
    match bounds(p.cal) {
        Some((a, b)) => {
            let (a, b) = narrow(a, b, p.part);
            (timex, Some(iso(a)), Some(iso(b)))
        }
        None => (timex, None, None),
    }
}

fn day_prefix(day: Option<Point>) -> String {
    let mut s = String::new();
    if let Some(p) = day {
        spec::cal_timex(p.cal, &mut s);
    }
    s
}

/// Writes the label and value of a parsed expression, placing open dates with the
/// reference date `r` and the tense.
pub(crate) fn finish(expr: Expr, r: Option<Date>, tense: Tense) -> (Label, Temporal) {
    let placed = |p: Point| match r {
        Some(r) => Point { cal: place(p.cal, r, tense), part: p.part },
        None => p,
    };
    let value = |timex: String, start: Option<String>, end: Option<String>| Temporal { timex, start, end };
    match expr {
        Expr::Date(p) => {
            let (t, s, e) = point_value(p, placed(p));
            (Label::Date, value(t, s, e))
        }
        Expr::Time { day, tod } => {
            let mut t = day_prefix(day);
            spec::tod_timex(tod, &mut t);
            let day = day.map(placed);
            let (s, e) = day.and_then(|p| bounds(p.cal)).map_or((None, None), |(a, b)| (Some(iso(a)), Some(iso(b))));
            (Label::Time, value(t, s, e))
        }
        Expr::Duration(d) => (Label::Duration, value(d.timex(), None, None)),
        Expr::Set { base, tod } => {
            let mut t = String::new();
            match (base, tod) {
                (SetBase::Weekday(w), _) => {
                    spec::cal_timex(Cal::Weekday(w), &mut t);
                    if let Some(tod) = tod {
                        spec::tod_timex(tod, &mut t);
                    }
                }
                (SetBase::Every(_) | SetBase::Daily | SetBase::Fixed("P1D"), Some(tod)) => spec::tod_timex(tod, &mut t),
                (SetBase::Daily, None) => t.push_str("P1D"),
                (SetBase::Every(d), _) => t = d.timex(),
                (SetBase::Fixed(s), _) => t.push_str(s),
            }
            (Label::Set, value(t, None, None))
        }
        Expr::DateRange(a, b) => {
            let (wa, wb) = share_years(a.cal, b.cal);
            let (ca, cb) = place_range(a.cal, b.cal, r, tense);
            let ba = bounds(ca).map(|(x, y)| narrow(x, y, a.part));
            let bb = bounds(cb).map(|(x, y)| narrow(x, y, b.part));
            let mut t = String::from("(");
            spec::first_day_timex(wa, &mut t);
            t.push(',');
            spec::first_day_timex(wb, &mut t);
            t.push(',');
            let dur = spec::range_duration(ca, cb, bounds(ca).map(|x| x.0), bounds(cb).map(|x| x.0));
            t.push_str(dur.as_deref().unwrap_or("PXD"));
            t.push(')');
            (Label::Date, value(t, ba.map(|x| iso(x.0)), bb.map(|x| iso(x.1))))
        }
        Expr::TimeRange { day, from, to } => {
            let prefix = day_prefix(day);
            let day = day.map(placed);
            let mut t = String::from("(");
            t.push_str(&prefix);
            spec::tod_timex(from, &mut t);
            t.push(',');
            t.push_str(&prefix);
            spec::tod_timex(to, &mut t);
            t.push(',');
            t.push_str(spec::clock_duration(from, to).as_deref().unwrap_or("PTXH"));
            t.push(')');
            let (s, e) = day.and_then(|p| bounds(p.cal)).map_or((None, None), |(a, b)| (Some(iso(a)), Some(iso(b))));
            (Label::Time, value(t, s, e))
        }
        Expr::TimeSpan { from_day, from, to_day, to } => {
            let mut t = String::from("(");
            t.push_str(&day_prefix(from_day));
            spec::tod_timex(from, &mut t);
            t.push(',');
            t.push_str(&day_prefix(to_day));
            spec::tod_timex(to, &mut t);
            t.push(',');
            let (a, b) = (from_day.map(placed), to_day.map(placed));
            let day_of = |p: Option<Point>| p.and_then(|p| bounds(p.cal)).map(|(x, _)| x);
            let start_day = day_of(a).or(r);
            let end_day = day_of(b).or(start_day);
            let hours = match (start_day, end_day, from, to) {
                (Some(x), Some(y), spec::Tod::Clock { hour: h1, minute: m1 }, spec::Tod::Clock { hour: h2, minute: m2 }) => {
                    let mins = (y.to_days() - x.to_days()) * 1440 + (h2 as i64 * 60 + m2.unwrap_or(0) as i64) - (h1 as i64 * 60 + m1.unwrap_or(0) as i64);
                    (mins > 0).then(|| if mins % 60 == 0 { format!("PT{}H", mins / 60) } else { format!("PT{}H{}M", mins / 60, mins % 60) })
                }
                _ => None,
            };
            t.push_str(hours.as_deref().unwrap_or("PTXH"));
            t.push(')');
            (Label::Time, value(t, start_day.map(iso), end_day.map(iso)))
        }
        Expr::Present => (Label::Time, value("PRESENT_REF".into(), r.map(iso), r.map(iso))),
        Expr::PastRef => (Label::Date, value("PAST_REF".into(), None, None)),
        Expr::Span(dur, forward) => span_value(dur, forward, r),
        Expr::Stretch(p, dur) => stretch_value(p, placed(p), dur),
    }
}

/// `3 days starting from next Monday`: the days from the start, for the length.
fn stretch_value(written: Point, placed: Point, dur: spec::Dur) -> (Label, Temporal) {
    let mut t = String::from("(");
    spec::cal_timex(written.cal, &mut t);
    let first = bounds(placed.cal).map(|(a, _)| a);
    let after = first.and_then(|a| dur.parts().iter().try_fold(a, |d, &(unit, amount)| match amount {
        spec::Amount::N(n) => super::relative::shift(d, unit, n.to_i64()?),
        spec::Amount::X => None,
    }));
    t.push(',');
    match (after, is_open(written.cal)) {
        (Some(e), false) => t.push_str(&iso(e)),
        _ => t.push_str("XXXX-XX-XX"),
    }
    t.push(',');
    t.push_str(&dur.timex());
    t.push(')');
    let end = after.and_then(|e| e.add_days(-1));
    (Label::Date, Temporal { timex: t, start: first.map(iso), end: end.map(iso) })
}

/// `the past three months`, `the next two days`: the days counted from the reference date.
fn span_value(dur: spec::Dur, forward: bool, r: Option<Date>) -> (Label, Temporal) {
    let parts = dur.parts();
    let single = match parts {
        [(unit, spec::Amount::N(n))] if !unit.is_clock() => n.to_i64().map(|n| (*unit, n)),
        _ => None,
    };
    let clock = parts.iter().any(|(u, _)| u.is_clock());
    let vague = parts.iter().any(|(_, a)| *a == spec::Amount::X);
    let (Some(r), Some((unit, n))) = (r, single) else {
        let label = if clock { Label::Time } else { Label::Date };
        // `the coming days`: TIMEX3's future and past references
        let timex = match (vague, forward) {
            (true, true) => "FUTURE_REF".to_string(),
            (true, false) => "PAST_REF".to_string(),
            _ => dur.timex(),
        };
        return (label, Temporal { timex, start: None, end: None });
    };
    let shifted = |base: Date, k: i64| super::relative::shift(base, unit, k);
    let range = if forward {
        r.add_days(1).and_then(|s| Some((s, shifted(s, n)?)))
    } else {
        shifted(r, -n).map(|s| (s, r))
    };
    let value = match range {
        Some((s, e)) => {
            let last = if forward { e.add_days(-1).unwrap_or(e) } else { e };
            Temporal { timex: format!("({s},{e},{})", dur.timex()), start: Some(iso(s)), end: Some(iso(last)) }
        }
        None => Temporal { timex: dur.timex(), start: None, end: None },
    };
    (Label::Date, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Weekday;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn tx(cal: Cal) -> String {
        let mut s = String::new();
        spec::cal_timex(cal, &mut s);
        s
    }

    #[test]
    fn placing_by_tense() {
        // 2016-11-07 is a Monday.
        let r = d("2016-11-07");
        let fri = Cal::Weekday(Weekday::Fri);
        let mon = Cal::Weekday(Weekday::Mon);
        let cases: &[(Cal, Tense, &str)] = &[
            (fri, Tense::Past, "2016-11-04"),
            (fri, Tense::Future, "2016-11-11"),
            (fri, Tense::Unknown, "2016-11-04"),
            (mon, Tense::Past, "2016-11-07"),
            (mon, Tense::Future, "2016-11-07"),
            (Cal::Month { year: None, month: 12 }, Tense::Past, "2015-12"),
            (Cal::Month { year: None, month: 12 }, Tense::Future, "2016-12"),
            (Cal::Month { year: None, month: 12 }, Tense::Unknown, "2016-12"),
            (Cal::Month { year: None, month: 11 }, Tense::Past, "2016-11"),
            (Cal::Day { year: None, month: Some(8), day: 1 }, Tense::Unknown, "2016-08-01"),
            (Cal::Day { year: None, month: Some(8), day: 1 }, Tense::Future, "2017-08-01"),
            (Cal::Day { year: None, month: Some(2), day: 30 }, Tense::Unknown, "XXXX-02-30"),
            (Cal::Day { year: None, month: None, day: 18 }, Tense::Future, "2016-11-18"),
            (Cal::Holiday { year: None, rule: "12-25" }, Tense::Past, "2015-12-25"),
            (Cal::Year(2017), Tense::Past, "2017"),
        ];
        for (cal, tense, want) in cases {
            assert_eq!(tx(place(*cal, r, *tense)), *want, "{cal:?} {tense:?}");
        }
    }

    #[test]
    fn values() {
        let r = Some(d("2018-09-07"));
        let month = |m| Point::of(Cal::Month { year: None, month: m });
        let (label, v) = finish(Expr::DateRange(month(11), month(3)), r, Tense::Unknown);
        assert_eq!(label, Label::Date);
        assert_eq!(v.timex, "(XXXX-11-01,XXXX-03-01,P4M)");
        assert_eq!((v.start.as_deref(), v.end.as_deref()), (Some("2018-11-01"), Some("2019-03-31")));
        let (_, v) = finish(Expr::DateRange(month(9), month(11)), None, Tense::Unknown);
        assert_eq!(v.timex, "(XXXX-09-01,XXXX-11-01,P2M)");
        let (_, v) = finish(Expr::DateRange(Point::of(Cal::Year(2007)), Point::of(Cal::Year(2009))), None, Tense::Unknown);
        assert_eq!((v.timex.as_str(), v.end.as_deref()), ("(2007-01-01,2009-01-01,P2Y)", Some("2009-12-31")));
        let span = spec::Dur::one(Unit::Month, spec::Amount::N(spec::Milli::from_int(3)));
        let (_, v) = finish(Expr::Span(span, false), Some(d("2016-11-07")), Tense::Unknown);
        assert_eq!(v.timex, "(2016-08-07,2016-11-07,P3M)");
        let (label, v) = finish(Expr::Time { day: Some(Point::of(Cal::Weekday(crate::calendar::Weekday::Fri))), tod: spec::Tod::Clock { hour: 15, minute: Some(30) } }, None, Tense::Unknown);
        assert_eq!((label, v.timex.as_str()), (Label::Time, "XXXX-WXX-5T15:30"));
    }
}
