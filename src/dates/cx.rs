//! The parsing context shared by the grammar modules: the document, each token's class,
//! the options, and small token tests.

use super::lexicon::{self, lex_flag, Class, Lex};
use super::numtok::{self, Shape};
use super::spec::Expr;
use crate::calendar::Date;
use crate::numbers::{parse_number_words, NumberMatch};
use crate::options::Options;
use crate::tokens::{flag, Doc, Kind};
use std::cell::Cell;

/// Slots in a [`Memo`]: more than any parse looks ahead.
const MEMO_SLOTS: usize = 64;

/// A small direct-mapped memo of per-token results (token `i` in slot `i % 64`). The
/// grammar asks for the same sub-parse at the same token many times; the memo answers
/// repeats without parsing again, in fixed memory and without allocating.
pub(crate) struct Memo<T: Copy> {
    /// The token each slot holds the result of (`usize::MAX` for none): checked before
    /// the (larger) result is copied out.
    keys: [Cell<usize>; MEMO_SLOTS],
    /// The results.
    values: [Cell<Option<T>>; MEMO_SLOTS],
}

impl<T: Copy> Memo<T> {
    /// An empty memo.
    pub fn new() -> Memo<T> {
        Memo { keys: std::array::from_fn(|_| Cell::new(usize::MAX)), values: std::array::from_fn(|_| Cell::new(None)) }
    }

    /// The result for token `i`, computing it with `f` when not remembered.
    #[inline]
    pub fn get(&self, i: usize, f: impl FnOnce() -> Option<T>) -> Option<T> {
        let k = i % MEMO_SLOTS;
        if self.keys[k].get() == i {
            return self.values[k].get();
        }
        let value = f();
        self.keys[k].set(i);
        self.values[k].set(value);
        value
    }
}

/// True when the text starts with a lower-case letter.
fn starts_lower(bytes: &[u8]) -> bool {
    match bytes.first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => std::str::from_utf8(bytes).ok().and_then(|s| s.chars().next()).is_some_and(char::is_lowercase),
    }
}

/// A word the grammar compares tokens with, as its [`crate::lexicon::fingerprint`]. Built at
/// compile time by [`word!`] and [`words!`], so that a comparison is one instruction or
/// two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word(u128);

impl Word {
    /// The word `w` (compared ignoring ASCII case); at most 15 bytes, which a `const`
    /// use checks at compile time.
    pub const fn new(w: &str) -> Word {
        assert!(w.len() <= crate::lexicon::FINGERPRINT_MAX, "a grammar word has at most 15 bytes");
        Word(crate::lexicon::fingerprint(w.as_bytes()))
    }
}

/// A parse: the expression and the token just after it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Found {
    /// Index of the first token after the expression.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
    /// A byte offset that ends the span inside its last token (`1990s` of `1990s-era`).
    pub end_byte: Option<usize>,
}

impl Found {
    /// A parse ending before token `end`.
    pub fn new(end: usize, expr: Expr) -> Found {
        Found { end, expr, end_byte: None }
    }
}

/// Makes `best` the longer of itself and `other` (itself on a tie): [`longer`] in place,
/// which copies nothing when `other` is `None`, the usual case.
#[inline]
pub(crate) fn keep_longer(best: &mut Option<Found>, other: Option<Found>) {
    if let Some(y) = other {
        if best.as_ref().is_none_or(|x| y.end > x.end) {
            *best = Some(y);
        }
    }
}

/// The longer of two parses (the first on a tie).
pub(crate) fn longer(a: Option<Found>, b: Option<Found>) -> Option<Found> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.end > x.end { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

/// What the grammar knows about one token (its fingerprint is in [`Doc::prints`]).
#[derive(Clone, Copy, Debug)]
struct TokInfo {
    /// Its class and function-word bits.
    lex: Lex,
    /// Its index in `Ctx::shapes` when it is a number (`u32::MAX` otherwise).
    shape: u32,
}

/// The document and what the date grammar needs to know about it.
pub(crate) struct Ctx<'d, 't> {
    /// The tokenised text.
    pub doc: &'d Doc<'t>,
    /// What the grammar knows about each token, read once per text.
    toks: Vec<TokInfo>,
    /// The shapes of the number tokens, in text order, read once per text.
    shapes: Vec<Option<Shape>>,
    /// Longest calendar dates by start token.
    pub absolutes: Memo<Found>,
    /// Longest relative dates by start token.
    pub relatives: Memo<Found>,
    /// Longest points by start token.
    pub points: Memo<Found>,
    /// Longest times by start token.
    pub times: Memo<Found>,
    /// Clock times by start token.
    pub clocks: Memo<super::times::Clock>,
    /// Plain durations (and the token after them) by start token.
    pub durations: Memo<(super::spec::Dur, usize)>,
    /// Counts before a unit (and the token after them) by start token.
    pub counts: Memo<(super::spec::Amount, usize)>,
    /// Numbers in words by start token.
    number_words: Memo<NumberMatch>,
    /// The reference date for relative expressions.
    pub reference: Option<Date>,
    /// Numeric dates are day first.
    pub day_first: bool,
}

impl<'d, 't> Ctx<'d, 't> {
    /// Classifies every token of `doc`: one pass, one lexicon lookup at most per word.
    pub fn new(doc: &'d Doc<'t>, options: &Options) -> Ctx<'d, 't> {
        let text = doc.text.as_bytes();
        let mut shapes = Vec::new();
        let toks = doc
            .tokens
            .iter()
            .zip(&doc.prints)
            .map(|(t, &p)| {
                let bytes = &text[t.range()];
                let mut lex = match t.kind {
                    Kind::Word => lexicon::lex_word(bytes, p.fp, p.hyphen),
                    _ => Lex { class: Class::None, flags: if p.hyphen { lex_flag::HYPHEN } else { 0 } },
                };
                if t.kind == Kind::Word && starts_lower(bytes) {
                    lex.flags |= lex_flag::LOWER;
                }
                if !p.ascii && std::str::from_utf8(bytes).is_ok_and(|w| w.contains(['–', '‐', '‑'])) {
                    lex.flags |= lex_flag::DASH;
                }
                let shape = if t.kind == Kind::Number {
                    shapes.push(numtok::shape(&doc.text[t.range()]));
                    shapes.len() as u32 - 1
                } else {
                    u32::MAX
                };
                TokInfo { lex, shape }
            })
            .collect();
        Ctx {
            doc,
            toks,
            shapes,
            absolutes: Memo::new(),
            relatives: Memo::new(),
            points: Memo::new(),
            times: Memo::new(),
            clocks: Memo::new(),
            durations: Memo::new(),
            counts: Memo::new(),
            number_words: Memo::new(),
            reference: options.reference_date,
            day_first: options.day_first,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// The text of token `i`, or `""` past the end.
    pub fn text(&self, i: usize) -> &'t str {
        if i < self.len() {
            self.doc.str(i)
        } else {
            ""
        }
    }

    /// The class of token `i` (`None` past the end and for tokens that are not words).
    #[inline]
    pub fn class(&self, i: usize) -> Class {
        self.toks.get(i).map_or(Class::None, |t| t.lex.class)
    }

    /// True when token `i` carries every bit of `f` from [`lex_flag`].
    #[inline]
    pub fn lex_has(&self, i: usize, f: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.lex.flags & f == f)
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    /// True when token `i` is the word `w` (ASCII case-insensitive): one comparison.
    #[inline]
    pub fn is(&self, i: usize, w: Word) -> bool {
        self.doc.prints.get(i).is_some_and(|p| p.fp == w.0)
    }

    /// True when token `i` is one of `words`.
    #[inline]
    pub fn is_any(&self, i: usize, words: &[Word]) -> bool {
        self.doc.prints.get(i).is_some_and(|p| words.iter().any(|w| w.0 == p.fp))
    }

    /// True when token `i` has every bit of flag `f`.
    pub fn has(&self, i: usize, f: u16) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.has(f))
    }

    /// True when token `i` follows the previous token with no space (`3` `pm` in `3pm`
    /// never happens, but `Aug` `.` or `(` `Tue` do).
    pub fn tight(&self, i: usize) -> bool {
        i < self.len() && !self.has(i, flag::SPACE_BEFORE)
    }

    /// True when token `i` starts with a capital letter.
    pub fn cap(&self, i: usize) -> bool {
        self.has(i, flag::CAPITALISED)
    }

    /// True when token `i` is a word starting with a lower-case letter.
    #[inline]
    pub fn lower_word(&self, i: usize) -> bool {
        self.lex_has(i, lex_flag::LOWER)
    }

    /// The shape of a number token.
    #[inline]
    pub fn shape(&self, i: usize) -> Option<Shape> {
        let k = self.toks.get(i)?.shape;
        self.shapes.get(k as usize).copied().flatten()
    }

    /// A plain integer token: value and digit count.
    pub fn int(&self, i: usize) -> Option<(u32, u8)> {
        match self.shape(i)? {
            Shape::Int(v, d) => Some((v, d)),
            _ => None,
        }
    }

    /// True when token `i` holds a hyphen (`three-year`, `mid-2018`).
    #[inline]
    pub fn hyphenated(&self, i: usize) -> bool {
        self.lex_has(i, lex_flag::HYPHEN)
    }

    /// True when token `i` holds a dash of any kind (`Jan-Feb`, `Jan–Feb`).
    #[inline]
    pub fn dashed(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.lex.flags & (lex_flag::HYPHEN | lex_flag::DASH) != 0)
    }

    /// True when token `i` is punctuation `p` (punctuation has no letter case, so
    /// comparing fingerprints compares the text).
    #[inline]
    pub fn punct(&self, i: usize, p: Word) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.is(i, p)
    }

    /// True when token `i` is a dash used as a range connective (`-`, `–`, `—`, `~`).
    pub fn dash(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.is_any(i, &words!["-", "–", "—", "~", "--"])
    }

    /// The number written in words from token `i` (`twenty-five`, `a million`), read once
    /// per token ([`parse_number_words`]).
    pub fn number_words(&self, i: usize) -> Option<NumberMatch> {
        self.number_words.get(i, || parse_number_words(self.doc, i))
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        let s = &self.doc.sentences;
        let k = s.partition_point(|r| r.end <= i);
        s.get(k).cloned().unwrap_or(0..self.len())
    }
}
