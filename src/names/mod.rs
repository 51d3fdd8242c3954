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

use crate::label::Label;
use crate::options::Options;
use crate::resolve::Candidate;
use crate::tokens::Doc;
use features::{Extractor, Resources, STRIDE};
use model::{Model, Work};
use std::sync::OnceLock;
use tags::TYPES;

/// The embedded model, as the trainer wrote it.
const MODEL_BYTES: &[u8] = include_bytes!("../../data/names/model.bin");

/// Gazetteers, clusters and the model, loaded once.
struct Tagger {
    resources: Resources,
    model: Option<Model>,
}

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger { resources: Resources::load(), model: Model::decode(MODEL_BYTES) })
}

/// Proposes PERSON, ORG, LOC and MISC spans: the tagger's names, sentence by sentence.
pub(crate) fn extract(doc: &Doc, options: &Options, out: &mut Vec<Candidate>) {
    if !TYPES.iter().any(|&l| options.labels.contains(l)) {
        return;
    }
    let tagger = tagger();
    let Some(model) = &tagger.model else { return };
    let mut extractor = Extractor::default();
    extractor.compute(doc, &tagger.resources);
    let mut work = Work::default();
    let mut tags = Vec::new();
    for s in &doc.sentences {
        model.tag(&extractor.features[s.start * STRIDE..s.end * STRIDE], &mut work, &mut tags);
        model.scheme.decode(&tags, |first, last, ty| {
            let (start, end) = (doc.tokens[s.start + first].start, doc.tokens[s.start + last].end);
            out.push(Candidate::new(start as usize, end as usize, TYPES[ty]));
        });
    }
}

/// True when the embedded model was read (it was trained for these features).
#[cfg(test)]
fn model_loaded() -> bool {
    tagger().model.is_some()
}

#[cfg(test)]
mod tests;

/// The label of a name type index (for tests and the trainer).
#[allow(dead_code)]
pub(crate) fn label_of(ty: usize) -> Label {
    TYPES[ty]
}
