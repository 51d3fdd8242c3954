//! Tokens and sentences: the one forward pass over the text that every extractor reads.
//!
//! A token is a word (`Erdoğan`, `O'Neill`, `Franco-Italian`, `U.S.`, `Capt.`), a number
//! (`2.5`, `1,200.50`, `2017-08-01`, `1990s`, `4.7bn`), a clitic (`'s`, `n't`), a run of
//! one punctuation character (`,`, `--`, `...`) or a symbol (`$`, `€`, an emoji with its
//! modifiers). Whitespace is not a token; it is recorded as flags on the token after it.
//! Combining marks and zero-width joiners always stay inside the token they follow.

use crate::lexicon;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Starts with a letter: `Ankara`, `S-400`, `'s`.
    Word,
    /// Starts with a digit: `2.5`, `1990s`, `4.7bn`.
    Number,
    /// Punctuation: `,` `.` `"` `(` `--`.
    Punct,
    /// Anything else: currency signs, maths, emoji.
    Symbol,
}

/// Cheap facts about a token, as bits.
pub(crate) mod flag {
    /// Whitespace comes right before the token.
    pub const SPACE_BEFORE: u16 = 1 << 0;
    /// A line break comes before the token.
    pub const LINE_BEFORE: u16 = 1 << 1;
    /// A blank line comes before the token.
    pub const PARA_BEFORE: u16 = 1 << 2;
    /// The token starts a sentence.
    pub const SENT_START: u16 = 1 << 3;
    /// The first letter is upper case.
    pub const CAPITALISED: u16 = 1 << 4;
    /// The token has letters and none is lower case.
    pub const ALL_CAPS: u16 = 1 << 5;
    /// The token has a digit.
    pub const HAS_DIGIT: u16 = 1 << 6;
    /// The token has a letter.
    pub const HAS_ALPHA: u16 = 1 << 7;
    /// The token ends with an abbreviation's period (`Capt.`, `U.S.`).
    pub const ABBREV: u16 = 1 << 8;
    /// The token is a web address or e-mail address.
    pub const URL: u16 = 1 << 9;
}

/// One token: a byte span of the text with its kind and flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// What the token is made of.
    pub kind: Kind,
    /// Bits from [`flag`].
    pub flags: u16,
}

impl Token {
    /// True when every bit of `f` is set.
    pub fn has(&self, f: u16) -> bool {
        self.flags & f == f
    }

    /// The byte range of the token.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A tokenised text: tokens in order and sentences as ranges of token indices.
pub(crate) struct Doc<'t> {
    /// The text.
    pub text: &'t str,
    /// The tokens, in text order.
    pub tokens: Vec<Token>,
    /// Sentences as ranges of indices into `tokens`, covering every token in order.
    pub sentences: Vec<Range<usize>>,
    /// Each token's [`lexicon::print_token`] (fingerprint, hyphen, ASCII), by index: read
    /// once here for every extractor that compares tokens with word lists.
    pub prints: Vec<lexicon::Printed>,
}

impl<'t> Doc<'t> {
    /// Tokenises `text` and splits it into sentences.
    pub fn new(text: &'t str) -> Doc<'t> {
        let tokens = tokenize(text);
        let bytes = text.as_bytes();
        let prints = tokens.iter().map(|t| lexicon::print_token(bytes, t.start as usize, t.end as usize)).collect();
        let mut doc = Doc { text, tokens, sentences: Vec::new(), prints };
        doc.split_sentences();
        doc
    }

    /// The fingerprint of token `i` when it is plain ASCII without a hyphen (see
    /// [`lexicon::plain_fingerprint_at`]), else `None`.
    #[inline]
    pub fn plain_fingerprint(&self, i: usize) -> Option<u128> {
        self.prints.get(i).and_then(|p| (p.fp != u128::MAX && p.ascii && !p.hyphen).then_some(p.fp))
    }

    /// The text of token `i`.
    pub fn str(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].range()]
    }

    /// True when token `i` is a possessive clitic `'s` (any apostrophe, any case); false
    /// past the last token.
    pub fn is_possessive(&self, i: usize) -> bool {
        i < self.tokens.len() && matches!(self.str(i), "'s" | "\u{2019}s" | "'S" | "\u{2019}S")
    }

    /// The text from the start of token `first` to the end of token `last` (inclusive).
    pub fn slice(&self, first: usize, last: usize) -> &'t str {
        &self.text[self.tokens[first].start as usize..self.tokens[last].end as usize]
    }

    fn split_sentences(&mut self) {
        let n = self.tokens.len();
        let mut start = 0;
        for i in 0..n {
            if i > start && self.boundary_before(i) {
                self.sentences.push(start..i);
                start = i;
            }
        }
        if start < n {
            self.sentences.push(start..n);
        }
        for s in &self.sentences {
            self.tokens[s.start].flags |= flag::SENT_START;
        }
    }

    /// Whether a sentence starts at token `i` (which has a token before it).
    fn boundary_before(&self, i: usize) -> bool {
        let tok = self.tokens[i];
        if tok.has(flag::PARA_BEFORE) {
            return true;
        }
        let prev = self.tokens[i - 1];
        if tok.has(flag::LINE_BEFORE) {
            // A line break inside a sentence (wrapped text) joins lower-case words or
            // follows a comma; every other line break ends the sentence.
            let prev_text = self.str(i - 1);
            let soft = starts_lower(self.str(i))
                && (prev_text == "," || (prev.kind == Kind::Word && starts_lower(prev_text)));
            return !soft;
        }
        if !tok.has(flag::SPACE_BEFORE) {
            return false;
        }
        // Only punctuation or an abbreviation's period can end a sentence before a space.
        if prev.kind != Kind::Punct && !prev.has(flag::ABBREV) {
            return false;
        }
        // Find the sentence-final punctuation, skipping closing quotes and brackets.
        let mut j = i - 1;
        while j > 0 && is_closing(self.str(j)) && self.tokens[j].kind == Kind::Punct {
            j -= 1;
        }
        let last = self.str(j);
        let next = self.str(i);
        let next_opens = starts_upper(next)
            || self.tokens[i].kind == Kind::Number
            || (is_opening(next) && self.tokens[i].kind == Kind::Punct);
        if is_sentence_final(last) && self.tokens[j].kind == Kind::Punct {
            return next_opens;
        }
        if self.tokens[j].has(flag::ABBREV) && j == i - 1 {
            let word = last.trim_end_matches('.');
            let may_end = abbreviations().get(word).is_none_or(|kind| *kind == AbbrevKind::Other);
            return may_end && sentence_starters().contains(next);
        }
        false
    }
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_sentence_final(s: &str) -> bool {
    matches!(s.chars().next(), Some('.' | '!' | '?' | '…'))
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn is_opening(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "'" | "(" | "[" | "«")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AbbrevKind {
    Title,
    Other,
}

fn abbreviations() -> &'static FxHashMap<&'static str, AbbrevKind> {
    static TABLE: OnceLock<FxHashMap<&'static str, AbbrevKind>> = OnceLock::new();
    TABLE.get_or_init(|| {
        lexicon::word_map(include_str!("../data/abbreviations.tsv"))
            .into_iter()
            .map(|(w, k)| (w, if k == "title" { AbbrevKind::Title } else { AbbrevKind::Other }))
            .collect()
    })
}

fn sentence_starters() -> &'static FxHashSet<&'static str> {
    static TABLE: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    TABLE.get_or_init(|| lexicon::word_set(include_str!("../data/sentence_starters.txt")))
}

/// Combining marks, joiners and selectors: they always belong to the token before them.
pub(crate) fn is_mark(c: char) -> bool {
    if (c as u32) < 0x300 {
        return false;
    }
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Penn Treebank clitics split off a word: `England's` → `England` `'s`.
fn clitic_len(rest: &str) -> Option<usize> {
    // `rest` starts just after the apostrophe.
    let letters: usize = rest.chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
    let clitic = &rest[..letters];
    let known = ["s", "re", "ve", "ll", "d", "m"].iter().any(|c| clitic.eq_ignore_ascii_case(c));
    let followed_by_word = rest[letters..].chars().next().is_some_and(is_word_char);
    (known && !followed_by_word).then_some(letters)
}

/// The char starting at byte `i`, if `i` is a char boundary inside the text.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(b as char);
    }
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char ending at byte `i`.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        return Some(b as char);
    }
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Scans a word or number starting at `start`; returns its end and the [`BYTE_CLASS`]
/// bits of its bytes (with [`NON_ASCII`] for any character outside ASCII).
fn scan_word(text: &str, start: usize) -> (usize, u8) {
    let mut i = start;
    let mut classes = 0u8;
    // Length in chars of the current dot-separated segment (for `U.S.`-style joins).
    let mut segment_chars = 0usize;
    let bytes = text.as_bytes();
    loop {
        // Fast path: a run of ASCII letters and digits.
        let (run_end, run_classes) = alnum_run(bytes, i);
        classes |= run_classes;
        segment_chars += run_end - i;
        i = run_end;
        let Some(c) = char_at(text, i) else { break };
        if c.is_ascii() && !matches!(c, '-' | '.' | ',' | '/' | ':' | '&' | '\'') {
            // No other ASCII character joins two parts of a word.
            break;
        }
        if is_word_char(c) {
            classes |= NON_ASCII;
            i += c.len_utf8();
            segment_chars += 1;
            continue;
        }
        let prev = char_before(text, i);
        let next = char_at(text, i + c.len_utf8());
        let (Some(p), Some(n)) = (prev, next) else { break };
        let join = match c {
            '-' | '‐' | '‑' => p.is_alphanumeric() && n.is_alphanumeric(),
            '–' => p.is_ascii_digit() && n.is_ascii_digit(),
            '.' => {
                p.is_alphanumeric()
                    && n.is_alphanumeric()
                    && ((p.is_ascii_digit() && n.is_ascii_digit())
                        || (segment_chars == 1 && p.is_alphabetic())
                        || n.is_lowercase())
            }
            ',' | '/' | ':' => p.is_ascii_digit() && n.is_ascii_digit(),
            '&' => p.is_uppercase() && n.is_uppercase(),
            c if is_apostrophe(c) => {
                // Not between two letters, or before a clitic (`'s`): the word ends here.
                if !(p.is_alphabetic() && n.is_alphabetic()) || clitic_len(&text[i + c.len_utf8()..]).is_some() {
                    false
                } else if (p == 'n' || p == 'N')
                    && (n == 't' || n == 'T')
                    && !char_at(text, i + c.len_utf8() + 1).is_some_and(is_word_char)
                {
                    // `don't` → `do` `n't`: end the word before the `n`.
                    let n_start = i - 1;
                    if n_start > start {
                        return (n_start, byte_classes(&bytes[start..n_start]));
                    }
                    true
                } else {
                    true
                }
            }
            _ => false,
        };
        if !join {
            break;
        }
        if c == '.' {
            segment_chars = 0;
        }
        if !c.is_ascii() {
            classes |= NON_ASCII;
        }
        i += c.len_utf8();
    }
    (i, classes)
}

/// The end of the run of ASCII letters and digits from byte `from`, and the
/// [`BYTE_CLASS`] bits of its bytes. Not inlined: as its own small function the loop
/// keeps everything in registers.
#[inline(never)]
fn alnum_run(bytes: &[u8], from: usize) -> (usize, u8) {
    let mut classes = 0u8;
    let mut end = from;
    for &b in bytes.get(from..).unwrap_or_default() {
        let class = BYTE_CLASS[b as usize];
        if class & ALNUM == 0 {
            break;
        }
        classes |= class;
        end += 1;
    }
    (end, classes)
}

/// True when `word` (without its final period) is an abbreviation that keeps the period.
fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    // A single capital letter: an initial (`J.`).
    if first.is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true;
    }
    // Dotted letter groups: `U.S`, `p.m`, `e.g`, `U.K`.
    if word.contains('.')
        && word.split('.').all(|seg| !seg.is_empty() && seg.chars().count() <= 2 && seg.chars().all(char::is_alphabetic))
    {
        return true;
    }
    abbreviations().contains_key(word) || caps_abbreviation(word)
}

/// An abbreviation written in capitals, as in headlines (`ST.` for `St.`, `GEN.` for
/// `Gen.`): the word in title case is listed.
fn caps_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if word.len() > 8 || word.chars().count() < 2 || !word.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let mut title = [0u8; 8];
    title[0] = first as u8;
    for (i, c) in chars.enumerate() {
        title[i + 1] = c.to_ascii_lowercase() as u8;
    }
    std::str::from_utf8(&title[..word.len()]).is_ok_and(|t| abbreviations().contains_key(t))
}

fn is_url_start(rest: &str) -> bool {
    let lower = |p: &str| rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    lower("http://") || lower("https://") || lower("www.")
}

/// Splits `text` into tokens (whitespace dropped, recorded as flags).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut pending: u16 = 0; // whitespace flags for the next token
    let mut newlines = 0u32;
    let bytes = text.as_bytes();
    while let Some(c) = char_at(text, i) {
        if bytes[i] == b' ' {
            pending |= flag::SPACE_BEFORE;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            pending |= flag::SPACE_BEFORE;
            if c == '\n' || c == '\u{2028}' || c == '\u{2029}' {
                newlines += 1;
                pending |= flag::LINE_BEFORE;
                if newlines >= 2 {
                    pending |= flag::PARA_BEFORE;
                }
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let rest = &text[i..];
        // The byte classes of a plain word, when its scan found them.
        let mut classes = None;
        let (end, kind, mut extra) = if !c.is_ascii() && is_mark(c) && pending == 0 && !tokens.is_empty() {
            // A mark right after a token (e.g. after a symbol) extends that token.
            let last = tokens.last_mut().expect("checked non-empty");
            last.end = (i + c.len_utf8()) as u32;
            i += c.len_utf8();
            continue;
        } else if matches!(c, 'h' | 'H' | 'w' | 'W') && is_url_start(rest) {
            let len = rest.find(|ch: char| ch.is_whitespace()).unwrap_or(rest.len());
            let trimmed = rest[..len].trim_end_matches(|ch: char| ".,;:!?)]}\"'”’".contains(ch));
            let len = if trimmed.is_empty() { len } else { trimmed.len() };
            (i + len, Kind::Word, flag::URL)
        } else if is_word_char(c) {
            let (end, word_classes) = scan_word(text, i);
            match email_end(text, end) {
                Some(email) => (email, Kind::Word, flag::URL),
                None => {
                    classes = Some(word_classes);
                    (end, if c.is_numeric() { Kind::Number } else { Kind::Word }, 0)
                }
            }
        } else if is_apostrophe(c)
            && char_before(text, i).is_some_and(char::is_alphabetic)
            && pending == 0
            && clitic_len(&rest[c.len_utf8()..]).is_some_and(|n| n > 0)
        {
            let n = clitic_len(&rest[c.len_utf8()..]).unwrap_or(0);
            (i + c.len_utf8() + n, Kind::Word, 0)
        } else if is_apostrophe(c) && decade_len(&rest[c.len_utf8()..]) > 0 {
            // `'90s`
            (i + c.len_utf8() + decade_len(&rest[c.len_utf8()..]), Kind::Number, 0)
        } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
            let mut end = i + c.len_utf8();
            if matches!(c, '-' | '.' | '!' | '?' | '*' | '=' | '_' | '~' | '#') {
                while char_at(text, end) == Some(c) {
                    end += c.len_utf8();
                }
            }
            (end, Kind::Punct, 0)
        } else {
            (symbol_end(text, i), Kind::Symbol, 0)
        };
        let mut end = end;
        if kind == Kind::Word
            && extra & flag::URL == 0
            && char_at(text, end) == Some('.')
            && is_abbreviation(&text[start..end])
        {
            end += 1;
            extra |= flag::ABBREV;
        }
        // An abbreviation's period adds no class: the word's classes still hold.
        let shape = match classes {
            Some(classes) => flags_of_classes(text, start, end, classes),
            None => shape_flags(&text[start..end]),
        };
        let flags = pending | extra | shape;
        tokens.push(Token { start: start as u32, end: end as u32, kind, flags });
        pending = 0;
        newlines = 0;
        i = end;
    }
    tokens
}

/// When the word ending at byte `user_end` is the user part of an e-mail address (an
/// `@` follows, then a host name with a dot before any whitespace), the end of the
/// address. The host is read up to 254 bytes, the longest an address can be.
fn email_end(text: &str, user_end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(user_end) != Some(&b'@') {
        return None;
    }
    let rest = &bytes[user_end + 1..];
    let limit = rest.len().min(254);
    let host_len = rest[..limit].iter().position(|b| b.is_ascii_whitespace()).unwrap_or(limit);
    let host = &rest[..host_len];
    // Trailing punctuation ends a sentence, not the address.
    let trimmed = host.len() - host.iter().rev().take_while(|b| b".,;:!?)]}\"'".contains(b)).count();
    let host = &host[..trimmed];
    let ok = host.contains(&b'.') && !host.starts_with(b".") && host.first().is_some_and(u8::is_ascii_alphanumeric);
    // Only ASCII hosts, so the end is a char boundary.
    (ok && host.is_ascii()).then(|| user_end + 1 + host.len())
}

/// Length of `90s` in `'90s` (two digits and an `s`), else 0.
fn decade_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    let shape = b.len() >= 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b's';
    if shape && rest[3..].chars().next().is_none_or(|c| !is_word_char(c)) {
        3
    } else {
        0
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}' | '«' | '»' | '¡' | '¿' | '§' | '¶' | '·' | '\u{060C}' | '\u{061F}'
        | '\u{06D4}' | '\u{3000}')
}

/// End of a symbol token: the symbol plus modifiers, joiners and what a joiner joins.
fn symbol_end(text: &str, start: usize) -> usize {
    let first = char_at(text, start).unwrap_or(' ');
    let mut end = start + first.len_utf8();
    let regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    if regional(first) {
        if let Some(c) = char_at(text, end).filter(|&c| regional(c)) {
            end += c.len_utf8();
        }
    }
    while let Some(c) = char_at(text, end) {
        if c == '\u{200D}' {
            end += c.len_utf8();
            if let Some(joined) = char_at(text, end).filter(|c| !c.is_whitespace()) {
                end += joined.len_utf8();
            }
        } else if is_mark(c) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// The shape flags of a token: digits, letters, capitals.
fn shape_flags(s: &str) -> u16 {
    // One table lookup a byte; a byte outside ASCII sends the token to the Unicode path.
    flags_of_classes(s, 0, s.len(), byte_classes(s.as_bytes()))
}

/// The [`BYTE_CLASS`] bits of the bytes of `b`, together.
fn byte_classes(b: &[u8]) -> u8 {
    b.iter().fold(0u8, |acc, &b| acc | BYTE_CLASS[b as usize])
}

/// The shape flags of the token `text[start..end]` whose bytes have the [`BYTE_CLASS`]
/// bits `classes`.
#[inline]
fn flags_of_classes(text: &str, start: usize, end: usize, classes: u8) -> u16 {
    if classes & NON_ASCII != 0 {
        return unicode_shape_flags(text.get(start..end).unwrap_or_default());
    }
    let mut flags = 0;
    if classes & DIGIT != 0 {
        flags |= flag::HAS_DIGIT;
    }
    if classes & (UPPER | LOWER) != 0 {
        flags |= flag::HAS_ALPHA;
    }
    match (classes & UPPER != 0, classes & LOWER != 0) {
        // Capitals only: the first letter is one.
        (true, false) => flags |= flag::CAPITALISED | flag::ALL_CAPS,
        // Both: look at the first letter.
        (true, true) => {
            let bytes = text.as_bytes().get(start..end).unwrap_or_default();
            let first_letter = bytes.iter().map(|&b| BYTE_CLASS[b as usize]).find(|c| c & (UPPER | LOWER) != 0);
            if first_letter == Some(UPPER) {
                flags |= flag::CAPITALISED;
            }
        }
        // No capital: neither capitalised nor in capitals.
        (false, _) => {}
    }
    flags
}

/// [`BYTE_CLASS`] bit: an ASCII capital letter.
const UPPER: u8 = 1;
/// [`BYTE_CLASS`] bit: an ASCII small letter.
const LOWER: u8 = 2;
/// [`BYTE_CLASS`] bit: an ASCII digit.
const DIGIT: u8 = 4;
/// [`BYTE_CLASS`] bit: a byte of a character outside ASCII.
const NON_ASCII: u8 = 8;
/// [`BYTE_CLASS`] bits of ASCII letters and digits.
const ALNUM: u8 = UPPER | LOWER | DIGIT;

/// The class bits of every byte value, for [`shape_flags`].
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_lowercase() {
            LOWER
        } else if byte.is_ascii_digit() {
            DIGIT
        } else if !byte.is_ascii() {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    table
};

/// [`shape_flags`] for a token with characters outside ASCII.
fn unicode_shape_flags(s: &str) -> u16 {
    let mut flags = 0;
    let mut any_lower = false;
    let mut first_letter = true;
    for c in s.chars() {
        if c.is_ascii_digit() || c.is_numeric() {
            flags |= flag::HAS_DIGIT;
        } else if c.is_alphabetic() {
            flags |= flag::HAS_ALPHA;
            if c.is_lowercase() {
                any_lower = true;
            }
            if first_letter {
                first_letter = false;
                if c.is_uppercase() {
                    flags |= flag::CAPITALISED;
                }
            }
        }
    }
    if flags & flag::HAS_ALPHA != 0 && !any_lower && s.chars().any(char::is_uppercase) {
        flags |= flag::ALL_CAPS;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.range()]).collect()
    }

    fn sentences(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        doc.sentences.iter().map(|s| doc.slice(s.start, s.end - 1).to_string()).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        let cases: &[(&str, &[&str])] = &[
            ("Turkey signed a $2.5 billion deal.", &["Turkey", "signed", "a", "$", "2.5", "billion", "deal", "."]),
            ("England's O'Neill don't", &["England", "'s", "O'Neill", "do", "n't"]),
            ("Erdoğan’s aide", &["Erdoğan", "’s", "aide"]),
            ("Franco-Italian S-400 2017-08-01", &["Franco-Italian", "S-400", "2017-08-01"]),
            ("($57,600)", &["(", "$", "57,600", ")"]),
            ("1.200,50 € and 1,200.50", &["1.200,50", "€", "and", "1,200.50"]),
            ("the U.S. and Capt. Smith", &["the", "U.S.", "and", "Capt.", "Smith"]),
            ("at 3 p.m. on Aug. 1", &["at", "3", "p.m.", "on", "Aug.", "1"]),
            ("AT&T, 15:30, 08/01/2017", &["AT&T", ",", "15:30", ",", "08/01/2017"]),
            ("the '90s -- wait...", &["the", "'90s", "--", "wait", "..."]),
            ("end.The next", &["end", ".", "The", "next"]),
            ("see https://example.com/a?b=1.", &["see", "https://example.com/a?b=1", "."]),
            ("mail bob@example.com now", &["mail", "bob@example.com", "now"]),
            ("US$4.7bn", &["US", "$", "4.7bn"]),
            ("J. R. R. Tolkien", &["J.", "R.", "R.", "Tolkien"]),
            ("ST. LOUIS GEN. SMITH", &["ST.", "LOUIS", "GEN.", "SMITH"]),
            ("THE END. NEXT", &["THE", "END", ".", "NEXT"]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "{text}");
        }
    }

    #[test]
    fn marks_emoji_and_scripts_stay_whole() {
        // e + combining acute; family emoji with zero-width joiners; a flag.
        assert_eq!(toks("Cafe\u{301} 👨‍👩‍👧 🇹🇷 x"), ["Cafe\u{301}", "👨‍👩‍👧", "🇹🇷", "x"]);
        assert_eq!(toks("مرحبا بالعالم"), ["مرحبا", "بالعالم"]);
        assert_eq!(toks("👍🏽!"), ["👍🏽", "!"]);
        assert_eq!(toks("\u{301}x"), ["\u{301}x"]);
    }

    #[test]
    fn flags() {
        let text = "NATO said\nLondon";
        let t = tokenize(text);
        assert!(t[0].has(flag::ALL_CAPS | flag::CAPITALISED));
        assert!(t[1].has(flag::SPACE_BEFORE) && !t[1].has(flag::CAPITALISED));
        assert!(t[2].has(flag::LINE_BEFORE | flag::CAPITALISED) && !t[2].has(flag::ALL_CAPS));
    }

    #[test]
    fn ascii_shape_flags_match_the_unicode_rules() {
        // The byte-class path must agree with the character rules on every ASCII token,
        // including words cut before `n't` (`DON'T` → `DO`, `Xn't` → `X`).
        let text = "NATO said Don't DON'T Xn't 4.7bn U.S. S-400 a1B 'S x@y.com 1990s iPhone";
        for t in tokenize(text) {
            let s = &text[t.range()];
            let shape = flag::HAS_DIGIT | flag::HAS_ALPHA | flag::CAPITALISED | flag::ALL_CAPS;
            assert_eq!(t.flags & shape, unicode_shape_flags(s), "{s}");
        }
    }

    #[test]
    fn sentence_splitting() {
        assert_eq!(sentences("He left. She stayed."), ["He left.", "She stayed."]);
        assert_eq!(sentences("\"We won.\" He smiled."), ["\"We won.\"", "He smiled."]);
        assert_eq!(sentences("Capt. Smith met Dr. Jones in the U.S. Congress."), ["Capt. Smith met Dr. Jones in the U.S. Congress."]);
        assert_eq!(sentences("It grew in the U.S. The rest fell."), ["It grew in the U.S.", "The rest fell."]);
        assert_eq!(sentences("HEADLINE HERE\nLONDON 1996-08-30\nText."), ["HEADLINE HERE", "LONDON 1996-08-30", "Text."]);
        assert_eq!(sentences("a line that\nwraps here."), ["a line that\nwraps here."]);
        assert_eq!(sentences("It cost 2.5 million. 3 more came."), ["It cost 2.5 million.", "3 more came."]);
    }

    #[test]
    fn every_token_is_on_char_boundaries_and_ordered() {
        let text = "a\u{0}b ¿Qué? 𝒳—y \u{202E}rtl\u{202C} ''' ... ‐-‑ 'x ’";
        let t = tokenize(text);
        let mut last = 0;
        for tok in &t {
            assert!(tok.start < tok.end && tok.start as usize >= last);
            assert!(text.is_char_boundary(tok.start as usize) && text.is_char_boundary(tok.end as usize));
            last = tok.end as usize;
        }
    }
}
