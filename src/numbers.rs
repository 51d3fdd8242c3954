//! The number parser shared by money, percentages, quantities and dates: numerals with
//! any grouping (`1,200.50`, `1.200,50`), magnitudes (`2.5 billion`, `4.7bn`), number
//! words (`two billion`, `a million`, `half a billion`, `twenty-five`) and ordinals.

use crate::decimal::Decimal;
use crate::lexicon;
use crate::tokens::{Doc, Kind};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The kinds of number word in `data/number_words.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordKind {
    Unit,
    Ten,
    Scale,
    Ordinal,
    Fraction,
    Dozen,
}

struct Tables {
    words: FxHashMap<&'static str, (Decimal, WordKind)>,
    magnitudes: FxHashMap<&'static str, u32>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let words = lexicon::rows(include_str!("../data/number_words.tsv"))
            .filter(|r| r.len() >= 3)
            .filter_map(|r| {
                let kind = match r[2] {
                    "unit" => WordKind::Unit,
                    "ten" => WordKind::Ten,
                    "scale" => WordKind::Scale,
                    "ordinal" => WordKind::Ordinal,
                    "fraction" => WordKind::Fraction,
                    "dozen" => WordKind::Dozen,
                    _ => return None,
                };
                Some((r[0], (Decimal::parse(r[1])?, kind)))
            })
            .collect();
        let magnitudes = lexicon::rows(include_str!("../data/magnitudes.tsv"))
            .filter(|r| r.len() >= 2)
            .filter_map(|r| Some((r[0], r[1].parse().ok()?)))
            .collect();
        Tables { words, magnitudes }
    })
}

/// The power of ten of a magnitude word or abbreviation (`billion` → 9, `bn` → 9,
/// `k` → 3), case-sensitive for one-letter forms and case-insensitive for words.
pub(crate) fn magnitude(word: &str) -> Option<u32> {
    let t = tables();
    if let Some(&p) = t.magnitudes.get(word) {
        return Some(p);
    }
    if word.len() > 2 {
        let lower = word.to_ascii_lowercase();
        return t.magnitudes.get(lower.as_str()).copied();
    }
    None
}

/// Parses a numeral made of digits and separators: `2.5`, `57,600`, `1,200.50`,
/// `1.200,50`, `1.200.000`, `-3`, `3,5` (decimal comma). The grouping decides which
/// separator is the decimal one: the last separator is decimal unless it is followed by
/// exactly three digits and is of the same kind as an earlier one, or is a lone comma
/// before three digits (`1,200` is twelve hundred).
pub(crate) fn parse_numeral(s: &str) -> Option<Decimal> {
    let (neg, body) = match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if body.is_empty() || !body.as_bytes()[0].is_ascii_digit() && body.as_bytes()[0] != b'.' {
        return None;
    }
    if !body.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return None;
    }
    let seps: Vec<(usize, u8)> = body.bytes().enumerate().filter(|(_, b)| !b.is_ascii_digit()).collect();
    let decimal_at = match seps.last() {
        None => None,
        Some(&(pos, sep)) => {
            let digits_after = body.len() - pos - 1;
            let kinds_differ = seps.iter().any(|&(_, b)| b != sep);
            let repeated = seps.iter().filter(|&&(_, b)| b == sep).count() > 1;
            if kinds_differ {
                Some(pos)
            } else if repeated {
                None
            } else if sep == b',' && digits_after == 3 {
                None
            } else {
                Some(pos)
            }
        }
    };
    // Every grouping separator must be followed by exactly three digits, and groups
    // cannot start with a separator.
    let mut digits = String::with_capacity(body.len());
    let mut last_group_start = 0usize;
    for (i, b) in body.bytes().enumerate() {
        if b.is_ascii_digit() {
            digits.push(b as char);
        } else if Some(i) == decimal_at {
            digits.push('.');
        } else {
            if i == 0 || i - last_group_start == 0 {
                return None;
            }
            let next_sep = body[i + 1..].find([',', '.']).map(|p| p + i + 1).unwrap_or(body.len());
            if next_sep - i - 1 != 3 {
                return None;
            }
            last_group_start = i + 1;
        }
    }
    if digits.ends_with('.') {
        return None;
    }
    let value = Decimal::parse(&digits)?;
    Some(if neg { value.neg() } else { value })
}

/// Splits a token into a leading numeral and the rest: `4.7bn` → (`4.7`, `bn`),
/// `40m` → (`40`, `m`), `1990s` → (`1990`, `s`), `2.5` → (`2.5`, ``).
pub(crate) fn split_numeral(s: &str) -> (&str, &str) {
    let end = s
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || ((c == '.' || c == ',') && s[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
                || (i == 0 && c == '-'))
        })
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    s.split_at(end)
}

/// Parses an ordinal: `1st`, `04th`, `22nd`, `first`, `twenty-first`, `31st`.
pub(crate) fn parse_ordinal(s: &str) -> Option<u32> {
    let lower = s.to_ascii_lowercase();
    let (num, suffix) = split_numeral(&lower);
    if !num.is_empty() {
        let n: u32 = num.parse().ok()?;
        let ok = match suffix {
            "st" => n % 10 == 1 && n % 100 != 11,
            "nd" => n % 10 == 2 && n % 100 != 12,
            "rd" => n % 10 == 3 && n % 100 != 13,
            "th" => true,
            _ => false,
        };
        return ok.then_some(n);
    }
    let t = tables();
    let ordinal = |w: &str| match t.words.get(w) {
        Some(&(v, WordKind::Ordinal)) => v.to_i64().map(|v| v as u32),
        _ => None,
    };
    if let Some((tens, unit)) = lower.split_once('-') {
        let tens = match t.words.get(tens) {
            Some(&(v, WordKind::Ten)) => v.to_i64()? as u32,
            _ => return None,
        };
        return Some(tens + ordinal(unit).filter(|&u| u < 10)?);
    }
    ordinal(&lower)
}

/// A number read from one or more tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NumberMatch {
    /// The value, magnitude applied.
    pub value: Decimal,
    /// Index of the token after the number.
    pub end: usize,
    /// True when the number was written with words (`two`, `a million`).
    pub words: bool,
}

fn word_value(w: &str) -> Option<(Decimal, WordKind)> {
    let t = tables();
    if let Some(&v) = t.words.get(w) {
        return Some(v);
    }
    let lower = w.to_lowercase();
    t.words.get(lower.as_str()).copied()
}

/// Value of a single (possibly hyphenated) cardinal number word: `seven`, `twenty-five`.
fn cardinal_word(w: &str) -> Option<(Decimal, WordKind)> {
    if let Some((tens, unit)) = w.split_once('-') {
        let (t, tk) = word_value(tens)?;
        let (u, uk) = word_value(unit)?;
        if tk == WordKind::Ten && uk == WordKind::Unit && u.to_i64()? < 10 {
            return Some((t.checked_add(u)?, WordKind::Ten));
        }
        return None;
    }
    word_value(w).filter(|(_, k)| !matches!(k, WordKind::Ordinal))
}

/// Reads number words from token `i`: `two`, `twenty-five`, `one hundred and twenty`,
/// `a million`, `half a billion`, `three dozen`, `1.2 trillion` is not words (see
/// [`parse_number`]). Returns `None` when no number word starts at `i`.
pub(crate) fn parse_number_words(doc: &Doc, i: usize) -> Option<NumberMatch> {
    let n = doc.tokens.len();
    let lower_at = |j: usize| doc.str(j);
    let mut total = Decimal::ZERO; // completed groups (millions, thousands...)
    let mut current = Decimal::ZERO; // the group being built (below a thousand)
    let mut j = i;
    let mut any = false;
    let mut last_kind: Option<WordKind> = None;
    // `a million`, `an eighteen` (no), `half a billion`
    let first = lower_at(i);
    if first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("an") {
        let next = (i + 1 < n).then(|| cardinal_word(lower_at(i + 1))).flatten()?;
        if !matches!(next.1, WordKind::Scale | WordKind::Dozen) {
            return None;
        }
        current = Decimal::from_int(1);
        j = i + 1;
        last_kind = Some(WordKind::Unit);
    } else if first.eq_ignore_ascii_case("half") && i + 2 < n && lower_at(i + 1).eq_ignore_ascii_case("a") {
        let (v, k) = cardinal_word(lower_at(i + 2))?;
        if k != WordKind::Scale {
            return None;
        }
        return Some(NumberMatch { value: v.checked_mul(Decimal::parse("0.5")?)?, end: i + 3, words: true });
    }
    while j < n {
        let w = lower_at(j);
        if doc.tokens[j].kind != Kind::Word {
            break;
        }
        if w.eq_ignore_ascii_case("and") && any && j + 1 < n {
            // `one hundred and twenty`: only inside a number.
            if matches!(last_kind, Some(WordKind::Scale)) && cardinal_word(lower_at(j + 1)).is_some_and(|(_, k)| matches!(k, WordKind::Unit | WordKind::Ten)) {
                j += 1;
                continue;
            }
            break;
        }
        let Some((v, kind)) = cardinal_word(w) else { break };
        match kind {
            WordKind::Unit | WordKind::Ten => {
                if matches!(last_kind, Some(WordKind::Unit | WordKind::Ten)) && !(last_kind == Some(WordKind::Ten) && kind == WordKind::Unit) {
                    break; // `five six` is two numbers
                }
                current = current.checked_add(v)?;
            }
            WordKind::Scale | WordKind::Dozen => {
                let base = if current.is_zero() { Decimal::from_int(1) } else { current };
                if !any && !(last_kind == Some(WordKind::Unit)) && current.is_zero() {
                    return None; // a bare `million` is not a number
                }
                if v.to_i64() == Some(100) {
                    current = base.checked_mul(v)?;
                } else {
                    total = total.checked_add(base.checked_mul(v)?)?;
                    current = Decimal::ZERO;
                }
            }
            WordKind::Fraction | WordKind::Ordinal => break,
        }
        any = true;
        last_kind = Some(kind);
        j += 1;
    }
    if !any {
        return None;
    }
    Some(NumberMatch { value: total.checked_add(current)?, end: j, words: true })
}

/// Reads a number at token `i`: a numeral (`2.5`, `1,200`), optionally followed by a
/// magnitude word (`2.5 billion`) or fused with one (`4.7bn`, `40m`), or number words
/// (`two billion`, `a million`). A numeral followed by number scale words is combined
/// (`1.2 trillion`, `5 million`).
pub(crate) fn parse_number(doc: &Doc, i: usize) -> Option<NumberMatch> {
    let tok = doc.tokens.get(i)?;
    if tok.kind == Kind::Number {
        let (num, suffix) = split_numeral(doc.str(i));
        let mut value = parse_numeral(num)?;
        if !suffix.is_empty() {
            let p = magnitude(suffix)?;
            return Some(NumberMatch { value: value.times_pow10(p)?, end: i + 1, words: false });
        }
        let mut end = i + 1;
        if end < doc.tokens.len() {
            if let Some(p) = magnitude(doc.str(end)).filter(|_| doc.tokens[end].kind == Kind::Word) {
                // Single letters only count fused (`40m`), not as a separate word (`40 m`
                // is forty metres).
                if doc.str(end).chars().count() > 1 {
                    value = value.times_pow10(p)?;
                    end += 1;
                }
            }
        }
        return Some(NumberMatch { value, end, words: false });
    }
    parse_number_words(doc, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<String> {
        parse_numeral(s).map(|d| d.to_string())
    }

    #[test]
    fn numerals_with_grouping() {
        let cases = [
            ("2.5", Some("2.5")),
            ("57,600", Some("57600")),
            ("1,200.50", Some("1200.5")),
            ("1.200,50", Some("1200.5")),
            ("1.200.000", Some("1200000")),
            ("1,234,567", Some("1234567")),
            ("3,5", Some("3.5")),
            ("-0.1", Some("-0.1")),
            ("1990", Some("1990")),
            ("1,20,000", None),
            ("1,2345", Some("1.2345")),
            ("1.", None),
            (",5", None),
            ("1..2", None),
            ("abc", None),
        ];
        for (input, want) in cases {
            assert_eq!(num(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn split_and_magnitudes() {
        assert_eq!(split_numeral("4.7bn"), ("4.7", "bn"));
        assert_eq!(split_numeral("1990s"), ("1990", "s"));
        assert_eq!(split_numeral("2."), ("2", "."));
        assert_eq!(magnitude("bn"), Some(9));
        assert_eq!(magnitude("Billion"), Some(9));
        assert_eq!(magnitude("k"), Some(3));
        assert_eq!(magnitude("x"), None);
    }

    #[test]
    fn ordinals() {
        for (s, n) in [("1st", 1), ("04th", 4), ("22nd", 22), ("third", 3), ("twenty-first", 21), ("Thirtieth", 30)] {
            assert_eq!(parse_ordinal(s), Some(n), "{s}");
        }
        for s in ["1nd", "11st", "first-class", "st", "5"] {
            assert_eq!(parse_ordinal(s), None, "{s}");
        }
    }

    fn words(text: &str) -> Option<(String, usize)> {
        let doc = Doc::new(text);
        parse_number(&doc, 0).map(|m| (m.value.to_string(), m.end))
    }

    #[test]
    fn numbers_from_tokens() {
        let cases = [
            ("2.5 billion dollars", Some(("2500000000", 2))),
            ("4.7bn", Some(("4700000000", 1))),
            ("two billion dollars", Some(("2000000000", 2))),
            ("a million euros", Some(("1000000", 2))),
            ("half a billion", Some(("500000000", 3))),
            ("one hundred and twenty people", Some(("120", 4))),
            ("twenty-five", Some(("25", 1))),
            ("three dozen", Some(("36", 2))),
            ("1.2 trillion yen", Some(("1200000000000", 2))),
            ("40 m", Some(("40", 1))),
            ("million", None),
            ("a man", None),
            ("five six", Some(("5", 1))),
        ];
        for (text, want) in cases {
            let got = words(text);
            assert_eq!(got.as_ref().map(|(v, e)| (v.as_str(), *e)), want, "{text}");
        }
    }
}
