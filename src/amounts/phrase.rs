//! A dictionary of phrases of one or more tokens (`$`, `US$`, `pounds sterling`,
//! `square miles`, `km/h`), matched against the token stream: the longest entry wins.

use crate::lexicon::{fingerprint, WordFilter};
use crate::numbers::with_lower;
use crate::tokens::{flag, tokenize, Doc};
use rustc_hash::FxHashMap;

/// One entry: its tokens after the first, whether case matters, and its payload.
struct Entry<T> {
    /// The first token as written (compared exactly when `case_sensitive`).
    first: String,
    /// The other tokens, lower-cased unless `case_sensitive`.
    rest: Vec<String>,
    /// True when the entry only matches with the same letter case.
    case_sensitive: bool,
    /// What the phrase means.
    value: T,
}

/// A phrase table keyed by the lower-cased first token.
pub(crate) struct Phrases<T> {
    by_first: FxHashMap<String, Vec<Entry<T>>>,
    /// The fingerprints of the keys of `by_first`: most tokens are rejected by
    /// [`Phrases::longest_at`] without a lookup.
    filter: WordFilter,
}

/// A phrase found in the text.
#[derive(Debug)]
pub(crate) struct PhraseMatch<'a, T> {
    /// The entry's payload.
    pub value: &'a T,
    /// Index of the token after the phrase (or after the first piece when the phrase is
    /// that piece alone).
    pub next: usize,
    /// Byte offset where the phrase ends; `None` when it is the first piece alone.
    pub end: Option<usize>,
}

/// True when `text` equals `lower` (already lower case) ignoring the case of `text`.
fn eq_lower(text: &str, lower: &str) -> bool {
    text.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// The letter of a one-letter abbreviation token (`C` of `C.` at a sentence end: the
/// tokenizer keeps an initial's period), else `None`.
pub(crate) fn initial<'t>(doc: &Doc<'t>, j: usize) -> Option<&'t str> {
    let s = doc.str(j);
    let letter = s.strip_suffix('.')?;
    (doc.tokens[j].has(flag::ABBREV) && letter.chars().count() == 1).then_some(letter)
}

impl<T> Phrases<T> {
    /// An empty table.
    pub fn new() -> Phrases<T> {
        Phrases { by_first: FxHashMap::default(), filter: WordFilter::default() }
    }

    /// Adds a phrase, split into tokens the way the text is; an entry with the same
    /// tokens and case rule is replaced (later data files override earlier ones).
    pub fn insert(&mut self, text: &str, case_sensitive: bool, value: T) {
        let tokens: Vec<&str> = tokenize(text).iter().map(|t| &text[t.range()]).collect();
        let Some((&first, rest)) = tokens.split_first() else { return };
        let fold = |s: &str| if case_sensitive { s.to_string() } else { s.to_lowercase() };
        let entry = Entry { first: fold(first), rest: rest.iter().map(|s| fold(s)).collect(), case_sensitive, value };
        let key = first.to_lowercase();
        self.filter.insert(fingerprint(key.as_bytes()));
        let list = self.by_first.entry(key).or_default();
        if let Some(old) = list.iter_mut().find(|e| e.first == entry.first && e.rest == entry.rest && e.case_sensitive == case_sensitive) {
            *old = entry;
        } else {
            list.push(entry);
        }
    }

    /// The lower-cased first tokens of every phrase.
    pub fn first_tokens(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// True when some phrase starts with `token` (any case).
    pub fn starts_with(&self, token: &str) -> bool {
        with_lower(token, |lower| self.by_first.contains_key(lower)).unwrap_or(false)
    }

    /// [`Phrases::longest`] with token `i` as the first token. A plain ASCII token (see
    /// [`Doc::plain_fingerprint`]) whose fingerprint no key has starts no phrase: its lower
    /// case is its ASCII lower case, which only a key with that fingerprint equals.
    pub fn longest_at(&self, doc: &Doc, i: usize, next: Option<usize>, accept: impl Fn(&T) -> bool) -> Option<PhraseMatch<'_, T>> {
        if doc.plain_fingerprint(i).is_some_and(|fp| !self.filter.may_contain(fp)) {
            return None;
        }
        self.longest(doc, doc.str(i), next, accept)
    }

    /// The longest phrase whose first token is `first` (a token or a piece of one) and
    /// whose other tokens follow from token `next` on, among the entries `accept` takes.
    /// With `next` = `None` only one-token phrases can match.
    pub fn longest(&self, doc: &Doc, first: &str, next: Option<usize>, accept: impl Fn(&T) -> bool) -> Option<PhraseMatch<'_, T>> {
        let list = with_lower(first, |lower| self.by_first.get(lower)).flatten()?;
        let mut best: Option<(usize, &Entry<T>)> = None;
        for entry in list {
            if entry.case_sensitive && entry.first != first {
                continue;
            }
            if !entry.rest.is_empty() && next.is_none() {
                continue;
            }
            if best.is_some_and(|(len, _)| len >= entry.rest.len()) || !accept(&entry.value) {
                continue;
            }
            let start = next.unwrap_or(0);
            let fits = entry.rest.iter().enumerate().all(|(k, want)| {
                let j = start + k;
                j < doc.tokens.len()
                    && !doc.tokens[j].has(flag::LINE_BEFORE)
                    && (if entry.case_sensitive { doc.str(j) == want } else { eq_lower(doc.str(j), want) }
                        || (k + 1 == entry.rest.len() && initial(doc, j).is_some_and(|w| if entry.case_sensitive { w == want } else { eq_lower(w, want) })))
            });
            if fits {
                best = Some((entry.rest.len(), entry));
            }
        }
        let (len, entry) = best?;
        let start = next.unwrap_or(0);
        let end = (len > 0).then(|| {
            let last = start + len - 1;
            let tok_end = doc.tokens[last].end as usize;
            let want = &entry.rest[len - 1];
            let whole = if entry.case_sensitive { doc.str(last) == want } else { eq_lower(doc.str(last), want) };
            if whole { tok_end } else { tok_end - 1 }
        });
        Some(PhraseMatch { value: &entry.value, next: start + len, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_entry_wins_and_case_rules_hold() {
        let mut table = Phrases::new();
        table.insert("pounds", false, 1);
        table.insert("pounds sterling", false, 2);
        table.insert("C", true, 3);
        table.insert("km/h", false, 4);
        let cases: &[(&str, Option<i32>, usize)] = &[
            ("pounds sterling were", Some(2), 2),
            ("POUNDS of flour", Some(1), 1),
            ("C is", Some(3), 1),
            ("c is", None, 0),
            ("km/h today", Some(4), 3),
            ("km / h", Some(4), 3),
            ("pounds\nsterling", Some(1), 1),
            ("dollars", None, 0),
        ];
        for &(text, want, next) in cases {
            let doc = Doc::new(text);
            let got = table.longest(&doc, doc.str(0), Some(1), |_| true);
            assert_eq!(got.as_ref().map(|m| *m.value), want, "{text}");
            if let Some(m) = got {
                assert_eq!(m.next, next, "{text}");
            }
        }
        let doc = Doc::new("x");
        assert_eq!(table.longest(&doc, "pounds", None, |_| true).map(|m| *m.value), Some(1));
        assert!(table.starts_with("Pounds") && !table.starts_with("sterling"));
    }
}
