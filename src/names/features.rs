//! Features of each token for the tagger, hashed to 32-bit ids.
//!
//! Every token gets at most [`STRIDE`] features, computed once per text into one flat
//! buffer: the word and its lower case, shape, prefixes and suffixes, capitalisation in
//! context (sentence start, all-caps headline, lower-case text), the words and shapes
//! around it, gazetteer matches, word clusters and what the rest of the document says
//! about the word's case. Token text is hashed straight from the byte slices; nothing is
//! allocated per token.

use super::clusters;
#[cfg(test)]
use super::clusters::Clusters;
use super::gazetteer::{Gazetteer, List, LIST_COUNT};
use super::hash;
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

/// Feature slots per token.
pub(crate) const STRIDE: usize = 64;

/// The first slots of every token hold the word's identity (as written, lower case,
/// lower case in context); the trainer hides them at random so that the model also
/// learns from shape, context, gazetteers and clusters.
#[cfg(feature = "train")]
pub(crate) const IDENTITY_SLOTS: usize = 3;

/// The most tokens tagged at once: longer sentences are cut into windows.
pub(crate) const WINDOW: usize = 256;

/// An unused slot.
pub(crate) const NONE: u32 = u32::MAX;

/// Changes whenever the features change, so a model trained on other features is refused.
pub(crate) const VERSION: u32 = 11;

/// What the tagger reads besides the text: gazetteers and clusters.
pub(crate) struct Resources {
    /// Gazetteer lists.
    pub gazetteer: Gazetteer,
    /// What the lists say about each word alone, by lower-case hash: its clusters and
    /// its gazetteer entry, in one table so that a new word of a text costs one lookup
    /// (a table this size is read at random: each lookup waits on memory).
    words: FxHashMap<u64, WordFacts>,
    /// Lower-case hashes of the small words that may sit inside a name between
    /// capitalised words (`Bank of England`, `Frankfurt am Main`).
    connectors: Vec<u64>,
}

/// What the lists say about one word (see [`Resources::words`]).
#[derive(Clone, Copy, Default)]
struct WordFacts {
    /// Its fine and coarse clusters.
    clusters: Option<(u16, u16)>,
    /// Its [`Gazetteer::entry`].
    entry: u16,
}

impl WordFacts {
    /// The fine and coarse clusters as features read them ([`clusters::NONE`] when none).
    fn clusters(self) -> (u32, u32) {
        self.clusters.map_or((clusters::NONE, clusters::NONE), |(f, c)| (u32::from(f), u32::from(c)))
    }
}

/// Small words that may sit inside a name between capitalised words.
const CONNECTORS: [&str; 12] = ["of", "de", "du", "da", "del", "am", "von", "van", "der", "la", "&", "for"];

impl Resources {
    /// Loads the embedded lists.
    pub fn load() -> Resources {
        // Room for the clustered words and the list words (many are both: about 41,000
        // in all), without doubling the table.
        let mut words: FxHashMap<u64, WordFacts> = FxHashMap::with_capacity_and_hasher(clusters::WORDS * 3 / 2, Default::default());
        clusters::each_word(|lower, fine, coarse| {
            words.entry(lower).or_insert(WordFacts { clusters: Some((fine, coarse)), entry: 0 });
        });
        let gazetteer = Gazetteer::load_noting_first_words(|lower, bits| words.entry(lower).or_default().entry |= bits);
        Resources { gazetteer, words, connectors: CONNECTORS.iter().map(|w| hash::lower(w)).collect() }
    }
}

/// Per-token values the features are built from.
#[derive(Clone, Copy, Default)]
struct Info {
    exact: u64,
    lower: u64,
    shape: u64,
    /// Lower-case hashes of the first 1..=4 characters (0 when the word is shorter).
    prefix: [u64; 4],
    /// Lower-case hashes of the last 1..=4 characters (0 when the word is shorter).
    suffix: [u64; 4],
    /// Length class: 1, 2, 3, 4, 5-6, 7-9, 10+ characters.
    length: u8,
    /// Case class: 0 lower or no letters, 1 capitalised, 2 all caps (two letters or more).
    case: u8,
    fine: u32,
    coarse: u32,
    /// The gazetteer's entry for the word alone (see [`Gazetteer::entry`]).
    single: u16,
    /// One-token gazetteer lists of the last and first parts of a hyphenated word.
    parts: u32,
    /// Lower-case hash of the last part of a hyphenated word (0 when not hyphenated).
    last_part: u64,
}

/// Document-level counts for one lower-case word.
#[derive(Clone, Copy, Default)]
struct Seen {
    /// Occurrences starting with a lower-case letter.
    lower: u16,
    /// Capitalised occurrences that neither start a sentence nor sit in a caps or
    /// lower-case line.
    capitalised: u16,
    /// The words before and after the first [`CONTEXTS`] capitalised occurrences, with
    /// the occurrence's token index.
    contexts: [(u64, u64, u32); CONTEXTS],
    /// How many of `contexts` are filled.
    context_count: u8,
}

/// How many occurrences of a capitalised word lend their context to the others.
const CONTEXTS: usize = 3;

/// The kinds of place a word can have in a text that its word features depend on:
/// sentence start or not, times the sentence [`Style`].
const PLACES: usize = 6;

/// Feature slots of a word's own features (see [`Extractor::word_features`]).
pub(crate) const WORD_STRIDE: usize = 32;

/// Feature slots of a token's features in context (see [`Extractor::context`]).
pub(crate) const CONTEXT_STRIDE: usize = STRIDE - WORD_STRIDE;

/// Reusable buffers for computing features; one per text.
///
/// A token's features are of two kinds: those of the word itself, which are the same
/// wherever the word stands in the text as long as its [place](PLACES) is the same, and
/// those of its context. The first are computed once per word and place, as a block in
/// [`Extractor::word_features`]; the tagger sums their weights once per block too.
#[derive(Default)]
pub(crate) struct Extractor {
    /// The distinct words of the text, in order of first occurrence.
    words: Vec<Info>,
    /// The index in `words` of every token of the text.
    word_of: Vec<u32>,
    /// Word index by [`word_key`].
    known: FxHashMap<u64, u32>,
    seen: FxHashMap<u64, Seen>,
    styles: Vec<Style>,
    /// The word-feature block of each word in each place ([`NONE`]: not computed yet).
    block_of: Vec<[u32; PLACES]>,
    /// The word features of every block, [`WORD_STRIDE`] slots each, [`NONE`] for
    /// unused slots.
    pub word_features: Vec<u32>,
    /// The word index of every token of the window.
    window_words: Vec<u32>,
    /// The lower-case hashes of the tokens of the window.
    lowers: Vec<u64>,
    /// The words and shapes around each token of the window.
    around: Around,
    kinds: Vec<Kind>,
    gazetteer: Vec<u32>,
    /// For each token of the window, the first and last token (window indices) of the
    /// run of capitalised words it belongs to; `(k, k)` outside runs.
    runs: Vec<(u16, u16)>,
    /// The word-feature block of every token of the window.
    pub blocks: Vec<u32>,
    /// The context features of every token of the window, [`CONTEXT_STRIDE`] slots each.
    pub context: Vec<u32>,
    /// When set, [`Extractor::features`] is filled too.
    full: bool,
    /// All features of every token of the window, [`STRIDE`] slots each: the word's,
    /// then the context's, then [`NONE`]. Filled only by an extractor made with
    /// [`Extractor::full`] (training and tests).
    pub features: Vec<u32>,
}

/// Entries of padding on each side of a window in [`Around`].
const PAD: usize = 2;

/// The lower-case words and shapes of a window's tokens as its context features read
/// them: with [`PAD`] boundary entries on each side (`BOUNDARY_BEFORE`, then the
/// window's tokens, then `BOUNDARY_AFTER`), so that token `k`'s neighbours `k - 2..=k + 2`
/// sit at `k..k + 5`, and with the hash of every pair of neighbouring words computed once
/// (each pair is read by four tokens).
#[derive(Default)]
struct Around {
    /// Lower-case hashes.
    lowers: Vec<u64>,
    /// Shape hashes.
    shapes: Vec<u64>,
    /// `bigrams[m]` is `hash::mix(lowers[m - 1], lowers[m])` (`bigrams[0]` is unused).
    bigrams: Vec<u64>,
}

impl Around {
    /// Fills the tables for a window of tokens with these lower-case and shape hashes.
    fn fill(&mut self, words: impl Iterator<Item = (u64, u64)> + Clone) {
        let padded = |values: &mut Vec<u64>, of: fn((u64, u64)) -> u64| {
            values.clear();
            values.extend([BOUNDARY_BEFORE; PAD]);
            values.extend(words.clone().map(of));
            values.extend([BOUNDARY_AFTER; PAD]);
        };
        padded(&mut self.lowers, |w| w.0);
        padded(&mut self.shapes, |w| w.1);
        self.bigrams.clear();
        self.bigrams.push(0);
        self.bigrams.extend(self.lowers.windows(2).map(|pair| hash::mix(pair[0], pair[1])));
    }

    /// `N` entries of `values` from `at` (zeros past the end, which [`Around::fill`]
    /// prevents).
    #[inline(always)]
    fn read<const N: usize>(values: &[u64], at: usize) -> [u64; N] {
        let mut out = [0; N];
        if let Some(v) = values.get(at..at + N) {
            out.copy_from_slice(v);
        }
        out
    }
}

/// The most distinct words of a text that [`Extractor::begin`] makes room for at once.
const RESERVED_WORDS: usize = 4096;

/// Sentence styles.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Style {
    #[default]
    Normal,
    /// A headline or dateline in capitals.
    Caps,
    /// Text with no capitals at all.
    Lower,
}

const BOUNDARY_BEFORE: u64 = 0x5f3c_733e; // "<s>"
const BOUNDARY_AFTER: u64 = 0x5f2f_733e; // "</s>"

fn style_of(doc: &Doc, range: Range<usize>) -> Style {
    let (mut words, mut caps, mut capitalised) = (0u32, 0u32, 0u32);
    for t in &doc.tokens[range] {
        if t.kind == Kind::Word && t.has(flag::HAS_ALPHA) && !t.has(flag::URL) {
            words += 1;
            if t.has(flag::ALL_CAPS) {
                caps += 1;
            }
            if t.has(flag::CAPITALISED) {
                capitalised += 1;
            }
        }
    }
    if words > 0 && caps * 10 >= words * 8 && (words >= 2 || caps == 1) {
        Style::Caps
    } else if words >= 3 && capitalised == 0 {
        Style::Lower
    } else {
        Style::Normal
    }
}

#[inline(always)]
fn char_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_alphabetic() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'o'
    }
}

/// The facts of a word that do not depend on where it is, but for its clusters; `exact`
/// is its [`hash::exact`].
fn info(text: &str, exact: u64) -> Info {
    let mut info = if text.is_ascii() { info_ascii(text.as_bytes()) } else { info_chars(text) };
    info.exact = exact;
    if let Some(dash) = text.bytes().rposition(|b| b == b'-') {
        let last = &text[dash + 1..];
        if !last.is_empty() && dash > 0 {
            info.last_part = hash::lower(last);
        }
    }
    info
}

/// The length class of a word of `chars` characters (see [`Info::length`]).
fn length_class(chars: usize) -> u8 {
    match chars {
        0..=4 => chars as u8,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// The case class of a word (see [`Info::case`]).
fn case_class(upper: u32, lower_letters: u32, first_upper: bool) -> u8 {
    if upper >= 2 && lower_letters == 0 {
        2
    } else if first_upper {
        1
    } else {
        0
    }
}

/// [`info`] of a word in any script: its lower case, shape, prefixes, suffixes, length
/// and case.
fn info_chars(text: &str) -> Info {
    let mut info = Info { lower: hash::lower(text), ..Info::default() };
    // Shape with repeats collapsed (`Xx`, `X.X.`, `d-d`), prefixes, case.
    let mut shape = hash::SEED;
    let mut last_class = 0u8;
    let mut shape_len = 0;
    let mut running = hash::SEED;
    let mut chars = 0usize;
    let (mut upper, mut lower_letters) = (0u32, 0u32);
    for c in text.chars() {
        let class = char_class(c);
        if class != last_class && shape_len < 8 {
            shape = hash::feed(shape, &[class]);
            last_class = class;
            shape_len += 1;
        }
        match class {
            b'X' => upper += 1,
            b'x' => lower_letters += 1,
            _ => {}
        }
        if chars < 4 {
            running = hash::feed_lower_char(running, c);
            info.prefix[chars] = running;
        }
        chars += 1;
    }
    info.shape = shape;
    // Suffixes: hash the last 1..=4 characters.
    for (k, (pos, _)) in text.char_indices().rev().take(4).enumerate() {
        if chars > k + 1 {
            info.suffix[k] = hash::lower(&text[pos..]);
        }
    }
    if chars < 4 {
        // The longest prefix is the word itself: already a feature.
        info.prefix[chars.saturating_sub(1).min(3)] = 0;
    }
    info.length = length_class(chars);
    info.case = case_class(upper, lower_letters, text.chars().next().is_some_and(char::is_uppercase));
    info
}

/// [`info_chars`] of an ASCII word, in one pass over its bytes: one byte, one character.
fn info_ascii(text: &[u8]) -> Info {
    let mut info = Info::default();
    let mut lower = hash::SEED;
    let mut shape = hash::SEED;
    let mut last_class = 0u8;
    let mut shape_len = 0;
    let (mut upper, mut lower_letters) = (0u32, 0u32);
    for (k, &b) in text.iter().enumerate() {
        let class = match b {
            b'A'..=b'Z' => {
                upper += 1;
                b'X'
            }
            b'a'..=b'z' => {
                lower_letters += 1;
                b'x'
            }
            b'0'..=b'9' => b'd',
            _ => b,
        };
        if class != last_class && shape_len < 8 {
            shape = hash::feed(shape, &[class]);
            last_class = class;
            shape_len += 1;
        }
        lower = hash::feed(lower, &[b.to_ascii_lowercase()]);
        if let Some(prefix) = info.prefix.get_mut(k) {
            *prefix = lower;
        }
    }
    let chars = text.len();
    info.lower = lower;
    info.shape = shape;
    for k in 0..4 {
        if chars > k + 1 {
            info.suffix[k] = text[chars - k - 1..].iter().fold(hash::SEED, |h, &b| hash::feed(h, &[b.to_ascii_lowercase()]));
        }
    }
    if chars < 4 {
        // The longest prefix is the word itself: already a feature.
        info.prefix[chars.saturating_sub(1).min(3)] = 0;
    }
    info.length = length_class(chars);
    info.case = case_class(upper, lower_letters, text.first().is_some_and(u8::is_ascii_uppercase));
    info
}

/// The key of a word in the per-text table: its exact hash, and whether the tokenizer
/// read its period as an abbreviation's.
fn word_key(exact: u64, abbrev: bool) -> u64 {
    exact ^ (u64::from(abbrev) * 0x9e37_79b9_7f4a_7c15)
}

/// The hash of a feature: its template and value. One multiplication: the values are
/// hashes already, or small numbers that the template key spreads.
#[inline(always)]
fn feature(template: u64, value: u64) -> u32 {
    ((hash::fmix(template) ^ value).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}

/// Writes features into a block of slots, dropping any beyond its end; [`Slots::finish`]
/// marks the rest unused.
struct Slots<'a> {
    out: &'a mut [u32],
    n: usize,
}

impl Slots<'_> {
    #[inline(always)]
    fn push(&mut self, template: u64, value: u64) {
        if let Some(slot) = self.out.get_mut(self.n) {
            *slot = feature(template, value);
            self.n += 1;
        }
    }

    /// Fills the slots after the features with [`NONE`].
    #[inline(always)]
    fn finish(self) {
        if let Some(rest) = self.out.get_mut(self.n..) {
            rest.fill(NONE);
        }
    }
}

impl Extractor {
    /// An extractor that also fills [`Extractor::features`] with every token's features.
    #[cfg(any(test, feature = "train"))]
    pub fn full() -> Extractor {
        Extractor { full: true, ..Extractor::default() }
    }

    /// The lower-case hashes of the tokens of the last window.
    pub fn lowers(&self) -> &[u64] {
        &self.lowers
    }

    /// The index of token `i`'s word in the per-text table, adding it when new.
    fn word_at(&mut self, doc: &Doc, i: usize, res: &Resources) -> u32 {
        let text = doc.str(i);
        let abbrev = doc.tokens[i].has(flag::ABBREV);
        let exact = hash::exact(text);
        let next = self.words.len() as u32;
        match self.known.entry(word_key(exact, abbrev)) {
            Entry::Occupied(known) => return *known.get(),
            Entry::Vacant(new) => new.insert(next),
        };
        let mut inf = info(text, exact);
        if abbrev {
            inf.lower = hash::lower_token(text, true);
        }
        let facts = res.words.get(&inf.lower).copied().unwrap_or_default();
        (inf.fine, inf.coarse) = facts.clusters();
        inf.single = facts.entry;
        if inf.last_part != 0 {
            let first = text.split('-').next().unwrap_or("");
            let last_lists = u32::from(res.gazetteer.single(inf.last_part));
            let first_lists = u32::from(res.gazetteer.single(hash::lower(first)));
            inf.parts = last_lists | (first_lists << 16);
        }
        self.words.push(inf);
        self.block_of.push([NONE; PLACES]);
        next
    }

    /// Reads the document-level facts of `doc` (its words, sentence styles, how each
    /// word is capitalised across the text and the words around its capitalised
    /// occurrences); call before [`Extractor::window`].
    pub fn begin(&mut self, doc: &Doc, res: &Resources) {
        self.seen.clear();
        self.known.clear();
        self.styles.clear();
        self.words.clear();
        self.word_of.clear();
        self.block_of.clear();
        self.word_features.clear();
        // Room for the words of a typical text at once rather than growing step by step
        // (each step copies everything so far). A news article of a few thousand tokens
        // has a little over half as many distinct words, some in two places (two blocks):
        // three quarters of the token count leaves room for both.
        let words = (doc.tokens.len() * 3 / 4).min(RESERVED_WORDS);
        self.word_of.reserve(doc.tokens.len());
        self.words.reserve(words);
        self.block_of.reserve(words);
        self.known.reserve(words);
        self.seen.reserve(words);
        self.word_features.reserve(words * WORD_STRIDE);
        // And for the longest window.
        let window = doc.tokens.len().min(WINDOW);
        self.window_words.reserve(window);
        self.lowers.reserve(window);
        self.kinds.reserve(window);
        self.gazetteer.reserve(window);
        self.runs.reserve(window);
        self.blocks.reserve(window);
        self.context.reserve(window * CONTEXT_STRIDE);
        for values in [&mut self.around.lowers, &mut self.around.shapes, &mut self.around.bigrams] {
            values.reserve(window + 2 * PAD);
        }
        self.styles.reserve(doc.sentences.len());
        for s in &doc.sentences {
            let style = style_of(doc, s.clone());
            self.styles.push(style);
            let mut prev = BOUNDARY_BEFORE;
            // The capitalised word waiting for the word after it: (lower, word before, token index).
            let mut open: Option<(u64, u64, u32)> = None;
            for i in s.clone() {
                let t = doc.tokens[i];
                let w = self.word_at(doc, i, res);
                self.word_of.push(w);
                let inf = self.words[w as usize];
                if let Some((word, before, at)) = open.take() {
                    self.add_context(word, (before, inf.lower, at));
                }
                if t.kind == Kind::Word && t.has(flag::HAS_ALPHA) {
                    let seen = self.seen.entry(inf.lower).or_default();
                    if inf.case == 0 {
                        seen.lower = seen.lower.saturating_add(1);
                    } else {
                        if !t.has(flag::SENT_START) && style == Style::Normal {
                            seen.capitalised = seen.capitalised.saturating_add(1);
                        }
                        open = Some((inf.lower, prev, i as u32));
                    }
                }
                prev = inf.lower;
            }
            if let Some((word, before, at)) = open {
                self.add_context(word, (before, BOUNDARY_AFTER, at));
            }
        }
    }

    /// Records the words around one capitalised occurrence of a word.
    fn add_context(&mut self, word: u64, context: (u64, u64, u32)) {
        let seen = self.seen.entry(word).or_default();
        let n = seen.context_count as usize;
        if n < CONTEXTS {
            seen.contexts[n] = context;
            seen.context_count += 1;
        }
    }

    /// The windows to tag: every sentence, cut into pieces of at most [`WINDOW`] tokens
    /// so that memory stays bounded on text without sentence breaks. Yields
    /// `(sentence index, token range)`.
    pub fn windows<'d>(doc: &'d Doc) -> impl Iterator<Item = (usize, Range<usize>)> + 'd {
        doc.sentences.iter().enumerate().flat_map(|(k, s)| {
            let s = s.clone();
            (s.start..s.end).step_by(WINDOW).map(move |from| (k, from..(from + WINDOW).min(s.end)))
        })
    }

    /// The features of every token of `doc`, window after window.
    #[cfg(test)]
    pub fn compute(&mut self, doc: &Doc, res: &Resources) -> Vec<u32> {
        self.begin(doc, res);
        let mut all = Vec::with_capacity(doc.tokens.len() * STRIDE);
        for (k, range) in Extractor::windows(doc) {
            self.window(doc, k, range, res);
            all.extend_from_slice(&self.features);
        }
        all
    }

    /// Computes the features of the tokens `range` of sentence number `sentence`:
    /// [`Extractor::blocks`] and [`Extractor::context`] (and [`Extractor::features`]
    /// for a [full](Extractor::full) extractor), in token order.
    pub fn window(&mut self, doc: &Doc, sentence: usize, range: Range<usize>, res: &Resources) {
        let style = self.styles.get(sentence).copied().unwrap_or(Style::Normal);
        let n = range.len();
        self.lowers.clear();
        self.kinds.clear();
        self.window_words.clear();
        self.blocks.clear();
        // Every token's slots are written in full (its features, then NONE) below.
        self.context.resize(n * CONTEXT_STRIDE, NONE);
        let mut singles = [0u16; WINDOW];
        for (k, i) in range.clone().enumerate() {
            let inf = &self.words[self.word_of[i] as usize];
            self.window_words.push(self.word_of[i]);
            self.lowers.push(inf.lower);
            self.kinds.push(doc.tokens[i].kind);
            if let Some(s) = singles.get_mut(k) {
                *s = inf.single;
            }
        }
        self.gazetteer.clear();
        self.gazetteer.resize(n, 0);
        res.gazetteer.mark(&self.lowers, &self.kinds, &singles[..n.min(WINDOW)], &mut self.gazetteer);
        self.find_runs(style, res);
        let words = &self.words;
        self.around.fill(self.window_words.iter().map(|&w| (words[w as usize].lower, words[w as usize].shape)));
        for (k, i) in range.clone().enumerate() {
            let t = doc.tokens[i];
            let w = self.word_of[i] as usize;
            let place = usize::from(t.has(flag::SENT_START)) + 2 * style as usize;
            let mut block = self.block_of[w][place];
            if block == NONE {
                block = (self.word_features.len() / WORD_STRIDE) as u32;
                self.block_of[w][place] = block;
                let mut feats = [NONE; WORD_STRIDE];
                self.word_features_of(t, w, style, &mut feats);
                self.word_features.extend_from_slice(&feats);
            }
            self.blocks.push(block);
            self.context_features(doc, range.start, k);
        }
        if self.full {
            self.features.clear();
            self.features.resize(n * STRIDE, NONE);
            for k in 0..n {
                let b = self.blocks[k] as usize;
                let word = &self.word_features[b * WORD_STRIDE..(b + 1) * WORD_STRIDE];
                let context = &self.context[k * CONTEXT_STRIDE..(k + 1) * CONTEXT_STRIDE];
                let all = word.iter().chain(context).filter(|&&f| f != NONE);
                for (slot, &f) in self.features[k * STRIDE..(k + 1) * STRIDE].iter_mut().zip(all) {
                    *slot = f;
                }
            }
        }
    }

    /// Finds the runs of capitalised words of the window (`Atlantic City Hospital`,
    /// `Bank of England`): capitalised words, and connectors between two of them. Only in
    /// ordinary sentences, where capitals say something.
    fn find_runs(&mut self, style: Style, res: &Resources) {
        let n = self.lowers.len();
        self.runs.clear();
        self.runs.extend((0..n).map(|k| (k as u16, k as u16)));
        if style != Style::Normal {
            return;
        }
        let case = |k: usize| self.words[self.window_words[k] as usize].case;
        let capital = |k: usize| k < n && self.kinds[k] == Kind::Word && case(k) != 0;
        let mut k = 0;
        while k < n {
            if !capital(k) {
                k += 1;
                continue;
            }
            let start = k;
            let mut end = k;
            let mut j = k + 1;
            while j < n {
                if capital(j) {
                    end = j;
                    j += 1;
                } else if res.connectors.contains(&self.lowers[j]) && capital(j + 1) {
                    j += 1;
                } else {
                    break;
                }
            }
            for r in &mut self.runs[start..=end] {
                *r = (start as u16, end as u16);
            }
            k = end + 1;
        }
    }


    /// Writes the features of word `w` (token `t` is one of its occurrences) standing at
    /// the start of a sentence or not, in a sentence of style `style`, into `feats`.
    fn word_features_of(&self, t: crate::tokens::Token, w: usize, style: Style, feats: &mut [u32; WORD_STRIDE]) {
        let me = self.words[w];
        let seen = if t.kind == Kind::Word && t.has(flag::HAS_ALPHA) { self.seen.get(&me.lower).copied() } else { None };
        let mut out = Slots { out: feats, n: 0 };
        let sent_start = t.has(flag::SENT_START) as u64;
        let context = sent_start | (style as u64) << 1 | u64::from(me.case) << 3;
        // The word itself comes first: slots 0..IDENTITY_SLOTS, which training may hide.
        out.push(1, me.exact);
        out.push(2, me.lower);
        out.push(5, hash::mix(me.lower, context));
        out.push(0, 0); // bias
        if matches!(t.kind, Kind::Punct | Kind::Symbol) {
            return;
        }
        out.push(3, me.shape);
        out.push(4, hash::mix(me.shape, context));
        for k in 0..4 {
            if me.prefix[k] != 0 {
                out.push(6 + k as u64, me.prefix[k]);
            }
            if me.suffix[k] != 0 {
                out.push(10 + k as u64, me.suffix[k]);
            }
        }
        out.push(25, hash::mix(u64::from(me.length), me.shape));
        if me.last_part != 0 {
            out.push(35, u64::from(me.parts));
            out.push(36, me.last_part);
        }
        // Clusters.
        if me.fine != clusters::NONE {
            out.push(40, u64::from(me.fine));
            out.push(41, u64::from(me.coarse));
            out.push(42, hash::mix(u64::from(me.coarse), u64::from(me.case)));
        } else {
            out.push(43, u64::from(me.case) << 1 | sent_start);
        }
        // What the rest of the document says about this word's case, and the words
        // around its capitalised occurrences.
        if let Some(seen) = seen {
            let mut lower = seen.lower;
            let mut cap = seen.capitalised;
            if me.case == 0 {
                lower = lower.saturating_sub(1);
            } else if t.has(flag::SENT_START) || style != Style::Normal {
                // Not counted.
            } else {
                cap = cap.saturating_sub(1);
            }
            let evidence = u64::from(lower > 0) | u64::from(cap > 0) << 1;
            out.push(46, evidence << 8 | context);
            for &(before, after, _) in seen.contexts.iter().take(seen.context_count as usize) {
                out.push(47, before);
                out.push(48, after);
            }
        }
    }

    /// Writes the context features of the `k`-th token of the window that starts at
    /// token `base` into its slots of [`Extractor::context`], then [`NONE`] into the rest.
    fn context_features(&mut self, doc: &Doc, base: usize, k: usize) {
        let gazetteer = &self.gazetteer;
        let mut out = Slots { out: &mut self.context[k * CONTEXT_STRIDE..(k + 1) * CONTEXT_STRIDE], n: 0 };
        let me = &self.words[self.window_words[k] as usize];
        let t = doc.tokens[base + k];
        // The words from two before to two after the token, and the pairs among them.
        let [before2, before, _, after, after2] = Around::read::<5>(&self.around.lowers, k);
        let [pair_before, pair_ending, pair_starting, pair_after] = Around::read::<4>(&self.around.bigrams, k + 1);
        let lower_at = |j: isize| self.around.lowers.get((k + PAD).wrapping_add_signed(j)).copied().unwrap_or(0);
        let gaz_at = |j: isize| gazetteer.get(k.wrapping_add_signed(j)).copied().unwrap_or(0);
        if matches!(t.kind, Kind::Punct | Kind::Symbol) {
            // Punctuation is almost never inside a name: a few features are enough.
            out.push(14, before);
            out.push(15, after);
            out.push(26, pair_before);
            out.finish();
            return;
        }
        let [shape_before, _, shape_after] = Around::read::<3>(&self.around.shapes, k + 1);
        let sent_start = t.has(flag::SENT_START) as u64;
        out.push(14, before);
        out.push(15, after);
        out.push(16, before2);
        out.push(17, after2);
        out.push(18, shape_before);
        out.push(19, shape_after);
        out.push(20, hash::mix(hash::mix(shape_before, me.shape), shape_after));
        out.push(21, pair_ending);
        out.push(22, pair_starting);
        out.push(26, pair_before);
        out.push(27, pair_after);

        // The run of capitalised words the token is in: its length and the token's place
        // in it, its last and first words, the words around it.
        let (rs, re) = self.runs[k];
        let (rs, re) = (rs as usize, re as usize);
        if re > rs {
            let len = (re - rs + 1).min(4) as u64;
            let place = if k == rs { 0 } else if k == re { 2 } else { 1 };
            let shape = len << 2 | place;
            let (run_before, run_after) = (rs as isize - k as isize - 1, re as isize - k as isize + 1);
            out.push(50, shape);
            out.push(51, hash::mix(self.lowers[re], place));
            out.push(52, hash::mix(self.lowers[rs], place));
            out.push(53, hash::mix(lower_at(run_after), shape));
            out.push(54, hash::mix(lower_at(run_before), shape));
            out.push(55, u64::from(gazetteer[re]) << 8 | u64::from(gazetteer[rs] & 0xff) << 2 | place);
        }

        // Gazetteers: the whole bit set, each list separately (with case), neighbours.
        let mine = gazetteer[k];
        if mine != 0 {
            out.push(30, hash::mix(u64::from(mine), u64::from(me.case)));
            for l in 0..LIST_COUNT {
                let bits = (mine >> (2 * l)) & 3;
                if bits != 0 {
                    out.push(31, (l as u64) << 8 | u64::from(bits) << 4 | u64::from(me.case) << 1 | sent_start);
                }
            }
        }
        let title_before = (gaz_at(-1) >> (2 * List::Title as u32)) & 1;
        let org_word_after = (gaz_at(1) >> (2 * List::OrgWord as u32)) & 3;
        out.push(34, u64::from(title_before) << 8 | u64::from(org_word_after) << 4 | u64::from(me.case));
        out.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_gets_its_features_and_no_more() {
        let res = Resources::load();
        let mut ex = Extractor::full();
        for text in ["", "x", "Hami Aksoy said Turkey's S-400 deal was done.\nANKARA 2017-08-01", "¿Qué? 😀 --"] {
            let doc = Doc::new(text);
            let all = ex.compute(&doc, &res);
            assert_eq!(all.len(), doc.tokens.len() * STRIDE);
            for tok in all.chunks(STRIDE) {
                let used = tok.iter().filter(|&&f| f != NONE).count();
                assert!(used >= 5, "{text:?}: {used}");
            }
        }
    }

    #[test]
    fn same_word_same_features_wherever_it_is() {
        let res = Resources::load();
        let mut ex = Extractor::full();
        let doc = Doc::new("He met Aksoy. He met Aksoy.");
        let all = ex.compute(&doc, &res);
        assert_eq!(all[2 * STRIDE..3 * STRIDE], all[6 * STRIDE..7 * STRIDE]);
    }

    #[test]
    fn long_sentences_are_cut_into_windows() {
        let text = "word ".repeat(WINDOW * 2 + 10);
        let doc = Doc::new(&text);
        let windows: Vec<_> = Extractor::windows(&doc).collect();
        assert_eq!(windows.len(), 3);
        assert_eq!(windows[0].1, 0..WINDOW);
        assert_eq!(windows[2].1, 2 * WINDOW..2 * WINDOW + 10);
        let mut ex = Extractor::full();
        assert_eq!(ex.compute(&doc, &Resources::load()).len(), doc.tokens.len() * STRIDE);
    }

    fn info_of(text: &str, _clusters: &Clusters) -> Info {
        info(text, hash::exact(text))
    }

    #[test]
    fn ascii_words_read_like_any_words() {
        let words = ["", "a", "A", "ab", "abc", "Abcd", "abcde", "NATO", "Nato", "U.S.", "S-400", "x-", "-x", "--", "O'Neill", "3:15", "McDonald", "Franco-Italian", "a1B2c3D4e5F6g7"];
        for w in words {
            let (fast, slow) = (info_ascii(w.as_bytes()), info_chars(w));
            let facts = |i: &Info| (i.lower, i.shape, i.prefix, i.suffix, i.length, i.case);
            assert!(facts(&fast) == facts(&slow), "{w}");
        }
    }

    #[test]
    fn shapes_and_cases() {
        let c = Clusters::load();
        assert_eq!(info_of("Aksoy", &c).shape, info_of("Erdoğan", &c).shape);
        assert_ne!(info_of("NATO", &c).shape, info_of("Nato", &c).shape);
        assert_eq!(info_of("NATO", &c).case, 2);
        assert_eq!(info_of("Ankara", &c).case, 1);
        assert_eq!(info_of("x", &c).case, 0);
        assert_eq!(info_of("I", &c).case, 1);
        assert_eq!(info_of("S-400", &c).last_part, hash::lower("400"));
    }
}
