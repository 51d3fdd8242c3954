//! Names of people, organisations and places (and other names, CoNLL's MISC), found by
//! a statistical sequence tagger.
//!
//! The tagger is an averaged perceptron over hashed token features ([`features`]) with
//! Viterbi decoding over BIO or BILOU tags ([`tags`], [`model`]). Its weights are trained
//! by `src/bin/train.rs` (feature `train`) and embedded from `data/names/model.bin`.

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
}

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger {
        resources: Resources::load(),
        model: Model::decode(MODEL_BYTES),
        state_bodies: lexicon::entries(include_str!("../../data/names/state_bodies.txt"))
            .filter_map(|e| e.split(' ').next_back().map(hash::lower))
            .collect(),
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
    // A title is not part of a person's name (`Capt. Mehmet Yılmaz` → `Mehmet Yılmaz`).
    let title = 1 << List::Title as u16;
    for name in names.iter_mut() {
        while name.2 == PER && name.0 < name.1 && tagger.resources.gazetteer.single(lowers[name.0]) & title != 0 {
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
    let mut tags = Vec::new();
    let mut names: Vec<Name> = Vec::new();
    let first_out = out.len();
    for (sentence, range) in Extractor::windows(doc) {
        extractor.window(doc, sentence, range.clone(), &tagger.resources);
        model.tag(&extractor.features, &mut work, &mut tags);
        names.clear();
        model.scheme.decode(&tags, |first, last, ty| names.push((first, last, ty)));
        let capitalised = |i: usize| doc.tokens.get(range.start + i).is_some_and(|t| t.has(flag::CAPITALISED));
        repair(&mut names, extractor.lowers(), capitalised, tagger);
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
                out.push(Candidate::new(doc.tokens[a].start as usize, doc.tokens[b].end as usize, TYPES[ty]));
            }
        }
    }
    make_consistent(doc, &mut out[first_out..]);
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
