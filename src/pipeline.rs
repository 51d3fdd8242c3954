//! The pipeline: tokens → extractors → resolve → groups → attribution → offsets.
//!
//! Adding an extractor is one module and one line in [`analyze`].

use crate::analysis::{Analysis, Entity, Group, Offsets, Span, Value};
use crate::offsets::Converted;
use crate::options::Options;
use crate::resolve::{resolve, Candidate};
use crate::tokens::Doc;
use crate::{amounts, attribution, dates, groups, names};

/// The longest input analysed, in bytes (32 MiB). Longer input is cut at the last
/// character boundary before this and [`Analysis::truncated_at`] says where.
pub const MAX_INPUT_BYTES: usize = 32 << 20;

/// Finds the entities in `text`.
///
/// Never panics, for any input; the result depends only on `text` and `options`.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let (text, truncated_at) = cut_to_limit(text);
    let doc = Doc::new(text);

    let mut candidates: Vec<Candidate> = Vec::new();
    amounts::extract(&doc, options, &mut candidates);
    dates::extract(&doc, options, &mut candidates);
    names::extract(&doc, options, &mut candidates);
    let found = resolve(candidates);

    let drafts = groups::group(&doc, &found);
    let containers = attribution::attribute(&doc, &found, &drafts);
    build(text, options, found, containers, drafts, truncated_at)
}

fn cut_to_limit(text: &str) -> (&str, Option<usize>) {
    if text.len() <= MAX_INPUT_BYTES {
        return (text, None);
    }
    let mut cut = MAX_INPUT_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    (&text[..cut], Some(cut))
}

/// Merges entities and containers, applies the label filter, converts offsets once and
/// renumbers groups.
fn build(
    text: &str,
    options: &Options,
    found: Vec<Candidate>,
    containers: Vec<Candidate>,
    drafts: Vec<groups::Draft>,
    truncated_at: Option<usize>,
) -> Analysis {
    // Group membership by index in `found`.
    let mut group_of: Vec<Option<usize>> = vec![None; found.len()];
    for (g, draft) in drafts.iter().enumerate() {
        for &m in &draft.members {
            if let Some(slot) = group_of.get_mut(m) {
                *slot = Some(g);
            }
        }
    }
    let mut items: Vec<(Candidate, Option<usize>)> = found.into_iter().zip(group_of).collect();
    items.extend(containers.into_iter().map(|c| (c, None)));
    items.retain(|(c, _)| options.labels.contains(c.label) && c.start < c.end && c.end <= text.len());
    // Text order; a container comes before the entities it contains.
    items.sort_by(|(a, _), (b, _)| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(b.label.is_container().cmp(&a.label.is_container())));

    let mut positions = Vec::with_capacity(items.len() * 2);
    for (c, _) in &items {
        positions.extend([c.start, c.end]);
        if let Some(Value::Attribution(a)) = &c.value {
            if let Some(s) = a.speaker_span {
                positions.extend([s.bytes.start, s.bytes.end]);
            }
        }
    }
    let conv = Converted::new(text, positions);
    let offsets = |start: usize, end: usize| {
        let (cs, us) = conv.get(start);
        let (ce, ue) = conv.get(end);
        Offsets { bytes: Span::new(start, end), chars: Span::new(cs, ce), utf16: Span::new(us, ue) }
    };

    let mut groups: Vec<Group> = Vec::new();
    let mut new_index: Vec<Option<usize>> = vec![None; drafts.len()];
    let mut entities = Vec::with_capacity(items.len());
    for (i, (c, g)) in items.into_iter().enumerate() {
        let group = g.map(|g| {
            *new_index[g].get_or_insert_with(|| {
                groups.push(Group { label: drafts[g].label, canonical: drafts[g].canonical.clone(), mentions: Vec::new() });
                groups.len() - 1
            })
        });
        if let Some(g) = group {
            groups[g].mentions.push(i);
        }
        let mut value = c.value;
        if let Some(Value::Attribution(a)) = &mut value {
            if let Some(s) = &mut a.speaker_span {
                *s = offsets(s.bytes.start, s.bytes.end);
            }
        }
        entities.push(Entity {
            label: c.label,
            span: offsets(c.start, c.end),
            text: text[c.start..c.end].to_string(),
            value,
            group,
        });
    }
    Analysis { entities, groups, truncated_at }
}
