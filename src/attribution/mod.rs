//! Quotations, sources and who said them.
//!
//! - `QUOTE`: a direct quotation, from its opening to its closing mark (both included).
//!   Its speaker comes from the attribution clause right after it (`“…,” Aksoy said`,
//!   `“…,” said Aksoy`), else from a speech verb before it in its sentence (`Aksoy said:
//!   “…”`, `Aksoy said the deal was “dead”`), else from the sentence before it when the
//!   quotation opens a sentence (the second half of `“…,” he said. “…”`, or a quotation
//!   paragraph after an attributed one). Quotations with no speaker are kept when they
//!   read as speech (four words or more, or punctuation before the closing mark); names,
//!   titles and scare quotes (`so-called “experts”`, `the song “Imagine”`, `Dwayne “The
//!   Rock” Johnson`, a short `“peace plan”` with no speaker) are not quotations.
//! - `SOURCE`: an attribution without quotation marks. Its span is the attribution clause:
//!   the speaker phrase and the verb (`officials said`, `Aksoy told`, `said a senior
//!   official`, `according to a report by Reuters`), not the reported words. It may
//!   contain entities.
//! - The value of both is `{speaker, speaker_span, verb, speaker_role, anonymous}`.
//!
//! Containers nest: no entity crosses a QUOTE or SOURCE boundary (a container grows to
//! cover an entity it cuts) and containers never overlap each other.
//!
//! The whole pass is linear in the text: one scan for quotation marks, one for speech
//! verbs (a hash lookup per lower-case word), constant work per verb, and one walk that
//! resolves speakers in text order.

mod clauses;
mod nesting;
mod quotes;
mod speakers;
mod words;

use crate::analysis::{Attribution, Offsets, Span, Value};
use crate::groups::{one_line, Draft, TokenCursor};
use crate::label::Label;
use crate::resolve::Candidate;
use crate::tokens::{flag, Doc, Kind};
use clauses::{Clause, Parser, Who};
use quotes::{Content, Quote};
use speakers::{Memory, Phrase, Resolved};
use std::ops::Range;
use words::{verb_flag, Words};

/// The most tokens between a closing quotation mark and the speech verb after it.
const POST_WINDOW: usize = 16;

/// Finds QUOTE and SOURCE spans over the resolved entities.
// Not inlined: the pass stays one frame in profiles (one call per text).
#[inline(never)]
pub(crate) fn attribute(doc: &Doc, found: &[Candidate], groups: &[Draft]) -> Vec<Candidate> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let words = words::words();
    let parser = Parser::new(doc, words, found);
    let quotes = quotes::find(doc, words);
    let clauses = find_clauses(doc, words, &parser, &quotes);
    let resolved = resolve_speakers(doc, words, &parser, found, groups, &quotes, &clauses);
    let attached = attach(doc, &quotes, &clauses);

    let mut out = Vec::new();
    let mut used = vec![false; clauses.len()];
    // The speaker of the last quotation kept, with the sentence where it closed.
    let mut last_quote: Option<(usize, Resolved, String)> = None;
    for (qi, q) in quotes.iter().enumerate() {
        let c = quotes::content(doc, q);
        let own = attached[qi];
        if !is_speech(doc, words, q, &c, own.map(|(ci, adjacent)| (&clauses[ci], adjacent))) {
            continue;
        }
        let open_sentence = sentence_of(doc, q.open);
        let (speaker, verb) = match own {
            Some((ci, _)) => {
                used[ci] = true;
                (resolved[ci].clone(), verb_text(doc, &clauses[ci]))
            }
            None => inherit(doc, q, open_sentence, &clauses, &resolved, &last_quote).unwrap_or_default(),
        };
        let close_sentence = sentence_of(doc, q.close);
        let start = doc.tokens[q.open].start as usize;
        let end = doc.tokens[q.close].end as usize;
        out.push(container(Label::Quote, start, end, &speaker, &verb));
        if let Some(r) = speaker.filter(|r| r.speaker.is_some()) {
            last_quote = Some((close_sentence, r, verb));
        }
    }
    for (ci, clause) in clauses.iter().enumerate() {
        let Some(r) = resolved[ci].as_ref() else { continue };
        let self_ref = matches!(clause.speaker.as_ref().map(|s| &s.who), Some(Who::Pronoun(_, words::PronounKind::SelfRef)));
        if used[ci] || !clause.source_ok || self_ref {
            continue;
        }
        let start = doc.tokens[clause.span.start].start as usize;
        let end = doc.tokens[clause.span.end - 1].end as usize;
        out.push(container(Label::Source, start, end, &Some(r.clone()), &verb_text(doc, clause)));
    }
    nesting::nest(found, out)
}

/// A QUOTE or SOURCE candidate with its attribution value.
fn container(label: Label, start: usize, end: usize, speaker: &Option<Resolved>, verb: &str) -> Candidate {
    let r = speaker.clone().unwrap_or_default();
    let value = Attribution {
        speaker: r.speaker,
        speaker_span: r.span.map(|(s, e)| Offsets { bytes: Span::new(s, e), ..Offsets::default() }),
        verb: (!verb.is_empty()).then(|| verb.to_string()),
        speaker_role: r.role,
        anonymous: r.anonymous,
    };
    Candidate::new(start, end, label).with_value(Value::Attribution(value))
}

/// The verb as written, lower case (`said`, `according to`, `quoted as saying`).
fn verb_text(doc: &Doc, c: &Clause) -> String {
    doc.slice(c.verb.start, c.verb.end - 1).to_lowercase()
}

/// Index of the sentence holding token `i`.
fn sentence_of(doc: &Doc, i: usize) -> usize {
    doc.sentences.partition_point(|s| s.end <= i)
}

/// Every attribution clause outside quotations, in text order, none overlapping another.
fn find_clauses(doc: &Doc, words: &Words, parser: &Parser, quotes: &[Quote]) -> Vec<Clause> {
    let n = doc.tokens.len();
    let mut out: Vec<Clause> = Vec::new();
    let mut qi = 0;
    let mut si = 0;
    let mut i = 0;
    while i < n {
        if let Some(q) = quotes.get(qi) {
            if i >= q.open {
                i = i.max(q.close + 1);
                qi += 1;
                continue;
            }
        }
        let t = doc.tokens[i];
        if t.kind == Kind::Word {
            if let Some(verb) = words.verb_at(doc, i) {
                while si + 1 < doc.sentences.len() && doc.sentences[si].end <= i {
                    si += 1;
                }
                let sentence = doc.sentences.get(si).cloned().unwrap_or(0..n);
                // A clause never reaches into a quotation: cap the sentence at the next one.
                let sent_end = quotes.get(qi).map_or(sentence.end, |q| sentence.end.min(q.open));
                if let Some(c) = parser.clause_at(i, verb, sentence.start, sent_end) {
                    let overlaps = out.last().is_some_and(|p| p.span.end > c.span.start);
                    if !overlaps {
                        i = i.max(c.span.end.saturating_sub(1));
                        out.push(c);
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// The name in a name with titles: what follows the last role word or honorific
/// (`President Tayyip Erdogan`, `Boxing Association President Ramon Manzanares` →
/// `Ramon Manzanares`); a name that ends with one (`Stephen King`) only loses leading ones.
fn strip_titles<'s>(words: &Words, s: &'s str) -> &'s str {
    let is_title = |w: &str| words.is_role(w) || words.is_honorific(w);
    // The last title with a name after it (a title as the last word is a surname:
    // `Prime Minister John Major` → `John Major`).
    let mut after_last = None;
    let mut offset = 0;
    for w in s.split(' ') {
        offset += w.len() + 1;
        if is_title(w) && offset < s.len() {
            after_last = Some(offset);
        }
    }
    if let Some(k) = after_last.filter(|&k| k < s.len()) {
        return s[k..].trim_start();
    }
    let mut s = s;
    while let Some((first, rest)) = crate::groups::split_at_space(s) {
        if !is_title(first) || rest.trim().is_empty() {
            break;
        }
        s = rest.trim_start();
    }
    s
}

/// Resolves every clause's speaker in one walk over entities and clauses in text order.
///
/// `found` are the resolved entities, `groups` their mention groups, `quotes` every paired
/// quotation (mentions inside them are not antecedents for pronouns), `clauses` every
/// clause in text order. Returns each clause's speaker (`None` for a participle with no
/// clause before it).
fn resolve_speakers(
    doc: &Doc,
    words: &Words,
    parser: &Parser,
    found: &[Candidate],
    groups: &[Draft],
    quotes: &[Quote],
    clauses: &[Clause],
) -> Vec<Option<Resolved>> {
    let mut group_of: Vec<Option<usize>> = vec![None; found.len()];
    for (g, d) in groups.iter().enumerate() {
        for &m in &d.members {
            if let Some(slot) = group_of.get_mut(m) {
                *slot = Some(g);
            }
        }
    }
    // A group's canonical name, without titles the tagger may have included (`President
    // X`): worked out for the groups asked about, once each.
    let mut stripped: Vec<Option<&str>> = vec![None; groups.len()];
    let mut canonical = |k: usize| {
        let g = group_of.get(k).copied().flatten()?;
        let slot = stripped.get_mut(g)?;
        Some(*slot.get_or_insert_with(|| strip_titles(words, &groups[g].canonical)))
    };
    // Entities come in text order: their tokens are found walking forward.
    let (mut starts, mut ends) = (TokenCursor::default(), TokenCursor::default());
    let entity_at = |r: &Range<usize>| -> Option<usize> {
        let last = doc.tokens[r.end - 1];
        let k = found.partition_point(|c| c.end <= last.start as usize);
        found.get(k).filter(|c| c.start < last.end as usize).map(|_| k)
    };

    let mut memory = Memory::default();
    let mut out: Vec<Option<Resolved>> = vec![None; clauses.len()];
    let (mut ei, mut ci, mut qi) = (0, 0, 0);
    loop {
        let entity_pos = found.get(ei).map(|c| c.start);
        let clause_pos = clauses.get(ci).map(|c| doc.tokens[c.span.start].start as usize);
        let take_entity = match (entity_pos, clause_pos) {
            (Some(e), Some(c)) => e < c,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_entity {
            let c = &found[ei];
            match c.label {
                Label::Person => {
                    let first = starts.first_from(doc, c.start);
                    if first >= doc.tokens.len() {
                        ei += 1;
                        continue;
                    }
                    let last = ends.first_from(doc, c.end).saturating_sub(1).max(first);
                    while quotes.get(qi).is_some_and(|q| q.close < first) {
                        qi += 1;
                    }
                    let in_quote = quotes.get(qi).is_some_and(|q| q.open <= first);
                    let sentence = sentence_of(doc, first);
                    // The name after any title the tagger included (`Prime Minister Alain Juppe`).
                    let mut s = first;
                    for k in first..last {
                        if words.is_role_at(doc, k) || words.is_honorific_at(doc, k) {
                            s = k + 1;
                        }
                    }
                    let text = one_line(doc.slice(s, last));
                    let text = text.as_ref();
                    let full = canonical(ei).filter(|c| c.split_whitespace().count() > text.split_whitespace().count()).unwrap_or(text);
                    let p = memory.person(full);
                    let bounds = doc.sentences.get(sentence).cloned().unwrap_or(0..doc.tokens.len());
                    if let Some(role) = parser.role_near(s..last + 1, bounds.start, bounds.end) {
                        memory.set_role(p, &one_line(doc.slice(role.start, role.end - 1)));
                    }
                    if !in_quote {
                        memory.mentioned(sentence, p);
                    }
                }
                Label::Org => memory.org(&one_line(canonical(ei).unwrap_or(&doc.text[c.start..c.end]))),
                _ => {}
            }
            ei += 1;
            continue;
        }
        let clause = &clauses[ci];
        if let Some(sp) = &clause.speaker {
            let sentence = sentence_of(doc, clause.verb.start);
            let (range, head) = match &sp.who {
                Who::Name(r, _) => (r.clone(), None),
                Who::Pronoun(i, _) => (*i..*i + 1, None),
                Who::Phrase { range, head, .. } => (range.clone(), Some(*head)),
            };
            let text = one_line(doc.slice(range.start, range.end - 1));
            let bare;
            let head = match head {
                Some(h) => {
                    bare = speakers::bare_phrase(words, doc.slice(range.start, h));
                    Some((doc.str(h), bare.as_str()))
                }
                None => None,
            };
            let role = sp.role.as_ref().map(|r| one_line(doc.slice(r.start, r.end - 1)));
            let role = role.as_deref();
            let text = text.as_ref();
            let phrase = Phrase {
                who: &sp.who,
                text,
                span: (doc.tokens[range.start].start as usize, doc.tokens[range.end - 1].end as usize),
                canonical: match &sp.who {
                    Who::Name(r, _) => entity_at(r).and_then(&mut canonical),
                    _ => None,
                },
                role,
                head,
                sentence_initial: doc.tokens[range.start].has(flag::SENT_START),
            };
            out[ci] = Some(speakers::resolve(&mut memory, words, sentence, &phrase));
        }
        ci += 1;
    }
    // A participle (`, adding: “…”`) takes the speaker of the latest clause before it in
    // its sentence.
    let mut latest: Option<(usize, usize)> = None; // (sentence, clause)
    for ci in 0..clauses.len() {
        let sentence = sentence_of(doc, clauses[ci].verb.start);
        if clauses[ci].speaker.is_none() {
            if let Some((_, k)) = latest.filter(|&(s, _)| s == sentence) {
                out[ci] = out[k].clone();
            }
        } else if out[ci].is_some() {
            latest = Some((sentence, ci));
        }
    }
    out
}

/// The clause attributing each quotation, and whether it sits right next to it (after
/// it, or before it ending with `:` or `,`).
fn attach(doc: &Doc, quotes: &[Quote], clauses: &[Clause]) -> Vec<Option<(usize, bool)>> {
    let n = doc.tokens.len();
    quotes
        .iter()
        .map(|q| {
            // After: `“…,” Aksoy said` / `“…,” said Aksoy` / `“…,” according to Aksoy`.
            let mut start = q.close + 1;
            if start < n && matches!(doc.str(start), "," | "—" | "--" | "–") {
                start += 1;
            }
            let k = clauses.partition_point(|c| c.span.start < q.close + 1);
            let post = clauses[k..]
                .iter()
                .take(2)
                .position(|c| c.span.start <= start && c.verb.start <= q.close + POST_WINDOW && post_ok(doc, q, c))
                .map(|j| k + j);
            if let Some(ci) = post {
                if start < n && !quotes::starts_paragraph(doc, start) {
                    return Some((ci, true));
                }
            }
            // Before, in the same sentence (or the sentence before, ending with a colon).
            let sentence = sentence_of(doc, q.open);
            let k = clauses.partition_point(|c| c.span.end <= q.open);
            let ci = k.checked_sub(1)?;
            let c = &clauses[ci];
            let cs = sentence_of(doc, c.verb.start);
            let colon_before = cs + 1 == sentence && q.open > 0 && doc.str(q.open - 1) == ":";
            if (cs != sentence && !colon_before) || (c.speaker.is_none() && c.flags & verb_flag::PART == 0) {
                return None;
            }
            let adjacent = q.open > 0 && matches!(doc.str(q.open - 1), ":" | ",") || c.span.end == q.open;
            Some((ci, adjacent))
        })
        .collect()
}

/// Whether clause `c` right after quotation `q` attributes it.
fn post_ok(doc: &Doc, q: &Quote, c: &Clause) -> bool {
    if c.speaker.is_none() || c.flags & verb_flag::PRE != 0 {
        return false;
    }
    // A clause ending with a colon introduces what follows it (`… .” Arteta added: “…”`).
    if c.span.end < doc.tokens.len() && doc.str(c.span.end) == ":" {
        return false;
    }
    // After `.”` a clause that goes on (`… Aksoy said the talks …`) begins new indirect
    // speech; only a short one (`… Aksoy said on Friday.`) closes the quotation.
    let last = q.close - 1;
    if doc.tokens[last].kind == Kind::Punct && doc.str(last) == "." {
        let sentence = sentence_of(doc, c.verb.start);
        let sent_end = doc.sentences.get(sentence).map_or(c.verb.end, |s| s.end);
        let next_is_that = c.verb.end < doc.tokens.len() && doc.str(c.verb.end) == "that";
        return sent_end.saturating_sub(c.span.end) <= 8 && !next_is_that;
    }
    true
}

/// Whether a quotation is speech (a QUOTE) rather than a name, title or scare quote.
fn is_speech(doc: &Doc, words: &Words, q: &Quote, c: &Content, own: Option<(&Clause, bool)>) -> bool {
    if c.words == 0 || quotes::has_cue(doc, words, q) || quotes::is_nickname(doc, q, c) {
        return false;
    }
    match own {
        None => !q.single && (q.multi || (!c.title_case && (c.words >= 4 || c.ends_with_punct))),
        // A title-case name after a speech verb (`he said he loved “Imagine”`).
        Some((_, adjacent)) => adjacent || c.ends_with_punct || !c.title_case,
    }
}

/// The speaker of a quotation with no clause of its own: it opens a sentence, and the
/// sentence before attributed something (`“…,” he said. “…”`).
///
/// `sentence` is the quotation's sentence, `resolved` the clauses' speakers, `last_quote`
/// the last quotation kept with a speaker (the sentence it closed in, its speaker, verb).
fn inherit(
    doc: &Doc,
    q: &Quote,
    sentence: usize,
    clauses: &[Clause],
    resolved: &[Option<Resolved>],
    last_quote: &Option<(usize, Resolved, String)>,
) -> Option<(Option<Resolved>, String)> {
    // The quotation must be its sentence, not part of a narrative one (`“…” — that was
    // the message from the protesters`).
    let after = q.close + 1;
    let ends_sentence = after >= doc.tokens.len()
        || doc.tokens[after].has(flag::SENT_START)
        || (doc.tokens[after].kind == Kind::Punct && matches!(doc.str(after), "." | "!" | "?") && doc.tokens.get(after + 1).is_none_or(|t| t.has(flag::SENT_START)));
    if !doc.tokens[q.open].has(flag::SENT_START) || sentence == 0 || !ends_sentence {
        return None;
    }
    let prev = doc.sentences.get(sentence - 1)?;
    let lo = clauses.partition_point(|c| c.verb.start < prev.start);
    let hi = clauses.partition_point(|c| c.verb.start < prev.end);
    if let Some(ci) = (lo..hi).rev().find(|&k| resolved[k].as_ref().is_some_and(|r| r.speaker.is_some())) {
        return Some((resolved[ci].clone(), verb_text(doc, &clauses[ci])));
    }
    match last_quote {
        Some((s, r, verb)) if *s + 1 == sentence => Some((Some(r.clone()), verb.clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups;

    /// Runs attribution over `marked` text whose entities are written `[LABEL text]`, as a
    /// names extractor would give them; returns `LABEL text | speaker | role` per container.
    fn containers(marked: &str) -> Vec<String> {
        let mut text = String::new();
        let mut found = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find(']').map(|c| open + c).expect("closing bracket");
            let (label, name) = rest[open + 1..close].split_once(' ').expect("label and name");
            found.push(Candidate::new(text.len(), text.len() + name.len(), Label::parse(label).expect("label")));
            text.push_str(name);
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        let doc = Doc::new(&text);
        let drafts = groups::group(&doc, &found);
        attribute(&doc, &found, &drafts)
            .iter()
            .map(|c| {
                let Some(Value::Attribution(a)) = &c.value else { return String::new() };
                format!(
                    "{} {} | {} | {}",
                    c.label,
                    &text[c.start..c.end],
                    a.speaker.as_deref().unwrap_or("-"),
                    a.speaker_role.as_deref().unwrap_or("-")
                )
            })
            .collect()
    }

    #[test]
    fn entities_from_the_names_extractor_help_when_present() {
        let cases: &[(&str, &[&str])] = &[
            // `the ministry` is the organisation named before.
            (
                "The [ORG Turkish Foreign Ministry] summoned the envoy. “We protest,” the ministry said.",
                &["QUOTE “We protest,” | Turkish Foreign Ministry | -"],
            ),
            // A surname before the full name: the mention group knows it.
            ("“We protest,” [PER Aksoy] said. [PER Hami Aksoy] is the spokesman.", &["QUOTE “We protest,” | Hami Aksoy | -"]),
            // `he` is the person the tagger found in the sentence before.
            ("[PER Hami Aksoy] met the envoy. “We protest,” he said.", &["QUOTE “We protest,” | Hami Aksoy | -"]),
            // A title inside the tagger's span is a role, not part of the name.
            ("[PER President Erdogan] said Turkey would respond.", &["SOURCE President Erdogan said | Erdogan | President"]),
            // A container grows over an entity it would cut.
            ("On [PER Friday Aksoy] said so.", &["SOURCE Friday Aksoy said | Friday Aksoy | -"]),
            // A quotation mark inside an entity: the quotation grows to cover it.
            ("[MISC Operation “Olive] Branch” began, officials said.", &["SOURCE officials said | officials | -"]),
        ];
        let mut failures = Vec::new();
        for (marked, want) in cases {
            let got = containers(marked);
            if got != *want {
                failures.push(format!("{marked}\n   got {got:?}\n  want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
