//! Mention groups: mentions of one entity (`Hami Aksoy` ← `Aksoy`).

use crate::label::Label;
use crate::resolve::Candidate;
use crate::tokens::Doc;

/// A group of mentions before offsets are converted.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Draft {
    /// The label the mentions share.
    pub label: Label,
    /// The fullest name.
    pub canonical: String,
    /// Indices into the resolved entities.
    pub members: Vec<usize>,
}

/// Groups name mentions: the same text, or a single word that ends an earlier full
/// name of the same label.
pub(crate) fn group(doc: &Doc, found: &[Candidate]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    for (i, c) in found.iter().enumerate() {
        if !matches!(c.label, Label::Person | Label::Org | Label::Loc | Label::Misc) {
            continue;
        }
        let text = &doc.text[c.start..c.end];
        let existing = drafts.iter_mut().find(|d| {
            d.label == c.label && (d.canonical == text || d.canonical.rsplit(' ').next() == Some(text))
        });
        match existing {
            Some(d) => d.members.push(i),
            None => drafts.push(Draft { label: c.label, canonical: text.to_string(), members: vec![i] }),
        }
    }
    drafts
}
