//! The one place where overlapping candidates from different extractors are settled.

use crate::analysis::Value;
use crate::label::Label;

/// A span proposed by an extractor, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The proposed label.
    pub label: Label,
    /// The normalised value, if the extractor computed one.
    pub value: Option<Value>,
    /// Breaks ties between candidates of equal length: higher wins.
    pub priority: u8,
}

impl Candidate {
    /// A candidate without a value and with priority 0.
    pub fn new(start: usize, end: usize, label: Label) -> Candidate {
        Candidate { start, end, label, value: None, priority: 0 }
    }

    /// The same candidate with a value.
    pub fn with_value(mut self, value: Value) -> Candidate {
        self.value = Some(value);
        self
    }

    /// The same candidate with a priority.
    pub fn with_priority(mut self, priority: u8) -> Candidate {
        self.priority = priority;
        self
    }
}

/// Keeps a set of non-overlapping candidates: longest first, then highest priority, then
/// earliest. Returns them sorted by position. Empty candidates are dropped.
pub(crate) fn resolve(candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Sort small keys, not the candidates themselves (they carry values and are large).
    let mut order: Vec<(usize, u8, usize, crate::label::Label, u32)> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.start < c.end)
        .map(|(i, c)| (c.end - c.start, c.priority, c.start, c.label, i as u32))
        .collect();
    order.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)).then(a.4.cmp(&b.4)));
    // Bytes covered by the spans accepted so far: a candidate is accepted when none of
    // its bytes is.
    let limit = order.iter().map(|&(_, _, _, _, i)| candidates[i as usize].end).max().unwrap_or(0);
    let mut covered = vec![false; limit];
    let mut taken: Vec<(usize, u32)> = Vec::new();
    for &(_, _, start, _, i) in &order {
        let span = start..candidates[i as usize].end;
        let Some(bytes) = covered.get_mut(span) else { continue };
        if bytes.contains(&true) {
            continue;
        }
        bytes.fill(true);
        taken.push((start, i));
    }
    // Accepted spans never overlap, so their starts differ: text order.
    taken.sort_unstable();
    // Each kept candidate is moved out once (its value taken, the rest copied).
    let mut candidates = candidates;
    let mut kept = Vec::with_capacity(taken.len());
    for (_, i) in taken {
        if let Some(c) = candidates.get_mut(i as usize) {
            kept.push(Candidate { value: c.value.take(), ..*c });
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(start: usize, end: usize, label: Label, priority: u8) -> Candidate {
        Candidate::new(start, end, label).with_priority(priority)
    }

    #[test]
    fn longest_then_priority_wins() {
        let out = resolve(vec![
            c(0, 3, Label::Quantity, 0),
            c(0, 12, Label::Money, 0),
            c(20, 26, Label::Person, 1),
            c(20, 26, Label::Date, 5),
            c(24, 30, Label::Org, 9),
            c(40, 40, Label::Org, 0),
        ]);
        let got: Vec<_> = out.iter().map(|c| (c.start, c.end, c.label)).collect();
        // (20,26) and (24,30) are equally long: the ORG's higher priority wins, and
        // both spans at 20 overlap it.
        assert_eq!(got, [(0, 12, Label::Money), (24, 30, Label::Org)]);
    }

    #[test]
    fn output_is_sorted_and_disjoint() {
        let mut cands = Vec::new();
        for i in 0..200usize {
            cands.push(c((i * 7) % 97, (i * 7) % 97 + 1 + i % 9, Label::Misc, (i % 3) as u8));
        }
        let out = resolve(cands);
        for w in out.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
    }
}
