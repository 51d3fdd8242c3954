//! Names of people, organisations and places.

use crate::label::Label;
use crate::lexicon;
use crate::options::Options;
use crate::resolve::Candidate;
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

struct Gazetteers {
    places: FxHashSet<&'static str>,
    orgs: FxHashSet<&'static str>,
    titles: FxHashSet<&'static str>,
}

fn gazetteers() -> &'static Gazetteers {
    static G: OnceLock<Gazetteers> = OnceLock::new();
    G.get_or_init(|| Gazetteers {
        places: lexicon::word_set(include_str!("../../data/names/places.txt")),
        orgs: lexicon::word_set(include_str!("../../data/names/orgs.txt")),
        titles: lexicon::word_set(include_str!("../../data/names/titles.txt")),
    })
}

/// Proposes PERSON, ORG, LOC and MISC spans from runs of capitalised words.
pub(crate) fn extract(doc: &Doc, _options: &Options, out: &mut Vec<Candidate>) {
    let g = gazetteers();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let t = doc.tokens[i];
        if t.kind != Kind::Word || !t.has(flag::CAPITALISED) || g.titles.contains(doc.str(i)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && doc.tokens[j].kind == Kind::Word && doc.tokens[j].has(flag::CAPITALISED) && !doc.tokens[j].has(flag::SENT_START) {
            j += 1;
        }
        let text = doc.slice(i, j - 1);
        let after_title = i > 0 && g.titles.contains(doc.str(i - 1));
        let label = if g.places.contains(text) {
            Some(Label::Loc)
        } else if g.orgs.contains(text) {
            Some(Label::Org)
        } else if after_title || (j - i >= 2 && !t.has(flag::SENT_START)) {
            Some(Label::Person)
        } else {
            None
        };
        if let Some(label) = label {
            out.push(Candidate::new(t.start as usize, doc.tokens[j - 1].end as usize, label));
        }
        i = j;
    }
}
