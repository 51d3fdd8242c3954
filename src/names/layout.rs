//! What the text's layout says is not a name: the label of a numbered list, a word that
//! opens three or more lines followed by a number and a colon (`Milepost 2.7: Mullen
//! Siding`, `Step 3: ...`, `Exit 12: ...`).

use super::{hash, Name};
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::FxHashMap;

/// How many lines a word must open, before a number and a colon, to be a list label.
const LABEL_LINES: u32 = 3;

/// True when token `i` opens a line with a capitalised word, a number and a colon.
#[inline]
fn opens_numbered_line(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    (i == 0 || t.has(flag::LINE_BEFORE))
        && t.kind == Kind::Word
        && t.has(flag::CAPITALISED)
        && doc.tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Number)
        && doc.tokens.get(i + 2).is_some_and(|_| doc.str(i + 2) == ":")
}

/// Drops the names that are list labels (see the module doc): a name made of the label
/// alone, or of the label and its number. `found` holds the text's names in token order.
pub(super) fn drop_list_labels(doc: &Doc, found: &mut Vec<Name>) {
    let mut lines: FxHashMap<u64, u32> = FxHashMap::default();
    for i in 0..doc.tokens.len() {
        if (i == 0 || doc.tokens[i].has(flag::LINE_BEFORE)) && opens_numbered_line(doc, i) {
            *lines.entry(hash::exact(doc.str(i))).or_default() += 1;
        }
    }
    if lines.values().all(|&n| n < LABEL_LINES) {
        return;
    }
    let is_label = |i: usize| opens_numbered_line(doc, i) && lines.get(&hash::exact(doc.str(i))).is_some_and(|&n| n >= LABEL_LINES);
    found.retain(|&(first, last, _)| !(last <= first + 1 && is_label(first)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{check_rule, RuleCases, LOC, MISC, ORG};

    #[test]
    fn list_labels_are_not_names() {
        let cases: RuleCases = &[
            ("Milepost 0 : Bridgton\nMilepost 1 : Summit\nMilepost 2 : Harrison", &[(0, 0, ORG), (3, 3, LOC), (4, 4, ORG), (8, 8, ORG), (11, 11, LOC)], &[(3, 3, LOC), (11, 11, LOC)]),
            // Must not change: two lines only, no colon.
            ("Apollo 11 : landing\nApollo 12 : storm", &[(0, 1, MISC), (4, 5, MISC)], &[(0, 1, MISC), (4, 5, MISC)]),
            ("Route 66 east\nRoute 66 west\nRoute 66 south", &[(0, 1, LOC)], &[(0, 1, LOC)]),
        ];
        check_rule(cases, drop_list_labels);
    }
}
