//! Names of people, organisations and places (and other names, CoNLL's MISC), found by
//! a statistical sequence tagger.
//!
//! The tagger is an averaged perceptron over hashed token features ([`features`]) with
//! Viterbi decoding over BIO or BILOU tags ([`tags`], [`model`]). Its weights are trained
//! by `src/bin/train.rs` (feature `train`) and embedded from `data/names/model.bin`.
//!
//! After tagging, rules that the lists make safe repair the spans of each sentence
//! ([`spans`]), and the whole text has its say: a titled surname makes
//! a full name a person's ([`persons_by_evidence`]), the words around a name say what it
//! is ([`cues`]: `the band Gigi`, `Clarence Dock`), so does a sentence that defines it
//! ([`definitions`]: `Aisby is a village in ...`), the labels of a numbered list are no
//! names ([`layout`]: `Milepost 2.7: ...`), a title in quotation marks is one
//! name ([`titles`]: `"The Life of a Showgirl"`), a name's acronym is that name
//! ([`acronyms`]: `CBO` after `Congressional Budget Office`), a company's `'s` is part of
//! its name where the text says so ([`possessives`]: `Moody's`), a name found once is found wherever
//! it is repeated ([`add_repeats`]), and one name has one type ([`make_consistent`]).

mod acronyms;
mod clusters;
mod cues;
mod definitions;
mod features;
mod gazetteer;
mod hash;
mod layout;
mod model;
mod persons;
mod possessives;
mod spans;
mod tags;
mod titles;
#[cfg(feature = "train")]
pub mod train;

use crate::lexicon;
#[cfg(test)]
use crate::label::Label;
use crate::options::Options;
use crate::resolve::Candidate;
use crate::tokens::{flag, Doc, Kind};
use features::{Extractor, Resources};
use gazetteer::List;
use rustc_hash::{FxHashMap, FxHashSet};
use model::{Model, Work};
use std::sync::OnceLock;
use tags::TYPES;

/// The embedded model, as the trainer wrote it.
const MODEL_BYTES: &[u8] = include_bytes!("../../data/names/model.bin");

/// Gazetteers, clusters and the model, loaded once.
struct Tagger {
    resources: Resources,
    model: Option<Model>,
    /// Lower-case hashes of the last words of state bodies (`Ministry`).
    state_bodies: FxHashSet<u64>,
    /// Lower-case hashes of the nouns that make the name before them a product.
    product_heads: FxHashSet<u64>,
    /// Lower-case hashes of the words that make the name they lead an event (`Hurricane`,
    /// `Tropical`, `Storm`).
    event_words: FxHashSet<u64>,
    /// Lower-case hashes of the small words inside people's names (`von`, `al`, `de`).
    particles: FxHashSet<u64>,
    /// Lower-case hashes of roles before a person's name beyond the title list (`Engineer`).
    roles: FxHashSet<u64>,
    /// Lower-case hashes of words that open a title after an organisation (`Minority`).
    title_modifiers: FxHashSet<u64>,
    /// Lower-case hashes of surnames that alone name a well-known person (`Trump`).
    public_figures: FxHashSet<u64>,
    /// Lower-case hashes of organisation heads that go on with `of` and a place (`Society`).
    place_org_heads: FxHashSet<u64>,
    /// Cue nouns and head words that type a name (`the band Gigi`, `Clarence Dock`).
    type_words: cues::TypeWords,
    /// Makers whose models are numbered (`Boeing`, `iPhone`): lower-case hash → hash as
    /// the list writes it.
    model_makers: FxHashMap<u64, u64>,
    /// Lower-case hashes of edition words after a model number (`Pro`, `Max`).
    model_editions: FxHashSet<u64>,
    /// Lower-case hashes of the small words inside titles of works (`of`, `a`).
    title_small_words: FxHashSet<u64>,
    /// Head nouns of definitions (`is a village`) → type index, as lower-case hashes.
    definition_heads: FxHashMap<u64, usize>,
}

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger {
        resources: Resources::load(),
        model: Model::decode(MODEL_BYTES),
        state_bodies: lexicon::entries(include_str!("../../data/names/state_bodies.txt"))
            .filter_map(|e| e.split(' ').next_back().map(hash::lower))
            .collect(),
        product_heads: lexicon::entries(include_str!("../../data/names/product_heads.txt")).map(hash::lower).collect(),
        event_words: lexicon::entries(include_str!("../../data/names/event_words.txt")).flat_map(|e| e.split(' ')).map(hash::lower).collect(),
        particles: lexicon::entries(include_str!("../../data/attribution/name_particles.txt")).map(hash::lower).collect(),
        roles: lexicon::entries(include_str!("../../data/names/roles.txt")).map(hash::lower).collect(),
        title_modifiers: lexicon::entries(include_str!("../../data/names/title_modifiers.txt")).map(hash::lower).collect(),
        public_figures: lexicon::entries(include_str!("../../data/names/public_figures.txt")).map(hash::lower).collect(),
        place_org_heads: lexicon::entries(include_str!("../../data/names/place_org_heads.txt")).map(hash::lower).collect(),
        type_words: cues::TypeWords::load(),
        model_makers: lexicon::entries(include_str!("../../data/names/model_makers.txt")).map(|e| (hash::lower(e), hash::exact(e))).collect(),
        model_editions: lexicon::entries(include_str!("../../data/names/model_editions.txt")).map(hash::lower).collect(),
        title_small_words: titles::small_words(),
        definition_heads: definitions::heads(),
    })
}

/// A name found by the tagger: first and last token (inclusive) and type index.
type Name = (usize, usize, usize);

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// Proposes PERSON, ORG, LOC and MISC spans: the tagger's names, sentence by sentence.
pub(crate) fn extract(doc: &Doc, options: &Options, out: &mut Vec<Candidate>) {
    if !TYPES.iter().any(|&l| options.labels.contains(l)) {
        return;
    }
    let tagger = tagger();
    let Some(model) = &tagger.model else { return };
    let mut extractor = Extractor::default();
    extractor.begin(doc, &tagger.resources);
    let mut work = Work::default();
    work.begin_text();
    let mut tags = Vec::new();
    let mut names: Vec<Name> = Vec::new();
    // Every name of the text, as document token indices.
    let mut found: Vec<Name> = Vec::new();
    // Where the text writes a well-known person's surname (`Trump`), read from the tagger's
    // own lower-case hashes of each window.
    let mut figures: Vec<usize> = Vec::new();
    for (sentence, range) in Extractor::windows(doc) {
        extractor.window(doc, sentence, range.clone(), &tagger.resources);
        for (k, h) in extractor.lowers().iter().enumerate() {
            if doc.tokens[range.start + k].has(flag::CAPITALISED) && tagger.public_figures.contains(h) {
                figures.push(range.start + k);
            }
        }
        model.tag_blocks(&extractor.word_features, &extractor.blocks, &extractor.context, &mut work, &mut tags);
        names.clear();
        model.scheme.decode(&tags, |first, last, ty| names.push((first, last, ty)));
        let capitalised = |i: usize| doc.tokens.get(range.start + i).is_some_and(|t| t.has(flag::CAPITALISED));
        spans::repair(&mut names, extractor.lowers(), capitalised, tagger);
        spans::split_org_pairs(&mut names, extractor.lowers(), capitalised, tagger);
        spans::extend_org_names(&mut names, doc, range.clone(), extractor.lowers(), tagger);
        spans::mark_events(&mut names, extractor.lowers(), capitalised, tagger);
        spans::add_products(&mut names, doc, range.clone(), extractor.lowers(), tagger);
        spans::add_listed_events(&mut names, doc, range.clone(), extractor.lowers(), tagger);
        spans::add_models(&mut names, doc, range.clone(), extractor.lowers(), tagger);
        for &(first, last, ty) in &names {
            spans::push_trimmed(doc, (range.start + first, range.start + last, ty), range.end, &mut found);
        }
    }
    persons::join_nicknames(doc, &mut found);
    persons::add_suffixes(doc, &mut found, tagger);
    persons::join_split(doc, &mut found, tagger);
    persons::drop_hyphenated_titles(doc, &mut found, tagger);
    persons::drop_party_tags(doc, &mut found);
    layout::drop_list_labels(doc, &mut found);
    titles::mark_titles(doc, &mut found, &tagger.title_small_words, |i| cues::is_work_cue(doc, i, tagger));
    cues::split_based(doc, &mut found);
    persons_by_evidence(doc, &mut found, tagger);
    definitions::apply(doc, &mut found, tagger);
    cues::split_at_cues(doc, &mut found, tagger);
    cues::take_greater(doc, &mut found);
    cues::extend_to_heads(doc, &mut found, &tagger.type_words);
    cues::retype(doc, &mut found, tagger);
    cues::places_in_lists(doc, &mut found, tagger);
    persons::public_figures(doc, &mut found, &figures);
    acronyms::add_acronyms(doc, &mut found);
    possessives::join_possessive_names(doc, &mut found, tagger);
    add_repeats(doc, &mut found);
    let first_out = out.len();
    for &(a, b, ty) in &found {
        out.push(Candidate::new(doc.tokens[a].start as usize, doc.tokens[b].end as usize, TYPES[ty]));
    }
    make_consistent(doc, &mut out[first_out..]);
}

/// The longest name the tagger found that a text repeats elsewhere.
const REPEAT_TOKENS: usize = 4;

/// One name, found everywhere: a name the tagger found somewhere in the text is a name
/// wherever else it stands written the same way, in mid-sentence and not inside another
/// name (`Reading` after `the Reading train` was found), with its most frequent type.
fn add_repeats(doc: &Doc, found: &mut Vec<Name>) {
    if found.is_empty() {
        return;
    }
    let key = |a: usize, b: usize| hash::exact(doc.slice(a, b));
    let mut types: FxHashMap<u64, [u16; 4]> = FxHashMap::default();
    for &(a, b, ty) in found.iter() {
        if b - a < REPEAT_TOKENS {
            types.entry(key(a, b)).or_default()[ty] += 1;
        }
    }
    join_split_repeats(doc, found, &types);
    let mut added = Vec::new();
    let mut next = found.iter().peekable();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        // Skip the names already found.
        while next.peek().is_some_and(|nm| nm.1 < i) {
            next.next();
        }
        if let Some(&&(a, b, _)) = next.peek() {
            if a <= i {
                i = b + 1;
                continue;
            }
        }
        let t = doc.tokens[i];
        if t.kind != Kind::Word || !t.has(flag::CAPITALISED) || t.has(flag::SENT_START) {
            i += 1;
            continue;
        }
        let limit = next.peek().map_or(n, |nm| nm.0);
        let mut hit = None;
        for b in (i..(i + REPEAT_TOKENS).min(limit)).rev() {
            if let Some(counts) = types.get(&key(i, b)) {
                let ty = (0..4).max_by_key(|&t| counts[t]).unwrap_or(0);
                // A name ends where the text's capitals do (`Reading` is not repeated
                // inside `Reading Railroad Company` when only `Reading` was found).
                let ends = doc.tokens.get(b + 1).is_none_or(|t| !t.has(flag::CAPITALISED) || t.kind != Kind::Word);
                if ends {
                    hit = Some((i, b, ty));
                }
                break;
            }
        }
        match hit {
            Some(h) => {
                added.push(h);
                i = h.1 + 1;
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_unstable();
        join_split_repeats(doc, found, &types);
    }
}

/// Where the tagger found only part of a name it found whole elsewhere, or cut it into
/// pieces (`FC`, or `FC` and `Goa`, after `FC Goa`), the part becomes the whole name again,
/// with its most frequent type, if the name's capitals end where it does. `types` counts
/// the types of each name of [`REPEAT_TOKENS`] tokens or fewer, by text.
fn join_split_repeats(doc: &Doc, found: &mut Vec<Name>, types: &FxHashMap<u64, [u16; 4]>) {
    let n = doc.tokens.len();
    let mut joined: Vec<Name> = Vec::with_capacity(found.len());
    let mut j = 0;
    while j < found.len() {
        let (a, first_end, _) = found[j];
        // The next name after this one that the whole name may swallow.
        let mut whole = None;
        for b in (first_end + 1..(a + REPEAT_TOKENS).min(n)).rev() {
            let ends = doc.tokens.get(b + 1).is_none_or(|t| !t.has(flag::CAPITALISED) || t.kind != Kind::Word)
                && !(doc.tokens[b].kind == Kind::Word && !doc.tokens[b].has(flag::CAPITALISED) && !doc.is_possessive(b));
            let inside = found[j + 1..].iter().take_while(|nm| nm.0 <= b).count();
            let crosses = inside > 0 && found[j + inside].1 > b;
            if !ends || crosses {
                continue;
            }
            if let Some(counts) = types.get(&hash::exact(doc.slice(a, b))) {
                let ty = (0..4).max_by_key(|&t| counts[t]).unwrap_or(0);
                whole = Some((j + inside, (a, b, ty)));
                break;
            }
        }
        match whole {
            Some((last, name)) => {
                joined.push(name);
                j = last + 1;
            }
            None => {
                joined.push(found[j]);
                j += 1;
            }
        }
    }
    *found = joined;
}

/// The list bits of token `i` as one word (0 for punctuation and numbers).
fn word_lists(doc: &Doc, i: usize, tagger: &Tagger) -> u16 {
    let t = doc.tokens[i];
    if t.kind != Kind::Word {
        return 0;
    }
    tagger.resources.gazetteer.single(hash::lower_token(doc.str(i), t.has(flag::ABBREV)))
}

/// What the rest of the text says about a name's type: a surname the text elsewhere
/// writes as a person's, after a title or honorific (`Mr. Aksoy`, `spokesman Aksoy`),
/// makes a two- to four-word name ending in it
/// a person (`Hami Aksoy`), whatever the tagger called it; and a one-word name that is
/// the last word of a person's full name in the text is that person (`Aksoy`).
fn persons_by_evidence(doc: &Doc, found: &mut [Name], tagger: &Tagger) {
    let title = 1u16 << List::Title as u16;
    // Words that mark a name as something other than a person. Places are not among
    // them: many first names are places too (`Hami`, `Florence`, `Jackson`).
    let not_personal = 1u16 << List::Org as u16 | 1 << List::OrgWord as u16 | 1 << List::Demonym as u16 | 1 << List::Title as u16;
    let lower = |i: usize| hash::lower(doc.str(i));
    let is_name_word = |i: usize| {
        let t = doc.tokens[i];
        t.kind == Kind::Word && (t.has(flag::CAPITALISED) && !t.has(flag::ALL_CAPS) || has_particle_prefix(doc.str(i)))
    };
    // Surnames with a person cue, and last words of multi-word person names.
    let mut cued: FxHashSet<u64> = FxHashSet::default();
    let mut surnames: FxHashSet<u64> = FxHashSet::default();
    for &(a, b, ty) in found.iter() {
        if ty != PER || !is_name_word(b) {
            continue;
        }
        if a > 0 && word_lists(doc, a - 1, tagger) & title != 0 {
            cued.insert(lower(b));
        }
        if a < b {
            surnames.insert(lower(b));
        }
    }
    if cued.is_empty() && surnames.is_empty() {
        return;
    }
    for name in found.iter_mut() {
        let (a, b, ty) = *name;
        if ty == PER {
            continue;
        }
        let words = b + 1 - a;
        let all_name_words = (a..=b).all(|i| is_name_word(i) && word_lists(doc, i, tagger) & not_personal == 0);
        if !all_name_words {
            continue;
        }
        if (2..=4).contains(&words) && cued.contains(&lower(b)) || words == 1 && surnames.contains(&lower(b)) {
            name.2 = PER;
        }
    }
}

/// True when `word` is a surname with a lower-case particle joined by a hyphen (`al-Sharaa`,
/// `bin-Laden`, `el-Sisi`): a name word, though it starts in lower case.
fn has_particle_prefix(word: &str) -> bool {
    word.split_once('-').is_some_and(|(particle, rest)| {
        (1..=3).contains(&particle.len()) && particle.bytes().all(|b| b.is_ascii_lowercase()) && rest.starts_with(char::is_uppercase)
    })
}

/// Merges spans into the text's names in one pass: for each span `(first, last, data)`
/// (in token order, not overlapping), `replace` sees the names that overlap it, those
/// running across its edges included, and gives the type of one name covering the span
/// that takes their place, or `None` to keep them. `found` holds the text's names in token
/// order, without overlaps, and stays so.
fn replace_with_spans<T>(found: &mut Vec<Name>, spans: impl IntoIterator<Item = (usize, usize, T)>, replace: impl Fn(&[Name], usize, usize, T) -> Option<usize>) {
    let mut merged = Vec::with_capacity(found.len());
    let mut names = found.iter().copied().peekable();
    for (first, last, data) in spans {
        while let Some(n) = names.next_if(|n| n.1 < first) {
            merged.push(n);
        }
        let inside: Vec<Name> = std::iter::from_fn(|| names.next_if(|n| n.0 <= last)).collect();
        match replace(&inside, first, last, data) {
            Some(ty) => merged.push((first, last, ty)),
            None => merged.extend(inside),
        }
    }
    merged.extend(names);
    *found = merged;
}

/// One name, one type per text: a name written the same way (ignoring case) more often
/// with another type elsewhere in the text takes that type.
fn make_consistent(doc: &Doc, found: &mut [Candidate]) {
    let key = |c: &Candidate| doc.text.get(c.start..c.end).map_or(0, hash::lower);
    let mut counts: FxHashMap<u64, [u32; 4]> = FxHashMap::default();
    for c in found.iter() {
        if let Some(ty) = TYPES.iter().position(|&l| l == c.label) {
            counts.entry(key(c)).or_default()[ty] += 1;
        }
    }
    for c in found.iter_mut() {
        let Some(n) = counts.get(&key(c)) else { continue };
        let Some(mine) = TYPES.iter().position(|&l| l == c.label) else { continue };
        let best = (0..4).max_by_key(|&t| (n[t], t == mine)).unwrap_or(mine);
        if n[best] > n[mine] {
            c.label = TYPES[best];
        }
    }
}

/// One name rule's test table: each case is a text whose tokens are its words between
/// spaces or line breaks (and `'s` on its own), the names before the rule and after it.
#[cfg(test)]
type RuleCases<'a> = &'a [(&'a str, &'a [Name], &'a [Name])];

/// The lower-case hashes of a text's tokens, as the tagger's window holds them.
#[cfg(test)]
fn lowers_of(doc: &Doc) -> Vec<u64> {
    (0..doc.tokens.len()).map(|i| hash::lower_token(doc.str(i), doc.tokens[i].has(flag::ABBREV))).collect()
}

/// Runs `rule` on every case of a table and checks the names it leaves.
#[cfg(test)]
fn check_rule(cases: RuleCases, rule: impl Fn(&Doc, &mut Vec<Name>)) {
    for (text, before, after) in cases {
        let doc = Doc::new(text);
        let words = text.split([' ', '\n']).count() + text.matches("'s").count();
        assert_eq!(doc.tokens.len(), words, "tokens of {text:?}");
        let mut names = before.to_vec();
        rule(&doc, &mut names);
        assert_eq!(names, *after, "{text}");
    }
}

/// True when the embedded model was read (it was trained for these features).
#[cfg(test)]
fn model_loaded() -> bool {
    tagger().model.is_some()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod repair_tests {
    use super::*;

    #[test]
    fn one_type_per_name_in_a_text() {
        let text = "Rotor won. ROTOR lost. Rotor drew. Lyon and Nice.";
        let doc = Doc::new(text);
        let at = |w: &str, nth: usize| text.match_indices(w).nth(nth).map_or(0, |(i, _)| i);
        let c = |start: usize, len: usize, label: Label| Candidate::new(start, start + len, label);
        // One line per case: the candidates' labels before and after.
        let cases: &[(&[Label], &[Label])] = &[
            (&[Label::Person, Label::Org, Label::Org], &[Label::Org, Label::Org, Label::Org]),
            (&[Label::Person, Label::Org, Label::Loc], &[Label::Person, Label::Org, Label::Loc]),
            (&[Label::Loc, Label::Loc, Label::Loc], &[Label::Loc, Label::Loc, Label::Loc]),
        ];
        for (before, after) in cases {
            let mut found = vec![
                c(at("Rotor", 0), 5, before[0]),
                c(at("ROTOR", 0), 5, before[1]),
                c(at("Rotor", 1), 5, before[2]),
                c(at("Lyon", 0), 4, Label::Loc),
                c(at("Nice", 0), 4, Label::Person),
            ];
            make_consistent(&doc, &mut found);
            let got: Vec<Label> = found.iter().take(3).map(|c| c.label).collect();
            assert_eq!(got, *after, "{before:?}");
            assert_eq!((found[3].label, found[4].label), (Label::Loc, Label::Person));
        }
    }

    #[test]
    fn persons_by_evidence_in_the_text() {
        let t = tagger();
        // One line per case: text (tokens split by spaces), names before, names after.
        let cases: RuleCases = &[
            // A titled surname makes the full name a person ...
            ("Hami Aksoy said so . Later Mr. Aksoy left .", &[(0, 1, ORG), (7, 7, PER)], &[(0, 1, PER), (7, 7, PER)]),
            ("Ivo Dimov Petrov said so . Dr. Petrov left .", &[(0, 2, LOC), (7, 7, PER)], &[(0, 2, PER), (7, 7, PER)]),
            ("spokesman Aksoy spoke . Hami Aksoy left .", &[(1, 1, PER), (4, 5, MISC)], &[(1, 1, PER), (4, 5, PER)]),
            // ... and a one-word name that is a person's last name is that person.
            ("Hami Aksoy said so . Later Aksoy left .", &[(0, 1, PER), (6, 6, ORG)], &[(0, 1, PER), (6, 6, PER)]),
            ("Ahmed al-Sharaa met him . Mr. al-Sharaa left .", &[(0, 1, PER), (6, 6, ORG)], &[(0, 1, PER), (6, 6, PER)]),
            ("Ahmed al-Sharaa met him . Al-Sharaa left .", &[(0, 1, PER), (5, 5, ORG)], &[(0, 1, PER), (5, 5, PER)]),
            // Must not change: no cue, an untitled one-word person, org words, too long.
            ("Hami Aksoy said so . Later Aksoy left .", &[(0, 1, ORG), (6, 6, ORG)], &[(0, 1, ORG), (6, 6, ORG)]),
            ("Hami Aksoy said so . Later Aksoy left .", &[(0, 1, ORG), (6, 6, PER)], &[(0, 1, ORG), (6, 6, PER)]),
            ("Acme Corp. said so . Later Mr. Corp. left .", &[(0, 1, ORG), (7, 7, PER)], &[(0, 1, ORG), (7, 7, PER)]),
            ("Turkish Aksoy said so . Mr. Aksoy left .", &[(0, 1, MISC), (6, 6, PER)], &[(0, 1, MISC), (6, 6, PER)]),
            ("A B C D Aksoy said so . Mr. Aksoy left .", &[(0, 4, ORG), (9, 9, PER)], &[(0, 4, ORG), (9, 9, PER)]),
            ("Mr. Aksoy met Hami AKSOY .", &[(1, 1, PER), (3, 4, ORG)], &[(1, 1, PER), (3, 4, ORG)]),
            ("Ali co-chairs it . the co-Chair spoke", &[(0, 0, PER), (7, 7, ORG)], &[(0, 0, PER), (7, 7, ORG)]),
        ];
        check_rule(cases, |doc, names| persons_by_evidence(doc, names, t));
    }

    #[test]
    fn products_before_a_product_noun() {
        let t = tagger();
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            ("Turkey bought Patriot batteries .", &[(0, 0, LOC)], &[(0, 0, LOC), (2, 2, MISC)]),
            ("the S-400 missile system", &[], &[(1, 1, MISC)]),
            ("two F-35 jets and Su-57 fighters", &[(4, 4, PER)], &[(1, 1, MISC), (4, 4, MISC)]),
            ("a Black Hawk helicopter", &[], &[(1, 2, MISC)]),
            ("its Ariel mission", &[(1, 1, PER)], &[(1, 1, MISC)]),
            ("H100 and Blackwell chips", &[(2, 2, PER)], &[(2, 2, MISC)]),
            // Must not change: no product noun, a company the tagger saw, lower case,
            // a list word starting the sentence, a designation without a hyphen.
            ("Patriot said so", &[], &[]),
            ("the S-400 deal", &[], &[]),
            ("new Boeing jets", &[(1, 1, ORG)], &[(1, 1, ORG)]),
            ("a patriot missile", &[], &[]),
            ("Patriot missiles flew", &[], &[]),
            ("the A380 planes", &[], &[]),
        ];
        check_rule(cases, |doc, names| spans::add_products(names, doc, 0..doc.tokens.len(), &lowers_of(doc), t));
    }

    #[test]
    fn products_with_model_numbers() {
        let t = tagger();
        let cases: RuleCases = &[
            ("a Boeing 737 crashed", &[], &[(1, 2, MISC)]),
            ("grounded Boeing 737 MAX 9 jets", &[(1, 1, ORG), (3, 3, ORG)], &[(1, 4, MISC)]),
            ("the Airbus A320 landed", &[(1, 1, MISC)], &[(1, 2, MISC)]),
            ("a new PlayStation 5 console", &[(2, 2, MISC)], &[(2, 3, MISC)]),
            ("recalled Model Y cars", &[(1, 2, PER)], &[(1, 2, MISC)]),
            ("an iPhone X case", &[(1, 1, MISC)], &[(1, 2, MISC)]),
            // Must not change: a year, an amount, no model, not a listed product.
            ("Boeing 2024 deliveries", &[(0, 0, ORG)], &[(0, 0, ORG)]),
            ("Boeing 40 percent", &[(0, 0, ORG)], &[(0, 0, ORG)]),
            ("Boeing said so", &[(0, 0, ORG)], &[(0, 0, ORG)]),
            ("Acme 737 rose", &[(0, 0, ORG)], &[(0, 0, ORG)]),
            ("Wimbledon 2 Chelsea 0", &[(0, 0, ORG), (2, 2, ORG)], &[(0, 0, ORG), (2, 2, ORG)]),
            ("a boeing 737", &[], &[]),
            ("the model 3 is", &[], &[]),
            ("Boeing I think", &[(0, 0, ORG)], &[(0, 0, ORG)]),
            ("Boeing A plane", &[(0, 0, ORG)], &[(0, 0, ORG)]),
            ("BOEING 737 CRASH", &[], &[(0, 1, MISC)]),
        ];
        check_rule(cases, |doc, names| spans::add_models(names, doc, 0..doc.tokens.len(), &lowers_of(doc), t));
    }

    #[test]
    fn names_found_once_are_found_everywhere() {
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            ("the Reading train hit a Reading car", &[(1, 1, ORG)], &[(1, 1, ORG), (5, 5, ORG)]),
            ("New York and then New York again", &[(0, 1, LOC)], &[(0, 1, LOC), (4, 5, LOC)]),
            ("Aksoy met Aksoy and Aksoy", &[(0, 0, PER), (2, 2, ORG), (4, 4, PER)], &[(0, 0, PER), (2, 2, ORG), (4, 4, PER)]),
            ("met Smith , Smith and Smith", &[(1, 1, PER), (3, 3, PER)], &[(1, 1, PER), (3, 3, PER), (5, 5, PER)]),
            // Must not add: a sentence start, lower case, part of a longer capitalised
            // name, a name inside a name already found.
            ("met Reading . Reading is fun", &[(1, 1, LOC)], &[(1, 1, LOC)]),
            ("met Reading and reading", &[(1, 1, LOC)], &[(1, 1, LOC)]),
            ("met Reading and Reading Railroad", &[(1, 1, LOC)], &[(1, 1, LOC)]),
            ("met Reading and Reading Railroad", &[(1, 1, LOC), (3, 4, ORG)], &[(1, 1, LOC), (3, 4, ORG)]),
            ("nothing here at all", &[], &[]),
        ];
        check_rule(cases, add_repeats);
    }
}
