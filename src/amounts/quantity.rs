//! QUANTITY: a number with a unit of measure (`400 km`, `5 kg`, `2 miles`, `10,000
//! barrels`, `-0.1 C`, `30°F`, `2.5 million square miles`, `15km`, `10-mile`), the value
//! `{amount, unit}` as written (no conversion).

use super::phrase::initial;
use super::units::{units, Unit};
use super::{Measure, Reading, Scan};
use crate::numbers::NumberRead;
use crate::tokens::{flag, Kind};

/// True when a bare `C`/`F` after the number is a temperature: the number has a sign or
/// decimals, or the sentence speaks of temperature.
fn temperature_ok(scan: &Scan, num: &NumberRead) -> bool {
    if scan.sign_before(num.first).is_some() || !num.base.is_integer() {
        return true;
    }
    let doc = scan.doc;
    let at = doc.sentences.partition_point(|s| s.end <= num.first);
    let Some(sentence) = doc.sentences.get(at) else { return false };
    // A window around the number keeps this linear in long run-on sentences.
    let window = sentence.start.max(num.first.saturating_sub(40))..sentence.end.min(num.first + 40);
    window.into_iter().any(|k| doc.tokens[k].kind == Kind::Word && units().temperature_cue(doc.str(k)))
}

/// A unit after the number, written apart: `400 km`, `2 miles`, `-0.1 C`, `30 °F`.
pub(super) fn after(scan: &Scan, num: &NumberRead) -> Option<Reading> {
    let doc = scan.doc;
    let j = num.next;
    let (first, first_end) = match initial(doc, j) {
        // `-0.1 C.` at the end of a sentence
        Some(letter) => (letter, doc.tokens[j].start as usize + letter.len()),
        None => (doc.str(j), doc.tokens[j].end as usize),
    };
    let m = units().units.longest(doc, first, Some(j + 1), |u| !u.fused)?;
    let unit: &Unit = m.value;
    if unit.temperature_letter && !temperature_ok(scan, num) {
        return None;
    }
    // `on his two feet` are body parts; `two feet deep`, `6 feet` are lengths.
    if num.words && unit.unit == "ft" {
        let measured = m.next < doc.tokens.len() && units().metre_context(doc.str(m.next));
        if !measured {
            return None;
        }
    }
    scan.reading(Measure::Quantity { unit: unit.unit }, num, None, m.end.unwrap_or(first_end), m.next)
}

/// A unit inside the number's token: fused (`15km`, `984ft`, `5g`, `100km/h` with the
/// tokens after it) or after a hyphen (`10-mile`, `5-kg`).
pub(super) fn piece(scan: &Scan, num: &NumberRead, piece: &str, end: usize, fused: bool) -> Option<Reading> {
    let doc = scan.doc;
    let next = if fused { Some(num.next) } else { None };
    let m = units().units.longest(doc, piece, next, |u| !u.metre && (fused || !u.fused))?;
    let unit = m.value;
    if unit.temperature_letter && !fused {
        return None;
    }
    scan.reading(Measure::Quantity { unit: unit.unit }, num, None, m.end.unwrap_or(end), if m.end.is_some() { m.next } else { num.next })
}

/// `400m` read as metres rather than millions: only when the next word speaks of
/// distance or a race (`300m from the mosque`, `the 400m hurdles`, `300m (984ft)`).
pub(super) fn fused_metres(scan: &Scan, num: &NumberRead) -> Option<Reading> {
    if num.fused_magnitude != "m" || num.high.is_some() {
        return None;
    }
    let doc = scan.doc;
    let j = num.next;
    let n = doc.tokens.len();
    let next_says_distance = j < n
        && !doc.tokens[j].has(flag::LINE_BEFORE)
        && ((doc.tokens[j].kind == Kind::Word && units().metre_context(doc.str(j)))
            || (doc.str(j) == "(" && j + 1 < n && doc.tokens[j + 1].kind == Kind::Number));
    if !next_says_distance {
        return None;
    }
    let reading = NumberRead { value: num.base, magnitude: 0, fused_magnitude: "", ..*num };
    scan.reading(Measure::Quantity { unit: "m" }, &reading, None, num.end, num.next)
}
