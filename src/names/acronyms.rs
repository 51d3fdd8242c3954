//! Acronyms of the names a text spells out: after `the Congressional Budget Office`,
//! `CBO` is the same organisation, and after `World Health Organization (WHO)` so is
//! every `WHO`.

use super::{Name, PER};
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::FxHashMap;

/// The longest acronym looked for, in letters.
const MAX_LETTERS: usize = 8;

/// The shortest, in letters: two-letter capitals are too often words (`IN`, `IT`, `TO`)
/// or another place's (`US`).
const MIN_LETTERS: usize = 3;

/// Adds every all-capital word whose letters are the initials of a name of several words
/// found in the text (not a person's: `JFK` is rare, `AP` after `Amy Park` a mistake),
/// with that name's type; an acronym the tagger found alone takes that type too.
/// Headlines in capitals are left alone (their every word is in capitals).
pub(super) fn add_acronyms(doc: &Doc, found: &mut Vec<Name>) {
    // The text's acronyms first: most texts have few, and then nothing else is done.
    let candidates: Vec<usize> = (0..doc.tokens.len()).filter(|&i| is_acronym_token(doc, i)).collect();
    if candidates.is_empty() {
        return;
    }
    let mut expansions: FxHashMap<u64, usize> = FxHashMap::default();
    for &(a, b, ty) in found.iter() {
        if ty != PER && b > a {
            if let Some(key) = initials(doc, a, b) {
                expansions.entry(key).or_insert(ty);
            }
        }
    }
    if expansions.is_empty() {
        return;
    }
    let expansion_of = |i: usize| expansions.get(&pack(doc.str(i).bytes())).copied();
    let before = found.len();
    for i in candidates {
        // The name holding token `i`, if any (the names are in token order).
        let k = found[..before].partition_point(|n| n.1 < i);
        match found.get(k).filter(|n| n.0 <= i) {
            Some(&(a, b, _)) if a == i && b == i => {
                if let Some(ty) = expansion_of(i) {
                    found[k].2 = ty;
                }
            }
            Some(_) => {}
            None if !in_capitals_run(doc, i) => {
                if let Some(ty) = expansion_of(i) {
                    found.push((i, i, ty));
                }
            }
            None => {}
        }
    }
    if found.len() > before {
        found.sort_unstable();
    }
}

/// Up to [`MAX_LETTERS`] ASCII letters as one number, the key of an acronym.
fn pack(letters: impl Iterator<Item = u8>) -> u64 {
    letters.fold(0, |key, b| key << 8 | u64::from(b))
}

/// The initials of the capitalised words of tokens `a..=b` (`U.S.` gives both its
/// letters; `of`, `and`, `&` and a leading `The` none), packed, when there are
/// [`MIN_LETTERS`] to [`MAX_LETTERS`] of them, all ASCII, and the name is not written in
/// capitals (`HONG KONG` is a headline's, not the source of `HK`).
fn initials(doc: &Doc, a: usize, b: usize) -> Option<u64> {
    let mut letters = [0u8; MAX_LETTERS];
    let mut count = 0;
    let mut mixed_case = false;
    for i in a..=b {
        let t = doc.tokens[i];
        if t.kind != Kind::Word || !t.has(flag::CAPITALISED) || i == a && doc.str(i) == "The" {
            continue;
        }
        mixed_case |= !t.has(flag::ALL_CAPS);
        let word = doc.str(i);
        let mut add = |c: u8| {
            let slot = letters.get_mut(count);
            count += 1;
            slot.map(|s| *s = c)
        };
        if word.contains('.') {
            for c in word.bytes().filter(u8::is_ascii_uppercase) {
                add(c);
            }
        } else {
            add(word.as_bytes()[0]);
        }
        if count > MAX_LETTERS {
            return None;
        }
    }
    let letters = &letters[..count];
    (mixed_case && count >= MIN_LETTERS && letters.iter().all(u8::is_ascii_uppercase)).then(|| pack(letters.iter().copied()))
}

/// True when token `i` is a word of [`MIN_LETTERS`] to [`MAX_LETTERS`] ASCII capitals.
fn is_acronym_token(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    t.kind == Kind::Word
        && t.has(flag::ALL_CAPS)
        && (MIN_LETTERS..=MAX_LETTERS).contains(&t.range().len())
        && doc.str(i).bytes().all(|c| c.is_ascii_uppercase())
}

/// True when the words on both sides of token `i` are in capitals too: a headline.
fn in_capitals_run(doc: &Doc, i: usize) -> bool {
    let caps = |j: usize| doc.tokens.get(j).is_some_and(|t| t.kind == Kind::Word && t.has(flag::ALL_CAPS));
    let before = i.checked_sub(1).is_some_and(caps);
    before && caps(i + 1) || (i == 0 || before) && caps(i + 1) && caps(i + 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{LOC, MISC, ORG};

    /// The names after [`add_acronyms`], as `text/type` strings.
    fn run(text: &str, names: &[(usize, usize, usize)]) -> Vec<String> {
        let doc = Doc::new(text);
        let mut found = names.to_vec();
        add_acronyms(&doc, &mut found);
        found.iter().map(|&(a, b, ty)| format!("{}/{}", doc.slice(a, b), ["PER", "ORG", "LOC", "MISC"][ty])).collect()
    }

    #[test]
    fn acronyms_take_the_type_of_their_expansion() {
        // Congressional(0) Budget(1) Office(2) ...
        let text = "Congressional Budget Office figures differ . According to the CBO , costs rose .";
        assert_eq!(run(text, &[(0, 2, ORG)]), ["Congressional Budget Office/ORG", "CBO/ORG"]);
        let text = "World Health Organization ( WHO ) said WHO staff left .";
        assert_eq!(run(text, &[(0, 2, ORG), (4, 4, LOC)]), ["World Health Organization/ORG", "WHO/ORG", "WHO/ORG"]);
        let text = "Department of Homeland Security staff : DHS said .";
        assert_eq!(run(text, &[(0, 3, ORG)]), ["Department of Homeland Security/ORG", "DHS/ORG"]);
        let text = "the U.S. Geological Survey , or USGS , said";
        assert_eq!(run(text, &[(1, 3, ORG)]), ["U.S. Geological Survey/ORG", "USGS/ORG"]);
        let text = "UEFA Champions League games : UCL tickets";
        assert_eq!(run(text, &[(0, 2, MISC)]), ["UEFA Champions League/MISC", "UCL/MISC"]);
    }

    #[test]
    fn people_headlines_and_other_capitals_are_left_alone() {
        assert_eq!(run("Amy Park spoke to AP reporters .", &[(0, 1, PER)]), ["Amy Park/PER"]);
        let text = "Congressional Budget Office news : NEW CBO RULES";
        assert_eq!(run(text, &[(0, 2, ORG)]), ["Congressional Budget Office/ORG"]);
        assert_eq!(run("Budget Office said NATO met", &[(0, 1, ORG)]), ["Budget Office/ORG"]);
        assert_eq!(run("Bank of England and BOE", &[(0, 2, ORG)]), ["Bank of England/ORG"]);
        assert_eq!(run("HONG KONG TOWERS rose . HKT fell", &[(0, 2, ORG)]), ["HONG KONG TOWERS/ORG"]);
        assert_eq!(run("The Oval Office ! TOO bad", &[(0, 2, LOC)]), ["The Oval Office/LOC"]);
        assert_eq!(run("Intelligent Network ( IN ) gear", &[(0, 1, ORG)]), ["Intelligent Network/ORG"]);
    }
}
