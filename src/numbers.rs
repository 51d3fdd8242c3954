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
    /// The fingerprints of `words`: most tokens are rejected by [`cardinal_word_at`]
    /// without a lookup.
    filter: lexicon::WordFilter,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let words: FxHashMap<&'static str, (Decimal, WordKind)> = lexicon::rows(include_str!("../data/number_words.tsv"))
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
        let mut filter = lexicon::WordFilter::default();
        for w in words.keys() {
            filter.insert(lexicon::fingerprint(w.as_bytes()));
        }
        Tables { words, magnitudes, filter }
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
        return with_lower(word, |lower| t.magnitudes.get(lower).copied()).flatten();
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
    // Fast path for the usual plain integer (`2017`, `45`): up to 18 digits fit an i64,
    // and the general reading below would give the same value.
    if body.len() <= 18 && body.bytes().all(|b| b.is_ascii_digit()) {
        let m = body.bytes().fold(0i64, |m, b| m * 10 + (b - b'0') as i64);
        return Some(Decimal::from_int(if neg { -m } else { m }));
    }
    if !body.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return None;
    }
    // The last separator, whether both kinds occur, and how often the last kind occurs.
    let mut last: Option<(usize, u8)> = None;
    let (mut commas, mut dots) = (0usize, 0usize);
    for (i, b) in body.bytes().enumerate() {
        match b {
            b',' => commas += 1,
            b'.' => dots += 1,
            _ => continue,
        }
        last = Some((i, b));
    }
    let decimal_at = match last {
        None => None,
        Some((pos, sep)) => {
            let digits_after = body.len() - pos - 1;
            let kinds_differ = commas > 0 && dots > 0;
            let repeated = if sep == b',' { commas > 1 } else { dots > 1 };
            let grouping = repeated || (sep == b',' && digits_after == 3);
            if kinds_differ || !grouping {
                Some(pos)
            } else {
                None
            }
        }
    };
    // Every grouping separator must be followed by exactly three digits, and groups
    // cannot start with a separator. The digits go to a stack buffer (numerals are short;
    // a longer one falls back to the heap).
    let mut stack = [0u8; 48];
    let mut heap = Vec::new();
    let mut len = 0usize;
    let mut push = |b: u8| {
        if len < stack.len() {
            stack[len] = b;
        } else {
            if heap.is_empty() {
                heap.extend_from_slice(&stack);
            }
            heap.push(b);
        }
        len += 1;
    };
    let mut last_group_start = 0usize;
    for (i, b) in body.bytes().enumerate() {
        if b.is_ascii_digit() {
            push(b);
        } else if Some(i) == decimal_at {
            push(b'.');
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
    let bytes = if len <= stack.len() { &stack[..len] } else { &heap[..] };
    if bytes.last() == Some(&b'.') {
        return None;
    }
    // Only ASCII digits and `.` were pushed.
    let digits = std::str::from_utf8(bytes).ok()?;
    let value = Decimal::parse(digits)?;
    Some(if neg { -value } else { value })
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
    with_lower(s, ordinal_lower).flatten()
}

/// [`parse_ordinal`] for a lower-case word.
fn ordinal_lower(lower: &str) -> Option<u32> {
    let (num, suffix) = split_numeral(lower);
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
    ordinal(lower)
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

/// The value and kind of a number word, any case (one lookup: the table's words are in
/// lower case).
fn word_value(w: &str) -> Option<(Decimal, WordKind)> {
    let t = tables();
    with_lower(w, |lower| t.words.get(lower).copied()).flatten()
}

/// Calls `f` with `s` in lower case, without allocating: `None` when `s` is longer than
/// 64 bytes in lower case (no word list has such entries).
pub(crate) fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let mut buf = [0u8; 64];
    if s.is_ascii() {
        if s.len() > buf.len() {
            return None;
        }
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(f(s));
        }
        for (d, b) in buf.iter_mut().zip(s.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..s.len()]).ok().map(f);
    }
    let mut len = 0;
    for c in s.chars().flat_map(char::to_lowercase) {
        let n = c.len_utf8();
        if len + n > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[len..len + n]);
        len += n;
    }
    // Only whole characters were written, so the bytes are valid UTF-8.
    std::str::from_utf8(&buf[..len]).ok().map(f)
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

/// [`cardinal_word`] of token `j`. A plain ASCII token (no hyphen, see
/// [`Doc::plain_fingerprint`]) is one word, looked up in lower case: when no number word
/// has its fingerprint it is none.
fn cardinal_word_at(doc: &Doc, j: usize) -> Option<(Decimal, WordKind)> {
    if doc.plain_fingerprint(j).is_some_and(|fp| !tables().filter.may_contain(fp)) {
        return None;
    }
    cardinal_word(doc.str(j))
}

/// A fraction of a scale word at token `i`: `half a` (0.5), `quarter`, `a quarter of a`
/// (0.25), `three quarters`, `three-quarters of an` (0.75). Returns the factor and the
/// index of the scale word that must follow.
fn fraction_before_scale(doc: &Doc, i: usize) -> Option<(Decimal, usize)> {
    let n = doc.tokens.len();
    let w = |j: usize| if j < n && doc.tokens[j].kind == Kind::Word { doc.str(j) } else { "" };
    let mut j = i;
    let factor = if w(j).eq_ignore_ascii_case("a") || w(j).eq_ignore_ascii_case("one") {
        j += 1;
        if w(j).eq_ignore_ascii_case("half") {
            Decimal::new(5, 1)?
        } else if w(j).eq_ignore_ascii_case("quarter") {
            Decimal::new(25, 2)?
        } else {
            return None;
        }
    } else if w(j).eq_ignore_ascii_case("half") {
        Decimal::new(5, 1)?
    } else if w(j).eq_ignore_ascii_case("quarter") {
        Decimal::new(25, 2)?
    } else if w(j).eq_ignore_ascii_case("three-quarters") || w(j).eq_ignore_ascii_case("three-quarter") {
        Decimal::new(75, 2)?
    } else if w(j).eq_ignore_ascii_case("three") && (w(j + 1).eq_ignore_ascii_case("quarters") || w(j + 1).eq_ignore_ascii_case("quarter")) {
        j += 1;
        Decimal::new(75, 2)?
    } else {
        return None;
    };
    j += 1;
    if w(j).eq_ignore_ascii_case("of") {
        j += 1;
    }
    if w(j).eq_ignore_ascii_case("a") || w(j).eq_ignore_ascii_case("an") {
        j += 1;
    }
    Some((factor, j))
}

/// Reads number words from token `i`: `two`, `twenty-five`, `one hundred and twenty`,
/// `a million`, `half a billion`, `a quarter of a million`, `three quarters billion`,
/// `two and a half million`, `three dozen`; `1.2 trillion` is not words (see
/// [`read_number`]). Returns `None` when no number word starts at `i`.
pub(crate) fn parse_number_words(doc: &Doc, i: usize) -> Option<NumberMatch> {
    let n = doc.tokens.len();
    let lower_at = |j: usize| doc.str(j);
    if let Some((factor, j)) = fraction_before_scale(doc, i) {
        if j < n && doc.tokens[j].kind == Kind::Word {
            if let Some((v, WordKind::Scale)) = cardinal_word_at(doc, j) {
                return Some(NumberMatch { value: v.checked_mul(factor)?, end: j + 1, words: true });
            }
        }
    }
    let mut total = Decimal::ZERO; // completed groups (millions, thousands...)
    let mut current = Decimal::ZERO; // the group being built (below a thousand)
    let mut j = i;
    let mut any = false;
    let mut last_kind: Option<WordKind> = None;
    // `a million`, `an eighteen` (no)
    let first = lower_at(i);
    if first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("an") {
        let next = (i + 1 < n).then(|| cardinal_word_at(doc, i + 1)).flatten()?;
        if !matches!(next.1, WordKind::Scale | WordKind::Dozen) {
            return None;
        }
        current = Decimal::from_int(1);
        j = i + 1;
        last_kind = Some(WordKind::Unit);
    }
    // No number needs more than a few dozen words; the cap keeps a run of
    // `one thousand one thousand ...` linear.
    while j < n && j - i < 24 {
        let w = lower_at(j);
        if doc.tokens[j].kind != Kind::Word {
            break;
        }
        if w.eq_ignore_ascii_case("and") && any && j + 1 < n {
            // `one hundred and twenty`: only inside a number.
            if matches!(last_kind, Some(WordKind::Scale)) && cardinal_word_at(doc, j + 1).is_some_and(|(_, k)| matches!(k, WordKind::Unit | WordKind::Ten)) {
                j += 1;
                continue;
            }
            // `two and a half million`
            if total.is_zero() && !current.is_zero() && j + 3 < n && lower_at(j + 1).eq_ignore_ascii_case("a") && lower_at(j + 2).eq_ignore_ascii_case("half") {
                if let Some((v, WordKind::Scale)) = cardinal_word_at(doc, j + 3) {
                    let value = current.checked_add(Decimal::new(5, 1)?)?.checked_mul(v)?;
                    return Some(NumberMatch { value, end: j + 4, words: true });
                }
            }
            break;
        }
        let Some((v, kind)) = cardinal_word_at(doc, j) else { break };
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

/// A number read from the tokens at one position by [`read_number`], with what it
/// leaves of its last token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NumberRead<'t> {
    /// The value, magnitude applied (`2.5 billion` → 2500000000); for a range written as
    /// one token (`5-10 million`) the low end.
    pub value: Decimal,
    /// The high end of a range written as one token (`5-10 million` → 10000000).
    pub high: Option<Decimal>,
    /// The number as written, before any magnitude (`2.5`).
    pub base: Decimal,
    /// The power of ten of the magnitude (`billion`, `bn` → 9); 0 when there is none.
    pub magnitude: u32,
    /// The magnitude letters when fused with the digits (`m` in `400m`), else empty.
    pub fused_magnitude: &'t str,
    /// True when the number is written with words (`two`, `a million`).
    pub words: bool,
    /// Byte offset where the number starts.
    pub start: usize,
    /// Byte offset where the number (and its magnitude) ends.
    pub end: usize,
    /// Index of the first token of the number.
    pub first: usize,
    /// Index of the token after the last token the number touches.
    pub next: usize,
    /// What follows the number inside its last token: `km` in `15km`, `USD` in `115USD`,
    /// `-cent-a-share` in `12-cent-a-share`; empty when the number ends its token.
    pub rest: &'t str,
}

/// True for the separators that may group digits in `1 200 000`: space-like characters
/// other than a line break.
fn group_gap(gap: &str, plain_spaces: bool) -> bool {
    let mut chars = gap.chars();
    let Some(c) = chars.next() else { return false };
    if chars.next().is_some() {
        return false;
    }
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}') || (plain_spaces && c == ' ')
}

/// True for a digit group of three (`200`), optionally with a decimal part (`200,50`).
fn is_digit_group(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && (b.len() == 3 || (b.len() >= 5 && matches!(b[3], b',' | b'.') && b[4..].iter().all(u8::is_ascii_digit)))
}

/// Joins digit groups separated by spaces (`1 200 000`, `1 200,50`) after the numeral
/// token `i`; returns the value and the token after the last group. Groups separated by
/// a no-break or thin space always join; plain spaces only when `plain_spaces`.
fn read_spaced_groups(doc: &Doc, i: usize, plain_spaces: bool) -> Option<(Decimal, usize)> {
    let head = doc.str(i);
    if head.is_empty() || head.len() > 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut j = i + 1;
    // At most six groups (10^18): a long run of `123 456 789 ...` stays linear.
    while j < doc.tokens.len() && j - i <= 6 && doc.tokens[j].kind == Kind::Number {
        let gap = &doc.text[doc.tokens[j - 1].end as usize..doc.tokens[j].start as usize];
        let group = doc.str(j);
        if !group_gap(gap, plain_spaces) || !is_digit_group(group) {
            break;
        }
        j += 1;
        if group.len() > 3 {
            break; // a decimal part ends the number
        }
    }
    if j == i + 1 {
        return None;
    }
    let mut digits = String::from(head);
    for k in i + 1..j {
        digits.push_str(doc.str(k));
    }
    Some((parse_numeral(&digits)?, j))
}

/// The magnitude word at token `j` written apart from the number (`billion`, `bn`,
/// `lakh crore`): its power of ten and the token after it. One-letter forms only count
/// fused (`40m`), since `40 m` is forty metres.
fn magnitude_words(doc: &Doc, j: usize) -> Option<(u32, usize)> {
    let tok = doc.tokens.get(j)?;
    if tok.kind != Kind::Word || tok.has(crate::tokens::flag::LINE_BEFORE) {
        return None;
    }
    let word = doc.str(j);
    if word.len() < 2 {
        return None;
    }
    let p = magnitude(word)?;
    // `5 lakh crore`, `1,000 crore`: a crore after a lakh multiplies it.
    if let Some(next) = doc.tokens.get(j + 1) {
        let w = doc.str(j + 1);
        if next.kind == Kind::Word && p < 7 && (w.eq_ignore_ascii_case("crore") || w.eq_ignore_ascii_case("crores")) {
            return Some((p + 7, j + 2));
        }
    }
    Some((p, j + 1))
}

/// Splits `5bn` / `10` into a value with its fused magnitude: (value, power, letters).
fn numeral_with_magnitude(s: &str) -> Option<(Decimal, u32, &str)> {
    let (num, suffix) = split_numeral(s);
    let value = parse_numeral(num)?;
    if suffix.is_empty() {
        return Some((value, 0, ""));
    }
    let p = magnitude(suffix)?;
    Some((value, p, suffix))
}

/// Reads a number at token `i` for an amount: numerals with any grouping (`1,200.50`,
/// `1.200,50`, and `1 200,50` when `spaced_groups` or the spaces are no-break spaces),
/// magnitudes written apart or fused (`2.5 billion`, `4.7bn`), ranges written as one token
/// (`5-10`), number words (`two billion`, `half a billion`) and number words fused with a
/// unit by a hyphen (`one-yen`, `twenty-five-cent`). What follows the number inside its
/// token is left in [`NumberRead::rest`] for the caller to read as a unit.
pub(crate) fn read_number<'t>(doc: &Doc<'t>, i: usize, spaced_groups: bool) -> Option<NumberRead<'t>> {
    let tok = *doc.tokens.get(i)?;
    let s = doc.str(i);
    let start = tok.start as usize;
    match tok.kind {
        Kind::Number => {
            let (num, suffix) = split_numeral(s);
            let mut base = parse_numeral(num)?;
            let mut read = NumberRead {
                value: base,
                high: None,
                base,
                magnitude: 0,
                fused_magnitude: "",
                words: false,
                start,
                end: start + num.len(),
                first: i,
                next: i + 1,
                rest: suffix,
            };
            if suffix.is_empty() {
                if let Some((v, next)) = read_spaced_groups(doc, i, spaced_groups) {
                    base = v;
                    read.base = v;
                    read.value = v;
                    read.next = next;
                    read.end = doc.tokens[next - 1].end as usize;
                }
            } else if let Some(p) = magnitude(suffix) {
                read.magnitude = p;
                read.fused_magnitude = suffix;
                read.value = base.times_pow10(p)?;
                read.end = tok.end as usize;
                read.rest = "";
                return Some(read);
            } else if let Some(dash) = suffix.chars().next().filter(|&c| c == '-' || c == '–') {
                // `5-10`, `5-10bn`: a range in one token.
                let other = &suffix[dash.len_utf8()..];
                if let Some((high, p, letters)) = numeral_with_magnitude(other) {
                    read.high = Some(high.times_pow10(p)?);
                    read.magnitude = p;
                    read.fused_magnitude = letters;
                    read.value = base.times_pow10(p)?;
                    read.end = tok.end as usize;
                    read.rest = "";
                    if p > 0 {
                        return Some(read);
                    }
                }
            }
            if read.rest.is_empty() {
                if let Some((p, next)) = magnitude_words(doc, read.next) {
                    read.magnitude = p;
                    read.value = base.times_pow10(p)?;
                    read.high = match read.high {
                        Some(h) => Some(h.times_pow10(p)?),
                        None => None,
                    };
                    read.next = next;
                    read.end = doc.tokens[next - 1].end as usize;
                }
            }
            Some(read)
        }
        Kind::Word => {
            if let Some(m) = parse_number_words(doc, i) {
                let last = doc.tokens[m.end - 1];
                return Some(NumberRead {
                    value: m.value,
                    high: None,
                    base: m.value,
                    magnitude: 0,
                    fused_magnitude: "",
                    words: true,
                    start,
                    end: last.end as usize,
                    first: i,
                    next: m.end,
                    rest: "",
                });
            }
            // `one-yen`, `twenty-five-cent`: number words joined to a unit by a hyphen.
            let mut cut = None;
            for (pos, _) in s.match_indices('-') {
                if let Some((v, WordKind::Unit | WordKind::Ten)) = cardinal_word(&s[..pos]) {
                    cut = Some((v, pos));
                }
            }
            let (value, pos) = cut?;
            Some(NumberRead {
                value,
                high: None,
                base: value,
                magnitude: 0,
                fused_magnitude: "",
                words: true,
                start,
                end: start + pos,
                first: i,
                next: i + 1,
                rest: &s[pos..],
            })
        }
        _ => None,
    }
}

/// Reads a numeral that starts inside token `i` at byte `from` and runs to the token's
/// end (`115` in `USD115`, `1.5bn` in `R1.5bn`), then a magnitude word after the token.
pub(crate) fn read_numeral_in<'t>(doc: &Doc<'t>, i: usize, from: usize) -> Option<NumberRead<'t>> {
    let tok = *doc.tokens.get(i)?;
    let s = doc.text.get(from..tok.end as usize)?;
    let (base, p, letters) = numeral_with_magnitude(s)?;
    let mut read = NumberRead {
        value: base.times_pow10(p)?,
        high: None,
        base,
        magnitude: p,
        fused_magnitude: letters,
        words: false,
        start: from,
        end: tok.end as usize,
        first: i,
        next: i + 1,
        rest: "",
    };
    if p == 0 {
        if let Some((p, next)) = magnitude_words(doc, i + 1) {
            read.magnitude = p;
            read.value = base.times_pow10(p)?;
            read.next = next;
            read.end = doc.tokens[next - 1].end as usize;
        }
    }
    Some(read)
}

/// The number words a number may start with (lower case): units, tens and scales.
pub(crate) fn cardinal_words() -> impl Iterator<Item = &'static str> {
    tables().words.iter().filter(|(_, (_, k))| matches!(k, WordKind::Unit | WordKind::Ten | WordKind::Scale)).map(|(w, _)| *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<String> {
        parse_numeral(s).map(|d| d.to_string())
    }

    #[test]
    fn number_words_are_listed_in_lower_case() {
        // `word_value` looks words up once, in lower case.
        assert!(tables().words.keys().all(|w| w.chars().all(|c| !c.is_uppercase())));
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
            ("123456789012345678901234567890123456789.5", None),
            ("12345678901234567890123456789012345678.25", None),
            ("1234567890123456789012345678901234.25", Some("1234567890123456789012345678901234.25")),
            ("1,234,567,890,123,456,789,012,345,678,901,234,567", Some("1234567890123456789012345678901234567")),
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

    /// (text, token index, expected (value, high, start..end text, rest, next token)).
    #[test]
    fn reading_numbers_for_amounts() {
        type Want<'a> = Option<(&'a str, Option<&'a str>, &'a str, &'a str, usize)>;
        let cases: &[(&str, usize, bool, Want)] = &[
            ("$2.5 billion deal", 1, false, Some(("2500000000", None, "2.5 billion", "", 3))),
            ("US$4.7bn", 2, false, Some(("4700000000", None, "4.7bn", "", 3))),
            ("$5-10 million", 1, false, Some(("5000000", Some("10000000"), "5-10 million", "", 3))),
            ("€3-4bn", 1, false, Some(("3000000000", Some("4000000000"), "3-4bn", "", 2))),
            ("15km away", 0, false, Some(("15", None, "15", "km", 1))),
            ("a 12-cent-a-share dividend", 1, false, Some(("12", None, "12", "-cent-a-share", 2))),
            ("115USD", 0, false, Some(("115", None, "115", "USD", 1))),
            ("400m hurdles", 0, false, Some(("400000000", None, "400m", "", 1))),
            ("a one-yen bid", 1, false, Some(("1", None, "one", "-yen", 2))),
            ("twenty-five-cent coins", 0, false, Some(("25", None, "twenty-five", "-cent", 1))),
            ("1 200,50 €", 0, true, Some(("1200.5", None, "1 200,50", "", 2))),
            ("1 200,50 €", 0, false, Some(("1", None, "1", "", 1))),
            ("1\u{a0}200\u{a0}000 €", 0, false, Some(("1200000", None, "1\u{a0}200\u{a0}000", "", 3))),
            ("1\u{a0}200 000 €", 0, false, Some(("1200", None, "1\u{a0}200", "", 2))),
            ("5 lakh crore", 0, false, Some(("5000000000000", None, "5 lakh crore", "", 3))),
            ("2017-08-01", 0, false, Some(("2017", None, "2017", "-08-01", 1))),
            ("the pen", 0, false, None),
            ("one-time gains", 0, false, Some(("1", None, "one", "-time", 1))),
        ];
        for &(text, i, groups, want) in cases {
            let doc = Doc::new(text);
            let got = read_number(&doc, i, groups);
            let got = got.as_ref().map(|r| {
                (r.value.to_string(), r.high.map(|h| h.to_string()), &text[r.start..r.end], r.rest, r.next)
            });
            let got = got.as_ref().map(|(v, h, span, rest, next)| (v.as_str(), h.as_deref(), *span, *rest, *next));
            assert_eq!(got, want, "{text}");
        }
        let doc = Doc::new("USD115 and R1.5bn");
        let r = read_numeral_in(&doc, 0, 3).unwrap();
        assert_eq!((r.value.to_string(), r.end), ("115".to_string(), 6));
        let r = read_numeral_in(&doc, 2, doc.tokens[2].start as usize + 1).unwrap();
        assert_eq!(r.value.to_string(), "1500000000");
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
        read_number(&doc, 0, false).map(|m| (m.value.to_string(), m.next))
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
            ("quarter million dollars", Some(("250000", 2))),
            ("a quarter of a million", Some(("250000", 5))),
            ("three quarters billion", Some(("750000000", 3))),
            ("three-quarters of a billion", Some(("750000000", 4))),
            ("two and a half million", Some(("2500000", 5))),
            ("one and a half billion", Some(("1500000000", 5))),
            ("a quarter of the vote", None),
            ("half the vote", None),
            ("two and a half years", Some(("2", 1))),
        ];
        for (text, want) in cases {
            let got = words(text);
            assert_eq!(got.as_ref().map(|(v, e)| (v.as_str(), *e)), want, "{text}");
        }
    }
}
