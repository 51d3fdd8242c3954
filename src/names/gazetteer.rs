//! Gazetteers: lists of countries, cities, regions, demonyms, first names, organisation
//! words and titles, matched case-insensitively over token sequences.
//!
//! Each list is a data file under `data/names/` (one entry a line). Entries are split with
//! the same tokenizer as the text, so `Frankfurt am Main` and `U.S.` match token by token.
//! A match only sets feature bits for the tagger; it never makes a name by itself.

use super::hash;
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
}

/// Every data file with the list it feeds.
const FILES: [(List, &str); 11] = [
    (List::Country, include_str!("../../data/names/countries.txt")),
    (List::City, include_str!("../../data/names/cities.txt")),
    (List::Region, include_str!("../../data/names/regions.txt")),
    (List::Region, include_str!("../../data/names/places.txt")),
    (List::Demonym, include_str!("../../data/names/demonyms.txt")),
    (List::Demonym, include_str!("../../data/names/languages.txt")),
    (List::FirstName, include_str!("../../data/names/first_names.txt")),
    (List::Org, include_str!("../../data/names/orgs.txt")),
    (List::OrgWord, include_str!("../../data/names/org_words.txt")),
    (List::Title, include_str!("../../data/names/titles.txt")),
    (List::Product, include_str!("../../data/names/products.txt")),
];

/// The number of lists.
pub(crate) const LIST_COUNT: usize = 9;

/// Set on a key that is the beginning of a longer entry.
const PREFIX: u16 = 1 << 15;

/// The longest entry considered, in tokens.
const MAX_TOKENS: usize = 6;

/// The key of a token sequence: the lower-case hashes of its tokens, chained.
fn chain(key: u64, token_lower: u64) -> u64 {
    hash::mix(key ^ 0x6761_7a00, token_lower)
}

/// All lists, as one table from token-sequence keys to list bits.
pub(crate) struct Gazetteer {
    entries: FxHashMap<u64, u16>,
}

impl Gazetteer {
    /// Reads every list.
    pub fn load() -> Gazetteer {
        let mut entries: FxHashMap<u64, u16> = FxHashMap::default();
        for (list, src) in FILES {
            for entry in lexicon::entries(src) {
                let entry = entry.split('\t').next().unwrap_or("").trim();
                let toks = tokenize(entry);
                if toks.is_empty() || toks.len() > MAX_TOKENS {
                    continue;
                }
                let mut key = 0u64;
                for (n, t) in toks.iter().enumerate() {
                    key = chain(key, hash::lower_token(&entry[t.range()], t.has(flag::ABBREV)));
                    let bits = if n + 1 == toks.len() { 1 << list as u16 } else { PREFIX };
                    *entries.entry(key).or_insert(0) |= bits;
                }
            }
        }
        Gazetteer { entries }
    }

    /// The lists holding the one-token entry with lower-case hash `lower` (bit per [`List`]).
    pub fn single(&self, lower: u64) -> u16 {
        self.entries.get(&chain(0, lower)).map_or(0, |b| b & !PREFIX)
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

    /// Marks matches over a run of tokens given by their lower-case hashes and kinds.
    /// `out[i]` gets bit `2 * list` when a match of that list starts at token `i` and bit
    /// `2 * list + 1` when token `i` continues one.
    pub fn mark(&self, lowers: &[u64], kinds: &[Kind], out: &mut [u32]) {
        for start in 0..lowers.len() {
            if kinds[start] != Kind::Word {
                continue;
            }
            let mut key = 0u64;
            for end in start..lowers.len().min(start + MAX_TOKENS) {
                key = chain(key, lowers[end]);
                let Some(&bits) = self.entries.get(&key) else { break };
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
                if bits & PREFIX == 0 {
                    break;
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
        let mut out = vec![0u32; toks.len()];
        g.mark(&lowers, &kinds, &mut out);
        out
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
        ];
        for &(text, tok, want) in cases {
            let got = marks(&g, text);
            assert_eq!(got[tok] & want, want, "{text:?} token {tok}: {:#b}", got[tok]);
        }
        // Must not match: ordinary words and partial entries.
        assert_eq!(marks(&g, "the cat sat")[1], 0);
        assert_eq!(marks(&g, "Frankfurt am")[1] & i(List::City), 0);
        let lowers: Vec<u64> = ["frankfurt", "am", "main", "today"].iter().map(|w| hash::lower(w)).collect();
        assert_eq!(g.longest(&lowers).map(|l| l.0), Some(3));
        assert_eq!(g.longest(&lowers[1..]), None);
        assert_ne!(g.single(hash::lower("Italian")) & (1 << List::Demonym as u16), 0);
    }
}
