//! Features of each token for the tagger, hashed to 32-bit ids.
//!
//! Every token gets at most [`STRIDE`] features, computed once per text into one flat
//! buffer: the word and its lower case, shape, prefixes and suffixes, capitalisation in
//! context (sentence start, all-caps headline, lower-case text), the words and shapes
//! around it, gazetteer matches, word clusters and what the rest of the document says
//! about the word's case. Token text is hashed straight from the byte slices; nothing is
//! allocated per token.

use super::clusters::{self, Clusters};
use super::gazetteer::{Gazetteer, List, LIST_COUNT};
use super::hash;
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Feature slots per token.
pub(crate) const STRIDE: usize = 56;

/// The first slots of every token hold the word's identity (as written, lower case,
/// lower case in context); the trainer hides them at random so that the model also
/// learns from shape, context, gazetteers and clusters.
#[cfg(any(test, feature = "train"))]
pub(crate) const IDENTITY_SLOTS: usize = 3;

/// The most tokens tagged at once: longer sentences are cut into windows.
pub(crate) const WINDOW: usize = 256;

/// An unused slot.
pub(crate) const NONE: u32 = u32::MAX;

/// Changes whenever the features change, so a model trained on other features is refused.
pub(crate) const VERSION: u32 = 5;

/// What the tagger reads besides the text: gazetteers and clusters.
pub(crate) struct Resources {
    /// Gazetteer lists.
    pub gazetteer: Gazetteer,
    /// Word clusters.
    pub clusters: Clusters,
}

impl Resources {
    /// Loads the embedded lists.
    pub fn load() -> Resources {
        Resources { gazetteer: Gazetteer::load(), clusters: Clusters::load() }
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
    /// Gazetteer bits of the whole token within its sentence (see [`Gazetteer::mark`]).
    gazetteer: u32,
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
}

/// Reusable buffers for computing features; one per text.
#[derive(Default)]
pub(crate) struct Extractor {
    infos: Vec<Info>,
    lowers: Vec<u64>,
    kinds: Vec<Kind>,
    seen: FxHashMap<u64, Seen>,
    /// Per-text cache of word facts by exact hash: most tokens repeat earlier ones.
    known: FxHashMap<u64, Info>,
    styles: Vec<Style>,
    gazetteer: Vec<u32>,
    /// Features of every token, [`STRIDE`] slots each, [`NONE`] for unused slots.
    pub features: Vec<u32>,
}

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

/// The facts of a word that do not depend on where it is; `exact` is its [`hash::exact`].
fn info(text: &str, exact: u64, clusters: &Clusters) -> Info {
    let mut info = Info { exact, lower: hash::lower(text), ..Info::default() };
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
    info.length = match chars {
        0..=4 => chars as u8,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    };
    let first_upper = text.chars().next().is_some_and(char::is_uppercase);
    info.case = if upper >= 2 && lower_letters == 0 {
        2
    } else if first_upper {
        1
    } else {
        0
    };
    let (fine, coarse) = clusters.get(info.lower);
    info.fine = fine;
    info.coarse = coarse;
    if let Some(dash) = text.bytes().rposition(|b| b == b'-') {
        let last = &text[dash + 1..];
        if !last.is_empty() && dash > 0 {
            info.last_part = hash::lower(last);
        }
    }
    info
}

impl Extractor {
    /// The lower-case hashes of the tokens of the last window.
    pub fn lowers(&self) -> &[u64] {
        &self.lowers
    }

    /// The facts of token `i`, from the per-text cache when the word was seen before.
    fn info_at(&mut self, doc: &Doc, i: usize, res: &Resources) -> Info {
        let text = doc.str(i);
        let t = doc.tokens[i];
        let exact = hash::exact(text);
        let mut inf = match self.known.get(&exact) {
            Some(known) => *known,
            None => {
                let fresh = info(text, exact, &res.clusters);
                self.known.insert(exact, fresh);
                fresh
            }
        };
        if t.has(flag::ABBREV) {
            inf.lower = hash::lower_token(text, true);
            let (fine, coarse) = res.clusters.get(inf.lower);
            inf.fine = fine;
            inf.coarse = coarse;
        }
        inf
    }

    /// Reads the document-level facts of `doc` (sentence styles, how each word is
    /// capitalised across the text); call before [`Extractor::window`].
    pub fn begin(&mut self, doc: &Doc, res: &Resources) {
        self.seen.clear();
        self.known.clear();
        self.styles.clear();
        for s in &doc.sentences {
            let style = style_of(doc, s.clone());
            self.styles.push(style);
            for i in s.clone() {
                let t = doc.tokens[i];
                if t.kind != Kind::Word || !t.has(flag::HAS_ALPHA) {
                    continue;
                }
                let inf = self.info_at(doc, i, res);
                let seen = self.seen.entry(inf.lower).or_default();
                if inf.case == 0 {
                    seen.lower = seen.lower.saturating_add(1);
                } else if !t.has(flag::SENT_START) && style == Style::Normal {
                    seen.capitalised = seen.capitalised.saturating_add(1);
                }
            }
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

    /// Computes the features of the tokens `range` of sentence number `sentence` into
    /// [`Extractor::features`] ([`STRIDE`] slots per token, in order).
    pub fn window(&mut self, doc: &Doc, sentence: usize, range: Range<usize>, res: &Resources) {
        let style = self.styles.get(sentence).copied().unwrap_or(Style::Normal);
        self.infos.clear();
        self.lowers.clear();
        self.kinds.clear();
        self.features.clear();
        self.features.resize(range.len() * STRIDE, NONE);
        for i in range.clone() {
            let mut inf = self.info_at(doc, i, res);
            if inf.last_part != 0 {
                let text = doc.str(i);
                let first = text.split('-').next().unwrap_or("");
                let last_lists = u32::from(res.gazetteer.single(inf.last_part));
                let first_lists = u32::from(res.gazetteer.single(hash::lower(first)));
                inf.parts = last_lists | (first_lists << 16);
            }
            self.lowers.push(inf.lower);
            self.kinds.push(doc.tokens[i].kind);
            self.infos.push(inf);
        }
        self.gazetteer.clear();
        self.gazetteer.resize(range.len(), 0);
        res.gazetteer.mark(&self.lowers, &self.kinds, &mut self.gazetteer);
        for (inf, &g) in self.infos.iter_mut().zip(&self.gazetteer) {
            inf.gazetteer = g;
        }
        for k in 0..range.len() {
            self.token_features(doc, range.start, k, style);
        }
    }

    /// Features of the `k`-th token of the window that starts at token `base`.
    #[inline(always)]
    fn token_features(&mut self, doc: &Doc, base: usize, k: usize, style: Style) {
        let infos = &self.infos;
        let out = &mut self.features[k * STRIDE..(k + 1) * STRIDE];
        let mut slot = 0;
        let mut push = |template: u64, value: u64| {
            if slot < STRIDE {
                out[slot] = hash::mix(template, value) as u32;
                slot += 1;
            }
        };
        let me = &infos[k];
        let t = doc.tokens[base + k];
        let at = |j: isize| -> Option<&Info> {
            let j = k as isize + j;
            (j >= 0 && j < infos.len() as isize).then(|| &infos[j as usize])
        };
        let lower_at = |j: isize| at(j).map_or(if j < 0 { BOUNDARY_BEFORE } else { BOUNDARY_AFTER }, |x| x.lower);
        let shape_at = |j: isize| at(j).map_or(if j < 0 { BOUNDARY_BEFORE } else { BOUNDARY_AFTER }, |x| x.shape);
        let fine_at = |j: isize| at(j).map_or(u64::from(u32::MAX - 1) + (j > 0) as u64, |x| u64::from(x.fine));
        let gaz_at = |j: isize| at(j).map_or(0, |x| x.gazetteer);

        let sent_start = t.has(flag::SENT_START) as u64;
        let style_id = style as u64;
        let context = sent_start | style_id << 1 | u64::from(me.case) << 3;

        // The word itself comes first: slots 0..IDENTITY_SLOTS, which training may hide.
        push(1, me.exact);
        push(2, me.lower);
        push(5, hash::mix(me.lower, context));
        push(0, 0); // bias
        if matches!(t.kind, Kind::Punct | Kind::Symbol) {
            // Punctuation is almost never inside a name: a few features are enough.
            push(14, lower_at(-1));
            push(15, lower_at(1));
            push(26, hash::mix(lower_at(-2), lower_at(-1)));
            return;
        }
        push(3, me.shape);
        push(4, hash::mix(me.shape, context));
        for k in 0..4 {
            if me.prefix[k] != 0 {
                push(6 + k as u64, me.prefix[k]);
            }
            if me.suffix[k] != 0 {
                push(10 + k as u64, me.suffix[k]);
            }
        }
        push(14, lower_at(-1));
        push(15, lower_at(1));
        push(16, lower_at(-2));
        push(17, lower_at(2));
        push(18, shape_at(-1));
        push(19, shape_at(1));
        push(20, hash::mix(hash::mix(shape_at(-1), me.shape), shape_at(1)));
        push(21, hash::mix(lower_at(-1), me.lower));
        push(22, hash::mix(me.lower, lower_at(1)));
        push(23, hash::mix(lower_at(-1), me.shape));
        push(24, hash::mix(me.shape, lower_at(1)));
        push(25, hash::mix(u64::from(me.length), me.shape));
        push(26, hash::mix(lower_at(-2), lower_at(-1)));
        push(27, hash::mix(lower_at(1), lower_at(2)));

        // Gazetteers: the whole bit set, each list separately (with case), neighbours.
        if me.gazetteer != 0 {
            push(30, hash::mix(u64::from(me.gazetteer), u64::from(me.case)));
            for l in 0..LIST_COUNT {
                let bits = (me.gazetteer >> (2 * l)) & 3;
                if bits != 0 {
                    push(31, (l as u64) << 8 | u64::from(bits) << 4 | u64::from(me.case) << 1 | sent_start);
                }
            }
        }
        push(32, u64::from(gaz_at(-1)));
        push(33, u64::from(gaz_at(1)));
        let title_before = (gaz_at(-1) >> (2 * List::Title as u32)) & 1;
        let org_word_after = (gaz_at(1) >> (2 * List::OrgWord as u32)) & 3;
        push(34, u64::from(title_before) << 8 | u64::from(org_word_after) << 4 | u64::from(me.case));
        if me.last_part != 0 {
            push(35, u64::from(me.parts));
            push(36, me.last_part);
        }

        // Clusters.
        if me.fine != clusters::NONE {
            push(40, u64::from(me.fine));
            push(41, u64::from(me.coarse));
            push(42, hash::mix(u64::from(me.coarse), u64::from(me.case)));
        } else {
            push(43, u64::from(me.case) << 1 | sent_start);
        }
        push(44, fine_at(-1));
        push(45, fine_at(1));

        // What the rest of the document says about this word's case.
        if t.kind == Kind::Word && t.has(flag::HAS_ALPHA) {
            let seen = self.seen.get(&me.lower).copied().unwrap_or_default();
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
            push(46, evidence << 8 | context);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_gets_its_features_and_no_more() {
        let res = Resources::load();
        let mut ex = Extractor::default();
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
        let mut ex = Extractor::default();
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
        let mut ex = Extractor::default();
        assert_eq!(ex.compute(&doc, &Resources::load()).len(), doc.tokens.len() * STRIDE);
    }

    fn info_of(text: &str, clusters: &Clusters) -> Info {
        info(text, hash::exact(text), clusters)
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
