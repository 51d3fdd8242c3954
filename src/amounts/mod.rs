//! Money, percentages and quantities, with exact normalised values.
//!
//! One pass over the tokens: a cheap test ([`may_start`]) skips every token that cannot
//! start an amount; at the others a reading is tried: a currency sign or code before a
//! number (`$2.5 billion`, `USD 200`), a number followed by a currency, percentage word
//! or unit (`2.5 billion euros`, `5%`, `400 km`), a vague amount (`millions of dollars`).
//! A reading may grow into a range (`$5 million to $7 million`). The hedge before it
//! (`about`, `more than`) stays outside the span and becomes the value's `qualifier`.
//!
//! Spans: currency + number + magnitude, a leading `-`/`minus` included; `between` and
//! `from` before a range stay outside it (`between $3 and $4 billion` → `$3 and $4
//! billion`, value {min, max}), like the hedges.

mod currency;
mod money;
mod percent;
mod phrase;
mod quantity;
mod range;
mod units;

use crate::analysis::{Amount, Value};
use crate::decimal::Decimal;
use crate::label::Label;
use crate::lexicon::{fingerprint, WordFilter};
use crate::numbers::{cardinal_words, read_number, with_lower, NumberRead};
use crate::options::Options;
use crate::resolve::Candidate;
use crate::tokens::{flag, Doc, Kind};
use currency::CurrencyContext;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// What an amount measures.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Measure {
    /// Money: the ISO code when known, and the unit name (`franc`) for when it is not.
    Money { currency: Option<&'static str>, unit: &'static str },
    /// A percentage: `percent` or `percentage_point`.
    Percent { unit: &'static str },
    /// A quantity with its canonical unit (`km`).
    Quantity { unit: &'static str },
}

/// An amount read from the tokens, before hedges and signs around it are looked at.
#[derive(Clone, Copy, Debug)]
struct Reading {
    /// What it measures.
    measure: Measure,
    /// Byte offset of the span start.
    start: usize,
    /// Byte offset of the span end.
    end: usize,
    /// Index of the first token of the span.
    first: usize,
    /// Index of the token after the span.
    next: usize,
    /// The amount, or the low end of a range.
    low: Decimal,
    /// The high end of a range.
    high: Option<Decimal>,
    /// The first number as written, before its magnitude.
    base: Decimal,
    /// What the unit multiplies the number by (cents: 0.01, basis points: 0.01), so
    /// that a bare number joined to this reading in a range is scaled alike.
    factor: Decimal,
    /// The power of ten of the first number's magnitude (0 for none).
    magnitude: u32,
    /// The currency is written before the number (`$5`).
    prefix: bool,
    /// Only a lower bound is known (`millions of dollars`).
    vague: bool,
    /// A sign was already read into the span (`$-5`).
    signed: bool,
}

/// The words of function (`the`, `more`...) around amounts, by role.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A determiner.
    Determiner,
    /// An article or `per`.
    Article,
    /// May follow `15 dollars 50`.
    Follower,
}

fn function_words() -> &'static FxHashMap<&'static str, Vec<Role>> {
    static TABLE: OnceLock<FxHashMap<&'static str, Vec<Role>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: FxHashMap<&'static str, Vec<Role>> = FxHashMap::default();
        for row in crate::lexicon::rows(include_str!("../../data/amounts/function_words.txt")).filter(|r| r.len() >= 2) {
            let role = match row[1] {
                "det" => Role::Determiner,
                "art" => Role::Article,
                _ => Role::Follower,
            };
            map.entry(row[0]).or_default().push(role);
        }
        map
    })
}

/// True when `word` (any case) plays `role`.
fn has_role(word: &str, role: Role) -> bool {
    with_lower(word, |l| function_words().get(l).is_some_and(|r| r.contains(&role))).unwrap_or(false)
}

/// [`has_role`] of token `i`: a plain ASCII token whose fingerprint no function word has
/// is rejected without a lookup.
fn has_role_at(doc: &Doc, i: usize, role: Role) -> bool {
    static FILTER: OnceLock<WordFilter> = OnceLock::new();
    let filter = FILTER.get_or_init(|| filter_of(function_words().keys().copied()));
    may_be_listed(doc, i, filter) && has_role(doc.str(i), role)
}

/// One text being scanned, with the context its currencies need.
struct Scan<'d, 't> {
    doc: &'d Doc<'t>,
    currency: CurrencyContext<'d, 't>,
}

/// Proposes MONEY, PERCENT and QUANTITY spans with their values.
// Not inlined: the extractor stays one frame in profiles (one call per text).
#[inline(never)]
pub(crate) fn extract(doc: &Doc, _options: &Options, out: &mut Vec<Candidate>) {
    let scan = Scan { doc, currency: CurrencyContext::new(doc) };
    for i in 0..doc.tokens.len() {
        if !may_start(doc, i) {
            continue;
        }
        if let Some(reading) = scan.read_at(i, true) {
            scan.emit(reading, out);
        }
    }
}

/// Every word (lower case) an amount may start with: number words, currency signs and
/// words, percentage words, vague amounts (`millions of`), with a filter of their
/// fingerprints that rejects most other words before any lookup.
fn anchor_words() -> &'static (FxHashSet<String>, WordFilter) {
    static TABLE: OnceLock<(FxHashSet<String>, WordFilter)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words = anchor_list();
        let filter = filter_of(words.iter().map(String::as_str));
        (words, filter)
    })
}

/// A filter of the fingerprints of the first tokens of currency signs (`$`, `us`, `rs`).
fn sign_filter() -> &'static WordFilter {
    static FILTER: OnceLock<WordFilter> = OnceLock::new();
    FILTER.get_or_init(|| filter_of(currency::currencies().signs.first_tokens()))
}

/// A filter of the fingerprints of lower-case `words`.
fn filter_of<'w>(words: impl Iterator<Item = &'w str>) -> WordFilter {
    let mut filter = WordFilter::default();
    for w in words {
        filter.insert(fingerprint(w.as_bytes()));
    }
    filter
}

/// False when token `i` is plain ASCII (see [`Doc::plain_fingerprint`]) and not in
/// `filter`: it is then in no list of lower-case words the filter was built from.
fn may_be_listed(doc: &Doc, i: usize, filter: &WordFilter) -> bool {
    doc.plain_fingerprint(i).is_none_or(|fp| filter.may_contain(fp))
}

/// The words of [`anchor_words`].
fn anchor_list() -> FxHashSet<String> {
    let mut set: FxHashSet<String> = ["a", "an", "half", "quarter", "three-quarters", "minus"].iter().map(|w| w.to_string()).collect();
    set.extend(cardinal_words().map(str::to_string));
    let c = currency::currencies();
    set.extend(c.signs.first_tokens().map(str::to_string));
    set.extend(c.words.first_tokens().map(str::to_string));
    set.extend(units::units().percent.first_tokens().map(str::to_string));
    set.extend(money::VAGUE_WORDS.iter().map(|w| w.to_string()));
    set
}

/// The cheap test run on every token: can an amount start here?
fn may_start(doc: &Doc, i: usize) -> bool {
    let tok = doc.tokens[i];
    if tok.has(flag::URL) {
        return false;
    }
    match tok.kind {
        Kind::Number => true,
        // `$` is ASCII punctuation to the tokenizer; `€` a symbol.
        Kind::Symbol | Kind::Punct => may_be_listed(doc, i, sign_filter()) && currency::currencies().signs.starts_with(doc.str(i)),
        Kind::Word => {
            let s = doc.text.as_bytes().get(tok.range()).unwrap_or_default();
            tok.has(flag::HAS_DIGIT)
                || (s.len() <= 4 && s.len() >= 3 && s.iter().all(u8::is_ascii_alphabetic) && s[1].is_ascii_uppercase())
                || code_before_dollar(doc, i)
                || is_anchor(doc, i)
        }
    }
}

/// True when word `i` (any case), or its part before a hyphen, is an anchor word.
fn is_anchor(doc: &Doc, i: usize) -> bool {
    let (words, filter) = anchor_words();
    if !may_be_listed(doc, i, filter) {
        return false;
    }
    with_lower(doc.str(i), |l| words.contains(l) || l.split_once('-').is_some_and(|(head, _)| words.contains(head))).unwrap_or(false)
}

/// True when token `i` may be an ISO code joined to a dollar sign in any case (`cad$ 15`,
/// `Mxn$`): three ASCII letters with `$` right after them. Every other word that
/// [`money::prefixed`] reads is an anchor word or has a capital second letter.
fn code_before_dollar(doc: &Doc, i: usize) -> bool {
    let s = doc.text.as_bytes().get(doc.tokens[i].range()).unwrap_or_default();
    s.len() == 3
        && s.iter().all(u8::is_ascii_alphabetic)
        && doc.tokens.get(i + 1).is_some_and(|t| !t.has(flag::SPACE_BEFORE) && doc.str(i + 1) == "$")
}

impl<'d, 't> Scan<'d, 't> {
    /// The amount that starts at token `i`, grown into a range when `ranges`.
    fn read_at(&self, i: usize, ranges: bool) -> Option<Reading> {
        let tok = self.doc.tokens[i];
        let reading = match tok.kind {
            Kind::Symbol | Kind::Punct => money::prefixed(self, i),
            Kind::Word => money::prefixed(self, i)
                .or_else(|| money::vague(self, i))
                .or_else(|| percent::percent_of(self, i))
                .or_else(|| self.number_at(i, ranges)),
            Kind::Number => self.number_at(i, ranges),
        }?;
        Some(if ranges { range::extend(self, reading) } else { reading })
    }

    /// A number at token `i` with the unit after it; with `ranges`, also a bare number
    /// that starts a range (`5 to 10 percent`).
    fn number_at(&self, i: usize, ranges: bool) -> Option<Reading> {
        let plain = read_number(self.doc, i, false)?;
        let grouped = if self.may_group(i) { read_number(self.doc, i, true) } else { None };
        if let Some(grouped) = grouped.filter(|g| g.next > plain.next) {
            if let Some(r) = self.after_number(&grouped) {
                return Some(r);
            }
        }
        if let Some(r) = self.after_number(&plain) {
            return Some(r);
        }
        if ranges {
            return range::bare_first(self, &plain);
        }
        None
    }

    /// True when a digit group may follow token `i` after one space-like character (`1 200`,
    /// `1\u{a0}200 000`): only then can reading groups split by plain spaces give a longer
    /// number.
    fn may_group(&self, i: usize) -> bool {
        let doc = self.doc;
        doc.tokens[i].kind == Kind::Number
            && doc.tokens.get(i + 1).is_some_and(|t| {
                t.kind == Kind::Number && matches!(doc.text.get(doc.tokens[i].end as usize..t.start as usize), Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}"))
            })
    }

    /// The unit, currency or percentage that follows a number, read as one amount.
    fn after_number(&self, num: &NumberRead) -> Option<Reading> {
        if !num.rest.is_empty() {
            return self.fused_suffix(num);
        }
        let j = num.next;
        if j >= self.doc.tokens.len() || self.doc.tokens[j].has(flag::LINE_BEFORE) {
            return quantity::fused_metres(self, num);
        }
        percent::after(self, num)
            .or_else(|| money::after(self, num))
            .or_else(|| quantity::after(self, num))
            .or_else(|| quantity::fused_metres(self, num))
    }

    /// A unit written inside the number's token: `115USD`, `15km`, `99p`, `12-cent`,
    /// `one-yen`, `10-mile`, `5-percent`.
    fn fused_suffix(&self, num: &NumberRead) -> Option<Reading> {
        let rest = num.rest;
        if let Some(dash) = rest.chars().next().filter(|&c| c == '-' || c == '–') {
            // The longest hyphen-joined head that is a unit: `cent` in `cent-a-share`.
            let body = &rest[dash.len_utf8()..];
            let mut cuts: Vec<usize> = body.match_indices('-').map(|(p, _)| p).collect();
            cuts.push(body.len());
            for &cut in cuts.iter().rev() {
                let piece = &body[..cut];
                let end = num.end + dash.len_utf8() + cut;
                if let Some(r) = percent::piece(self, num, piece, end)
                    .or_else(|| money::piece(self, num, piece, end))
                    .or_else(|| quantity::piece(self, num, piece, end, false))
                {
                    return Some(r);
                }
            }
            return None;
        }
        let end = self.doc.tokens[num.next - 1].end as usize;
        money::fused(self, num, end)
            .or_else(|| percent::piece(self, num, rest, end))
            .or_else(|| quantity::piece(self, num, rest, end, true))
    }

    /// A reading of `num` followed by a unit that ends at byte `end` before token `next`.
    fn reading(&self, measure: Measure, num: &NumberRead, factor: Option<Decimal>, end: usize, next: usize) -> Option<Reading> {
        let scale = |v: Decimal| match factor {
            Some(f) => v.checked_mul(f),
            None => Some(v),
        };
        let high = match num.high {
            Some(h) => Some(scale(h)?),
            None => None,
        };
        Some(Reading {
            measure,
            start: num.start,
            end,
            first: num.first,
            next,
            low: scale(num.value)?,
            high,
            base: num.base,
            factor: factor.unwrap_or(Decimal::from_int(1)),
            magnitude: num.magnitude,
            prefix: false,
            vague: false,
            signed: false,
        })
    }

    /// Where a sign before token `first` starts (`-5`, `−0.1`, `minus five`): the sign
    /// must touch the number, and a `-` must not join two words or numbers (`5-$7`).
    fn sign_before(&self, first: usize) -> Option<usize> {
        let doc = self.doc;
        let at = first.checked_sub(1)?;
        let s = doc.str(at);
        let tok = doc.tokens[at];
        if s.eq_ignore_ascii_case("minus") && !doc.tokens[first].has(flag::LINE_BEFORE) {
            return Some(tok.start as usize);
        }
        if !(s == "-" || s == "−") || doc.tokens[first].has(flag::SPACE_BEFORE) {
            return None;
        }
        let free = at == 0 || tok.has(flag::SPACE_BEFORE) || matches!(doc.str(at - 1), "(" | "[" | ":" | "=" | "~");
        free.then_some(tok.start as usize)
    }

    /// The hedge that ends right before token `first` (`about`, `more than`).
    fn qualifier_before(&self, first: usize) -> Option<&'static str> {
        let doc = self.doc;
        let table = &units::units().qualifiers;
        for k in first.saturating_sub(3)..first {
            if doc.tokens[k + 1..=first].iter().any(|t| t.has(flag::LINE_BEFORE)) {
                continue;
            }
            if let Some(m) = table.longest_at(doc, k, Some(k + 1), |_| true) {
                if m.next == first {
                    return Some(*m.value);
                }
            }
        }
        None
    }

    /// Turns a reading into a candidate: sign, hedge, value.
    fn emit(&self, mut r: Reading, out: &mut Vec<Candidate>) {
        if !r.signed && r.high.is_none() {
            if let Some(start) = self.sign_before(r.first) {
                r.start = start;
                r.first -= 1;
                r.low = -r.low;
            }
        }
        let qualifier = self.qualifier_before(r.first);
        let mut amount = Amount::default();
        match (r.high, r.vague) {
            (Some(high), _) => {
                amount.min = Some(r.low);
                amount.max = Some(high);
            }
            (None, true) => amount.min = Some(r.low),
            (None, false) => amount.amount = Some(r.low),
        }
        amount.qualifier = qualifier.map(str::to_string);
        let (label, value, priority) = match r.measure {
            Measure::Money { currency, unit } => {
                match currency {
                    Some(code) => amount.currency = Some(code.to_string()),
                    None => amount.unit = Some(unit.to_string()),
                }
                (Label::Money, Value::Money(amount), 3)
            }
            Measure::Percent { unit } => {
                amount.unit = Some(unit.to_string());
                (Label::Percent, Value::Measure(amount), 2)
            }
            Measure::Quantity { unit } => {
                amount.unit = Some(unit.to_string());
                (Label::Quantity, Value::Measure(amount), 1)
            }
        };
        out.push(Candidate::new(r.start, r.end, label).with_value(value).with_priority(priority));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::resolve;

    /// The amounts of `text` after overlaps are settled: (label, span text, value).
    fn amounts(text: &str) -> Vec<(Label, String, String)> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        extract(&doc, &Options::default(), &mut out);
        resolve(out)
            .into_iter()
            .map(|c| {
                let value = match &c.value {
                    Some(Value::Money(a) | Value::Measure(a)) => serde_json::to_string(a).unwrap_or_default(),
                    _ => String::new(),
                };
                (c.label, text[c.start..c.end].to_string(), value)
            })
            .collect()
    }

    #[test]
    fn cheap_test_lets_through_only_possible_starts() {
        let text = "$ € the USD two percent millions house , 5 US Rs cad$ a";
        let doc = Doc::new(text);
        let got: Vec<bool> = (0..doc.tokens.len()).map(|i| may_start(&doc, i)).collect();
        let want = [true, true, false, true, true, true, true, false, false, true, true, true, true, true, true];
        assert_eq!(got, want, "{:?}", doc.tokens.iter().map(|t| &text[t.range()]).collect::<Vec<_>>());
    }

    #[test]
    fn spans_values_and_non_matches() {
        let cases: &[(&str, &[(Label, &str, &str)])] = &[
            ("It cost about $2.5 billion.", &[(Label::Money, "$2.5 billion", r#"{"amount":2500000000,"currency":"USD","qualifier":"about"}"#)]),
            ("between €3 and €4 billion", &[(Label::Money, "€3 and €4 billion", r#"{"min":3000000000,"max":4000000000,"currency":"EUR"}"#)]),
            ("a 12-cent-a-share dividend", &[(Label::Money, "12-cent", r#"{"amount":0.12,"currency":"USD"}"#)]),
            ("The deal was 528 million francs.", &[(Label::Money, "528 million francs", r#"{"amount":528000000,"unit":"franc"}"#)]),
            ("up 25 basis points", &[(Label::Percent, "25 basis points", r#"{"amount":0.25,"unit":"percentage_point"}"#)]),
            ("It fell to -0.1 C.", &[(Label::Quantity, "-0.1 C", r#"{"amount":-0.1,"unit":"°C"}"#)]),
            ("He won 5 games and 3-1.", &[]),
            ("The 1996 to 1.2 billion guilders", &[(Label::Money, "1.2 billion guilders", r#"{"amount":1200000000,"unit":"guilder"}"#)]),
            ("ALL 70 of us", &[]),
            ("The 40 BAM Pilots landed.", &[]),
            ("rose 2p to 691p", &[(Label::Money, "2p", r#"{"amount":0.02,"currency":"GBP"}"#), (Label::Money, "691p", r#"{"amount":6.91,"currency":"GBP"}"#)]),
        ];
        for (text, want) in cases {
            let got = amounts(text);
            let got: Vec<(Label, &str, &str)> = got.iter().map(|(l, s, v)| (*l, s.as_str(), v.as_str())).collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
