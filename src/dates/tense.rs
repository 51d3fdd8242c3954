//! The tense around a time expression, which places a weekday or a month name with no
//! year before or after the reference date.
//!
//! The rule: look for the nearest tense cue in the expression's own clause (bounded by
//! punctuation and by `that`, `which`, `who`, `and`, `but`, ...), on either side, the left
//! side winning a tie; when the clause has none, the nearest cue anywhere in the sentence.
//! Cues are past-tense verbs (`said`, `was`, any `-ed` form), a present perfect (`has
//! met`), and future markers and modals (`will`, `'ll`, `would`, `could`, `going to`,
//! `is expected to`). A participle after a form of `be` is passive and gives no tense by
//! itself (`will be held` is future).

use super::lexicon::{classify_word, tense_word, Class, TenseWord};
use crate::tokens::{Doc, Kind};
use std::ops::Range;

/// The tense that places an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Past-tense reporting: the most recent such day or month.
    Past,
    /// Future: the next such day or month.
    Future,
    /// No cue: the nearest one.
    Unknown,
}

/// Regular-looking `-ed` words that are not past-tense verbs.
const NOT_PAST: [&str; 18] = [
    "need", "speed", "indeed", "hundred", "seed", "feed", "breed", "bleed", "proceed", "exceed", "succeed", "embed", "shed",
    "bed", "red", "wed", "freed", "biased",
];

fn lower_is(doc: &Doc, i: usize, word: &str) -> bool {
    doc.str(i).eq_ignore_ascii_case(word)
}

fn is_regular_past(word: &str) -> bool {
    word.len() >= 5
        && word.ends_with("ed")
        && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !NOT_PAST.iter().any(|w| word.ends_with(w) && (word.len() == w.len() || *w == "hundred"))
}

/// True when token `i` looks like a past participle or past-tense verb.
fn is_past_form(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == Kind::Word
        && (lower_is(doc, i, "been")
            || matches!(tense_word(doc.str(i)), Some(TenseWord::Past | TenseWord::Base | TenseWord::Report))
            || is_regular_past(doc.str(i)))
}

/// True when the token before `i` (skipping one adverb-like word such as `not`, `also`)
/// is a form of `be`, so a participle at `i` is passive.
fn after_be(doc: &Doc, sentence: &Range<usize>, i: usize) -> bool {
    let is_be = |j: usize| {
        tense_word(doc.str(j)) == Some(TenseWord::Be) || lower_is(doc, j, "was") || lower_is(doc, j, "were")
    };
    if i > sentence.start && is_be(i - 1) {
        return true;
    }
    i > sentence.start + 1
        && ["not", "also", "now", "already", "n't", "reportedly", "still"].iter().any(|w| lower_is(doc, i - 1, w))
        && is_be(i - 2)
}

/// Where a cue is looked for: the expression's own clause, or further off in the
/// sentence, where verbs of saying give no cue.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reach {
    Clause,
    Sentence,
}

/// The tense token `i` signals, if any.
fn cue(doc: &Doc, sentence: &Range<usize>, i: usize, reach: Reach) -> Option<Tense> {
    if doc.tokens[i].kind != Kind::Word {
        return None;
    }
    let word = doc.str(i);
    let next_is = |w: &str| i + 1 < sentence.end && lower_is(doc, i + 1, w);
    match tense_word(word) {
        Some(TenseWord::Future) => {
            let lower_needs_to = ["going", "plan", "plans", "due"].iter().any(|w| word.eq_ignore_ascii_case(w));
            if lower_needs_to && !next_is("to") {
                return None;
            }
            Some(Tense::Future)
        }
        Some(TenseWord::Past) => {
            if lower_is(doc, i, "was") || lower_is(doc, i, "were") {
                return Some(Tense::Past);
            }
            participle_tense(doc, sentence, i)
        }
        Some(TenseWord::Report) if reach == Reach::Sentence => None,
        Some(TenseWord::Report) => participle_tense(doc, sentence, i),
        Some(TenseWord::Base) if i > sentence.start && is_noun_slot(doc, i - 1) => None,
        Some(TenseWord::Base) => participle_tense(doc, sentence, i),
        Some(TenseWord::Perfect) => {
            let participle = i + 1 < sentence.end && is_past_form(doc, i + 1);
            if !participle {
                return None;
            }
            let will_have = i > sentence.start && tense_word(doc.str(i - 1)) == Some(TenseWord::Future);
            Some(if will_have { Tense::Future } else { Tense::Past })
        }
        Some(TenseWord::Be) => None,
        None if is_regular_past(word) => participle_tense(doc, sentence, i),
        None => None,
    }
}

/// True when a word after token `j` is a noun rather than a verb: `j` is a determiner
/// or possessive, a number, a percentage or a time word (`a cut`, `its hit`, `the 2%
/// cut`, `a December cut`).
fn is_noun_slot(doc: &Doc, j: usize) -> bool {
    const DETERMINERS: [&str; 17] =
        ["a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "any", "another", "no"];
    match doc.tokens[j].kind {
        Kind::Number => true,
        Kind::Word => {
            let word = doc.str(j);
            DETERMINERS.iter().any(|d| word.eq_ignore_ascii_case(d)) || classify_word(word) != Class::None
        }
        _ => doc.str(j) == "%",
    }
}

/// The tense of a past form at `i`: none after `be` (passive), the perfect's after
/// `has`/`have` (`will have finished` is future), else past.
fn participle_tense(doc: &Doc, sentence: &Range<usize>, i: usize) -> Option<Tense> {
    if after_be(doc, sentence, i) {
        return None;
    }
    if i > sentence.start {
        // `will cut`: a bare infinitive after a modal; `to cut`: an infinitive.
        if tense_word(doc.str(i - 1)) == Some(TenseWord::Future) {
            return Some(Tense::Future);
        }
        if lower_is(doc, i - 1, "to") {
            return None;
        }
    }
    if i > sentence.start && tense_word(doc.str(i - 1)) == Some(TenseWord::Perfect) {
        let will_have = i > sentence.start + 1 && tense_word(doc.str(i - 2)) == Some(TenseWord::Future);
        return Some(if will_have { Tense::Future } else { Tense::Past });
    }
    Some(Tense::Past)
}

/// True when token `i` ends a clause for the purpose of finding its verb.
fn is_boundary(doc: &Doc, i: usize) -> bool {
    let s = doc.str(i);
    match doc.tokens[i].kind {
        Kind::Punct => matches!(s, "," | ";" | ":" | "(" | ")" | "\"" | "“" | "”" | "—" | "–" | "--" | "'" | "‘" | "’"),
        Kind::Word => ["that", "which", "who", "because", "but", "while", "although", "whereas", "and", "or"]
            .iter()
            .any(|w| s.eq_ignore_ascii_case(w)),
        _ => false,
    }
}

/// Nearest cue left and right of `start..end` within `lo..hi`, with distances.
fn nearest(doc: &Doc, sentence: &Range<usize>, lo: usize, hi: usize, start: usize, end: usize, reach: Reach) -> Option<Tense> {
    let mut left = None;
    let mut j = start;
    while j > lo {
        j -= 1;
        if let Some(t) = cue(doc, sentence, j, reach) {
            left = Some((start - j, t));
            break;
        }
    }
    let mut right = None;
    for j in end..hi {
        if let Some(t) = cue(doc, sentence, j, reach) {
            right = Some((j + 1 - end, t));
            break;
        }
    }
    match (left, right) {
        (Some((dl, tl)), Some((dr, tr))) => Some(if dl <= dr { tl } else { tr }),
        (Some((_, t)), None) | (None, Some((_, t))) => Some(t),
        (None, None) => None,
    }
}

/// Words after `and`, `but`, `or` that do not start a predicate of their own (`and on
/// Friday`, `and the next day`): the conjunct borrows the tense around it.
const NOT_PREDICATE: [&str; 20] = [
    "on", "in", "at", "by", "from", "since", "until", "the", "a", "an", "this", "last", "next", "early", "late", "then",
    "again", "also", "during", "after",
];

/// True when token `i` is a coordinating conjunction that starts a predicate of its own
/// (`and expires in December`), which the fallback search must not cross.
fn starts_predicate(doc: &Doc, i: usize, sentence: &Range<usize>) -> bool {
    let conj = ["and", "but", "or", "while", "whereas", "although", "because"].iter().any(|w| lower_is(doc, i, w));
    conj && i + 1 < sentence.end && {
        let next = doc.str(i + 1);
        doc.tokens[i + 1].kind == Kind::Word
            && next.chars().next().is_some_and(char::is_lowercase)
            && !NOT_PREDICATE.iter().any(|w| next.eq_ignore_ascii_case(w))
    }
}

/// Words before a time expression that make it a deadline (see [`tense_at`]).
const DEADLINE_WORDS: [&str; 4] = ["until", "till", "through", "thru"];

/// Verbs that move an event to a later time (`postponed until Friday`, `adjourned the
/// case to Dec. 3`): a deadline word after them looks ahead, whatever their tense.
const DEFER_WORDS: [&str; 8] = ["postponed", "delayed", "deferred", "adjourned", "rescheduled", "pushed", "moved", "put"];

/// How many tokens before the deadline word a [`DEFER_WORDS`] verb may stand.
const DEFER_REACH: usize = 6;

/// Tokens searched on each side of an expression: a cue further away is unlikely to govern
/// it, and the bound keeps the work linear on text without sentence breaks.
const WINDOW: usize = 60;

/// The tense governing the expression at tokens `start..end` of `sentence`.
pub(crate) fn tense_at(doc: &Doc, sentence: Range<usize>, start: usize, end: usize) -> Tense {
    let tense = clause_tense(doc, sentence.clone(), start, end);
    // A deadline (`until Nov. 12`, `through March`) bounds a state that reaches from the
    // clause's time towards it: a past-tense verb does not place it in the past, so it is
    // the nearest such day or month.
    let after_deadline_word = start > sentence.start && DEADLINE_WORDS.iter().any(|w| lower_is(doc, start - 1, w));
    // An event moved `until`/`to` a time is moved to a later one.
    let moved = start > sentence.start
        && (after_deadline_word || lower_is(doc, start - 1, "to"))
        && (start.saturating_sub(1 + DEFER_REACH).max(sentence.start)..start - 1).any(|i| DEFER_WORDS.iter().any(|w| lower_is(doc, i, w)));
    if moved {
        return Tense::Future;
    }
    if tense == Tense::Past && after_deadline_word {
        return Tense::Unknown;
    }
    tense
}

/// The tense from the cues around `start..end`, by the rule of [`tense_at`].
fn clause_tense(doc: &Doc, sentence: Range<usize>, start: usize, end: usize) -> Tense {
    let sentence = sentence.start.max(start.saturating_sub(WINDOW))..sentence.end.min(end.saturating_add(WINDOW));
    let start = start.clamp(sentence.start, sentence.end);
    let end = end.clamp(start, sentence.end);
    let mut lo = start;
    while lo > sentence.start && !is_boundary(doc, lo - 1) {
        lo -= 1;
    }
    let mut hi = end;
    while hi < sentence.end && !is_boundary(doc, hi) {
        hi += 1;
    }
    if let Some(t) = nearest(doc, &sentence, lo, hi, start, end, Reach::Clause) {
        return t;
    }
    // No cue in the clause: look further, but not past a conjunction that starts another
    // predicate (`runs for 18 months and expires in December`).
    let mut far_lo = lo;
    while far_lo > sentence.start && !starts_predicate(doc, far_lo - 1, &sentence) {
        far_lo -= 1;
    }
    if lo > sentence.start && starts_predicate(doc, lo - 1, &sentence) {
        far_lo = lo;
    }
    let mut far_hi = hi;
    while far_hi < sentence.end && !starts_predicate(doc, far_hi, &sentence) {
        far_hi += 1;
    }
    // A clause that is the expression alone (`On Friday, the ministry announced ...`)
    // dates the verb it leans on, a verb of saying too.
    let bare = (lo..start).chain(end..hi).all(|i| doc.tokens[i].kind != Kind::Word || NOT_PREDICATE.iter().any(|w| lower_is(doc, i, w)));
    let reach = if bare { Reach::Clause } else { Reach::Sentence };
    nearest(doc, &sentence, far_lo, far_hi, start, end, reach).unwrap_or(Tense::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tense at the first occurrence of `target` in `text` (one sentence).
    fn tense(text: &str, target: &str) -> Tense {
        let doc = Doc::new(text);
        let i = (0..doc.tokens.len()).find(|&i| doc.str(i) == target).expect("target word");
        let sentence = doc.sentences.iter().find(|s| s.contains(&i)).cloned().expect("sentence");
        tense_at(&doc, sentence, i, i + 1)
    }

    #[test]
    fn tense_cues() {
        use Tense::*;
        let cases: &[(&str, &str, Tense)] = &[
            ("The minister said on Friday that talks had stalled.", "Friday", Past),
            ("He said on Friday that the talks will resume on Monday.", "Monday", Future),
            ("Talks will resume on Monday, he said.", "Monday", Future),
            ("On Friday, the ministry announced new sanctions.", "Friday", Past),
            ("The summit will be held on Tuesday.", "Tuesday", Future),
            ("The summit was held on Tuesday.", "Tuesday", Past),
            ("The company has cut 500 jobs since March.", "March", Past),
            ("He arrived on Monday and will leave on Friday.", "Friday", Future),
            ("He arrived on Monday and will leave on Friday.", "Monday", Past),
            ("It is expected to announce the results in December.", "December", Future),
            ("I'll go back on Friday", "Friday", Future),
            ("The vote is on Friday.", "Friday", Unknown),
            ("Parliament voted on Thursday to extend martial law by 90 days, until Nov. 12.", "Nov.", Unknown),
            ("Talks will continue through the weekend.", "weekend", Future),
            ("She needs a speed check on Friday.", "Friday", Unknown),
            ("A police officer told HRW that earlier on Friday IS had carried out an attack.", "Friday", Past),
            ("They have a meeting on Friday.", "Friday", Unknown),
            ("They will have finished by Friday.", "Friday", Future),
            ("The deal, signed in 2015, runs for 18 months and expires in December.", "December", Unknown),
            ("Talks were held on Monday and again on Friday.", "Friday", Past),
            ("The firm reported a loss and expects growth to slow in December.", "December", Future),
            ("The launch was postponed until Friday.", "Friday", Future),
            ("The judge adjourned the case to Dec. 3.", "Dec.", Future),
            ("The meeting was postponed on Monday.", "Monday", Past),
            ("The door to a December cut is wide open.", "December", Unknown),
            ("Traders see a 0.25% cut in December.", "December", Unknown),
            ("The Fed cut rates in December.", "December", Past),
            ("The bank will cut rates in December.", "December", Future),
            ("The storm hit the coast on Friday.", "Friday", Past),
            ("Tickets for the match on Dec. 14 cost £40, the club said.", "Dec.", Unknown),
            ("The club said on Friday it was sold out.", "Friday", Past),
            ("The match on Friday was sold out, the club said.", "Friday", Past),
        ];
        for (text, target, want) in cases {
            assert_eq!(tense(text, target), *want, "{text}");
        }
    }
}
