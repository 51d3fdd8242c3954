//! Times of day: `3 p.m.`, `15:30 GMT`, `noon`, `midnight`, `half past seven`, `seven
//! o'clock`, and times on a day: `Friday morning`, `tomorrow at 5pm`, `3pm today`, `last
//! night`, `tonight`, `8 in the morning`, `the morning of Aug. 1`.

use super::cx::{keep_longer, longer, Ctx, Found};
use super::lexicon::{Class, Pod};
use super::numtok::{self, Shape};
use super::spec::{Cal, Expr, Gran, Point, Tod};
use super::{absolute, relative};
use crate::calendar::Date;
use crate::numbers::parse_number_words;
use crate::tokens::Kind;

/// A clock time read from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    /// Hour, 0-23 once a.m./p.m. is applied; as written otherwise.
    pub hour: u8,
    /// Minutes, when written.
    pub minute: Option<u8>,
    /// True when a.m./p.m. was written.
    pub half_known: bool,
    /// True when the time stands alone as a time (`3pm`, `15:30`, `noon`, `seven
    /// o'clock`); false for a bare number (`at 5`) or a dotted one (`6.45`).
    pub strong: bool,
    /// Token after the clock (and its time zone).
    pub end: usize,
}

impl Clock {
    /// The time of day.
    pub fn tod(&self) -> Tod {
        Tod::Clock { hour: self.hour % 24, minute: self.minute }
    }

    /// The clock read in a part of the day (`8` in the evening is 20:00).
    pub fn in_part(mut self, pod: Pod) -> Clock {
        if !self.half_known {
            match pod {
                Pod::Afternoon | Pod::Evening if self.hour < 12 => self.hour += 12,
                Pod::Night if (5..12).contains(&self.hour) => self.hour += 12,
                Pod::Morning if self.hour == 12 => self.hour = 0,
                _ => {}
            }
            self.half_known = true;
        }
        self
    }
}

fn apply_half(hour: u8, pm: bool) -> u8 {
    match (hour, pm) {
        (12, false) => 0,
        (h, true) if h < 12 => h + 12,
        (h, _) => h,
    }
}

/// Skips a time zone after a clock (`GMT`, `(GMT)`, `EST`): the token after it.
fn zone_end(cx: &Ctx, j: usize) -> usize {
    if cx.class(j) == Class::Zone && cx.has(j, crate::tokens::flag::ALL_CAPS) {
        return j + 1;
    }
    if cx.punct(j, word!("(")) && cx.class(j + 1) == Class::Zone && cx.punct(j + 2, word!(")")) {
        return j + 3;
    }
    j
}

/// The value of a number word written as one piece of text (`five`, `thirty`, `forty-five`).
fn word_value(s: &str) -> Option<i64> {
    if super::lexicon::classify_word(s.split('-').next()?) != Class::NumberWord {
        return None;
    }
    let doc = crate::tokens::Doc::new(s);
    let m = parse_number_words(&doc, 0)?;
    (m.end == doc.tokens.len()).then(|| m.value.to_i64()).flatten()
}

/// An hour word `one`..`twelve`.
fn hour_word(cx: &Ctx, i: usize) -> Option<u8> {
    if cx.class(i) != Class::NumberWord {
        return None;
    }
    let m = cx.number_words(i)?;
    if m.end != i + 1 {
        return None;
    }
    let v = m.value.to_i64()?;
    (1..=12).contains(&v).then_some(v as u8)
}

/// Minutes in words after an hour (`thirty`, `forty-five`, `fifteen`): value and end.
fn minute_words(cx: &Ctx, i: usize) -> Option<(u8, usize)> {
    if cx.class(i) != Class::NumberWord {
        if !cx.hyphenated(i) {
            return None;
        }
        let v = word_value(cx.text(i)).filter(|v| (10..60).contains(v))?;
        return Some((v as u8, i + 1));
    }
    let m = cx.number_words(i)?;
    let v = m.value.to_i64()?;
    (10..60).contains(&v).then_some((v as u8, m.end))
}

/// `o'clock`, `oclock`.
fn is_oclock(cx: &Ctx, i: usize) -> bool {
    cx.is_any(i, &words!["o'clock", "oclock", "o’clock"])
}

/// Reads an a.m./p.m. word at `j`: returns p.m. and the next token.
fn ampm_at(cx: &Ctx, j: usize) -> Option<(bool, usize)> {
    match cx.class(j) {
        // Only called right after a number, where `am` is never the verb.
        Class::Ampm(pm) => Some((pm, j + 1)),
        _ => None,
    }
}

/// A clock time starting at token `i` (remembered).
pub(crate) fn clock(cx: &Ctx, i: usize) -> Option<Clock> {
    cx.clocks.get(i, || clock_at(cx, i))
}

fn clock_at(cx: &Ctx, i: usize) -> Option<Clock> {
    let finish = |hour: u8, minute: Option<u8>, half: Option<bool>, strong: bool, end: usize| {
        let hour = match half {
            Some(pm) => apply_half(hour, pm),
            None => hour,
        };
        Some(Clock { hour, minute, half_known: half.is_some(), strong, end: zone_end(cx, end) })
    };
    match cx.kind(i)? {
        Kind::Number => match cx.shape(i)? {
            Shape::Clock(c) => {
                if let Some(pm) = c.pm {
                    // `3pm` is a time; `3p` with one letter is as often pence (`fell 3p to
                    // 352p`), so it needs a cue (`at 3p`) or a day (`3p tomorrow`).
                    let one_letter = cx.text(i).ends_with(['a', 'A', 'p', 'P']);
                    return finish(c.hour, c.minute, Some(pm), !one_letter, i + 1);
                }
                if let Some((pm, end)) = ampm_at(cx, i + 1).filter(|_| c.hour <= 12) {
                    return finish(c.hour, c.minute, Some(pm), true, end);
                }
                if c.minute.is_none() {
                    // `7ampm`: half unknown
                    return finish(c.hour, None, None, true, i + 1);
                }
                // `15:30` is a time; `1:34` alone is as often a race result or a score, so
                // a one-digit hour needs a zone, a.m./p.m. or a word like `at` around it.
                let two_digits = cx.text(i).split([':', '.']).next().is_some_and(|h| h.len() == 2);
                let strong = !c.dotted && c.hour <= 24 && (two_digits || zone_end(cx, i + 1) > i + 1);
                finish(c.hour, c.minute, None, strong, i + 1)
            }
            Shape::Pair(h, hd, m, 2, '.') if hd <= 2 && h <= 24 && m < 60 => {
                // `6.45`, `8.30 pm`: a time only with a.m./p.m. or in context.
                if let Some((pm, end)) = ampm_at(cx, i + 1).filter(|_| (1..=12).contains(&h)) {
                    return finish(h as u8, Some(m as u8), Some(pm), true, end);
                }
                finish(h as u8, Some(m as u8), None, false, i + 1)
            }
            Shape::Int(v, d) if d <= 2 && v <= 24 => {
                let hour = v as u8;
                if let Some((pm, end)) = ampm_at(cx, i + 1).filter(|_| hour <= 12 && hour > 0) {
                    return finish(hour, None, Some(pm), true, end);
                }
                if is_oclock(cx, i + 1) && (1..=12).contains(&hour) {
                    return finish(hour, None, None, true, i + 2);
                }
                // `20 min past eight`
                if let Some(c) = past_to(cx, i) {
                    return Some(c);
                }
                finish(hour, None, None, false, i + 1)
            }
            Shape::Int(v, 3 | 4) => {
                let (hour, minute) = numtok::compact_clock(v, if v >= 1000 { 4 } else { 3 })?;
                if let Some((pm, end)) = ampm_at(cx, i + 1).filter(|_| (1..=12).contains(&hour)) {
                    return finish(hour, Some(minute), Some(pm), true, end);
                }
                // `1530 GMT`
                let end = zone_end(cx, i + 1);
                (end > i + 1 && hour < 24).then_some(Clock { hour, minute: Some(minute), half_known: true, strong: true, end })
            }
            _ => None,
        },
        Kind::Word => {
            if let Class::Clock(h) = cx.class(i) {
                return finish(h, None, Some(h >= 12), true, i + 1).map(|c| Clock { hour: h, ..c });
            }
            if cx.is(i, word!("mid")) && cx.is(i + 1, word!("night")) {
                return Some(Clock { hour: 0, minute: None, half_known: true, strong: true, end: i + 2 });
            }
            if let Some(c) = past_to(cx, i) {
                return Some(c);
            }
            // `five-thirty`
            if let Some((h, m)) = cx.text(i).split_once('-').filter(|_| cx.hyphenated(i)) {
                let hour = word_value(h).filter(|v| (1..=12).contains(v));
                let minute = word_value(m).filter(|v| (10..60).contains(v));
                if let (Some(hour), Some(minute)) = (hour, minute) {
                    let (half, end) = match ampm_at(cx, i + 1) {
                        Some((pm, e)) => (Some(pm), e),
                        None => (None, i + 1),
                    };
                    return finish(hour as u8, Some(minute as u8), half, half.is_some(), end);
                }
            }
            let hour = hour_word(cx, i)?;
            let mut j = i + 1;
            let mut minute = None;
            if let Some((m, k)) = minute_words(cx, j) {
                minute = Some(m);
                j = k;
                if cx.is(j, word!("minutes")) {
                    j += 1;
                }
            }
            if let Some((pm, end)) = ampm_at(cx, j) {
                return finish(hour, minute, Some(pm), true, end);
            }
            if is_oclock(cx, j) {
                return finish(hour, minute, None, true, j + 1);
            }
            finish(hour, minute, None, false, j)
        }
        _ => None,
    }
}

/// `half past seven`, `quarter to five`, `20 min past eight`, `fifteen past eight`.
fn past_to(cx: &Ctx, i: usize) -> Option<Clock> {
    let (minutes, mut j) = if cx.is(i, word!("half")) {
        (30, i + 1)
    } else if cx.is(i, word!("quarter")) || (cx.is(i, word!("a")) && cx.is(i + 1, word!("quarter"))) {
        (15, if cx.is(i, word!("a")) { i + 2 } else { i + 1 })
    } else if let Some((v, d)) = cx.int(i) {
        if d > 2 || v == 0 || v >= 60 {
            return None;
        }
        (v as u8, i + 1)
    } else {
        let (m, k) = minute_words(cx, i).or_else(|| hour_word(cx, i).map(|h| (h, i + 1)))?;
        (m, k)
    };
    if cx.is_any(j, &words!["min", "mins", "minutes", "minute"]) {
        j += 1;
    }
    let past = if cx.is(j, word!("past")) || cx.is(j, word!("after")) {
        true
    } else if cx.is(j, word!("to")) || cx.is(j, word!("before")) {
        false
    } else {
        return None;
    };
    let hour = hour_word(cx, j + 1).or_else(|| cx.int(j + 1).filter(|&(v, d)| d <= 2 && (1..=12).contains(&v)).map(|(v, _)| v as u8))?;
    // `two to four people` is a range of numbers: `to` only after `quarter`/`half` or
    // with `o'clock`, a.m./p.m. or a part of the day after the hour.
    let marked_after = is_oclock(cx, j + 2) || matches!(cx.class(j + 2), Class::Ampm(_)) || (cx.is(j + 2, word!("in")) && cx.is(j + 3, word!("the")));
    if !(past || cx.is_any(i, &words!["quarter", "a"]) || marked_after) {
        return None;
    }
    if past && cx.lower_word(j + 2) && !marked_after && !cx.is_any(j + 2, &words!["and", "or", "at", "on", "tomorrow", "today", "tonight"]) {
        return None; // `two past four people`
    }
    let mut end = j + 2;
    let (h, m) = if past { (hour, minutes) } else { (if hour == 1 { 12 } else { hour - 1 }, 60 - minutes) };
    if is_oclock(cx, end) {
        end += 1;
    }
    let mut clock = Clock { hour: h, minute: Some(m), half_known: false, strong: true, end };
    if let Some((pm, e)) = ampm_at(cx, end) {
        clock.hour = apply_half(h, pm);
        clock.half_known = true;
        clock.end = e;
    }
    Some(clock)
}

/// A part of the day at `i` (singular): `morning`, `night`.
fn pod_at(cx: &Ctx, i: usize) -> Option<Pod> {
    if cx.cap(i) && !cx.has(i, crate::tokens::flag::SENT_START) && cx.cap(i + 1) && cx.kind(i + 1) == Some(Kind::Word) {
        return None; // `Saturday Night Live`: part of a name
    }
    match cx.class(i) {
        Class::Pod { pod, plural: false } => Some(pod),
        Class::Unit { unit: super::lexicon::Unit::Night, plural: false } => Some(Pod::Night),
        _ => None,
    }
}

/// A day an hour can attach to, at `i`: `Friday`, `tomorrow`, `Aug. 1`, `next Monday`.
pub(crate) fn day_point(cx: &Ctx, i: usize) -> Option<Found> {
    let f = longer(absolute::absolute(cx, i), relative::relative(cx, i))?;
    match f.expr {
        Expr::Date(p) if p.is_day() && p.part.is_none() => Some(f),
        _ => None,
    }
}

fn day_expr(p: Point, end: usize, tod: Tod) -> Found {
    Found::new(end, Expr::Time { day: Some(p), tod })
}

fn today(cx: &Ctx, offset: i64) -> Point {
    let cal = cx.reference.and_then(|r| r.add_days(offset)).map_or(Cal::Unresolved(Gran::Day), |d: Date| Cal::Day {
        year: Some(d.year()),
        month: Some(d.month()),
        day: d.day(),
    });
    Point::of(cal)
}

/// After a day at `j`: a part of the day and/or a clock (`morning`, `at 5pm`, `, 3 p.m.`,
/// `morning at 10`, `in the morning`).
fn after_day(cx: &Ctx, day: Point, j: usize) -> Option<Found> {
    let mut best: Option<Found> = None;
    let mut k = j;
    let mut pod = None;
    let early = usize::from(cx.is_any(k, &words!["early", "late"]));
    if let Some(p) = pod_at(cx, k + early) {
        pod = Some(p);
        k += 1 + early;
    } else if cx.is(k, word!("in")) && cx.is(k + 1, word!("the")) {
        if let Some(p) = pod_at(cx, k + 2) {
            pod = Some(p);
            k += 3;
        }
    }
    // Recognizers-Text keeps a holiday and its hour apart.
    if matches!(day.cal, Cal::Holiday { .. }) {
        return None;
    }
    let mut day = day;
    if let (Some(_), Cal::Weekday(w)) = (pod, day.cal) {
        // `Wednesday evening next week`
        if let Some((cal, end)) = relative::weekday_in_named_week(cx, w, k) {
            day = Point::of(cal);
            k = end;
        }
    }
    if let Some(p) = pod {
        best = Some(day_expr(day, k, Tod::Part(p)));
    }
    let at = cx.is_any(k, &words!["at", "@", "around", "by", "about", "before", "after"]);
    let comma = cx.punct(k, word!(","));
    let c_at = if at || comma { k + 1 } else { k };
    if let Some(c) = clock(cx, c_at) {
        let (c, end) = match (pod, pod_after_clock(cx, c.end)) {
            (Some(p), _) => (c.in_part(p), c.end),
            (None, Some((p, e))) => (c.in_part(p), e),
            (None, None) => (c, c.end),
        };
        let ok = c.strong || at || (pod.is_some() && c_at == k) || c.half_known || (c.minute.is_some() && !comma && matches!(day.cal, Cal::Day { .. }));
        if ok && (c.strong || !comma) {
            let c = guess_half(c);
            keep_longer(&mut best, Some(day_expr(day, end, c.tod())));
        }
    }
    best
}

/// ` in the afternoon` after a clock: the part of the day and the token after it.
fn pod_after_clock(cx: &Ctx, j: usize) -> Option<(Pod, usize)> {
    if cx.is(j, word!("in")) && cx.is(j + 1, word!("the")) {
        return pod_at(cx, j + 2).map(|p| (p, j + 3));
    }
    None
}

/// A clock without a.m./p.m. on a day: 1-6 are read as p.m., 7-11 as a.m.
fn guess_half(c: Clock) -> Clock {
    if c.half_known || c.hour > 12 {
        return c;
    }
    let hour = if (1..=6).contains(&c.hour) { c.hour + 12 } else { c.hour };
    Clock { hour, ..c }
}

/// After a clock at `j`: a day or a part of the day (`today`, `this morning`, `tomorrow
/// evening`, `in the morning`, `Friday`).
fn clock_then(cx: &Ctx, c: Clock, i: usize) -> Option<Found> {
    let j = c.end;
    // `8 in the morning`, `5 in the afternoon`, `2 at night`
    if cx.is(j, word!("in")) && cx.is(j + 1, word!("the")) {
        if let Some(p) = pod_at(cx, j + 2) {
            let c = c.in_part(p);
            return Some(Found::new(j + 3, Expr::Time { day: None, tod: c.tod() }));
        }
    }
    // `8:00 early morning`
    let e = usize::from(cx.is_any(j, &words!["early", "late"]));
    if e == 1 {
        if let Some(p) = pod_at(cx, j + 1) {
            let c = c.in_part(p);
            return Some(Found::new(j + 2, Expr::Time { day: None, tod: c.tod() }));
        }
    }
    if cx.is(j, word!("at")) && cx.is(j + 1, word!("night")) {
        let c = c.in_part(Pod::Night);
        return Some(Found::new(j + 2, Expr::Time { day: None, tod: c.tod() }));
    }
    // `8am this morning`, `3pm today`, `five-thirty tomorrow evening`
    let k = if cx.punct(j, word!(",")) { j + 1 } else { j };
    if let Some(found) = pod_day(cx, k) {
        if let Expr::Time { day, tod: Tod::Part(p) } = found.expr {
            let c = c.in_part(p);
            return Some(Found::new(found.end, Expr::Time { day, tod: c.tod() }));
        }
    }
    if matches!(cx.class(k), Class::DayRel(_) | Class::Weekday { plural: false, .. }) && (c.strong || k == j) {
        if let Some(d) = day_point(cx, k) {
            if let Expr::Date(p) = d.expr {
                let (c2, end) = match pod_at(cx, d.end) {
                    Some(pod) => (c.in_part(pod), d.end + 1),
                    None => (guess_half(c), d.end),
                };
                if c.strong || c2.half_known || c.minute.is_some() {
                    return Some(Found::new(end, Expr::Time { day: Some(p), tod: c2.tod() }));
                }
            }
        }
    }
    let _ = i;
    None
}

/// `this morning`, `last night`, `tonight`, `tomorrow night`: a day with a part of it.
fn pod_day(cx: &Ctx, i: usize) -> Option<Found> {
    if cx.is_any(i, &words!["early", "late"]) && matches!(cx.class(i + 1), Class::Rel(0) | Class::Tonight) {
        return pod_day(cx, i + 1).map(|f| Found { end: f.end, ..f });
    }
    match cx.class(i) {
        Class::Rel(1) if cx.is(i, word!("next")) => {
            let pod = pod_at(cx, i + 1).filter(|p| *p != Pod::Night)?;
            Some(day_expr(today(cx, 1), i + 2, Tod::Part(pod)))
        }
        Class::Tonight => Some(day_expr(today(cx, 0), i + 1, Tod::Part(Pod::Night))),
        Class::Rel(d) if d <= 0 => {
            let pod = pod_at(cx, i + 1)?;
            let offset = if d < 0 && pod == Pod::Night {
                -1
            } else if d < 0 {
                return None;
            } else {
                0
            };
            Some(day_expr(today(cx, offset), i + 2, Tod::Part(pod)))
        }
        _ => None,
    }
}

/// `the morning`, `the afternoon of Aug. 1`, `early morning`, `the morning at 7`.
fn pod_led(cx: &Ctx, i: usize) -> Option<Found> {
    let mut j = i;
    if cx.is_any(j, &words!["early", "late", "earlier", "later"]) {
        j += 1;
        if cx.is(j, word!("in")) && cx.is(j + 1, word!("the")) && pod_at(cx, j + 2).is_some() {
            return Some(Found::new(j + 3, Expr::Time { day: None, tod: Tod::Part(pod_at(cx, j + 2)?) }));
        }
        if cx.is_any(i, &words!["earlier", "later"]) {
            return None;
        }
    }
    let the = cx.is(j, word!("the"));
    if the {
        j += 1;
    }
    let pod = match cx.class(j) {
        Class::Pod { pod, plural: true } if the => pod,
        _ => pod_at(cx, j)?,
    };
    let after_prep = i > 0 && cx.is_any(i - 1, &words!["in", "during", "until", "by", "since", "through", "throughout", "on"]);
    if !(after_prep || j > i + usize::from(the)) {
        return None;
    }
    if !the && j == i + 1 && !(cx.is(i, word!("early")) || cx.is(i, word!("late"))) {
        return None;
    }
    let end = j + 1;
    // `the morning of August 1`
    if cx.is(end, word!("of")) {
        if let Some(d) = day_point(cx, end + 1) {
            if let Expr::Date(p) = d.expr {
                return Some(day_expr(p, d.end, Tod::Part(pod)));
            }
        }
    }
    let c_at = if cx.is(end, word!("at")) { end + 1 } else { end };
    if let Some(c) = clock(cx, c_at) {
        if c.strong || c_at > end {
            let c = c.in_part(pod);
            return Some(Found::new(c.end, Expr::Time { day: None, tod: c.tod() }));
        }
    }
    Some(Found::new(end, Expr::Time { day: None, tod: Tod::Part(pod) }))
}

/// The longest time expression starting at `i` (remembered).
pub(crate) fn time(cx: &Ctx, i: usize) -> Option<Found> {
    cx.times.get(i, || time_at(cx, i))
}

fn time_at(cx: &Ctx, i: usize) -> Option<Found> {
    let mut best = None;
    // Day first: `Friday morning`, `tomorrow at 5pm`, `Aug. 1 at 3 p.m.`
    if let Some(d) = day_point(cx, i) {
        if let Expr::Date(p) = d.expr {
            keep_longer(&mut best, after_day(cx, p, d.end));
        }
    }
    if let Some(found) = pod_day(cx, i) {
        // `tonight at 2am`, `this evening at 7`
        let extended = match found.expr {
            Expr::Time { day: Some(p), tod: Tod::Part(pod) } => {
                let at = if cx.is_any(found.end, &words!["at", "around", "about"]) { found.end + 1 } else { found.end };
                clock(cx, at).filter(|c| c.strong || at > found.end).map(|c| {
                    let c = if pod == Pod::Night && c.half_known { c } else { c.in_part(pod) };
                    day_expr(p, c.end, c.tod())
                })
            }
            _ => None,
        };
        keep_longer(&mut best, longer(Some(found), extended));
    }
    if let Some(c) = clock(cx, i) {
        let then = clock_then(cx, c, i);
        let cue_before = i > 0 && cx.is_any(i - 1, &words!["at", "@", "by", "until", "till", "before", "after", "around", "from", "since"]);
        let colon = cx.text(i).contains(':');
        let alone = (c.strong || cue_before && (c.minute.is_some() && colon || c.half_known)).then(|| Found::new(c.end, Expr::Time { day: None, tod: c.tod() }));
        keep_longer(&mut best, longer(alone, then));
    }
    keep_longer(&mut best, pod_led(cx, i));
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::tokens::Doc;

    fn clock_of(text: &str) -> Option<(u8, Option<u8>, bool, String)> {
        let doc = Doc::new(text);
        let cx = Ctx::new(&doc, &Options::default());
        let c = clock(&cx, 0)?;
        Some((c.hour, c.minute, c.strong, doc.slice(0, c.end - 1).to_string()))
    }

    #[test]
    fn clocks() {
        let cases: &[(&str, Option<(u8, Option<u8>, bool, &str)>)] = &[
            ("3 p.m. on Friday", Some((15, None, true, "3 p.m."))),
            ("15:30 GMT today", Some((15, Some(30), true, "15:30 GMT"))),
            ("noon", Some((12, None, true, "noon"))),
            ("midnight", Some((0, None, true, "midnight"))),
            ("12 am", Some((0, None, true, "12 am"))),
            ("1140 a.m.", Some((11, Some(40), true, "1140 a.m."))),
            ("half past seven", Some((7, Some(30), true, "half past seven"))),
            ("quarter to five", Some((4, Some(45), true, "quarter to five"))),
            ("20 min past eight", Some((8, Some(20), true, "20 min past eight"))),
            ("seven o'clock", Some((7, None, true, "seven o'clock"))),
            ("six pm", Some((18, None, true, "six pm"))),
            ("6.45", Some((6, Some(45), false, "6.45"))),
            ("5 people", Some((5, None, false, "5"))),
            ("4:3", None),
            ("I am here", None),
        ];
        for (text, want) in cases {
            let got = clock_of(text);
            assert_eq!(got.as_ref().map(|(h, m, s, t)| (*h, *m, *s, t.as_str())), *want, "{text}");
        }
    }
}

#[cfg(test)]
mod time_tests {
    use super::time;
    use crate::dates::testing::check;

    /// The reference date is Friday 2017-08-04.
    #[test]
    fn times_on_days() {
        check(time, &[
            ("3 p.m.", Some(("3 p.m.", "T15"))),
            ("15:30 GMT", Some(("15:30 GMT", "T15:30"))),
            ("Friday morning", Some(("Friday morning", "XXXX-WXX-5TMO"))),
            ("tomorrow at 5pm", Some(("tomorrow at 5pm", "2017-08-05T17"))),
            ("tomorrow night", Some(("tomorrow night", "2017-08-05TNI"))),
            ("last night", Some(("last night", "2017-08-03TNI"))),
            ("tonight at 2am", Some(("tonight at 2am", "2017-08-04T02"))),
            ("3pm today", Some(("3pm today", "2017-08-04T15"))),
            ("8 in the morning", Some(("8 in the morning", "T08"))),
            ("Aug. 1 at 3 p.m.", Some(("Aug. 1 at 3 p.m.", "XXXX-08-01T15"))),
            ("the morning of Aug. 1", None), // needs a preposition before `the`
            ("Wednesday evening next week", Some(("Wednesday evening next week", "2017-08-09TEV"))),
            ("noon", Some(("noon", "T12"))),
        ]);
    }

    #[test]
    fn not_times() {
        check(time, &[
            ("1:34", None),
            ("4:3 ratio", None),
            ("5 people", None),
            ("two to four people", None),
            ("Saturday Night Live", None), // a name
        ]);
    }
}
