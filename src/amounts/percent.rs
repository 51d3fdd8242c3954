//! PERCENT: `5%`, `5 percent`, `five per cent`, `5 percentage points`, `25 basis
//! points` (0.25 percentage point), `5-percent`, and the inverted `percent of 10`.

use super::units::units;
use super::{Measure, Reading, Scan};
use crate::numbers::{read_number, NumberRead};
use crate::tokens::{flag, Kind};

/// A percentage word after the number: `%`, `per cent`, `percentage points`.
pub(super) fn after(scan: &Scan, num: &NumberRead) -> Option<Reading> {
    let doc = scan.doc;
    let j = num.next;
    let m = units().percent.longest_at(doc, j, Some(j + 1), |_| true)?;
    let p = m.value;
    scan.reading(Measure::Percent { unit: p.unit }, num, Some(p.factor), m.end.unwrap_or(doc.tokens[j].end as usize), m.next)
}

/// A percentage word inside the number's token: `5pct`, `5-percent`.
pub(super) fn piece(scan: &Scan, num: &NumberRead, piece: &str, end: usize) -> Option<Reading> {
    let m = units().percent.longest(scan.doc, piece, None, |_| true)?;
    let p = m.value;
    scan.reading(Measure::Percent { unit: p.unit }, num, Some(p.factor), end, num.next)
}

/// `percent of 10` / `per cent of 210` standing alone (a heading, a table cell): the
/// percentage word opens the clause and the number closes it.
pub(super) fn percent_of(scan: &Scan, i: usize) -> Option<Reading> {
    let doc = scan.doc;
    let n = doc.tokens.len();
    let opens = i == 0 || doc.tokens[i].has(flag::SENT_START) || doc.tokens[i].has(flag::LINE_BEFORE) || doc.tokens[i - 1].kind == Kind::Punct;
    if !opens {
        return None;
    }
    let m = units().percent.longest_at(doc, i, Some(i + 1), |p| p.unit == "percent")?;
    let j = m.next;
    if j + 1 >= n || !doc.str(j).eq_ignore_ascii_case("of") {
        return None;
    }
    let num = read_number(doc, j + 1, false)?;
    if !num.rest.is_empty() || num.high.is_some() || num.magnitude > 0 {
        return None;
    }
    let closes = num.next >= n || doc.tokens[num.next].has(flag::LINE_BEFORE) || doc.tokens[num.next].kind == Kind::Punct;
    if !closes {
        return None;
    }
    Some(Reading {
        measure: Measure::Percent { unit: m.value.unit },
        start: doc.tokens[i].start as usize,
        end: num.end,
        first: i,
        next: num.next,
        low: num.value.checked_mul(m.value.factor)?,
        high: None,
        base: num.base,
        factor: m.value.factor,
        magnitude: 0,
        prefix: true,
        vague: false,
        signed: false,
    })
}
