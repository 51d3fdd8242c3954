//! Ranges: `$5-10 million` (one token, read by the number parser), `$5 million to $7
//! million`, `$3 to $4 billion` (the magnitude is shared), `3% to 4%`, `5 to 10 km`,
//! `between $3 and $4 billion`. `from X to Y` is a change, not a range, unless a range
//! word comes first (`ranging from`); so is `X to Y` after a change word (`rose $5
//! million to $7 million`), unless the first end has no unit of its own.

use super::units::{units, RangeWord};
use super::{Measure, Reading, Scan};
use crate::decimal::Decimal;
use crate::numbers::{read_number, NumberRead};
use crate::tokens::{flag, Kind};

/// The connector at token `j` and whether `between` opened the range: `-`, `to`, and
/// `and` after `between`.
fn connector(scan: &Scan, first: usize, j: usize) -> Option<bool> {
    let doc = scan.doc;
    if j + 1 >= doc.tokens.len() || doc.tokens[j].has(flag::LINE_BEFORE) || doc.tokens[j + 1].has(flag::LINE_BEFORE) {
        return None;
    }
    let between = first > 0 && doc.str(first - 1).eq_ignore_ascii_case("between");
    let c = doc.str(j);
    let ok = matches!(c, "-" | "–" | "—") || c.eq_ignore_ascii_case("to") || (between && c.eq_ignore_ascii_case("and"));
    ok.then_some(between)
}

/// How the words before token `first` read a following `X to Y`.
fn word_before(scan: &Scan, first: usize) -> Option<RangeWord> {
    let doc = scan.doc;
    let at = first.checked_sub(1)?;
    if doc.tokens[at].kind != Kind::Word {
        return None;
    }
    if doc.str(at).eq_ignore_ascii_case("from") {
        let opener = at.checked_sub(1).and_then(|k| units().range_word(doc.str(k)));
        return Some(if opener == Some(RangeWord::Range) { RangeWord::Range } else { RangeWord::Change });
    }
    units().range_word(doc.str(at))
}

/// The low end of a range whose first number is written without the magnitude of the
/// second (`$3 to $4 billion`): the magnitude is shared when the first number is the
/// smaller as written.
fn shared_low(low: Reading, high: &Reading) -> Option<Reading> {
    if low.magnitude == 0 && high.magnitude > 0 && low.base <= high.base {
        let mut value = low.base.times_pow10(high.magnitude)?.checked_mul(low.factor)?;
        if low.low.is_negative() {
            value = -value;
        }
        return Some(Reading { low: value, magnitude: high.magnitude, ..low });
    }
    Some(low)
}

/// Joins two readings into a range when they measure the same thing and go up. A
/// magnitude on the second end alone must be shared (`5 to 10 million`, never `1996 to
/// 1.2 billion`).
fn join(first: Reading, second: Reading) -> Option<Reading> {
    if second.high.is_some() || second.vague || first.measure != second.measure {
        return None;
    }
    let first = shared_low(first, &second)?;
    if first.magnitude == 0 && second.magnitude > 0 {
        return None;
    }
    if first.low >= second.low {
        return None;
    }
    Some(Reading { end: second.end, next: second.next, high: Some(second.low), ..first })
}

/// Grows a reading into a range with the amount after a connector.
pub(super) fn extend(scan: &Scan, r: Reading) -> Reading {
    if r.high.is_some() || r.vague {
        return r;
    }
    let Some(between) = connector(scan, r.first, r.next) else { return r };
    if !between {
        match word_before(scan, r.first) {
            Some(RangeWord::Change) => {
                // `rose $3 to $4 billion` still reads as one range below only when the
                // first end borrows the second's magnitude; a full first end is a change.
                let second = scan.read_at(r.next + 1, false);
                let borrows = second.is_some_and(|s| r.magnitude == 0 && s.magnitude > 0);
                if !borrows {
                    return r;
                }
            }
            Some(RangeWord::Range) | None => {}
        }
    }
    let j = r.next + 1;
    let second = scan.read_at(j, false).or_else(|| bare_second(scan, &r, j));
    // Two full amounts far apart are two prices (`rose 2p to 691p`), not a range.
    let far_apart = |s: &Reading| !between && r.magnitude >= s.magnitude && r.low.checked_mul(Decimal::from_int(20)).is_some_and(|x| x < s.low);
    second.filter(|s| !far_apart(s)).and_then(|s| join(r, s)).unwrap_or(r)
}

/// A bare number after a currency-first amount: `$5 to 7 million`.
fn bare_second(scan: &Scan, first: &Reading, j: usize) -> Option<Reading> {
    if !first.prefix || !matches!(first.measure, Measure::Money { .. }) || scan.doc.tokens[j].kind != Kind::Number {
        return None;
    }
    let num = read_number(scan.doc, j, true)?;
    if !num.rest.is_empty() || num.high.is_some() {
        return None;
    }
    scan.reading(first.measure, &num, None, num.end, num.next)
}

/// A range whose first end is a bare number and whose second carries the unit: `5 to 10
/// million dollars`, `3 to 4 percent`, `between 3 and 4 percent`, `5-10 km` spaced.
pub(super) fn bare_first(scan: &Scan, num: &NumberRead) -> Option<Reading> {
    if !num.rest.is_empty() || num.high.is_some() {
        return None;
    }
    let between = connector(scan, num.first, num.next)?;
    let year_like = num.base.to_i64().is_some_and(|y| (1900..=2100).contains(&y)) && !scan.doc.str(num.first).contains(',');
    if year_like {
        return None; // `the first half of 1996 to 1.2 billion guilders`
    }
    if !between && word_before(scan, num.first) == Some(RangeWord::Change) && scan.doc.str(num.first - 1).eq_ignore_ascii_case("from") {
        return None;
    }
    let second = scan.read_at(num.next + 1, false)?;
    if second.prefix {
        return None;
    }
    let first = Reading {
        measure: second.measure,
        start: num.start,
        end: num.end,
        first: num.first,
        next: num.next,
        low: num.value.checked_mul(second.factor)?,
        high: None,
        base: num.base,
        factor: second.factor,
        magnitude: num.magnitude,
        prefix: false,
        vague: false,
        signed: false,
    };
    join(first, second)
}
