//! Titles of works in quotation marks: `"The Life of a Showgirl"`, `“One Battle After
//! Another,”` are one `MISC` name each, as CoNLL-2003 and WikiGold write albums, songs,
//! films and shows, where the tagger finds a part of them (`The Life`) or a person in
//! them (`Leonardo`).

use super::{hash, replace_with_spans, Name, MISC};
use crate::lexicon;
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::FxHashSet;

/// The most tokens a title holds.
const TITLE_TOKENS: usize = 10;

/// The small words that stay in lower case inside a title (`of`, `a`), as lower-case
/// hashes.
pub(super) fn small_words() -> FxHashSet<u64> {
    lexicon::entries(include_str!("../../data/names/title_small_words.txt")).map(hash::lower).collect()
}

/// True when token `i` is a double quotation mark that may open a quotation.
fn opens(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == Kind::Punct && matches!(doc.str(i), "\"" | "\u{201c}" | "\u{201e}")
}

/// True when token `i` closes a quotation opened by `open`.
fn closes(doc: &Doc, open: &str, i: usize) -> bool {
    doc.tokens[i].kind == Kind::Punct && if open == "\"" { doc.str(i) == "\"" } else { matches!(doc.str(i), "\u{201d}" | "\u{201c}") }
}

/// The title inside the quotation opened at token `open`: its first and last token, when
/// every word in it starts with a capital or is a small word, it holds two words or more,
/// starts and ends with a capitalised word or a number, stays on one line and is not
/// written in capitals. A comma or full stop before the closing mark is left out
/// (`“One Battle After Another,”`).
fn title_in(doc: &Doc, open: usize, small: &FxHashSet<u64>) -> Option<(usize, usize)> {
    let quote = doc.str(open);
    let limit = doc.tokens.len().min(open + TITLE_TOKENS + 3);
    let close = (open + 1..limit).find(|&i| closes(doc, quote, i) || doc.tokens[i].has(flag::LINE_BEFORE))?;
    if !closes(doc, quote, close) || doc.tokens[close].has(flag::LINE_BEFORE) {
        return None;
    }
    let mut last = close.checked_sub(1)?;
    if matches!(doc.str(last), "," | ".") {
        last = last.checked_sub(1)?;
    }
    let first = open + 1;
    if last <= first {
        return None;
    }
    let capitalised = |i: usize| doc.tokens[i].kind == Kind::Number || doc.tokens[i].kind == Kind::Word && doc.tokens[i].has(flag::CAPITALISED);
    if !capitalised(first) || !capitalised(last) {
        return None;
    }
    let mut words = 0;
    let mut mixed_case = false;
    for i in first..=last {
        let t = doc.tokens[i];
        let possessive = doc.is_possessive(i);
        let fits = match t.kind {
            _ if possessive => true,
            Kind::Word if t.has(flag::CAPITALISED) => {
                mixed_case |= !t.has(flag::ALL_CAPS);
                true
            }
            Kind::Word => small.contains(&hash::lower(doc.str(i))),
            Kind::Number => true,
            _ => matches!(doc.str(i), "-" | ":" | "&" | "'" | "\u{2019}"),
        };
        if !fits {
            return None;
        }
        words += usize::from(!possessive && matches!(t.kind, Kind::Word | Kind::Number));
    }
    (words >= 2 && mixed_case).then_some((first, last))
}

/// Makes every title of a work in quotation marks one `MISC` name, in place of the names
/// the tagger found inside it (`"Lawrence of Arabia"`), unless the tagger found exactly
/// that name already (`"Squid Game"`, or `"Islamic State"` as an organisation) or a name
/// runs across a quotation mark (a nickname joined to a person's name). A title with no
/// name inside is taken only where the word before the quotation mark says it is a work
/// (`work_cue`: `the album "Fix You"`, `Adele's "Hello Again"`): capitalised words in
/// quotation marks are as often slogans, awards or chants (`"Best Rock Video"`).
/// `found` holds the text's names in token order, without overlaps, and stays so.
pub(super) fn mark_titles(doc: &Doc, found: &mut Vec<Name>, small: &FxHashSet<u64>, work_cue: impl Fn(usize) -> bool) {
    let mut titles: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if let Some((first, last)) = opens(doc, i).then(|| title_in(doc, i, small)).flatten() {
            titles.push((first, last, i > 0 && work_cue(i - 1)));
            i = last + 2;
        } else {
            i += 1;
        }
    }
    if titles.is_empty() {
        return;
    }
    replace_with_spans(found, titles, |inside, first, last, cued| {
        let crosses = inside.iter().any(|n| n.0 < first || n.1 > last);
        let exact = matches!(inside, [n] if n.0 == first && n.1 == last);
        (!(crosses || exact || inside.is_empty() && !cued)).then_some(MISC)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{check_rule, RuleCases, LOC, ORG, PER};

    #[test]
    fn titles_in_quotation_marks_are_one_name() {
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            ("Swift's \" The Life of a Showgirl \" sold", &[(0, 0, PER), (3, 4, MISC)], &[(0, 0, PER), (3, 7, MISC)]),
            ("in “ One Battle After Another , ” starring Leonardo", &[(5, 5, PER), (9, 9, PER)], &[(2, 5, MISC), (9, 9, PER)]),
            ("the song \" Fix You \" hit", &[], &[(3, 4, MISC)]),
            ("“ Schindler's List ” won", &[(1, 1, PER)], &[(1, 3, MISC)]),
            ("Adele's \" Hello Again \" sold", &[(0, 0, PER)], &[(0, 0, PER), (3, 4, MISC)]),
            // Must not change: the tagger's exact name, a nickname inside a person's
            // name, speech, one word, capitals, a quotation over two lines.
            ("the so-called \" Islamic State \" group", &[(3, 4, ORG)], &[(3, 4, ORG)]),
            ("Dwayne \" The Rock \" Johnson", &[(0, 5, PER)], &[(0, 5, PER)]),
            ("\" We will win , \" Smith said", &[(6, 6, PER)], &[(6, 6, PER)]),
            ("\" Thanks , \" Paris said", &[(4, 4, LOC)], &[(4, 4, LOC)]),
            ("called it \" Fake \" news", &[], &[]),
            ("won \" Best Rock Video \" twice", &[], &[]),
            ("\" BIG NEWS \" today", &[], &[]),
            ("\" We\nAre \" here", &[], &[]),
        ];
        let small = small_words();
        let cue = |doc: &Doc, i: usize| matches!(doc.str(i), "song" | "'s");
        check_rule(cases, |doc, found| mark_titles(doc, found, &small, |i| cue(doc, i)));
    }
}
