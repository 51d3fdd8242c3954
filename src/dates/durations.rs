//! Durations: `18-month`, `three years`, `two weeks` (of `for two weeks`), `a decade`,
//! `48 hours`, `3 hours 30 minutes`, `one and a half hours`, `half an hour`, `all day`,
//! `more than 4 days`; and `in three weeks`, which is a date in the future tense.

use super::cx::{Ctx, Found};
use super::lexicon::{Class, Unit};
use super::numtok::{self, Shape};
use super::spec::{Amount, Cal, Dur, Expr, Gran, Milli, Point};
use super::tense::{tense_at, Tense};
use crate::numbers::{parse_number_words, parse_numeral};
use crate::tokens::Kind;

fn n(v: i64) -> Amount {
    Amount::N(Milli::from_int(v))
}

/// One half.
const HALF: Milli = Milli::HALF;

/// A count before a unit at token `i`: `3`, `2.5`, `½`, `two`, `twenty-five`, `a`, `an`,
/// `one and a half`, `half a`, `a few`, `several`, `a couple of`. Returns the amount and
/// the token after it.
pub(crate) fn count(cx: &Ctx, i: usize) -> Option<(Amount, usize)> {
    cx.counts.get(i, || count_at(cx, i))
}

fn count_at(cx: &Ctx, i: usize) -> Option<(Amount, usize)> {
    match cx.kind(i)? {
        Kind::Number => {
            if cx.kind(i + 1) != Some(Kind::Word) {
                return None; // a count is followed by its unit
            }
            let text = cx.text(i);
            if text == "½" {
                return Some((Amount::N(HALF), i + 1));
            }
            if let Some(Shape::Plus(v)) = cx.shape(i) {
                return Some((n(v as i64), i + 1));
            }
            let v = parse_numeral(text)?;
            if v.is_negative() {
                return None;
            }
            Some((Amount::N(Milli::from_decimal(v)?), and_a_half(cx, i + 1)))
        }
        Kind::Word => {
            if cx.is_any(i, &words!["a", "an"]) {
                if cx.is(i + 1, word!("few")) {
                    return Some((Amount::X, i + 2));
                }
                if cx.is(i + 1, word!("couple")) {
                    let j = if cx.is(i + 2, word!("of")) { i + 3 } else { i + 2 };
                    return Some((n(2), j));
                }
                return Some((n(1), i + 1));
            }
            if cx.is(i, word!("couple")) {
                let j = if cx.is(i + 1, word!("of")) { i + 2 } else { i + 1 };
                return Some((n(2), j));
            }
            if cx.is(i, word!("half")) && cx.is_any(i + 1, &words!["a", "an"]) {
                return Some((Amount::N(HALF), i + 2));
            }
            if cx.class(i) == Class::Vague {
                return Some((Amount::X, i + 1));
            }
            if cx.class(i) != Class::NumberWord {
                return None;
            }
            let m = cx.number_words(i)?;
            Some((Amount::N(Milli::from_decimal(m.value)?), and_a_half(cx, m.end)))
        }
        _ => None,
    }
}

/// `one and a half` → 1.5: the token after the count.
fn and_a_half(cx: &Ctx, j: usize) -> usize {
    if cx.is(j, word!("and")) && cx.is(j + 1, word!("a")) && cx.is(j + 2, word!("half")) && matches!(cx.class(j + 3), Class::Unit { .. }) {
        return j + 3;
    }
    j
}

/// The amount of `count` with `and a half` folded in.
fn amount_with_half(cx: &Ctx, i: usize, amount: Amount, end: usize) -> Amount {
    let has_half = end >= 3 && cx.is(end - 1, word!("half")) && cx.is(end - 2, word!("a")) && cx.is(end - 3, word!("and"));
    match (amount, has_half) {
        (Amount::N(v), true) if end - 3 > i => Amount::N(v.checked_add(HALF).unwrap_or(v)),
        _ => amount,
    }
}

/// Words after a count of years that make it an age, not a duration.
fn is_age(cx: &Ctx, j: usize) -> bool {
    cx.is_any(j, &words!["old", "older", "younger", "of"]) && !cx.is(j, word!("of")) || (cx.is(j, word!("of")) && cx.is(j + 1, word!("age")))
}

/// `one hour and half`, `an hour and a half`, `a year and a quarter`: the extra fraction.
fn trailing_fraction(cx: &Ctx, j: usize) -> Option<(Milli, usize)> {
    if !cx.is(j, word!("and")) {
        return None;
    }
    let k = if cx.is(j + 1, word!("a")) { j + 2 } else { j + 1 };
    let v = if cx.is(k, word!("half")) {
        HALF
    } else if cx.is(k, word!("quarter")) {
        Milli::QUARTER
    } else {
        return None;
    };
    Some((v, k + 1))
}

/// A unit fused into a word: `three-year`, `five-day`.
fn hyphenated(cx: &Ctx, i: usize) -> Option<Dur> {
    if !cx.hyphenated(i) {
        return None;
    }
    let (num, unit) = cx.text(i).rsplit_once('-')?;
    if super::lexicon::classify_word(num.split('-').next()?) != Class::NumberWord {
        return None;
    }
    let unit = numtok::unit_suffix(unit).and_then(unit_of)?;
    let mut buf = [0u8; 32];
    let lower = super::lexicon::lower_ascii(num, &mut buf)?;
    let doc = crate::tokens::Doc::new(lower);
    let m = parse_number_words(&doc, 0).filter(|m| m.end == doc.tokens.len())?;
    Some(Dur::one(unit, Amount::N(Milli::from_decimal(m.value)?)))
}

fn unit_of(code: &str) -> Option<Unit> {
    Some(match code {
        "h" => Unit::Hour,
        "min" => Unit::Minute,
        "s" => Unit::Second,
        "d" => Unit::Day,
        "night" => Unit::Night,
        "w" => Unit::Week,
        "m" => Unit::Month,
        "y" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        "weekend" => Unit::Weekend,
        "q" => Unit::Quarter,
        _ => return None,
    })
}

/// A plain duration at `i` (without a qualifier) and the token after it (remembered).
pub(crate) fn plain(cx: &Ctx, i: usize) -> Option<(Dur, usize)> {
    cx.durations.get(i, || plain_at(cx, i))
}

fn plain_at(cx: &Ctx, i: usize) -> Option<(Dur, usize)> {
    // Fused: `18-month`, `3h`, `20-plus months`.
    if let Some(Shape::WithUnit(v, code)) = cx.shape(i) {
        let unit = unit_of(code)?;
        // `3m` is more often metres or millions than months, `67s` a decade or a team.
        let fused = !cx.hyphenated(i);
        if fused && (code == "m" || code == "s" && !cx.text(i).get(cx.text(i).len().saturating_sub(3)..).is_some_and(|t| t.eq_ignore_ascii_case("sec"))) {
            return None;
        }
        return Some((Dur::one(unit, n(v as i64)), i + 1));
    }
    if cx.kind(i) == Some(Kind::Word) && cx.hyphenated(i) {
        if let Some(d) = hyphenated(cx, i) {
            if cx.is(i + 1, word!("old")) || cx.text(i).ends_with("-old") {
                return None;
            }
            return Some((d, i + 1));
        }
    }
    // `all day`, `all week`
    if cx.is(i, word!("all")) {
        if let Class::Unit { unit, plural: false } = cx.class(i + 1) {
            if matches!(unit, Unit::Day | Unit::Night | Unit::Week | Unit::Month | Unit::Year | Unit::Weekend) {
                return Some((Dur::one(unit, n(1)), i + 2));
            }
        }
        return None;
    }
    let (amount, j) = count(cx, i)?;
    let Class::Unit { unit, plural } = cx.class(j) else { return None };
    let amount = amount_with_half(cx, i, amount, j);
    let from_article = cx.is_any(i, &words!["a", "an"]);
    let whole_one = amount == n(1);
    let fractional = matches!(amount, Amount::N(v) if v.to_i64().is_none());
    if plural && from_article && whole_one {
        return None; // `a days`
    }
    if !plural && !whole_one && !fractional && (amount == Amount::X || cx.kind(i) != Some(Kind::Number)) {
        return None; // `two day`, `a few day`; `15 minute call` is fine
    }
    if cx.is_any(i, &words!["a", "an"]) && unit == Unit::Second {
        return None; // `a second` is an ordinal more often than a duration
    }
    if from_article
        && i > 0
        && (cx.kind(i - 1) == Some(Kind::Number)
            || matches!(cx.class(i - 1), Class::Unit { plural: true, .. } | Class::NumberWord)
            || cx.is_any(i - 1, &words!["once", "twice", "thrice", "times"]))
    {
        return None; // `24 hours a day`, `$5 a month`: a rate, not a length
    }
    if unit == Unit::Quarter && !plural {
        return None;
    }
    if unit == Unit::Year && is_age(cx, j + 1) {
        return None;
    }
    if cx.cap(j) && !cx.has(j, crate::tokens::flag::SENT_START) && !cx.has(j, crate::tokens::flag::ALL_CAPS) {
        return None; // `30 Seconds to Mars`, `100 Days`: a title
    }
    let mut dur = Dur::one(unit, amount);
    let mut end = j + 1;
    if let Some((frac, k)) = trailing_fraction(cx, end) {
        if let Amount::N(v) = amount {
            dur = Dur::one(unit, Amount::N(v.checked_add(frac).unwrap_or(v)));
            end = k;
        }
    }
    // `3 hours 30 minutes`, `2 years 1 month 21 days` (`2 weeks and 2 days ago` is two)
    loop {
        let k = end;
        let Some((a2, j2)) = count(cx, k).filter(|(a, _)| matches!(a, Amount::N(_))) else { break };
        if cx.is_any(k, &words!["a", "an"]) {
            break;
        }
        let Class::Unit { unit: u2, .. } = cx.class(j2) else { break };
        if !dur.push(u2, a2) {
            break;
        }
        end = j2 + 1;
    }
    Some((dur, end))
}

/// A duration starting at `i`, with `more than`/`less than`/`at least` kept in the span;
/// in the future tense, `in three weeks` is the date three weeks after the reference date.
pub(crate) fn duration(cx: &Ctx, i: usize) -> Option<Found> {
    let qualified = (cx.is_any(i, &words!["more", "less", "fewer"]) && cx.is(i + 1, word!("than")))
        || (cx.is(i, word!("at")) && cx.is_any(i + 1, &words!["least", "most"]));
    let start = if qualified { i + 2 } else { i };
    let (dur, end) = plain(cx, start)?;
    if !qualified && start > 0 && cx.is(start - 1, word!("in")) {
        if let Some(found) = in_future(cx, start, &dur, end) {
            return Some(found);
        }
    }
    Some(Found::new(end, Expr::Duration(dur)))
}

/// `in three weeks` read as a date when the clause is not in the past tense.
fn in_future(cx: &Ctx, start: usize, dur: &Dur, end: usize) -> Option<Found> {
    let [(unit, Amount::N(v))] = dur.parts() else { return None };
    if unit.is_clock() {
        return None;
    }
    let v = v.to_i64()?;
    let sentence = cx.sentence_of(start);
    if tense_at(cx.doc, sentence, start - 1, end) == Tense::Past {
        return None;
    }
    let cal = match cx.reference {
        Some(r) => {
            let d = super::relative::shift(r, *unit, v)?;
            Cal::Day { year: Some(d.year()), month: Some(d.month()), day: d.day() }
        }
        None => Cal::Unresolved(Gran::Day),
    };
    Some(Found::new(end, Expr::Date(Point::of(cal))))
}

/// A vague plural unit after `for`/`over`/`within`: `for years`, `over decades`.
pub(crate) fn vague_duration(cx: &Ctx, i: usize) -> Option<Found> {
    let Class::Unit { unit, plural: true } = cx.class(i) else { return None };
    if i == 0 || !cx.is_any(i - 1, &words!["for", "over", "within"]) || matches!(unit, Unit::Quarter | Unit::Second) {
        return None;
    }
    if cx.is(i + 1, word!("of")) || cx.lower_word(i + 1) && !cx.is_any(i + 1, &words!["and", "or", "to", "now", "ago", "before", "after", "later", "in", "on", "at", "with", "without", "as", "but"]) {
        return None;
    }
    Some(Found::new(i + 1, Expr::Duration(Dur::one(unit, Amount::X))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::tokens::Doc;

    fn dur(text: &str) -> Option<(String, String)> {
        let doc = Doc::new(text);
        let cx = Ctx::new(&doc, &Options::default());
        let f = duration(&cx, 0)?;
        let Expr::Duration(d) = f.expr else { return None };
        Some((doc.slice(0, f.end - 1).to_string(), d.timex()))
    }

    #[test]
    fn durations() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("18-month contract", Some(("18-month", "P18M"))),
            ("three years", Some(("three years", "P3Y"))),
            ("a decade of war", Some(("a decade", "P10Y"))),
            ("48 hours", Some(("48 hours", "PT48H"))),
            ("3 hours 30 minutes", Some(("3 hours 30 minutes", "PT3H30M"))),
            ("one and a half hours", Some(("one and a half hours", "PT1.5H"))),
            ("an hour and a half", Some(("an hour and a half", "PT1.5H"))),
            ("half an hour", Some(("half an hour", "PT0.5H"))),
            ("2.5 hours", Some(("2.5 hours", "PT2.5H"))),
            ("a few days", Some(("a few days", "PXD"))),
            ("three-year deal", Some(("three-year", "P3Y"))),
            ("more than 4 days", Some(("more than 4 days", "P4D"))),
            ("all day", Some(("all day", "P1D"))),
            ("two nights", Some(("two nights", "P2D"))),
            ("3h", Some(("3h", "PT3H"))),
            ("15 minute call", Some(("15 minute", "PT15M"))),
            ("a second", None),
            ("a quarter of the vote", None),
            ("5 years old", None),
            ("3m people", None),
            ("two", None),
        ];
        for (text, want) in cases {
            let got = dur(text);
            assert_eq!(got.as_ref().map(|(a, b)| (a.as_str(), b.as_str())), *want, "{text}");
        }
    }
}
