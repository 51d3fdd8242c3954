//! Gazetteers: lists of countries, cities, regions, demonyms, first names, organisation
//! words and titles, matched case-insensitively over token sequences.
//!
//! Each list is a data file under `data/names/` (one entry a line). Entries are split with
//! the same tokenizer as the text, so `Frankfurt am Main` and `U.S.` match token by token.
//! A match only sets feature bits for the tagger; it never makes a name by itself.

use super::hash;
#[cfg(test)]
use crate::lexicon;
use crate::tokens::{flag, tokenize, Kind};
use rustc_hash::FxHashMap;

/// The kinds of list, in bit order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    /// Countries and territories.
    Country,
    /// Cities and towns.
    City,
    /// States, provinces, continents and other regions.
    Region,
    /// Nationalities, demonyms and languages (`Turkish`, `Franco-`), CoNLL MISC.
    Demonym,
    /// Given names of people.
    FirstName,
    /// Names of organisations.
    Org,
    /// Words that end or head an organisation's name (`Inc.`, `Ministry`, `Party`).
    OrgWord,
    /// Titles and roles before a person's name (`President`, `Capt.`, `spokesman`).
    Title,
    /// Products, weapons, indices and events (`Patriot`, `Windows`), CoNLL MISC.
    Product,
    /// Well-known places: regions, rivers, mountains, seas (`Normandy`, `Rhine`), from WordNet.
    KnownPlace,
}

/// The bits of the given lists, as [`Gazetteer::single`] and friends report them.
pub(crate) const fn bits(lists: &[List]) -> u16 {
    let mut bits = 0;
    let mut k = 0;
    while k < lists.len() {
        bits |= 1 << lists[k] as u16;
        k += 1;
    }
    bits
}

/// The bits of every list of places (countries, cities, regions, well-known places).
pub(crate) const PLACES: u16 = bits(&[List::Country, List::City, List::Region, List::KnownPlace]);

/// Every data file with the list it feeds.
const FILES: [(List, &str); 13] = [
    (List::Country, include_str!("../../data/names/countries.txt")),
    (List::City, include_str!("../../data/names/cities.txt")),
    (List::Region, include_str!("../../data/names/regions.txt")),
    (List::Region, include_str!("../../data/names/places.txt")),
    (List::Demonym, include_str!("../../data/names/demonyms.txt")),
    (List::Demonym, include_str!("../../data/names/languages.txt")),
    (List::FirstName, include_str!("../../data/names/first_names.txt")),
    (List::Org, include_str!("../../data/names/orgs.txt")),
    (List::Org, include_str!("../../data/names/companies.txt")),
    (List::OrgWord, include_str!("../../data/names/org_words.txt")),
    (List::Title, include_str!("../../data/names/titles.txt")),
    (List::Product, include_str!("../../data/names/products.txt")),
    (List::KnownPlace, include_str!("../../data/names/wn_places.txt")),
];

/// The number of lists.
pub(crate) const LIST_COUNT: usize = 10;

/// Set on a key that is the beginning of a longer entry.
const PREFIX: u16 = 1 << 15;

/// The longest entry considered, in tokens.
const MAX_TOKENS: usize = 6;

/// The key of a token sequence: the lower-case hashes of its tokens, chained.
fn chain(key: u64, token_lower: u64) -> u64 {
    hash::mix(key ^ 0x6761_7a00, token_lower)
}

/// Calls `found` with the lower-case hashes of the tokens of every entry of a list
/// file (see [`entry_lowers`]; entries of more than [`MAX_TOKENS`] tokens are left out).
/// The file is read like [`crate::lexicon::entries`], first column only; a line whose first
/// column is plain is hashed in the same pass that reads it.
fn each_entry(src: &str, mut found: impl FnMut(&[u64])) {
    let mut lowers = [0u64; MAX_TOKENS];
    for line in src.split('\n') {
        if let Some(len) = plain_line_lowers(line, &mut lowers) {
            found(&lowers[..len]);
            continue;
        }
        let line = line.strip_suffix('\r').unwrap_or(line).trim_end();
        if line.trim_start().is_empty() || line.starts_with('#') {
            continue;
        }
        let entry = line.split('\t').next().unwrap_or("").trim();
        if let Some(len) = entry_lowers(entry, &mut lowers) {
            found(&lowers[..len]);
        }
    }
}

/// The token hashes of a line whose first column [is plain](is_plain) and ends at a
/// tab or the end of the line, in one pass; `None` for any other line (and for one of
/// more than [`MAX_TOKENS`] words), which the caller reads the general way.
fn plain_line_lowers(line: &str, out: &mut [u64; MAX_TOKENS]) -> Option<usize> {
    let mut len = 0;
    let mut h = hash::SEED;
    let mut in_word = false;
    for &b in line.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' => {
                h = hash::feed(h, &[b.to_ascii_lowercase()]);
                in_word = true;
            }
            b' ' | b'\t' if in_word => {
                *out.get_mut(len)? = h;
                len += 1;
                h = hash::SEED;
                in_word = false;
                if b == b'\t' {
                    return Some(len);
                }
            }
            _ => return None,
        }
    }
    if !in_word {
        return None;
    }
    *out.get_mut(len)? = h;
    Some(len + 1)
}

/// True when `entry` is words of ASCII letters with one space between them, which the
/// tokenizer reads as one word token each (most entries; a test checks them all).
fn is_plain(entry: &str) -> bool {
    !entry.is_empty() && entry.split(' ').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Writes the lower-case hashes of the tokens of `entry` into `out`, as the same tokens of
/// a text would have them ([`hash::lower_token`]), and returns how many there are; `None`
/// when there are none or more than [`MAX_TOKENS`]. Plain entries are split at their
/// spaces; the others go through the tokenizer.
fn entry_lowers(entry: &str, out: &mut [u64; MAX_TOKENS]) -> Option<usize> {
    let mut len = 0;
    if is_plain(entry) {
        for word in entry.split(' ') {
            *out.get_mut(len)? = hash::lower(word);
            len += 1;
        }
    } else {
        for t in tokenize(entry) {
            *out.get_mut(len)? = hash::lower_token(&entry[t.range()], t.has(flag::ABBREV));
            len += 1;
        }
    }
    (len > 0).then_some(len)
}

/// All lists, as one table from token-sequence keys to list bits.
pub(crate) struct Gazetteer {
    entries: FxHashMap<u64, u16>,
}

impl Gazetteer {
    /// Reads every list.
    #[cfg(test)]
    pub fn load() -> Gazetteer {
        Gazetteer::load_noting_first_words(|_, _| {})
    }

    /// Reads every list, calling `first_word` with the lower-case hash of the first token
    /// of every entry and the bits the entry sets on that token's key: together, they
    /// make each word's [`Gazetteer::entry`].
    pub fn load_noting_first_words(mut first_word: impl FnMut(u64, u16)) -> Gazetteer {
        // About one key per line, and a few more for the words that begin longer entries.
        let lines: usize = FILES.iter().map(|(_, src)| src.len() / 8).sum();
        let mut entries: FxHashMap<u64, u16> = FxHashMap::with_capacity_and_hasher(lines, Default::default());
        for (list, src) in FILES {
            each_entry(src, |lowers| {
                let mut key = 0u64;
                for (n, &lower) in lowers.iter().enumerate() {
                    key = chain(key, lower);
                    let bits = if n + 1 == lowers.len() { 1 << list as u16 } else { PREFIX };
                    *entries.entry(key).or_insert(0) |= bits;
                    if n == 0 {
                        first_word(lower, bits);
                    }
                }
            });
        }
        Gazetteer { entries }
    }

    /// The lists holding the one-token entry with lower-case hash `lower` (bit per [`List`]).
    pub fn single(&self, lower: u64) -> u16 {
        self.entries.get(&chain(0, lower)).map_or(0, |b| b & !PREFIX)
    }

    /// The table's value for the one-token key `lower`: its lists, and [`PREFIX`] when a
    /// longer entry starts with it; 0 when neither. [`Gazetteer::mark`] takes these (the
    /// tagger keeps them in its table of word facts, from
    /// [`Gazetteer::load_noting_first_words`]).
    #[cfg(test)]
    pub fn entry(&self, lower: u64) -> u16 {
        self.entries.get(&chain(0, lower)).copied().unwrap_or(0)
    }

    /// The longest entry starting at `lowers[0]`: its length in tokens and its lists.
    pub fn longest(&self, lowers: &[u64]) -> Option<(usize, u16)> {
        let mut key = 0u64;
        let mut best = None;
        for (n, &l) in lowers.iter().take(MAX_TOKENS).enumerate() {
            key = chain(key, l);
            let Some(&bits) = self.entries.get(&key) else { break };
            if bits & !PREFIX != 0 {
                best = Some((n + 1, bits & !PREFIX));
            }
            if bits & PREFIX == 0 {
                break;
            }
        }
        best
    }

    /// Marks matches over a run of tokens given by their lower-case hashes, kinds and
    /// one-token [entries](Gazetteer::entry). `out[i]` gets bit `2 * list` when a match
    /// of that list starts at token `i` and bit `2 * list + 1` when token `i` continues one.
    pub fn mark(&self, lowers: &[u64], kinds: &[Kind], singles: &[u16], out: &mut [u32]) {
        let n = lowers.len().min(kinds.len()).min(singles.len()).min(out.len());
        for start in 0..n {
            let first = singles[start];
            if kinds[start] != Kind::Word || first == 0 {
                continue;
            }
            let mut key = chain(0, lowers[start]);
            let mut bits = first;
            let mut end = start;
            loop {
                let lists = bits & !PREFIX;
                if lists != 0 {
                    for l in 0..LIST_COUNT {
                        if lists & (1 << l) != 0 {
                            out[start] |= 1 << (2 * l);
                            for o in &mut out[start + 1..=end] {
                                *o |= 1 << (2 * l + 1);
                            }
                        }
                    }
                }
                end += 1;
                if bits & PREFIX == 0 || end >= n || end >= start + MAX_TOKENS {
                    break;
                }
                key = chain(key, lowers[end]);
                match self.entries.get(&key) {
                    Some(&b) => bits = b,
                    None => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(g: &Gazetteer, text: &str) -> Vec<u32> {
        let toks = tokenize(text);
        let lowers: Vec<u64> = toks.iter().map(|t| hash::lower_token(&text[t.range()], t.has(flag::ABBREV))).collect();
        let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
        let singles: Vec<u16> = lowers.iter().map(|&l| g.entry(l)).collect();
        let mut out = vec![0u32; toks.len()];
        g.mark(&lowers, &kinds, &singles, &mut out);
        out
    }

    #[test]
    fn list_files_read_in_one_pass_like_entry_by_entry() {
        let cases = ["# c\nAnkara\n\n  \nNew  York\nSão Paulo\r\nFrankfurt am Main\tx y\n#x\n a b\nU.S.\nabc \nA b c d e f g\n"];
        for src in cases.into_iter().chain(FILES.iter().map(|f| f.1)) {
            let mut fast = Vec::new();
            each_entry(src, |l| fast.push(l.to_vec()));
            let mut slow = Vec::new();
            for entry in lexicon::entries(src) {
                let entry = entry.split('\t').next().unwrap_or("").trim();
                let mut lowers = [0u64; MAX_TOKENS];
                if let Some(len) = entry_lowers(entry, &mut lowers) {
                    slow.push(lowers[..len].to_vec());
                }
            }
            assert!(fast == slow, "{}", &src[..src.len().min(40)]);
        }
    }

    #[test]
    fn plain_entries_split_like_the_tokenizer_splits_them() {
        let mut plain = 0;
        for (_, src) in FILES {
            for entry in lexicon::entries(src) {
                let entry = entry.split('\t').next().unwrap_or("").trim();
                if !is_plain(entry) {
                    continue;
                }
                plain += 1;
                let toks = tokenize(entry);
                let want: Vec<u64> = toks.iter().map(|t| hash::lower_token(&entry[t.range()], t.has(flag::ABBREV))).collect();
                let mut got = [0u64; MAX_TOKENS];
                let len = entry_lowers(entry, &mut got);
                if want.is_empty() || want.len() > MAX_TOKENS {
                    assert_eq!(len, None, "{entry}");
                } else {
                    assert_eq!(Some(&got[..want.len()]), len.map(|n| &got[..n]), "{entry}");
                }
            }
        }
        assert!(plain > 10_000, "{plain}");
        // One line per case: entries that are not plain, and go through the tokenizer.
        for entry in ["", "U.S.", "'s-Hertogenbosch", "Franco-Italian", "São Paulo", "A  B", " A", "Inc."] {
            assert!(!is_plain(entry), "{entry}");
        }
    }

    #[test]
    fn lists_match_token_sequences() {
        let g = Gazetteer::load();
        let b = |l: List| 1u32 << (2 * l as u32);
        let i = |l: List| 1u32 << (2 * l as u32 + 1);
        // One line per case: text, token index, bits that must be set.
        let cases: &[(&str, usize, u32)] = &[
            ("in Frankfurt am Main today", 1, b(List::City)),
            ("in Frankfurt am Main today", 3, i(List::City)),
            ("FLIGHTS TO ANKARA", 2, b(List::City)),
            ("the Turkish army", 1, b(List::Demonym)),
            ("Turkey said", 0, b(List::Country)),
            ("President Erdogan", 0, b(List::Title)),
            ("Acme Corp. said", 1, b(List::OrgWord)),
            ("Capt. Smith", 0, b(List::Title)),
            ("talks in the U.S. today", 3, b(List::Region)),
            ("the Foreign Ministry", 2, b(List::OrgWord)),
            ("John Smith", 0, b(List::FirstName)),
            ("the United Nations", 1, b(List::Org)),
            ("along the Rhine River to Normandy", 2, b(List::KnownPlace)),
            ("along the Rhine River to Normandy", 5, b(List::KnownPlace)),
        ];
        for &(text, tok, want) in cases {
            let got = marks(&g, text);
            assert_eq!(got[tok] & want, want, "{text:?} token {tok}: {:#b}", got[tok]);
        }
        // Must not match: ordinary words and partial entries; a WordNet name that is
        // also a common word (`Reading`) is not in the list of places.
        assert_eq!(marks(&g, "the cat sat")[1], 0);
        assert_eq!(marks(&g, "in Reading today")[1] & b(List::KnownPlace), 0);
        assert_eq!(marks(&g, "Frankfurt am")[1] & i(List::City), 0);
        let lowers: Vec<u64> = ["frankfurt", "am", "main", "today"].iter().map(|w| hash::lower(w)).collect();
        assert_eq!(g.longest(&lowers).map(|l| l.0), Some(3));
        assert_eq!(g.longest(&lowers[1..]), None);
        assert_ne!(g.single(hash::lower("Italian")) & (1 << List::Demonym as u16), 0);
    }
}
