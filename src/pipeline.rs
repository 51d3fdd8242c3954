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
    mut found: Vec<Candidate>,
    mut containers: Vec<Candidate>,
    mut drafts: Vec<groups::Draft>,
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
    // Entities then containers, numbered in that order: sort and filter these small
    // numbers rather than the candidates (which carry values and are large), and move
    // each value out once.
    let mut order: Vec<usize> = (0..found.len() + containers.len())
        .filter(|&k| pick(&found, &containers, k).is_some_and(|c| options.labels.contains(c.label) && c.start < c.end && c.end <= text.len()))
        .collect();
    // Text order; a container comes before the entities it contains. The sort is stable:
    // ties keep the list order.
    order.sort_by(|&x, &y| match (pick(&found, &containers, x), pick(&found, &containers, y)) {
        (Some(a), Some(b)) => a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(b.label.is_container().cmp(&a.label.is_container())),
        _ => std::cmp::Ordering::Equal,
    });

    let mut positions = Vec::with_capacity(order.len() * 2);
    for &k in &order {
        let Some(c) = pick(&found, &containers, k) else { continue };
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
    let mut entities = Vec::with_capacity(order.len());
    let n_found = found.len();
    for &k in &order {
        let (c, g) = match k.checked_sub(n_found) {
            None => (found.get_mut(k), group_of.get(k).copied().flatten()),
            Some(j) => (containers.get_mut(j), None),
        };
        let Some(c) = c else { continue };
        let i = entities.len();
        let group = g.map(|g| {
            *new_index[g].get_or_insert_with(|| {
                // Each group is pushed once: its canonical name is moved out, not copied.
                groups.push(Group { label: drafts[g].label, canonical: std::mem::take(&mut drafts[g].canonical), mentions: Vec::new() });
                groups.len() - 1
            })
        });
        if let Some(g) = group {
            groups[g].mentions.push(i);
        }
        let mut value = c.value.take();
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

/// Candidate `k` of the entities followed by the containers.
fn pick<'c>(found: &'c [Candidate], containers: &'c [Candidate], k: usize) -> Option<&'c Candidate> {
    match k.checked_sub(found.len()) {
        None => found.get(k),
        Some(j) => containers.get(j),
    }
}
