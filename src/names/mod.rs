//! Names of people, organisations and places (and other names, CoNLL's MISC), found by
//! a statistical sequence tagger.
//!
//! The tagger is an averaged perceptron over hashed token features ([`features`]) with
//! Viterbi decoding over BIO or BILOU tags ([`tags`], [`model`]). Its weights are trained
//! by `src/bin/train.rs` (feature `train`) and embedded from `data/names/model.bin`.
//!
//! After tagging, rules that the lists make safe repair the spans of each sentence
//! ([`repair`], [`add_products`]), and the whole text has its say: a titled surname makes
//! a full name a person's ([`persons_by_evidence`]), a name found once is found wherever
//! it is repeated ([`add_repeats`]), and one name has one type ([`make_consistent`]).

mod clusters;
mod features;
mod gazetteer;
mod hash;
mod model;
mod tags;
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
use std::ops::Range;
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
    /// Lower-case hashes of organisation heads that go on with `of` and a place (`Society`).
    place_org_heads: FxHashSet<u64>,
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
        place_org_heads: lexicon::entries(include_str!("../../data/names/place_org_heads.txt")).map(hash::lower).collect(),
    })
}

/// A name found by the tagger: first and last token (inclusive) and type index.
type Name = (usize, usize, usize);

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// Repairs the tagger's names in one sentence with what the lists know for sure: a
/// place the gazetteer knows in full (`Frankfurt am Main`) is not cut short, a title is
/// not part of a person's name, and a nationality before a state body joins it
/// (`Turkish Foreign Ministry`).
/// `capitalised(i)` says whether token `i` of the window starts with a capital.
fn repair(names: &mut Vec<Name>, lowers: &[u64], capitalised: impl Fn(usize) -> bool, tagger: &Tagger) {
    let place_lists = 1 << List::Country as u16 | 1 << List::City as u16 | 1 << List::Region as u16;
    for k in 0..names.len() {
        let (first, last, ty) = names[k];
        let lists = match ty {
            LOC => place_lists,
            ORG => 1 << List::Org as u16,
            _ => continue,
        };
        let Some((len, found)) = tagger.resources.gazetteer.longest(&lowers[first..]) else { continue };
        let end = first + len - 1;
        let next_start = names.get(k + 1).map_or(usize::MAX, |n| n.0);
        if found & lists != 0 && end > last && end < next_start {
            names[k].1 = end;
        }
    }
    // A name cut short of a product or index the list knows is that product (`S&P` in
    // `S&P 500`, `Nikkei` in `Nikkei 225`).
    let product = 1 << List::Product as u16;
    for k in 0..names.len() {
        let (first, last, _) = names[k];
        let Some((len, found)) = tagger.resources.gazetteer.longest(&lowers[first..]) else { continue };
        let end = first + len - 1;
        let next_start = names.get(k + 1).map_or(usize::MAX, |n| n.0);
        if found & product != 0 && end > last && end < next_start {
            names[k] = (first, end, MISC);
        }
    }
    // A title is not part of a person's name (`Capt. Mehmet Yılmaz` → `Mehmet Yılmaz`),
    // nor is a lower-case word before it (`protege Bobick` → `Bobick`) other than a
    // particle (`de Gaulle`); in text all in lower case every word is.
    let title = 1 << List::Title as u16;
    for name in names.iter_mut() {
        while name.2 == PER && name.0 < name.1 {
            let is_title = tagger.resources.gazetteer.single(lowers[name.0]) & title != 0;
            let lower_word = !capitalised(name.0) && !tagger.particles.contains(&lowers[name.0]) && (name.0 + 1..=name.1).any(&capitalised);
            if !(is_title || lower_word) {
                break;
            }
            name.0 += 1;
        }
    }
    // A nationality, then capitalised words up to a state body: one ORG, whatever the
    // tagger made of the words in between (nothing, or ORG).
    for k in 0..names.len() {
        let Some(&(first, last, ty)) = names.get(k) else { break };
        if ty != MISC || first != last {
            continue;
        }
        let end = (last + 1..lowers.len().min(last + 5))
            .take_while(|&j| capitalised(j))
            .find(|&j| tagger.state_bodies.contains(&lowers[j]));
        let Some(end) = end else { continue };
        let inside = names[k + 1..].iter().take_while(|n| n.0 <= end);
        if inside.clone().all(|n| n.2 == ORG && n.1 <= end) {
            let drop = inside.count();
            names.drain(k + 1..k + 1 + drop);
            names[k] = (first, end, ORG);
        }
    }
}

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
    for (sentence, range) in Extractor::windows(doc) {
        extractor.window(doc, sentence, range.clone(), &tagger.resources);
        model.tag_blocks(&extractor.word_features, &extractor.blocks, &extractor.context, &mut work, &mut tags);
        names.clear();
        model.scheme.decode(&tags, |first, last, ty| names.push((first, last, ty)));
        let capitalised = |i: usize| doc.tokens.get(range.start + i).is_some_and(|t| t.has(flag::CAPITALISED));
        repair(&mut names, extractor.lowers(), capitalised, tagger);
        extend_org_names(&mut names, doc, range.clone(), extractor.lowers(), tagger);
        mark_events(&mut names, extractor.lowers(), capitalised, tagger);
        add_products(&mut names, doc, range.clone(), extractor.lowers(), tagger);
        for &(first, last, ty) in &names {
            // A name starts and ends with a word or number, never with a quote mark or
            // other punctuation the tagger swept in (`” Kovacs`).
            let is_word = |i: usize| matches!(doc.tokens[i].kind, Kind::Word | Kind::Number);
            let (mut a, mut b) = (range.start + first, range.start + last);
            while a < b && !is_word(a) {
                a += 1;
            }
            while b > a && !is_word(b) {
                b -= 1;
            }
            if is_word(a) {
                found.push((a, b, ty));
            }
        }
    }
    persons_by_evidence(doc, &mut found, tagger);
    add_repeats(doc, &mut found);
    let first_out = out.len();
    for &(a, b, ty) in &found {
        out.push(Candidate::new(doc.tokens[a].start as usize, doc.tokens[b].end as usize, TYPES[ty]));
    }
    make_consistent(doc, &mut out[first_out..]);
}

/// A name led by event words is an event, `MISC`, with those words and the capitalised
/// words after them: `Hurricane Milton`, `Tropical Storm Nadine`, `Operation Desert Storm`
/// (whether the tagger took the words into the name or left them out).
fn mark_events(names: &mut [Name], lowers: &[u64], capitalised: impl Fn(usize) -> bool, tagger: &Tagger) {
    let is_event_word = |i: usize| capitalised(i) && tagger.event_words.contains(&lowers[i]);
    let mut free_from = 0; // the first token not in an earlier name
    for k in 0..names.len() {
        let next_start = names.get(k + 1).map_or(lowers.len(), |n| n.0);
        let name = &mut names[k];
        let mut event = name.0 < name.1 && is_event_word(name.0);
        while name.0 > free_from && is_event_word(name.0 - 1) {
            name.0 -= 1;
            event = true;
        }
        if event {
            name.2 = MISC;
            while name.1 + 1 < next_start && capitalised(name.1 + 1) {
                name.1 += 1;
            }
        }
        free_from = name.1 + 1;
    }
}

/// An organisation's name goes on through `of`, `for` (and `the` after them), `on` after
/// its head word, and `and`, while capitalised words follow: `Council on Foreign
/// Relations`, `Centers for Disease Control and Prevention`, `Royal Society for the
/// Protection of Birds`, where the tagger stopped at the small word. `of` and `for` need an
/// organisation word in the name (`Institute`, `Society`), `on` needs one just before it
/// and two capitalised words after it (not `Council on Monday`), `and` needs an `of`,
/// `for` or `on` in the name already. A place or first name in the words after the small
/// word stops it (`Kia Motor Corp of South Korea`, `University of Michigan and Ohio
/// State`), except a place after `of` and a head that takes one (`Law Society of Kenya`,
/// `data/names/place_org_heads.txt`); names those words hold join it when they are `ORG`
/// or `MISC`, or such a place.
fn extend_org_names(names: &mut Vec<Name>, doc: &Doc, range: Range<usize>, lowers: &[u64], tagger: &Tagger) {
    let gazetteer = &tagger.resources.gazetteer;
    let org_word = 1u16 << List::OrgWord as u16;
    let place_or_person = 1u16 << List::Country as u16 | 1 << List::City as u16 | 1 << List::Region as u16 | 1 << List::FirstName as u16;
    let [of, for_, on, and, the] = ["of", "for", "on", "and", "the"].map(hash::lower);
    let token = |i: usize| doc.tokens[range.start + i];
    // One past the run of capitalised words from `start` (and hyphens and words glued to
    // them: `Co-operation`).
    let run_end = |start: usize| {
        let mut end = start;
        while end < lowers.len() {
            let t = token(end);
            let hyphen = |i: usize| doc.str(range.start + i) == "-";
            let glued = end > start && token(end - 1).end == t.start && (hyphen(end) || hyphen(end - 1));
            if !(glued || t.has(flag::CAPITALISED) && !t.has(flag::SENT_START)) {
                break;
            }
            end += 1;
        }
        end
    };
    let mut k = 0;
    while k < names.len() {
        let (first, mut last, ty) = names[k];
        if ty != ORG {
            k += 1;
            continue;
        }
        let has_link = |a: usize, b: usize| lowers[a..=b].iter().any(|h| [of, for_, on].contains(h));
        let has_org_word = |a: usize, b: usize| (a..=b).any(|i| gazetteer.single(lowers[i]) & org_word != 0);
        loop {
            let j = last + 1;
            let Some(&link) = lowers.get(j) else { break };
            let allowed = match link {
                l if l == of || l == for_ => has_org_word(first, last),
                l if l == on => gazetteer.single(lowers[last]) & org_word != 0,
                l if l == and => has_link(first, last),
                _ => false,
            };
            if !allowed {
                break;
            }
            let start = if link != and && lowers.get(j + 1) == Some(&the) { j + 2 } else { j + 1 };
            let mut end = run_end(start);
            // A name that starts in the run and goes on past it joins whole.
            if let Some(m) = names[k + 1..].iter().find(|n| n.0 >= start && n.0 < end && n.1 >= end) {
                end = m.1 + 1;
            }
            let words = end.saturating_sub(start);
            if words == 0 || (link == on && words < 2) {
                break;
            }
            // `Law Society of Kenya`, but `Kia Motor Corp of South Korea`.
            let place_ok = link == of && start == j + 1 && tagger.place_org_heads.contains(&lowers[last]);
            if !place_ok && (start..end).any(|i| gazetteer.single(lowers[i]) & place_or_person != 0) {
                break; // `League for the St. Louis Eagles`
            }
            let covered: Vec<usize> = (k + 1..names.len()).take_while(|&m| names[m].0 < end).collect();
            let joins = covered.iter().all(|&m| names[m].1 < end && (names[m].2 == ORG || names[m].2 == MISC || (names[m].2 == LOC && place_ok)));
            if !joins {
                break;
            }
            names.drain(k + 1..k + 1 + covered.len());
            last = end - 1;
            names[k].1 = last;
        }
        k += 1;
    }
}

/// Products before a noun that says so (`Patriot batteries`, `S-400 missile system`):
/// a capitalised product the list knows, or a designation of capitals and digits
/// (`S-400`, `F-35`), that no name covers yet becomes `MISC`; so does one the tagger
/// took for a person. `range` is the window's token range and `lowers` its tokens'
/// lower-case hashes.
fn add_products(names: &mut Vec<Name>, doc: &Doc, range: Range<usize>, lowers: &[u64], tagger: &Tagger) {
    let product = 1u16 << List::Product as u16;
    let mut k = 0;
    while k < lowers.len() {
        let t = doc.tokens[range.start + k];
        let text = doc.str(range.start + k);
        let designation = t.has(flag::HAS_DIGIT)
            && t.has(flag::HAS_ALPHA)
            && text.starts_with(|c: char| c.is_ascii_uppercase())
            && text.contains('-');
        let len = if designation && t.kind == Kind::Word {
            1
        } else if t.has(flag::CAPITALISED) && !t.has(flag::SENT_START) {
            match tagger.resources.gazetteer.longest(&lowers[k..]) {
                Some((len, lists)) if lists & product != 0 => len,
                _ => 0,
            }
        } else {
            0
        };
        let end = k + len.max(1) - 1;
        if len == 0 || !lowers.get(end + 1).is_some_and(|h| tagger.product_heads.contains(h)) {
            k += 1;
            continue;
        }
        let overlapping = names.iter().position(|n| n.0 <= end && n.1 >= k);
        match overlapping {
            None => {
                let at = names.iter().position(|n| n.0 > end).unwrap_or(names.len());
                names.insert(at, (k, end, MISC));
            }
            Some(j) if names[j].0 == k && names[j].1 == end && names[j].2 == PER => names[j].2 = MISC,
            Some(_) => {}
        }
        k = end + 1;
    }
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
    }
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
        t.kind == Kind::Word && t.has(flag::CAPITALISED) && !t.has(flag::ALL_CAPS)
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
        let cases: &[(&str, &[Name], &[Name])] = &[
            // A titled surname makes the full name a person ...
            ("Hami Aksoy said so . Later Mr. Aksoy left .", &[(0, 1, ORG), (7, 7, PER)], &[(0, 1, PER), (7, 7, PER)]),
            ("Ivo Dimov Petrov said so . Dr. Petrov left .", &[(0, 2, LOC), (7, 7, PER)], &[(0, 2, PER), (7, 7, PER)]),
            ("spokesman Aksoy spoke . Hami Aksoy left .", &[(1, 1, PER), (4, 5, MISC)], &[(1, 1, PER), (4, 5, PER)]),
            // ... and a one-word name that is a person's last name is that person.
            ("Hami Aksoy said so . Later Aksoy left .", &[(0, 1, PER), (6, 6, ORG)], &[(0, 1, PER), (6, 6, PER)]),
            // Must not change: no cue, an untitled one-word person, org words, too long.
            ("Hami Aksoy said so . Later Aksoy left .", &[(0, 1, ORG), (6, 6, ORG)], &[(0, 1, ORG), (6, 6, ORG)]),
            ("Hami Aksoy said so . Later Aksoy left .", &[(0, 1, ORG), (6, 6, PER)], &[(0, 1, ORG), (6, 6, PER)]),
            ("Acme Corp. said so . Later Mr. Corp. left .", &[(0, 1, ORG), (7, 7, PER)], &[(0, 1, ORG), (7, 7, PER)]),
            ("Turkish Aksoy said so . Mr. Aksoy left .", &[(0, 1, MISC), (6, 6, PER)], &[(0, 1, MISC), (6, 6, PER)]),
            ("A B C D Aksoy said so . Mr. Aksoy left .", &[(0, 4, ORG), (9, 9, PER)], &[(0, 4, ORG), (9, 9, PER)]),
            ("Mr. Aksoy met Hami AKSOY .", &[(1, 1, PER), (3, 4, ORG)], &[(1, 1, PER), (3, 4, ORG)]),
        ];
        for (text, before, after) in cases {
            let doc = Doc::new(text);
            assert_eq!(doc.tokens.len(), text.split(' ').count(), "{text}");
            let mut names = before.to_vec();
            persons_by_evidence(&doc, &mut names, t);
            assert_eq!(names, *after, "{text}");
        }
    }

    #[test]
    fn products_before_a_product_noun() {
        let t = tagger();
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: &[(&str, &[Name], &[Name])] = &[
            ("Turkey bought Patriot batteries .", &[(0, 0, LOC)], &[(0, 0, LOC), (2, 2, MISC)]),
            ("the S-400 missile system", &[], &[(1, 1, MISC)]),
            ("two F-35 jets and Su-57 fighters", &[(4, 4, PER)], &[(1, 1, MISC), (4, 4, MISC)]),
            ("a Black Hawk helicopter", &[], &[(1, 2, MISC)]),
            // Must not change: no product noun, a company the tagger saw, lower case,
            // a list word starting the sentence, a designation without a hyphen.
            ("Patriot said so", &[], &[]),
            ("the S-400 deal", &[], &[]),
            ("new Boeing jets", &[(1, 1, ORG)], &[(1, 1, ORG)]),
            ("a patriot missile", &[], &[]),
            ("Patriot missiles flew", &[], &[]),
            ("the A380 planes", &[], &[]),
        ];
        for (text, before, after) in cases {
            let doc = Doc::new(text);
            assert_eq!(doc.tokens.len(), text.split(' ').count(), "{text}");
            let lowers: Vec<u64> = (0..doc.tokens.len()).map(|i| hash::lower_token(doc.str(i), doc.tokens[i].has(flag::ABBREV))).collect();
            let mut names = before.to_vec();
            add_products(&mut names, &doc, 0..doc.tokens.len(), &lowers, t);
            assert_eq!(names, *after, "{text}");
        }
    }

    #[test]
    fn names_found_once_are_found_everywhere() {
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: &[(&str, &[Name], &[Name])] = &[
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
        for (text, before, after) in cases {
            let doc = Doc::new(text);
            assert_eq!(doc.tokens.len(), text.split(' ').count(), "{text}");
            let mut names = before.to_vec();
            add_repeats(&doc, &mut names);
            assert_eq!(names, *after, "{text}");
        }
    }

    #[test]
    fn repairs() {
        let t = tagger();
        let low = |text: &str| text.split(' ').map(|w| hash::lower_token(w, w.ends_with('.'))).collect::<Vec<u64>>();
        // One line per case: words, tagger's names, repaired names.
        let cases: &[(&str, &[Name], &[Name])] = &[
            ("from Frankfurt am Main to Vienna", &[(1, 1, LOC), (5, 5, LOC)], &[(1, 3, LOC), (5, 5, LOC)]),
            ("the Turkish Foreign Ministry said", &[(1, 1, MISC), (2, 3, ORG)], &[(1, 3, ORG)]),
            ("the Turkish Airlines said", &[(1, 1, MISC), (2, 2, ORG)], &[(1, 1, MISC), (2, 2, ORG)]),
            ("the Turkish Foreign Ministry said", &[(1, 1, MISC)], &[(1, 3, ORG)]),
            ("the Turkish Foreign Ministry said", &[(1, 1, MISC), (3, 3, ORG)], &[(1, 3, ORG)]),
            ("the Turkish Foreign Ministry said", &[(1, 1, MISC), (2, 2, PER)], &[(1, 1, MISC), (2, 2, PER)]),
            ("Turkish officials at the Ministry", &[(0, 0, MISC)], &[(0, 0, MISC)]),
            ("Frankfurt am Main", &[(0, 0, PER)], &[(0, 0, PER)]),
            ("Capt. Mehmet Yilmaz", &[(0, 2, PER)], &[(1, 2, PER)]),
            ("President Putin", &[(0, 1, PER)], &[(1, 1, PER)]),
            ("President", &[(0, 0, PER)], &[(0, 0, PER)]),
            ("Frankfurt am Main", &[(0, 0, LOC), (2, 2, LOC)], &[(0, 0, LOC), (2, 2, LOC)]),
            // A lower-case word before a person's name is not part of it, a particle is.
            ("his protege Bobick won", &[(1, 2, PER)], &[(2, 2, PER)]),
            ("met de Gaulle there", &[(1, 2, PER)], &[(1, 2, PER)]),
            ("met barack obama there", &[(1, 2, PER)], &[(1, 2, PER)]),
            // An index the product list knows keeps its number.
            ("the S&P 500 fell", &[(1, 1, ORG)], &[(1, 2, MISC)]),
        ];
        for (text, before, after) in cases {
            let mut names = before.to_vec();
            let words: Vec<&str> = text.split(' ').collect();
            let caps = |i: usize| words.get(i).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            repair(&mut names, &low(text), caps, t);
            assert_eq!(names, *after, "{text}");
        }
    }
}
