//! Organisations whose name ends in `'s` (`Moody's`, `Boatmen's`, `McDonald's`): the tagger
//! finds the word and leaves the `'s` out, as it does for a possessive.

use super::gazetteer::PLACES;
use super::hash::sieve_bits;
use super::{hash, word_lists, Name, Tagger, ORG};
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::{FxHashMap, FxHashSet};

/// Takes the `'s` after a one-word organisation into its name when the text says the
/// `'s` belongs to it: a longer organisation's name starts with the word and `'s`
/// (`Boatmen's` after `Boatmen's Bancshares Inc.`), or the word never stands without `'s`
/// in the text, stands with it at least twice and is not a place (`Moody's ... Moody's`,
/// not the club in `Newcastle's Shearer ... Newcastle's coach`). A company written once
/// with a possessive keeps its name (`Apple's profit`). `found` holds the
/// text's names in token order, without overlaps, and stays so.
pub(super) fn join_possessive_names(doc: &Doc, found: &mut [Name], tagger: &Tagger) {
    let word = |i: usize| hash::exact(doc.str(i));
    let candidates: FxHashSet<u64> = found.iter().filter(|n| n.2 == ORG && n.0 == n.1 && doc.is_possessive(n.1 + 1)).map(|n| word(n.0)).collect();
    if candidates.is_empty() {
        return;
    }
    let starts_longer: FxHashSet<u64> = found.iter().filter(|n| n.2 == ORG && n.1 >= n.0 + 2 && doc.is_possessive(n.0 + 1)).map(|n| word(n.0)).collect();
    // Per candidate word: (mentions, mentions followed by 's). Only words that pass the
    // candidates' sieve are hashed.
    let (lengths, bytes) = found.iter().filter(|n| n.2 == ORG && n.0 == n.1).map(|n| sieve_bits(doc.str(n.0))).fold((0, 0), |a, b| (a.0 | b.0, a.1 | b.1));
    let mut uses: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    for i in 0..doc.tokens.len() {
        let t = doc.tokens[i];
        if t.kind == Kind::Word && t.has(flag::CAPITALISED) && {
            let (length_bit, byte_bit) = sieve_bits(doc.str(i));
            lengths & length_bit != 0 && bytes & byte_bit != 0
        } {
            let w = word(i);
            if candidates.contains(&w) {
                let entry = uses.entry(w).or_default();
                entry.0 += 1;
                entry.1 += u32::from(doc.is_possessive(i + 1));
            }
        }
    }
    for name in found.iter_mut() {
        let (first, last, ty) = *name;
        if ty != ORG || first != last || !doc.is_possessive(last + 1) {
            continue;
        }
        let w = word(first);
        let always = uses.get(&w).is_some_and(|&(all, with_s)| all >= 2 && all == with_s) && word_lists(doc, first, tagger) & PLACES == 0;
        if always || starts_longer.contains(&w) {
            name.1 = last + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{check_rule, tagger, RuleCases, PER};

    #[test]
    fn names_that_end_in_s() {
        // One line per case: text (tokens split by spaces, `'s` glued), names before, after.
        let cases: RuleCases = &[
            ("Boatmen's Bancshares Inc. rose . Boatmen's fell", &[(0, 3, ORG), (6, 6, ORG)], &[(0, 3, ORG), (6, 7, ORG)]),
            ("Moody's said so . Moody's rates it", &[(0, 0, ORG), (5, 5, ORG)], &[(0, 1, ORG), (5, 6, ORG)]),
            // Must not change: once, a bare mention, a person.
            ("Apple's profit rose", &[(0, 0, ORG)], &[(0, 0, ORG)]),
            ("Apple's profit rose . Apple said", &[(0, 0, ORG), (5, 5, ORG)], &[(0, 0, ORG), (5, 5, ORG)]),
            ("Apple's profit rose . Apple's shares fell", &[(0, 0, ORG), (5, 5, ORG)], &[(0, 1, ORG), (5, 6, ORG)]),
            ("Trump's plan . Trump's aide", &[(0, 0, PER), (4, 4, PER)], &[(0, 0, PER), (4, 4, PER)]),
            ("Newcastle's Shearer . Newcastle's coach", &[(0, 0, ORG), (4, 4, ORG)], &[(0, 0, ORG), (4, 4, ORG)]),
        ];
        check_rule(cases, |doc, found| join_possessive_names(doc, found, tagger()));
        // (The last but two is the rule's known miss: a company written twice, both times
        // with a possessive.)
    }
}
