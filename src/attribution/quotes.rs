//! Pairing quotation marks into quotations, in one forward pass over the tokens.
//!
//! Double quotation marks (`“…”`, `"…"`, `«…»`) are the main quotations; single marks
//! (`‘…’`, and straight `'…'` where they cannot be apostrophes) are paired too, outside double quotations, and count only when a speaker
//! is attributed to them (British style). Rules that keep unbalanced marks from swallowing
//! a document:
//! - a quotation never crosses a paragraph break, unless the next paragraph opens with a
//!   quotation mark (a multi-paragraph quotation: `“First paragraph.` / `“Second.”`);
//! - an opening mark while a quotation is open restarts it there;
//! - a quotation still open after [`MAX_TOKENS`] tokens of one paragraph is dropped;
//! - a quotation still open at a paragraph break or at the end is dropped.

use super::words::Words;
use crate::tokens::{flag, Doc, Kind};

/// The most tokens one paragraph of a quotation may hold before it is taken for a stray mark.
pub(crate) const MAX_TOKENS: usize = 600;

/// A quotation: the token indices of its opening and closing marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quote {
    /// The opening mark.
    pub open: usize,
    /// The closing mark.
    pub close: usize,
    /// More than one paragraph long.
    pub multi: bool,
    /// Made of single marks (`‘…’`).
    pub single: bool,
}

/// Which way a quotation mark faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facing {
    /// Opens a quotation.
    Open,
    /// Closes a quotation.
    Close,
    /// Could do either (a straight mark with spaces on both sides or none).
    Either,
}

/// True when token `i` is any quotation mark (double, single, straight or curly).
pub(crate) fn is_quote_mark(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == Kind::Punct && matches!(doc.str(i), "\"" | "“" | "”" | "«" | "»" | "‘" | "’" | "'" | "„" | "‟")
}

/// True when a paragraph (or a hard line that starts a sentence) begins at token `i`.
pub(crate) fn starts_paragraph(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    t.has(flag::PARA_BEFORE) || t.has(flag::LINE_BEFORE | flag::SENT_START)
}

/// How token `i` faces if it is a double quotation mark.
fn double_facing(doc: &Doc, words: &Words, i: usize) -> Option<Facing> {
    let t = doc.tokens[i];
    if t.kind != Kind::Punct {
        return None;
    }
    match doc.str(i) {
        "“" | "«" | "„" => Some(Facing::Open),
        "”" | "»" | "‟" => Some(Facing::Close),
        "\"" => Some(straight_facing(doc, words, i)),
        _ => None,
    }
}

/// A straight mark opens after a space and before a word, closes after a word and before
/// a space or punctuation, and closes before an attribution (`" he said`, `" said Aksoy`,
/// for text with spaces on both sides of every mark); otherwise it could be either.
fn straight_facing(doc: &Doc, words: &Words, i: usize) -> Facing {
    let t = doc.tokens[i];
    let n = doc.tokens.len();
    let space_before = i == 0
        || t.has(flag::SPACE_BEFORE)
        || matches!(doc.str(i - 1), "(" | "[" | "—" | "–" | "-" | "--");
    let next = doc.tokens.get(i + 1);
    let space_after = next.is_none_or(|nt| nt.has(flag::SPACE_BEFORE));
    let punct_after = i + 1 < n && next.is_some_and(|nt| nt.kind == Kind::Punct) && matches!(doc.str(i + 1), "," | "." | ";" | ":" | "?" | "!" | ")" | "]");
    // Nothing opens at the end of a line, nothing closes at the start of one.
    if next.is_none_or(|nt| nt.has(flag::LINE_BEFORE)) {
        return Facing::Close;
    }
    if i == 0 || t.has(flag::LINE_BEFORE) {
        return Facing::Open;
    }
    if space_before && !space_after && !punct_after {
        Facing::Open
    } else if (!space_before && (space_after || punct_after)) || attribution_follows(doc, words, i + 1) {
        Facing::Close
    } else {
        Facing::Either
    }
}

/// True when a speech verb comes within the next five words from token `i` (`" he said`,
/// `" said Aksoy`, `" Aksoy told reporters`), with no punctuation before it.
fn attribution_follows(doc: &Doc, words: &Words, i: usize) -> bool {
    let n = doc.tokens.len();
    for k in i..n.min(i + 5) {
        let t = doc.tokens[k];
        if t.kind != Kind::Word {
            return false;
        }
        if words.verb_at(doc, k).is_some() {
            return true;
        }
    }
    false
}

/// How token `i` faces if it is a curly single quotation mark (not an apostrophe).
fn single_facing(doc: &Doc, i: usize) -> Option<Facing> {
    let t = doc.tokens[i];
    if t.kind != Kind::Punct {
        return None;
    }
    match doc.str(i) {
        "‘" => Some(Facing::Open),
        // A closing single mark follows a word with no space and is followed by a space,
        // punctuation or the end (`…,’ he said`); otherwise it is an apostrophe.
        "’" if !t.has(flag::SPACE_BEFORE) && i > 0 => {
            let next = doc.tokens.get(i + 1);
            let after_ok = next.is_none_or(|nt| nt.has(flag::SPACE_BEFORE) || nt.kind == Kind::Punct);
            after_ok.then_some(Facing::Close)
        }
        "'" => straight_single_facing(doc, i),
        _ => None,
    }
}

/// How a straight `'` faces when it is a quotation mark, not an apostrophe (British style:
/// `A spokesperson said: 'We are determined.'`): it opens after a space, a line break or
/// `:`/`(`/a dash and right before a word or number, and closes right after `,` `.` `?`
/// `!` or a word when a space, punctuation or the end follows; after a word and before a
/// lower-case word it may be either (`the players' union`, `the 'offer' was`).
fn straight_single_facing(doc: &Doc, i: usize) -> Option<Facing> {
    let t = doc.tokens[i];
    let next = doc.tokens.get(i + 1);
    let glued_next = next.is_some_and(|nt| !nt.has(flag::SPACE_BEFORE) && matches!(nt.kind, Kind::Word | Kind::Number));
    let opens_here = i == 0 || t.has(flag::SPACE_BEFORE) || matches!(doc.str(i - 1), ":" | "(" | "—" | "–");
    if opens_here {
        return glued_next.then_some(Facing::Open);
    }
    let prev_punct = matches!(doc.str(i - 1), "," | "." | "?" | "!" | "…");
    let free_after = next.is_none_or(|nt| nt.has(flag::SPACE_BEFORE) || nt.kind == Kind::Punct);
    let lower_word_after = next.is_some_and(|nt| nt.kind == Kind::Word && !nt.has(flag::CAPITALISED));
    if !free_after {
        return None;
    }
    // After a word and before a lower-case word, it closes only a quotation that is open.
    Some(if prev_punct || !lower_word_after { Facing::Close } else { Facing::Either })
}

/// One pairing state machine (double or single marks).
#[derive(Default)]
struct Pairer {
    /// The opening mark of the quotation being read, and the paragraph count so far.
    open: Option<(usize, bool)>,
    /// Tokens read in the current paragraph of the open quotation.
    length: usize,
}

impl Pairer {
    /// Reads token `i` (a mark facing `facing`, or `None` for any other token); pushes a
    /// quotation to `out` when one closes.
    #[inline]
    fn step(&mut self, doc: &Doc, i: usize, facing: Option<Facing>, single: bool, out: &mut Vec<Quote>) {
        if self.open.is_none() && facing.is_none() {
            return; // the usual token: outside any quotation, not a mark
        }
        if let Some((open, _)) = self.open {
            if starts_paragraph(doc, i) && i != open {
                if matches!(facing, Some(Facing::Open | Facing::Either)) && !single {
                    // A multi-paragraph quotation continues.
                    self.open = Some((open, true));
                    self.length = 0;
                    return;
                }
                self.open = None;
            } else {
                self.length += 1;
                if self.length > MAX_TOKENS {
                    self.open = None;
                }
            }
        }
        let Some(facing) = facing else { return };
        match (facing, self.open) {
            (Facing::Open, _) | (Facing::Either, None) => {
                self.open = Some((i, false));
                self.length = 0;
            }
            (Facing::Close | Facing::Either, Some((open, multi))) => {
                if i > open + 1 {
                    out.push(Quote { open, close: i, multi, single });
                }
                self.open = None;
            }
            (Facing::Close, None) => {}
        }
    }
}

/// Every quotation of the text, sorted, none overlapping another: double quotations, and
/// single ones outside them.
pub(crate) fn find(doc: &Doc, words: &Words) -> Vec<Quote> {
    let mut doubles = Vec::new();
    let mut singles = Vec::new();
    let mut d = Pairer::default();
    let mut s = Pairer::default();
    for i in 0..doc.tokens.len() {
        d.step(doc, i, double_facing(doc, words, i), false, &mut doubles);
        s.step(doc, i, single_facing(doc, i), true, &mut singles);
    }
    // Merge: a single quotation that overlaps a double one is dropped (it is nested in it,
    // or its marks were apostrophes).
    let mut out = Vec::with_capacity(doubles.len() + singles.len());
    let mut k = 0;
    for q in singles {
        while k < doubles.len() && doubles[k].close < q.open {
            out.push(doubles[k]);
            k += 1;
        }
        let clashes = doubles.get(k).is_some_and(|dq| dq.open <= q.close);
        if !clashes {
            out.push(q);
        }
    }
    out.extend_from_slice(&doubles[k..]);
    out
}

/// What a quotation holds, for telling speech from names, titles and scare quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Content {
    /// Word and number tokens inside.
    pub words: usize,
    /// The quotation ends with punctuation inside its marks (`“…,”`, `“…?”`).
    pub ends_with_punct: bool,
    /// Every word inside starts with a capital, except small words (`“Bohemian Rhapsody”`).
    pub title_case: bool,
}

/// Reads what quotation `q` holds.
pub(crate) fn content(doc: &Doc, q: &Quote) -> Content {
    let mut words = 0;
    let mut title_case = true;
    for i in q.open + 1..q.close {
        let t = doc.tokens[i];
        match t.kind {
            Kind::Word | Kind::Number => {
                words += 1;
                if t.kind == Kind::Word && !t.has(flag::CAPITALISED) && !is_small_word(doc.str(i)) {
                    title_case = false;
                }
            }
            Kind::Punct if matches!(doc.str(i), "." | "?" | "!" | "..." | "…" | ";" | ":") => title_case = false,
            _ => {}
        }
    }
    let last = q.close.saturating_sub(1);
    let ends_with_punct = last > q.open
        && doc.tokens[last].kind == Kind::Punct
        && matches!(doc.str(last), "," | "." | "?" | "!" | "..." | "…" | "—" | "--" | "-" | "–");
    Content { words, ends_with_punct, title_case: title_case && words > 0 }
}

/// Words a title leaves in lower case (`Gone with the Wind`).
fn is_small_word(s: &str) -> bool {
    matches!(s, "a" | "an" | "the" | "of" | "and" | "or" | "in" | "on" | "to" | "for" | "at" | "by" | "with" | "from" | "'s" | "’s" | "n't" | "is")
}

/// True when the word before `q` makes it a name or title (`so-called “experts”`,
/// `the song “Imagine”`, `known as “the Butcher”`).
pub(crate) fn has_cue(doc: &Doc, words: &Words, q: &Quote) -> bool {
    if q.open == 0 {
        return false;
    }
    let prev = q.open - 1;
    let t = doc.tokens[prev];
    if t.kind == Kind::Word && words.is_cue(doc.str(prev)) {
        return true;
    }
    // `known as “…”`, `described as “…”`? `as` alone is too common; only after `known`.
    if doc.str(prev) == "as" && prev > 0 && words.is_cue(doc.str(prev - 1)) {
        return true;
    }
    false
}

/// True for a nickname inside a name: `Dwayne “The Rock” Johnson`.
pub(crate) fn is_nickname(doc: &Doc, q: &Quote, c: &Content) -> bool {
    let before = q.open.checked_sub(1).map(|i| doc.tokens[i]);
    let after = doc.tokens.get(q.close + 1);
    let cap_word = |t: Option<&crate::tokens::Token>| t.is_some_and(|t| t.kind == Kind::Word && t.has(flag::CAPITALISED));
    cap_word(before.as_ref()) && cap_word(after) && !c.ends_with_punct && c.words <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        find(&doc, super::super::words::words())
            .iter()
            .map(|q| doc.slice(q.open, q.close).to_string())
            .collect()
    }

    #[test]
    fn pairs_marks() {
        let cases: &[(&str, &[&str])] = &[
            ("“We are ready,” he said.", &["“We are ready,”"]),
            ("\"We are ready,\" he said.", &["\"We are ready,\""]),
            ("He said: \"No.\" Then \"yes\" came.", &["\"No.\"", "\"yes\""]),
            ("«Non,» a-t-il dit.", &["«Non,»"]),
            ("“A,” he said. “B.”", &["“A,”", "“B.”"]),
            // Nested single marks stay inside the double quotation.
            ("“He told me ‘go home’ and left,” she said.", &["“He told me ‘go home’ and left,”"]),
            // British style: single marks outside double ones.
            ("‘We won’t go,’ she said.", &["‘We won’t go,’"]),
            // Multi-paragraph quotation: no closing mark at the end of the first paragraph.
            ("“First part.\n\n“Second part,” he said.", &["“First part.\n\n“Second part,”"]),
            // Unbalanced: the open quotation is dropped at the paragraph break.
            ("He said “this never closes.\n\nA new paragraph “with a quote” here.", &["“with a quote”"]),
            // An opening mark while open restarts the quotation.
            ("“Stray open. “Real quote,” she said.", &["“Real quote,”"]),
            // A closing mark with nothing open is ignored.
            ("Stray close” and then “fine” end.", &["“fine”"]),
            ("Empty “” marks.", &[]),
            // Marks spaced on both sides: a mark before an attribution closes.
            ("\" We won , \" he said . \" Now we rest . \"", &["\" We won , \"", "\" Now we rest . \""]),
            ("a \" b \" said Aksoy . \" c d \"", &["\" b \"", "\" c d \""]),
            ("The officials’ claims, he said, were ‘baseless’.", &["‘baseless’"]),
            // Straight single marks, British style; apostrophes stay apostrophes.
            ("A spokesperson said: 'We are determined to get growth going.'", &["'We are determined to get growth going.'"]),
            ("'We won't go,' she said, 'not today.'", &["'We won't go,'", "'not today.'"]),
            ("The players' union said the club's 'offer' was 'an insult'.", &["'offer'", "'an insult'"]),
            ("Rock 'n' roll in the '90s.", &["'n'"]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn an_unclosed_mark_never_swallows_a_long_text() {
        let mut text = String::from("He said “");
        for _ in 0..2000 {
            text.push_str("word ");
        }
        text.push_str("end” said.");
        assert!(quoted(&text).is_empty());
    }

    #[test]
    fn content_and_cues() {
        let w = super::super::words::words();
        let cases: &[(&str, bool, bool, bool)] = &[
            // text, ends_with_punct, title_case, cue
            ("so-called “experts” said", false, false, true),
            ("the song “Bohemian Rhapsody” played", false, true, true),
            ("“We will respond,” he said", true, false, false),
            ("He called the plan “Dead on Arrival”.", false, true, false),
        ];
        for &(text, punct, title, cue) in cases {
            let doc = Doc::new(text);
            let q = find(&doc, w)[0];
            let c = content(&doc, &q);
            assert_eq!((c.ends_with_punct, c.title_case, has_cue(&doc, w, &q)), (punct, title, cue), "{text}");
        }
        let doc = Doc::new("Dwayne “The Rock” Johnson smiled.");
        let q = find(&doc, w)[0];
        assert!(is_nickname(&doc, &q, &content(&doc, &q)));
    }
}
