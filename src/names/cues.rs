//! What the words around a name say about its type, whatever the tagger made of it.
//!
//! - A noun in lower case right before a name says what it is (`the band Gigi`, `the
//!   retailer Bilka`, `the town of Bridgton`, `the film Oppenheimer`, `a band called
//!   "Squirrell"`: `data/names/type_cues.tsv`), for that name wherever the text writes it;
//!   so does a word saying where it is based (`Ontario-based Magna`, an organisation), a
//!   noun after it (`the Trump administration`, `Zycie Warszawy daily`), and a country or
//!   region after a comma (`Bridgton, Maine`: a place).
//! - A name the tagger took for a person's is not one when its last word is a head that
//!   ends names of places or organisations only (`Clarence Dock`, `Hinkley Locomotive
//!   Works`: `data/names/name_heads.tsv`); some heads end names of one type only, whatever
//!   the tagger said (`Saco River`, `Acme Corp`), or head them before `of` (`Medal of
//!   Freedom`); a designation first makes a product (`F-86 Sabre`), `-ism` a doctrine.
//! - Spans: a person's name runs to a head right after it (`James Webb Space Telescope`),
//!   `Greater` joins the name after it, a name run across a cue noun is cut there.
//! - A one-word "person" listed with known places is a place (`Hilsea and Portsmouth`).

use super::gazetteer::{bits, List, PLACES};
use super::{hash, word_lists, Name, Tagger, LOC, MISC, ORG, PER};
use crate::lexicon;
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::{FxHashMap, FxHashSet};

/// The word lists this module reads, as lower-case hashes.
pub(super) struct TypeWords {
    /// Cue nouns: (the noun's hash when `of` follows it, else 0; the hash of the word right
    /// before the name) → the name's type index.
    cues: FxHashMap<(u64, u64), usize>,
    /// Last words that end names of places or organisations only → type index, and
    /// whether the word overrides any type the tagger gave (else only `PERSON`).
    heads: FxHashMap<u64, (usize, bool)>,
    /// Cue nouns that follow the name (`the Trump administration`) → the name's type index
    /// and the type index of the tagger's names it corrects.
    after: FxHashMap<u64, (usize, usize)>,
}

/// The type index of a label written in a data file.
pub(super) fn type_index(label: &str) -> Option<usize> {
    match label {
        "PERSON" => Some(PER),
        "ORG" => Some(ORG),
        "LOC" => Some(LOC),
        "MISC" => Some(MISC),
        _ => None,
    }
}

impl TypeWords {
    /// The type a cue noun (one word, lower-case hash) gives the name after it.
    pub(super) fn cue_type(&self, noun: u64) -> Option<usize> {
        self.cues.get(&(0, noun)).copied()
    }

    /// Reads the embedded lists.
    pub(super) fn load() -> TypeWords {
        let rows = || lexicon::rows(include_str!("../../data/names/type_cues.tsv"));
        let is_after = |row: &Vec<&str>| row.get(2) == Some(&"after");
        let cues = rows()
            .filter(|row| !is_after(row))
            .filter_map(|row| Some((*row.first()?, type_index(row.get(1)?)?)))
            .map(|(cue, ty)| match cue.split_once(' ') {
                Some((noun, link)) => ((hash::lower(noun), hash::lower(link)), ty),
                None => ((0, hash::lower(cue)), ty),
            })
            .collect();
        let after = rows()
            .filter(is_after)
            .filter_map(|row| Some((hash::lower(row.first()?), (type_index(row.get(1)?)?, type_index(row.get(3)?)?))))
            .collect();
        let heads = lexicon::rows(include_str!("../../data/names/name_heads.tsv"))
            .filter_map(|row| Some((hash::lower(row.first()?), (type_index(row.get(1)?)?, *row.get(2)? == "any"))))
            .collect();
        TypeWords { cues, heads, after }
    }
}

/// The lower-case hash of token `i` when it is a word written in lower case.
fn lower_word(doc: &Doc, i: usize) -> Option<u64> {
    let t = doc.tokens.get(i)?;
    (t.kind == Kind::Word && !t.has(flag::CAPITALISED)).then(|| hash::lower(doc.str(i)))
}

/// True when token `i` is a designation of capitals, digits and a hyphen (`S-400`, `F-35`).
pub(super) fn is_designation(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    t.kind == Kind::Word && t.has(flag::HAS_DIGIT) && t.has(flag::HAS_ALPHA) && {
        let text = doc.str(i);
        text.starts_with(|c: char| c.is_ascii_uppercase()) && text.contains('-')
    }
}

/// True when token `i` says where something is based (`Ontario-based`, `London-Based`).
fn is_based(doc: &Doc, i: usize) -> bool {
    let text = doc.str(i).as_bytes();
    doc.tokens[i].kind == Kind::Word && text.len() > 6 && text[text.len() - 6..].eq_ignore_ascii_case(b"-based")
}

/// Splits a name the tagger ran through a word saying where something is based: the
/// words up to it are `MISC` as CoNLL-2003 writes them (`St. Louis-based`), the rest a
/// name of its own (`Mercantile Bancorp Inc.`), which [`retype`] makes an organisation.
/// `found` holds the text's names in token order and stays so.
pub(super) fn split_based(doc: &Doc, found: &mut Vec<Name>) {
    let split_at = |&(first, last, _): &Name| (first..last).find(|&i| is_based(doc, i));
    if !found.iter().any(|n| split_at(n).is_some()) {
        return;
    }
    let mut split = Vec::with_capacity(found.len() + 1);
    for name in found.iter() {
        match split_at(name) {
            Some(i) => split.extend([(name.0, i, MISC), (i + 1, name.1, name.2)]),
            None => split.push(*name),
        }
    }
    *found = split;
}

/// True when a comma and a country or region the lists know follow token `i`, and the
/// place ends there (`Bridgton, Maine.`, `Saffron Walden, England,` but not `Smith,
/// England's captain`), or the region is where something is based (`the Redmond,
/// Washington-based company`), and token `i` is not a first name: the word is a place in it.
fn before_a_region(doc: &Doc, i: usize, tagger: &Tagger) -> bool {
    let lists = 1u16 << List::Country as u16 | 1 << List::Region as u16;
    let first_name = 1u16 << List::FirstName as u16;
    let lower = |j: usize| hash::lower_token(doc.str(j), doc.tokens[j].has(flag::ABBREV));
    if doc.tokens.get(i + 1).is_none_or(|_| doc.str(i + 1) != ",") || word_lists(doc, i, tagger) & first_name != 0 {
        return false;
    }
    if i + 2 < doc.tokens.len() && is_based(doc, i + 2) {
        let place = doc.str(i + 2).rsplit_once('-').map_or("", |(place, _)| place);
        return tagger.resources.gazetteer.single(hash::lower(place)) & lists != 0;
    }
    let mut after = [0u64; 4];
    let count = doc.tokens.len().saturating_sub(i + 2).min(after.len());
    for (k, slot) in after.iter_mut().take(count).enumerate() {
        *slot = lower(i + 2 + k);
    }
    let Some((len, found)) = tagger.resources.gazetteer.longest(&after[..count]) else { return false };
    let end = i + 2 + len;
    found & lists != 0 && doc.tokens.get(end).is_none_or(|t| !doc.is_possessive(end) && (t.kind == Kind::Punct || t.kind == Kind::Word && !t.has(flag::CAPITALISED)))
}

/// Retypes the names of a text (document token indices) by the words around them: a name
/// taken for a person's that ends with a place or organisation head, or starts with a
/// designation, is not one; a cue before a name types every name written the same way.
pub(super) fn retype(doc: &Doc, found: &mut [Name], tagger: &Tagger) {
    retype_by_heads(doc, found, &tagger.type_words);
    retype_by_cues(doc, found, tagger);
}

/// Takes `Greater` before a place, organisation or event into its name (`Greater Toronto
/// Area`, `Greater Milwaukee Open`), where the tagger left it out or made it a name of its
/// own (`Greater` MISC, `Manchester` LOC). `found` holds the text's names in token order,
/// without overlaps, and stays so.
pub(super) fn take_greater(doc: &Doc, found: &mut Vec<Name>) {
    let is_greater = |i: usize| matches!(doc.str(i), "Greater" | "GREATER");
    let mut free_from = 0;
    let mut taken = Vec::new();
    for k in 0..found.len() {
        let (first, _, ty) = found[k];
        if let Some(before) = first.checked_sub(1).filter(|&b| is_greater(b)) {
            // `Greater` as a name of its own right before this one.
            let alone = k > 0 && (found[k - 1].0, found[k - 1].1) == (before, before);
            if ty != PER && (before >= free_from || alone) && !doc.tokens[first].has(flag::LINE_BEFORE) {
                found[k].0 = before;
                if alone {
                    taken.push(k - 1);
                }
            }
        }
        free_from = found[k].1 + 1;
    }
    for k in taken.into_iter().rev() {
        found.remove(k);
    }
}

/// Cuts a name the tagger ran across a lower-case cue noun at that noun: the words after
/// it are the name, typed by the noun, and a nationality opening the words before it is
/// one of its own (`Japanese Punk Techno band The Mad Capsule Markets` → `Japanese`,
/// `The Mad Capsule Markets`). `found` holds the text's names in token order, without
/// overlaps, and stays so.
pub(super) fn split_at_cues(doc: &Doc, found: &mut Vec<Name>, tagger: &Tagger) {
    let demonym = 1u16 << List::Demonym as u16;
    let mut k = 0;
    while k < found.len() {
        let (first, last, _) = found[k];
        let starts_name = |i: usize| doc.tokens[i].kind == Kind::Word && doc.tokens[i].has(flag::CAPITALISED);
        let cue = (first + 1..last).rev().filter(|&i| starts_name(i + 1)).find_map(|i| Some((i, tagger.type_words.cue_type(lower_word(doc, i)?)?)));
        if let Some((at, ty)) = cue {
            found[k] = (at + 1, last, ty);
            if word_lists(doc, first, tagger) & demonym != 0 {
                found.insert(k, (first, first, MISC));
                k += 1;
            }
        }
        k += 1;
    }
}

/// A one-word name taken for a person that stands in a list with a place the lists know
/// is a place too (`to Hilsea and Portsmouth`, `Bearn, Gascony and Brittany`), unless it
/// is a first name or the last name of a person in the text. `found` holds the text's
/// names in token order.
pub(super) fn places_in_lists(doc: &Doc, found: &mut [Name], tagger: &Tagger) {
    let first_name = 1u16 << List::FirstName as u16;
    let surnames: FxHashSet<u64> = found.iter().filter(|n| n.2 == PER && n.0 < n.1).map(|n| hash::lower(doc.str(n.1))).collect();
    // `and`, `or`, or a comma inside a list: a comma on the name's other side too
    // (`Bearn, Gascony and Brittany`, not `Speaking in Medan, Prabowo said`).
    let is_conj = |i: usize| matches!(doc.str(i), "and" | "or");
    let is_link = |i: usize, other: Option<usize>| is_conj(i) || doc.str(i) == "," && other.is_some_and(|o| is_conj(o) || doc.str(o) == ",");
    let known_place = |n: &Name| n.2 == LOC && n.0 == n.1 && word_lists(doc, n.0, tagger) & PLACES != 0;
    for k in 0..found.len() {
        let (first, last, ty) = found[k];
        if ty != PER || first != last || word_lists(doc, first, tagger) & first_name != 0 || surnames.contains(&hash::lower(doc.str(first))) {
            continue;
        }
        let (prev, next) = (first.checked_sub(1), Some(last + 1).filter(|&i| i < doc.tokens.len()));
        let before = k.checked_sub(1).map(|j| found[j]).filter(|n| n.1 + 2 == first && is_link(first - 1, next));
        let after = found.get(k + 1).copied().filter(|n| n.0 == last + 2 && is_link(last + 1, prev));
        if before.is_some_and(|n| known_place(&n)) || after.is_some_and(|n| known_place(&n)) {
            found[k].2 = LOC;
        }
    }
}

/// The most capitalised words a name is extended by to reach a head word.
const HEAD_REACH: usize = 3;

/// Takes into a person's name the capitalised words right after it when the last of them
/// is a head word (`data/names/name_heads.tsv`) and the capitals end there: the tagger's
/// `James Webb` in `James Webb Space Telescope`, `Leonardo DiCaprio` in `Leonardo DiCaprio
/// Foundation`; [`retype`] then types the name by its head. A name found in those words
/// joins it. Other names keep their end: CoNLL-2003 writes `Berlin` and `Olympics`,
/// `Texaco` without `Inc.` as the text has it. `found` holds the text's names in token
/// order, without overlaps, and stays so.
pub(super) fn extend_to_heads(doc: &Doc, found: &mut Vec<Name>, words: &TypeWords) {
    let n = doc.tokens.len();
    let capitalised = |i: usize| {
        let t = doc.tokens[i];
        t.kind == Kind::Word && t.has(flag::CAPITALISED) && !t.has(flag::LINE_BEFORE) && !t.has(flag::SENT_START)
    };
    let mut k = 0;
    while k < found.len() {
        let (_, last, ty) = found[k];
        if ty != PER || doc.tokens[last].kind != Kind::Word {
            k += 1;
            continue;
        }
        let run_end = (last + 1..n.min(last + 1 + HEAD_REACH)).take_while(|&i| capitalised(i)).last();
        let ends_there = run_end.is_some_and(|e| e + 1 >= n || !capitalised(e + 1));
        let is_head = run_end.is_some_and(|e| words.heads.contains_key(&hash::lower(doc.str(e))));
        if let Some(end) = run_end.filter(|_| ends_there && is_head) {
            // The names inside the words taken give way, unless one runs on past them.
            let joined = found[k + 1..].iter().take_while(|m| m.0 <= end).count();
            if found[k + 1..k + 1 + joined].iter().all(|m| m.1 <= end) {
                found.drain(k + 1..k + 1 + joined);
                found[k].1 = end;
            }
        }
        k += 1;
    }
}

/// True when `word` names a doctrine, religion or movement by its ending (`Catholicism`,
/// `Marxism`, `Thatcherism`): MISC, never a person, place or organisation.
fn is_doctrine(word: &str) -> bool {
    word.len() >= 6 && word.starts_with(|c: char| c.is_uppercase()) && (word.ends_with("ism") || word.ends_with("isms"))
}

/// A name's last word (or the word before its `of`) that ends names of one type only gives
/// it that type; one that ends names of places or organisations makes a person's not one;
/// a designation first makes it a product (`CH-53 Sea Stallion`, `F-16 Fighting Falcon`).
fn retype_by_heads(doc: &Doc, found: &mut [Name], words: &TypeWords) {
    for name in found.iter_mut() {
        let (first, last, ty) = *name;
        if first == last {
            if is_doctrine(doc.str(first)) {
                name.2 = MISC;
            }
            continue;
        }
        let head_at = |i: usize| Some(&hash::lower(doc.str(i))).filter(|_| doc.tokens[i].kind == Kind::Word).and_then(|h| words.heads.get(h));
        // A head before `of` inside the name heads it too (`Presidential Medal of Freedom`,
        // `Africa Cup of Nations`), for heads of one type only.
        let before_of = || (first + 1..last).find(|&i| doc.str(i + 1) == "of").and_then(head_at).filter(|h| h.1);
        match head_at(last).or_else(before_of) {
            Some(&(head_type, any)) if any || ty == PER => name.2 = head_type,
            _ if is_designation(doc, first) => name.2 = MISC,
            _ => {}
        }
    }
}

/// The type the words right before a name starting at token `first` give it: a cue noun
/// in lower case (`band`, `town of`; also before `called` or `named`: `a band called
/// "Squirrell"`), or a word saying where it is based, unless the name is a nationality
/// (`the Cyprus-based Arabic monthly`).
fn cue_before(doc: &Doc, first: usize, tagger: &Tagger) -> Option<usize> {
    let before = first.checked_sub(1)?;
    if is_based(doc, before) {
        let demonym = 1u16 << List::Demonym as u16;
        return (word_lists(doc, first, tagger) & demonym == 0).then_some(ORG);
    }
    let cues = &tagger.type_words.cues;
    // `a band called " Squirrell "`: the noun before `called` or `named` is the cue.
    let before = if matches!(doc.str(before), "\"" | "\u{201c}") { before.checked_sub(1)? } else { before };
    if matches!(doc.str(before), "called" | "named" | "dubbed") {
        let noun = lower_word(doc, before.checked_sub(1)?)?;
        return cues.get(&(0, noun)).copied();
    }
    let word = lower_word(doc, before)?;
    let noun = before.checked_sub(1).and_then(|i| lower_word(doc, i));
    noun.and_then(|noun| cues.get(&(noun, word))).or_else(|| cues.get(&(0, word))).copied()
}

/// True when token `i` says that a title in quotation marks after it is a work's: a cue
/// noun for works (`album`, `film`) or a possessive (`Adele's`).
pub(super) fn is_work_cue(doc: &Doc, i: usize, tagger: &Tagger) -> bool {
    doc.is_possessive(i) || lower_word(doc, i).and_then(|w| tagger.type_words.cues.get(&(0, w))) == Some(&MISC)
}

/// The most words of a name a cue noun after it types.
const NAME_WORDS_BEFORE_CUE: usize = 3;

/// The type a cue noun right after a name gives it (`the Trump administration`, `Zycie
/// Warszawy daily`), when the tagger's type is the one the cue corrects (a place for
/// `administration`: `the Labour government` taken for an organisation and `the
/// Republican administration` for MISC are right), the name has one word for a person's
/// cue and at most [`NAME_WORDS_BEFORE_CUE`] for others, and no list knows its first word
/// as a place, a nationality, an organisation or a product (`the Ankara government`).
fn cue_after(doc: &Doc, (first, last, ty): Name, tagger: &Tagger) -> Option<usize> {
    if last - first >= NAME_WORDS_BEFORE_CUE {
        return None;
    }
    let (cue_type, corrects) = *tagger.type_words.after.get(&lower_word(doc, last + 1)?)?;
    // A person's cue needs a one-word name (`the Trump administration`); an organisation's
    // takes longer ones too (`Zycie Warszawy daily`, `the Adani group`).
    if ty != corrects || cue_type == PER && first != last {
        return None;
    }
    const KNOWN: u16 = PLACES | bits(&[List::Demonym, List::Org, List::Product]);
    (word_lists(doc, first, tagger) & KNOWN == 0).then_some(cue_type)
}

/// What a cue before a name, or a region after it, says holds for every name written the
/// same way, the first such word in the text deciding, unless the tagger took the name for
/// a person's full name starting with a first name (`publisher David Dehaan`) or a surname
/// the text gives such a full name with (`the company Musk bought` after `Elon Musk`).
fn retype_by_cues(doc: &Doc, found: &mut [Name], tagger: &Tagger) {
    let key = |a: usize, b: usize| hash::lower(doc.slice(a, b));
    for name in found.iter_mut() {
        // `The Trump campaign` at a sentence start: `The` is not part of the name, and the
        // tagger's type for it was a guess.
        if name.1 == name.0 + 1 && doc.str(name.0) == "The" && cue_after(doc, (name.1, name.1, LOC), tagger) == Some(PER) {
            *name = (name.1, name.1, LOC);
        }
    }
    let mut said: FxHashMap<u64, usize> = FxHashMap::default();
    let country = 1u16 << List::Country as u16;
    for &(first, last, ty) in found.iter() {
        let place_after = || (first == last && ty != LOC && before_a_region(doc, last, tagger)).then_some(LOC);
        let cue = cue_before(doc, first, tagger).or_else(|| cue_after(doc, (first, last, ty), tagger));
        // A country stays one, whatever a cue says of one mention (`the daily Iran`).
        let country_name = || first == last && word_lists(doc, first, tagger) & country != 0;
        if let Some(cue) = cue.or_else(place_after).filter(|_| !country_name()) {
            said.entry(key(first, last)).or_insert(cue);
        }
    }
    if said.is_empty() {
        return;
    }
    let first_name = 1u16 << List::FirstName as u16;
    let surnames: FxHashSet<u64> = found.iter().filter(|n| n.2 == PER && n.0 < n.1).map(|n| key(n.1, n.1)).collect();
    let person = |(first, last, ty): Name| {
        let full_name = first < last && word_lists(doc, first, tagger) & first_name != 0;
        let surname = first == last && surnames.contains(&key(first, last));
        ty == PER && (full_name || surname)
    };
    for name in found.iter_mut() {
        if let Some(&ty) = said.get(&key(name.0, name.1)).filter(|_| !person(*name)) {
            name.2 = ty;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{check_rule, tagger, RuleCases};

    #[test]
    fn based_words_split_names() {
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            ("the Ontario-based Magna said", &[(1, 2, PER)], &[(1, 1, MISC), (2, 2, PER)]),
            ("St. Louis-based Mercantile Bancorp Inc. rose", &[(0, 4, ORG), (6, 6, LOC)], &[(0, 1, MISC), (2, 4, ORG), (6, 6, LOC)]),
            // Must not change: the word ends the name, or no such word.
            ("the Ontario-based firm", &[(1, 1, MISC)], &[(1, 1, MISC)]),
            ("Acme Based Inc. rose", &[(0, 2, ORG)], &[(0, 2, ORG)]),
        ];
        check_rule(cases, split_based);
    }

    #[test]
    fn names_cut_at_a_cue_noun() {
        let t = tagger();
        let cases: RuleCases = &[
            ("from Japanese Punk Techno band The Mad Capsule Markets .", &[(1, 8, ORG)], &[(1, 1, MISC), (5, 8, ORG)]),
            ("by Acme film Star Wars", &[(1, 4, PER)], &[(3, 4, MISC)]),
            // Must not change: no cue inside, a cue at the edge.
            ("the Bank of England said", &[(1, 3, ORG)], &[(1, 3, ORG)]),
            ("the Reserve bank of India said", &[(1, 4, ORG)], &[(1, 4, ORG)]),
        ];
        check_rule(cases, |doc, found| split_at_cues(doc, found, t));
    }

    #[test]
    fn places_in_a_list_with_places() {
        let t = tagger();
        let cases: RuleCases = &[
            ("to Hilsea and Portsmouth", &[(1, 1, PER), (3, 3, LOC)], &[(1, 1, LOC), (3, 3, LOC)]),
            ("Navarre , Bearn , Gascony and Brittany", &[(0, 0, LOC), (2, 2, PER), (4, 4, LOC), (6, 6, LOC)], &[(0, 0, LOC), (2, 2, LOC), (4, 4, LOC), (6, 6, LOC)]),
            // Must not change: a first name, a surname in the text, no known place.
            ("Rose and London", &[(0, 0, PER), (2, 2, LOC)], &[(0, 0, PER), (2, 2, LOC)]),
            ("Tom Kelce met . Kelce and London", &[(0, 1, PER), (4, 4, PER), (6, 6, LOC)], &[(0, 1, PER), (4, 4, PER), (6, 6, LOC)]),
            ("Smith and Hilsea", &[(0, 0, PER), (2, 2, PER)], &[(0, 0, PER), (2, 2, PER)]),
            ("in Medan , Prabowo said", &[(1, 1, LOC), (3, 3, PER)], &[(1, 1, LOC), (3, 3, PER)]),
        ];
        check_rule(cases, |doc, found| places_in_lists(doc, found, t));
    }

    #[test]
    fn greater_joins_the_name() {
        let cases: RuleCases = &[
            ("the Greater Toronto Area grew", &[(2, 3, LOC)], &[(1, 3, LOC)]),
            ("the GREATER MILWAUKEE OPEN", &[(2, 3, MISC)], &[(1, 3, MISC)]),
            ("in Greater Manchester to", &[(1, 1, MISC), (2, 2, LOC)], &[(1, 2, LOC)]),
            // Must not change: a person, a name already there, a line break.
            ("Greater Smith said", &[(1, 1, PER)], &[(1, 1, PER)]),
            ("Acme Greater Toronto", &[(0, 1, ORG), (2, 2, LOC)], &[(0, 1, ORG), (2, 2, LOC)]),
            ("Greater\nToronto grew", &[(1, 1, LOC)], &[(1, 1, LOC)]),
        ];
        check_rule(cases, |doc, found| take_greater(doc, found));
    }

    #[test]
    fn names_reach_their_head_word() {
        let words = &tagger().type_words;
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            ("the James Webb Space Telescope saw", &[(1, 2, PER)], &[(1, 4, PER)]),
            ("the James Webb Space Telescope saw", &[(1, 2, PER), (3, 4, MISC)], &[(1, 4, PER)]),
            ("to the Leonardo DiCaprio Foundation .", &[(2, 3, PER)], &[(2, 4, PER)]),
            // Must not change: capitals go on after the head, no head, a sentence start,
            // a name that runs on past the words.
            ("by Oxford University Press today", &[(1, 1, LOC)], &[(1, 1, LOC)]),
            ("the Berlin Olympics", &[(1, 1, LOC)], &[(1, 1, LOC)]),
            ("met James Webb Space today", &[(1, 2, PER)], &[(1, 2, PER)]),
            ("met James Webb .\nUniversity staff", &[(1, 2, PER)], &[(1, 2, PER)]),
            ("saw Jordan River Valley Farms", &[(1, 1, LOC), (2, 4, ORG)], &[(1, 1, LOC), (2, 4, ORG)]),
        ];
        check_rule(cases, |doc, found| extend_to_heads(doc, found, words));
    }

    #[test]
    fn names_typed_by_the_words_around_them() {
        let t = tagger();
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            // A cue noun types the name after it, and the same name elsewhere.
            ("the band Gigi played . Gigi won .", &[(2, 2, PER), (5, 5, PER)], &[(2, 2, ORG), (5, 5, ORG)]),
            ("trains ran to the town of Bridgton", &[(6, 6, PER)], &[(6, 6, LOC)]),
            ("the retailer Bilka opened", &[(2, 2, PER)], &[(2, 2, ORG)]),
            ("in the film Oppenheimer", &[(3, 3, LOC)], &[(3, 3, MISC)]),
            ("the Ontario-based Magna said", &[(1, 1, MISC), (2, 2, PER)], &[(1, 1, MISC), (2, 2, ORG)]),
            ("the Cyprus-based Arabic monthly", &[(1, 1, MISC), (2, 2, MISC)], &[(1, 1, MISC), (2, 2, MISC)]),
            // A cue noun after a one-word name that no list knows.
            ("blocked the Trump administration from", &[(2, 2, LOC)], &[(2, 2, PER)]),
            ("The Trump campaign denied it", &[(0, 1, MISC)], &[(1, 1, PER)]),
            ("the Starmer government fell . Starmer spoke", &[(1, 1, LOC), (5, 5, ORG)], &[(1, 1, PER), (5, 5, PER)]),
            ("the Republican administration", &[(1, 1, MISC)], &[(1, 1, MISC)]),
            ("The Times newspaper said", &[(0, 1, ORG)], &[(0, 1, ORG)]),
            ("the daily Iran said . Iran rose", &[(2, 2, LOC), (5, 5, LOC)], &[(2, 2, LOC), (5, 5, LOC)]),
            ("tyre giant Pirelli said", &[(2, 2, PER)], &[(2, 2, ORG)]),
            ("a band called \" Squirrell \" played", &[(4, 4, LOC)], &[(4, 4, ORG)]),
            ("a town named Hope", &[(3, 3, PER)], &[(3, 3, LOC)]),
            ("a man called Ove", &[(3, 3, PER)], &[(3, 3, PER)]),
            ("the Zycie daily said", &[(1, 1, PER)], &[(1, 1, ORG)]),
            ("Zycie Warszawy daily said", &[(0, 1, PER)], &[(0, 1, ORG)]),
            ("met Donald Trump administration officials", &[(1, 2, LOC)], &[(1, 2, LOC)]),
            ("the Ankara government said", &[(1, 1, LOC)], &[(1, 1, LOC)]),
            ("the Kurdish administration said", &[(1, 1, MISC)], &[(1, 1, MISC)]),
            ("the Labour government said", &[(1, 1, ORG)], &[(1, 1, ORG)]),
            ("the Assad Foundation government", &[(1, 2, ORG)], &[(1, 2, ORG)]),
            // A comma and a country or region after a one-word name make it a place.
            ("at Bridgton , Maine . Bridgton grew", &[(1, 1, PER), (3, 3, LOC), (5, 5, PER)], &[(1, 1, LOC), (3, 3, LOC), (5, 5, LOC)]),
            ("Hilsea , England and more", &[(0, 0, ORG), (2, 2, LOC)], &[(0, 0, LOC), (2, 2, LOC)]),
            ("the Redmond , Washington-based firm", &[(1, 1, PER), (3, 3, MISC)], &[(1, 1, LOC), (3, 3, MISC)]),
            // A place or organisation head, or a designation, ends a person.
            ("at Clarence Dock today", &[(1, 2, PER)], &[(1, 2, LOC)]),
            ("the Hinkley Locomotive Works built", &[(1, 3, PER)], &[(1, 3, ORG)]),
            ("an F-86 Sabre flew", &[(1, 2, PER)], &[(1, 2, MISC)]),
            ("a CH-53 Sea Stallion flew", &[(1, 3, ORG)], &[(1, 3, MISC)]),
            // Must not change: a capitalised cue, a cue not right before the name, a
            // person's full name with a first name or surname, `of` without its noun, a
            // one-word person, a head that is not the last word, a non-person with a head.
            ("the Band Gigi played", &[(2, 2, PER)], &[(2, 2, PER)]),
            ("the band singer Gigi", &[(3, 3, PER)], &[(3, 3, PER)]),
            ("the publisher David Dehaan", &[(2, 3, PER)], &[(2, 3, PER)]),
            ("Elon Musk spoke . the company Musk bought", &[(0, 1, PER), (6, 6, PER)], &[(0, 1, PER), (6, 6, PER)]),
            ("a friend of Bridgton", &[(3, 3, PER)], &[(3, 3, PER)]),
            ("met Dock there", &[(1, 1, PER)], &[(1, 1, PER)]),
            ("met Dock Ellis there", &[(1, 2, PER)], &[(1, 2, PER)]),
            ("the Acme Works built", &[(1, 2, MISC)], &[(1, 2, MISC)]),
            // Some heads end names of one type only, whatever the tagger said.
            ("the Saco River flows", &[(1, 2, ORG)], &[(1, 2, LOC)]),
            ("the Acme Corp deal", &[(1, 2, LOC)], &[(1, 2, ORG)]),
            ("the Presidential Medal of Freedom in", &[(1, 4, ORG)], &[(1, 4, MISC)]),
            ("converted to Catholicism in", &[(2, 2, LOC)], &[(2, 2, MISC)]),
            ("the rise of Thatcherism", &[(3, 3, PER)], &[(3, 3, MISC)]),
            ("the Africa Cup of Nations in", &[(1, 4, LOC)], &[(1, 4, MISC)]),
            ("at Camden Road", &[(1, 2, ORG)], &[(1, 2, ORG)]),
            ("met Michael Bay there", &[(1, 2, PER)], &[(1, 2, PER)]),
            // Not a place: a first name, a country that goes on, a possessive.
            ("David , England won", &[(0, 0, PER), (2, 2, LOC)], &[(0, 0, PER), (2, 2, LOC)]),
            ("Smith , England's captain", &[(0, 0, PER), (2, 2, LOC)], &[(0, 0, PER), (2, 2, LOC)]),
            ("Smith , England Captain", &[(0, 0, PER), (2, 2, LOC)], &[(0, 0, PER), (2, 2, LOC)]),
        ];
        check_rule(cases, |doc, names| retype(doc, names, t));
    }
}
