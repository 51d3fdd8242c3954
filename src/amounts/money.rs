//! MONEY: a currency before the number (`$2.5 billion`, `US$4.7bn`, `USD 200`, `c $ 16.4
//! million`, `Rs 5 crore`), after it (`2.5 billion euros`, `10 €`, `200 USD`, `99p`,
//! `50 cents`, `420 million finnish markka`), with subunits (`thirteen dollars and
//! forty-five cents`), and vague amounts (`millions of dollars`).

use super::currency::{currencies, Form, FormKind};
use super::{has_role_at, Measure, Reading, Role, Scan};
use crate::decimal::Decimal;
use crate::numbers::{magnitude, read_number, read_numeral_in, with_lower, NumberRead};
use crate::tokens::{flag, Kind};

/// Decides the currency of `form` written at token `at` into a money measure.
fn measure(scan: &Scan, form: &Form, at: usize) -> Measure {
    Measure::Money { currency: scan.currency.resolve(form, at), unit: form.unit }
}

/// True when a weak currency word (`won`, `pound`, `rand`) really names money here: it
/// comes with a magnitude or an adjective (`South Korean won`), or the text speaks of
/// that currency elsewhere; never right before a determiner (`won the`) or after a
/// plain year (`in 2010 won`).
fn weak_word_ok(scan: &Scan, form: &Form, num: &NumberRead, next: usize) -> bool {
    if !form.weak || form.kind == FormKind::Name {
        return true;
    }
    let doc = scan.doc;
    if next < doc.tokens.len() && has_role_at(doc, next, Role::Determiner) {
        return false;
    }
    if num.magnitude > 0 {
        return true;
    }
    let year_like = num.base.is_integer() && num.base.to_i64().is_some_and(|y| (1000..=2100).contains(&y)) && !doc.str(num.first).contains(',');
    !year_like && scan.currency.has_cue(form.unit)
}

/// The number after a currency sign that ends at token `j - 1`.
#[allow(clippy::too_many_arguments)]
fn number_after_sign(scan: &Scan, first: usize, j: usize, measure: Measure, extra: u32, need_magnitude: bool, sign: Option<&str>) -> Option<Reading> {
    let doc = scan.doc;
    let n = doc.tokens.len();
    let mut j = j;
    if j >= n || doc.tokens[j].has(flag::LINE_BEFORE) {
        return None;
    }
    // `$-5`
    let mut negative = false;
    if matches!(doc.str(j), "-" | "−") && j + 1 < n && !doc.tokens[j + 1].has(flag::SPACE_BEFORE) {
        negative = true;
        j += 1;
    }
    if doc.tokens[j].kind != Kind::Number {
        return None;
    }
    let digits = doc.str(j).as_bytes();
    if digits.len() > 1 && digits[0] == b'0' && digits[1].is_ascii_digit() {
        return None; // `CZK 000's`: a column heading, not an amount
    }
    let num = read_number(doc, j, true)?;
    if !num.rest.is_empty() && !num.rest.starts_with('-') {
        return None; // `$5th`, `$2s`
    }
    if need_magnitude && num.magnitude == 0 {
        return None;
    }
    // `10 $ 30 $`: the sign belongs to the number before it.
    if let Some(sign) = sign {
        let before_is_number = first > 0 && doc.tokens[first - 1].kind == Kind::Number;
        if before_is_number && num.next < n && doc.str(num.next) == sign {
            return None;
        }
    }
    // `$ 227.57 m`, `Rp 2,500 k`: a one-letter magnitude written apart ends the amount.
    let mut num = num;
    if num.magnitude == 0 && num.rest.is_empty() && num.next < n {
        let letter = doc.str(num.next);
        let ends = num.next + 1 >= n || matches!(doc.tokens[num.next + 1].kind, Kind::Punct) || doc.tokens[num.next + 1].has(flag::LINE_BEFORE);
        if letter.len() == 1 && doc.tokens[num.next].kind == Kind::Word && !doc.tokens[num.next].has(flag::LINE_BEFORE) && ends {
            if let Some(p) = magnitude(letter) {
                num.value = num.value.times_pow10(p)?;
                num.high = match num.high {
                    Some(h) => Some(h.times_pow10(p)?),
                    None => None,
                };
                num.magnitude = p;
                num.end = doc.tokens[num.next].end as usize;
                num.next += 1;
            }
        }
    }
    let scale = |v: Decimal| {
        let v = v.times_pow10(extra)?;
        Some(if negative { -v } else { v })
    };
    let high = match num.high {
        Some(h) => Some(scale(h)?),
        None => None,
    };
    Some(Reading {
        measure,
        start: doc.tokens[first].start as usize,
        end: num.end,
        first,
        next: num.next,
        low: scale(num.value)?,
        high,
        base: num.base,
        factor: Decimal::from_int(1),
        magnitude: num.magnitude + extra,
        prefix: true,
        vague: false,
        signed: negative,
    })
}

/// Money whose currency is written before the number, starting at token `i`.
pub(super) fn prefixed(scan: &Scan, i: usize) -> Option<Reading> {
    let doc = scan.doc;
    let table = currencies();
    let tok = doc.tokens[i];
    let s = doc.str(i);
    let n = doc.tokens.len();
    if tok.kind == Kind::Word && tok.has(flag::HAS_DIGIT) {
        return fused_prefix(scan, i);
    }
    // An ISO code, or a code with a magnitude letter (`MAUD 60`), before the number.
    let code = table.code(s, false, false).map(|c| (c, 0)).or_else(|| table.scaled_code(s));
    let next_is_sign = i + 1 < n && matches!(doc.tokens[i + 1].kind, Kind::Symbol | Kind::Punct) && !doc.tokens[i + 1].has(flag::SPACE_BEFORE);
    if let Some((iso, p)) = code {
        if !next_is_sign {
            let measure = Measure::Money { currency: Some(iso), unit: "" };
            return number_after_sign(scan, i, i + 1, measure, p, false, None);
        }
    }
    // A sign: `$`, `US$`, `C$`, `c $`, `Rs`, `Fr.`
    let sign = table.signs.longest_at(doc, i, Some(i + 1), |f| f.pre && !f.fused);
    if let Some(m) = sign {
        let form = m.value;
        let spaced_ok = s.chars().count() >= 2 || form.spaced;
        let parts_touch = doc.tokens[i + 1..m.next].iter().all(|t| !t.has(flag::SPACE_BEFORE));
        if spaced_ok || parts_touch {
            let single = (m.next == i + 1).then_some(s);
            if let Some(r) = number_after_sign(scan, i, m.next, measure(scan, form, i), 0, false, single) {
                return Some(r);
            }
        }
    }
    // An ISO code joined to a dollar sign: `cad$ 15`, `MXN$ 15`.
    if next_is_sign && doc.str(i + 1) == "$" {
        if let Some(iso) = table.code(s, true, false).or_else(|| with_lower(s, |l| table.code(l, true, false)).flatten()) {
            let measure = Measure::Money { currency: Some(iso), unit: "dollar" };
            return number_after_sign(scan, i, i + 2, measure, 0, false, None);
        }
    }
    // A currency word before a number with a magnitude: `dollar 22.5 million`.
    let after_determiner = i > 0 && (has_role_at(doc, i - 1, Role::Determiner) || has_role_at(doc, i - 1, Role::Article));
    if tok.kind == Kind::Word && !after_determiner {
        let word = table.words.longest_at(doc, i, Some(i + 1), |f| f.kind == FormKind::Word && f.iso.is_some() && !f.weak && f.sub.is_none());
        if let Some(m) = word {
            return number_after_sign(scan, i, m.next, measure(scan, m.value, i), 0, true, None);
        }
    }
    None
}

/// A currency fused before the digits in one token: `USD115`, `R1.5bn`, `Rs500`.
fn fused_prefix(scan: &Scan, i: usize) -> Option<Reading> {
    let doc = scan.doc;
    let table = currencies();
    let s = doc.str(i);
    let cut = s.find(|c: char| c.is_ascii_digit())?;
    if cut == 0 {
        return None;
    }
    let (head, _) = s.split_at(cut);
    let start = doc.tokens[i].start as usize;
    let (measure, extra, weak) = if let Some(iso) = table.code(head, false, false) {
        let num = read_numeral_in(doc, i, start + cut)?;
        let large = num.magnitude > 0 || num.value.to_i64().is_none_or(|v| v >= 1000) || !num.value.is_integer();
        if !large && !table.is_common_code(head) {
            return None; // `COP30`, the climate summit
        }
        (Measure::Money { currency: Some(iso), unit: "" }, 0, None)
    } else if let Some((iso, p)) = table.scaled_code(head) {
        (Measure::Money { currency: Some(iso), unit: "" }, p, None)
    } else {
        let m = table.signs.longest(doc, head, None, |f| f.pre && f.kind == FormKind::Abbrev)?;
        let form = m.value;
        (measure(scan, form, i), 0, form.weak.then_some(form.unit))
    };
    let num = read_numeral_in(doc, i, start + cut)?;
    if let Some(unit) = weak {
        if num.magnitude == 0 && !scan.currency.has_cue(unit) {
            return None; // `R2` is a road, `R15` a rifle
        }
    }
    Some(Reading {
        measure,
        start,
        end: num.end,
        first: i,
        next: num.next,
        low: num.value.times_pow10(extra)?,
        high: None,
        base: num.base,
        factor: Decimal::from_int(1),
        magnitude: num.magnitude + extra,
        prefix: true,
        vague: false,
        signed: false,
    })
}

/// Money whose currency follows the number: a sign (`10 €`), a code (`200 USD`, `75 USD
/// million`, `120 MEUR`) or a currency word or name (`euros`, `Canadian dollars`).
pub(super) fn after(scan: &Scan, num: &NumberRead) -> Option<Reading> {
    let doc = scan.doc;
    let table = currencies();
    let j = num.next;
    // `$10 dollars`: the number already has its currency before it.
    if num.first > 0 && !doc.tokens[num.first].has(flag::SPACE_BEFORE) && table.signs.longest_at(doc, num.first - 1, None, |f| f.pre && !f.fused).is_some() {
        return None;
    }
    let s = doc.str(j);
    let tok_end = doc.tokens[j].end as usize;
    if let Some(m) = table.signs.longest_at(doc, j, Some(j + 1), |f| f.post && !f.fused) {
        let form = m.value;
        // `1 $10`: a sign that touches the next number and not this one is its prefix.
        let touches_next = m.next < doc.tokens.len() && doc.tokens[m.next].kind == Kind::Number && !doc.tokens[m.next].has(flag::SPACE_BEFORE);
        if form.pre && touches_next && doc.tokens[j].has(flag::SPACE_BEFORE) {
            return None;
        }
        return scan.reading(measure(scan, form, j), num, form.sub, m.end.unwrap_or(tok_end), m.next);
    }
    let code = table.code(s, true, true).map(|c| (c, 0)).or_else(|| table.scaled_code(s));
    // A code that starts a capitalised name is an acronym, not money (`300 ANG Airmen`:
    // the Air National Guard).
    let starts_name = doc.tokens.get(j + 1).is_some_and(|t| {
        t.kind == Kind::Word && t.has(flag::CAPITALISED) && !t.has(flag::ALL_CAPS) && magnitude(doc.str(j + 1)).is_none()
    });
    if let Some((iso, p)) = code.filter(|_| !starts_name) {
        let measure = Measure::Money { currency: Some(iso), unit: "" };
        let mut r = scan.reading(measure, num, None, tok_end, j + 1)?;
        if p > 0 {
            scale_reading(&mut r, p)?;
        } else if num.magnitude == 0 {
            // `75 USD million`
            if let Some(p) = doc.tokens.get(j + 1).filter(|t| t.kind == Kind::Word && doc.str(j + 1).len() > 1).and_then(|_| magnitude(doc.str(j + 1))) {
                scale_reading(&mut r, p)?;
                r.end = doc.tokens[j + 1].end as usize;
                r.next = j + 2;
                return Some(r);
            }
        }
        return Some(minor_units(scan, r, iso, "", false));
    }
    let m = table.words.longest_at(doc, j, Some(j + 1), |_| true)?;
    let form = m.value;
    if !weak_word_ok(scan, form, num, m.next) {
        return None;
    }
    let r = scan.reading(measure(scan, form, j), num, form.sub, m.end.unwrap_or(tok_end), m.next)?;
    if form.sub.is_some() {
        return Some(r);
    }
    let Measure::Money { currency, .. } = r.measure else { return Some(r) };
    Some(minor_units(scan, r, currency.unwrap_or(""), form.unit, num.words))
}

/// Multiplies a reading by `10^p` (a magnitude written after the currency).
fn scale_reading(r: &mut Reading, p: u32) -> Option<()> {
    r.low = r.low.times_pow10(p)?;
    if let Some(h) = r.high {
        r.high = Some(h.times_pow10(p)?);
    }
    r.magnitude += p;
    Some(())
}

/// Adds the subunits after a currency: `15 dollars 50`, `17 USD 25`, `thirteen dollars
/// and forty-five cents`. With `and`, the subunit word is required; without it, the
/// number must end the phrase (`15 dollars 50 more`, not `5 dollars 20 times`).
fn minor_units(scan: &Scan, r: Reading, iso: &str, unit: &str, words: bool) -> Reading {
    let doc = scan.doc;
    let n = doc.tokens.len();
    if r.high.is_some() || r.magnitude > 0 || !r.low.is_integer() || r.next >= n {
        return r;
    }
    let mut j = r.next;
    let with_and = doc.str(j).eq_ignore_ascii_case("and");
    if with_and {
        j += 1;
    }
    if j >= n || doc.tokens[j].has(flag::LINE_BEFORE) {
        return r;
    }
    let Some(minor) = read_number(doc, j, false) else { return r };
    let small = minor.base.is_integer() && minor.base.to_i64().is_some_and(|v| (1..100).contains(&v));
    if !small || minor.magnitude > 0 || minor.high.is_some() || !minor.rest.is_empty() {
        return r;
    }
    if !minor.words && (doc.str(j).len() > 2 || words && !with_and) {
        return r;
    }
    let k = minor.next;
    let table = currencies();
    let sub = (k < n)
        .then(|| table.words.longest_at(doc, k, Some(k + 1), |f| f.sub.is_some()))
        .flatten()
        .filter(|m| m.value.unit == unit || m.value.iso.is_some_and(|c| c == iso));
    let (factor, end, next) = match sub {
        Some(m) => (m.value.sub, m.end.unwrap_or(doc.tokens[k].end as usize), m.next),
        None if with_and => return r,
        None => {
            let ends = k >= n
                || doc.tokens[k].has(flag::LINE_BEFORE)
                || matches!(doc.tokens[k].kind, Kind::Punct)
                || (doc.tokens[k].kind == Kind::Word && has_role_at(doc, k, Role::Follower));
            if !ends {
                return r;
            }
            (Decimal::new(1, 2), minor.end, k)
        }
    };
    let Some(add) = factor.and_then(|f| minor.value.checked_mul(f)) else { return r };
    let Some(low) = r.low.checked_add(add) else { return r };
    Reading { low, end, next, ..r }
}

/// A currency fused after the digits: `115USD`, `120MEUR`, `99p`.
pub(super) fn fused(scan: &Scan, num: &NumberRead, end: usize) -> Option<Reading> {
    let doc = scan.doc;
    let table = currencies();
    let rest = num.rest;
    let code = table.code(rest, false, false).map(|c| (c, 0)).or_else(|| table.scaled_code(rest));
    if let Some((iso, p)) = code {
        let mut r = scan.reading(Measure::Money { currency: Some(iso), unit: "" }, num, None, end, num.next)?;
        scale_reading(&mut r, p)?;
        return Some(r);
    }
    let m = table.signs.longest(doc, rest, None, |f| f.post)?;
    let form = m.value;
    scan.reading(measure(scan, form, num.next - 1), num, form.sub, end, num.next)
}

/// A currency word joined to the number by a hyphen: `12-cent`, `one-yen`, `five-dollar`.
pub(super) fn piece(scan: &Scan, num: &NumberRead, piece: &str, end: usize) -> Option<Reading> {
    let table = currencies();
    let m = table.words.longest(scan.doc, piece, None, |f| f.kind == FormKind::Word)?;
    let form = m.value;
    if !weak_word_ok(scan, form, num, num.next) {
        return None;
    }
    scan.reading(measure(scan, form, num.next - 1), num, form.sub, end, num.next)
}

/// The words that open a vague amount (any case).
pub(super) const VAGUE_WORDS: [&str; 6] = ["tens", "hundreds", "thousands", "millions", "billions", "trillions"];

/// The power of ten of a vague amount word: `millions` → 6, `tens` → 1 (`tens of
/// millions`), `hundreds` → 2.
pub(super) fn vague_start(word: &str) -> Option<u32> {
    if word.len() < 4 || !word.ends_with(['s', 'S']) {
        return None;
    }
    if word.eq_ignore_ascii_case("tens") {
        return Some(1);
    }
    if word.eq_ignore_ascii_case("hundreds") {
        return Some(2);
    }
    magnitude(word).filter(|&p| p >= 3 && word.len() > 4)
}

/// A vague amount: `millions of dollars`, `hundreds of millions of euros`, `tens of
/// thousands of pounds`. The value has only its lower bound.
pub(super) fn vague(scan: &Scan, i: usize) -> Option<Reading> {
    let doc = scan.doc;
    let n = doc.tokens.len();
    let word_at = |j: usize| (j < n && doc.tokens[j].kind == Kind::Word && !doc.tokens[j].has(flag::LINE_BEFORE)).then(|| doc.str(j));
    let mut p = vague_start(doc.str(i))?;
    let mut j = i + 1;
    if p < 3 {
        if !word_at(j)?.eq_ignore_ascii_case("of") {
            return None;
        }
        p += vague_start(word_at(j + 1)?).filter(|&q| q >= 3)?;
        j += 2;
    }
    if !word_at(j)?.eq_ignore_ascii_case("of") {
        return None;
    }
    let j = j + 1;
    let m = currencies().words.longest(doc, word_at(j)?, Some(j + 1), |f| f.sub.is_none())?;
    let form = m.value;
    Some(Reading {
        measure: measure(scan, form, j),
        start: doc.tokens[i].start as usize,
        end: m.end.unwrap_or(doc.tokens[j].end as usize),
        first: i,
        next: m.next,
        low: Decimal::from_int(1).times_pow10(p)?,
        high: None,
        base: Decimal::from_int(1),
        factor: Decimal::from_int(1),
        magnitude: p,
        prefix: false,
        vague: true,
        signed: false,
    })
}
