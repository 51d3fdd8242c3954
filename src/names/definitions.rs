//! Sentences that say what a name is, as encyclopaedias open: `30 Seconds to Mars is an
//! alternative rock band from Los Angeles`, `Aisby is a village in ...`, `Bilka is a
//! Danish chain of hypermarkets`. The head noun of the predicate (`band`, `village`,
//! `chain`) types the subject, written that way anywhere in the text, and the subject is
//! one name even where the tagger found only a part of it (`Mars`).

use super::gazetteer::List;
use super::hash::sieve_bits;
use super::{hash, replace_with_spans, word_lists, Name, Tagger, PER};
use crate::lexicon;
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::{FxHashMap, FxHashSet};

/// The most tokens a defined subject holds.
const SUBJECT_TOKENS: usize = 8;

/// The most tokens between the article and the head noun of the predicate.
const PREDICATE_TOKENS: usize = 8;

/// The most tokens of a parenthesis between the subject and its verb (`(born 1983)`).
const PARENTHESIS_TOKENS: usize = 30;

/// Head nouns of definitions with the label they give the subject, as lower-case
/// hashes (`data/names/definition_heads.tsv`; the cue nouns of `type_cues.tsv` count too).
pub(super) fn heads() -> FxHashMap<u64, usize> {
    lexicon::rows(include_str!("../../data/names/definition_heads.tsv"))
        .filter_map(|row| Some((hash::lower(row.first()?), super::cues::type_index(row.get(1)?)?)))
        .collect()
}

/// Words that end the noun phrase of a predicate (`a band from`, `a village in`).
const PHRASE_ENDS: [&str; 14] = ["of", "in", "from", "by", "on", "at", "for", "with", "that", "which", "who", "and", "or", "to"];

/// Words that cannot be a defined subject.
const PRONOUNS: [&str; 14] = ["It", "He", "She", "They", "This", "That", "These", "Those", "We", "I", "You", "There", "Here", "What"];

/// A definition: the subject's names (first and last token; more than one for `X or Y`
/// and `X (or Y)`) and the type the definition gives them.
struct Definition {
    names: Vec<(usize, usize)>,
    ty: usize,
}

/// The definition a sentence opens with, if any: a title-case subject (after an optional
/// `The`), an optional parenthesis or comma, `is`/`was`/`are`/`were`, an article and a
/// noun phrase whose head noun (its last word before a preposition, a comma or a
/// participle) the lists know. A subject `X or Y` names two things, and so does `X (or
/// Y)`.
fn definition_in(doc: &Doc, sentence: std::ops::Range<usize>, tagger: &Tagger) -> Option<Definition> {
    let end = sentence.end;
    let mut first = sentence.start;
    if doc.str(first) == "The" {
        first += 1;
    }
    if first >= end {
        return None;
    }
    let small = &tagger.title_small_words;
    let capitalised = |i: usize| {
        let t = doc.tokens[i];
        t.kind == Kind::Number || t.kind == Kind::Word && (t.has(flag::CAPITALISED) || t.has(flag::HAS_DIGIT))
    };
    let joined_hyphen = |i: usize| doc.str(i) == "-" && !doc.tokens[i].has(flag::SPACE_BEFORE);
    // Small words are short: longer ones are not hashed to find out.
    let small_word = |i: usize| doc.tokens[i].kind == Kind::Word && doc.str(i).len() <= 4 && small.contains(&hash::lower(doc.str(i)));
    let fits = |i: usize| capitalised(i) || doc.str(i) == "&" || joined_hyphen(i) || small_word(i);
    if !capitalised(first) {
        return None;
    }
    let mut k = first;
    while k < end && k < first + SUBJECT_TOKENS && !is_verb(doc, k) && fits(k) {
        k += 1;
    }
    let last = k.checked_sub(1).filter(|&l| l >= first)?;
    if !capitalised(first) || !capitalised(last) || PRONOUNS.contains(&doc.str(first)) {
        return None;
    }
    let mut names = split_at_or(doc, first, last);
    // An aside before the verb: `(born 1983)`, `(or Thirty Seconds to Mars)`, `,`.
    if k < end && doc.str(k) == "(" {
        let close = (k + 1..end.min(k + PARENTHESIS_TOKENS)).find(|&i| doc.str(i) == ")")?;
        let inner = if doc.str(k + 1) == "or" { k + 2 } else { k + 1 };
        if inner < close && (inner..close).all(fits) && capitalised(inner) && capitalised(close - 1) {
            names.push((inner, close - 1));
        }
        k = close + 1;
    }
    if k < end && doc.str(k) == "," {
        k += 1;
    }
    if k + 1 >= end || !is_verb(doc, k) || !matches!(doc.str(k + 1), "a" | "an" | "the") {
        return None;
    }
    let mut head = None;
    for i in k + 2..end.min(k + 2 + PREDICATE_TOKENS) {
        let t = doc.tokens[i];
        let word = doc.str(i);
        let participle = word.ends_with("ed") && head.is_some();
        if t.kind != Kind::Word || PHRASE_ENDS.contains(&word) || participle {
            break;
        }
        if !t.has(flag::CAPITALISED) {
            head = Some(i);
        }
    }
    let noun = hash::lower(doc.str(head?));
    let ty = tagger.type_words.cue_type(noun).or_else(|| tagger.definition_heads.get(&noun).copied())?;
    Some(Definition { names, ty })
}

/// The names of a subject `first..=last`: one, or one on each side of each `or` (`Agotes
/// or Cagots`). (`and` joins the parts of one name: `Trinidad and Tobago`.)
fn split_at_or(doc: &Doc, first: usize, last: usize) -> Vec<(usize, usize)> {
    let mut names = Vec::new();
    let mut start = first;
    for i in first..=last {
        if doc.str(i) == "or" {
            if i > start {
                names.push((start, i - 1));
            }
            start = i + 1;
        }
    }
    if start <= last {
        names.push((start, last));
    }
    names
}

/// True when token `i` is `is`, `was`, `are` or `were`.
fn is_verb(doc: &Doc, i: usize) -> bool {
    matches!(doc.str(i), "is" | "was" | "are" | "were")
}

/// Types the subjects of definitions, and every name written the same way, by what the
/// definition says; a subject the tagger did not find as one name becomes one, in place
/// of the names inside it. A person's full name the tagger found stays a person's (`Jane
/// Smith is a band member`). `found` holds the text's names in token order, without overlaps, and stays so.
pub(super) fn apply(doc: &Doc, found: &mut Vec<Name>, tagger: &Tagger) {
    let first_name = 1u16 << List::FirstName as u16;
    let mut subjects: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
    let mut subject_starts: Vec<u64> = Vec::new();
    // A cheap sieve before hashing a token: the lengths and lower-case first bytes of the
    // subjects' first words.
    let (mut start_lengths, mut start_bytes) = (0u64, 0u128);
    for sentence in &doc.sentences {
        if sentence.is_empty() {
            continue;
        }
        let Some(Definition { names, ty }) = definition_in(doc, sentence.clone(), tagger) else { continue };
        for (first, last) in names {
            let tagged = found.binary_search_by(|n| (n.0, n.1).cmp(&(first, last))).ok().map(|k| found[k]);
            let person = ty != PER && first < last && tagged.is_some_and(|n| n.2 == PER) && word_lists(doc, first, tagger) & first_name != 0;
            if !person {
                subjects.entry(hash::lower(doc.slice(first, last))).or_insert((last - first + 1, ty));
                subject_starts.push(hash::lower(doc.str(first)));
                let (length_bit, byte_bit) = sieve_bits(doc.str(first));
                start_lengths |= length_bit;
                start_bytes |= byte_bit;
            }
        }
    }
    if subjects.is_empty() {
        return;
    }
    // Every place the text writes a subject: one pass; where a token starts a subject's
    // first word, each subject length is tried.
    let mut lengths: Vec<usize> = subjects.values().map(|s| s.0).collect();
    lengths.sort_unstable();
    lengths.dedup();
    let starts: FxHashSet<u64> = subject_starts.into_iter().collect();
    let may_start = |i: usize| {
        let t = doc.tokens[i];
        if !(t.kind == Kind::Number || t.has(flag::CAPITALISED) || t.has(flag::HAS_DIGIT)) {
            return false;
        }
        let word = doc.str(i);
        let (length_bit, byte_bit) = sieve_bits(word);
        start_lengths & length_bit != 0 && start_bytes & byte_bit != 0 && starts.contains(&hash::lower(word))
    };
    let mut spans: Vec<Name> = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let hit = may_start(i).then(|| lengths.iter().rev().filter(|&&len| i + len <= doc.tokens.len()).find_map(|&len| {
            subjects.get(&hash::lower(doc.slice(i, i + len - 1))).filter(|s| s.0 == len).map(|s| (i, i + len - 1, s.1))
        })).flatten();
        match hit {
            Some(span) => {
                spans.push(span);
                i = span.1 + 1;
            }
            None => i += 1,
        }
    }
    // Each span replaces the names inside it, unless a name runs across its edge.
    replace_with_spans(found, spans, |inside, first, last, ty| (!inside.iter().any(|n| n.0 < first || n.1 > last)).then_some(ty));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{check_rule, tagger, RuleCases, LOC, MISC, ORG};

    #[test]
    fn definitions_type_their_subject() {
        let t = tagger();
        // One line per case: text (tokens split by spaces), tagger's names, names after.
        let cases: RuleCases = &[
            ("30 Seconds to Mars is an alternative rock band from Los Angeles . Mars won .", &[(3, 3, LOC), (10, 11, LOC), (13, 13, LOC)], &[(0, 3, ORG), (10, 11, LOC), (13, 13, LOC)]),
            ("Aisby is a village in Lincolnshire . Aisby grew .", &[(0, 0, ORG), (5, 5, LOC), (7, 7, ORG)], &[(0, 0, LOC), (5, 5, LOC), (7, 7, LOC)]),
            ("Bilka is a Danish chain of hypermarkets .", &[(0, 0, PER), (3, 3, MISC)], &[(0, 0, ORG), (3, 3, MISC)]),
            ("The Ayalon Cave is a large underground limestone cave located near Ramla", &[(1, 2, ORG), (11, 11, LOC)], &[(1, 2, LOC), (11, 11, LOC)]),
            ("010 is the tenth album from Japanese band X", &[], &[(0, 0, MISC)]),
            ("Candie Payne ( born 1983 ) is an English band from Liverpool", &[(0, 1, LOC)], &[(0, 1, ORG)]),
            ("30 Seconds to Mars ( or Thirty Seconds to Mars ) is a band .", &[(3, 3, LOC), (9, 9, LOC)], &[(0, 3, ORG), (6, 9, ORG)]),
            ("Agotes or Cagots were a discriminated minority in France", &[(0, 0, LOC), (2, 2, PER), (8, 8, LOC)], &[(0, 0, MISC), (2, 2, MISC), (8, 8, LOC)]),
            ("Trinidad and Tobago is a country .", &[(0, 0, LOC), (2, 2, LOC)], &[(0, 2, LOC)]),
            ("883JIA FM , is a Chinese radio network", &[(0, 1, MISC)], &[(0, 1, ORG)]),
            // Must not change: a pronoun, no article, no known head, a person's full name.
            ("It is a village in Kent", &[(5, 5, LOC)], &[(5, 5, LOC)]),
            ("Aisby is located in Kent", &[(0, 0, ORG), (4, 4, LOC)], &[(0, 0, ORG), (4, 4, LOC)]),
            ("Aisby is a lecturer in Kent", &[(0, 0, ORG), (5, 5, LOC)], &[(0, 0, ORG), (5, 5, LOC)]),
            ("David Jones is a band member", &[(0, 1, PER)], &[(0, 1, PER)]),
            ("the village is a mess", &[], &[]),
            ("Hello there . The", &[], &[]),
            ("NOTE - Acme Co is a company", &[(2, 3, ORG)], &[(2, 3, ORG)]),
        ];
        check_rule(cases, |doc, found| apply(doc, found, t));
    }
}
