//! Making containers nest: no entity crosses a QUOTE or SOURCE boundary, and containers
//! never overlap each other.

use crate::resolve::Candidate;

/// Grows each container to cover any entity it cuts, then drops containers that overlap
/// an earlier one. `found` is sorted and disjoint; the result is sorted by position.
pub(crate) fn nest(found: &[Candidate], mut containers: Vec<Candidate>) -> Vec<Candidate> {
    for c in &mut containers {
        // The entity (if any) that contains the start strictly inside it.
        let k = found.partition_point(|e| e.end <= c.start);
        if let Some(e) = found.get(k) {
            if e.start < c.start && c.start < e.end {
                c.start = e.start;
            }
        }
        let k = found.partition_point(|e| e.end <= c.end);
        if let Some(e) = found.get(k) {
            if e.start < c.end && c.end < e.end {
                c.end = e.end;
            }
        }
    }
    containers.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Candidate> = Vec::with_capacity(containers.len());
    for c in containers {
        if c.start >= c.end || out.last().is_some_and(|p| p.end > c.start) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;

    fn spans(v: &[Candidate]) -> Vec<(usize, usize)> {
        v.iter().map(|c| (c.start, c.end)).collect()
    }

    #[test]
    fn containers_grow_over_cut_entities_and_never_overlap() {
        let found = vec![Candidate::new(0, 5, Label::Person), Candidate::new(10, 20, Label::Org), Candidate::new(30, 35, Label::Loc)];
        type Spans<'a> = &'a [(usize, usize)];
        let cases: &[(Spans, Spans)] = &[
            (&[(2, 8)], &[(0, 8)]),
            (&[(6, 15)], &[(6, 20)]),
            (&[(10, 20)], &[(10, 20)]),
            (&[(21, 29)], &[(21, 29)]),
            // The second overlaps the first once grown: dropped.
            (&[(6, 12), (15, 25)], &[(6, 20)]),
            (&[(0, 40), (30, 35)], &[(0, 40)]),
        ];
        for (input, want) in cases {
            let cs = input.iter().map(|&(s, e)| Candidate::new(s, e, Label::Quote)).collect();
            assert_eq!(spans(&nest(&found, cs)), *want, "{input:?}");
        }
    }
}
