//! Who a speaker phrase refers to: full names for surnames (`Aksoy` → `Hami Aksoy`),
//! people for pronouns (`he`), people for roles (`the spokesman`), organisations for
//! `the ministry`.
//!
//! [`Memory`] is filled in text order, by one walk over the entities and the clauses
//! together, so every lookup sees only what came before it. Every table is a hash map
//! keyed by a lower-case name, role or word: no lookup scans the text.

use super::clauses::{NameKind, Who};
use super::words::{Func, NounKind, PronounKind, Words};
use rustc_hash::FxHashMap;

/// How many sentences back a pronoun looks for the person it refers to.
const PERSON_LOOKBACK: usize = 3;
/// How many sentences back `they`/`it` look for the group they refer to.
const GROUP_LOOKBACK: usize = 2;

/// A speaker after resolution: what goes into a QUOTE's or SOURCE's value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The speaker's name (full name for people) or phrase.
    pub speaker: Option<String>,
    /// Byte span where the speaker is named.
    pub span: Option<(usize, usize)>,
    /// The speaker's role or title.
    pub role: Option<String>,
    /// An unnamed source.
    pub anonymous: bool,
    /// Index of the person in [`Memory`], when the speaker is one person.
    pub person: Option<usize>,
    /// The speaker is an organisation or a group of people (what `they` refers to).
    pub group_like: bool,
}

/// A person met so far.
#[derive(Clone, Debug)]
struct Person {
    /// The full name (or the phrase, for an unnamed person: `the minister`).
    name: String,
    /// The first role given.
    role: Option<String>,
    /// An unnamed person (`a senior official`).
    anonymous: bool,
}

/// What one sentence said about people and speakers.
#[derive(Clone, Debug, Default)]
struct Facts {
    /// The sentence's index.
    sentence: usize,
    /// The first person mentioned in it (outside quotations).
    first_person: Option<usize>,
    /// The latest person who spoke in it.
    speaker_person: Option<usize>,
    /// The latest organisation or group that spoke in it.
    group: Option<Resolved>,
    /// The latest speaker labelled an organisation but named like a person (`Hami Aksoy`).
    person_shaped: Option<String>,
}

/// People, roles and organisations met so far, and the last few sentences' facts.
#[derive(Default)]
pub(crate) struct Memory {
    /// Every person met, by index.
    persons: Vec<Person>,
    /// A lower-case full name, and each of its word suffixes (`aksoy`), → person (latest).
    by_name: FxHashMap<String, usize>,
    /// A name exactly as registered → person: repeated mentions skip building a key.
    exact: FxHashMap<String, usize>,
    /// A lower-case role, its last word and last two words → person (latest).
    by_role: FxHashMap<String, usize>,
    /// A lower-case organisation name and its last word (`ministry`) → its name (latest).
    orgs: FxHashMap<String, String>,
    /// Facts of the most recent sentences, oldest first (at most PERSON_LOOKBACK + 1).
    recent: Vec<Facts>,
}

/// The lookup key of a name or role: lower case, spaces collapsed, possessive dropped.
fn key(s: &str) -> String {
    // (Repeated `strip_suffix` is `trim_end_matches` without a substring searcher.)
    let mut s = s;
    while let Some(rest) = s.strip_suffix("'s") {
        s = rest;
    }
    while let Some(rest) = s.strip_suffix("’s") {
        s = rest;
    }
    if s.is_ascii() {
        return ascii_key(s.as_bytes());
    }
    let mut k = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            k.push(' ');
        }
        if w.is_ascii() {
            k.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            k.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    k
}

/// [`key`] of an ASCII name (possessive already dropped), byte by byte.
fn ascii_key(s: &[u8]) -> String {
    // The ASCII characters `char::is_whitespace` accepts (tab to carriage return, space).
    let is_space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let mut k = Vec::with_capacity(s.len());
    for w in s.split(is_space).filter(|w| !w.is_empty()) {
        if !k.is_empty() {
            k.push(b' ');
        }
        k.extend(w.iter().map(u8::to_ascii_lowercase));
    }
    // Only ASCII bytes were pushed.
    String::from_utf8(k).unwrap_or_default()
}

impl Memory {
    /// The person named `full` (registered if new); a surname or full name already met
    /// returns the person met. Returns the person's index.
    pub fn person(&mut self, full: &str) -> usize {
        if let Some(&p) = self.exact.get(full) {
            return p;
        }
        let p = self.person_by_key(full);
        self.exact.insert(full.to_string(), p);
        p
    }

    /// [`Memory::person`] without the exact-text cache.
    fn person_by_key(&mut self, full: &str) -> usize {
        let k = key(full);
        if let Some(&p) = self.by_name.get(&k) {
            // A longer name for a surname already met only when it ends with it.
            if self.persons[p].name.split_whitespace().count() >= full.split_whitespace().count() {
                return p;
            }
        }
        let p = self.persons.len();
        self.persons.push(Person { name: full.to_string(), role: None, anonymous: false });
        // The full key and each word suffix (`aksoy`), as substrings of the key.
        let starts = std::iter::once(0).chain(k.bytes().enumerate().filter(|&(_, b)| b == b' ').map(|(i, _)| i + 1));
        for start in starts {
            let suffix = &k[start..];
            if suffix.chars().count() > 1 {
                self.by_name.insert(suffix.to_string(), p);
            }
        }
        p
    }

    /// The person a surname or full name refers to, if met.
    pub fn known_person(&self, name: &str) -> Option<usize> {
        self.by_name.get(&key(name)).copied()
    }

    /// The full name of person `p`.
    pub fn name(&self, p: usize) -> &str {
        &self.persons[p].name
    }

    /// The role of person `p`, if known.
    pub fn role(&self, p: usize) -> Option<&str> {
        self.persons[p].role.as_deref()
    }

    /// Records the role of person `p` (the first role given is kept).
    pub fn set_role(&mut self, p: usize, role: &str) {
        if self.persons[p].role.is_none() {
            self.persons[p].role = Some(role.to_string());
        }
        let k = key(role);
        let words: Vec<&str> = k.split(' ').collect();
        let n = words.len();
        self.by_role.insert(k.clone(), p);
        if n >= 2 {
            self.by_role.insert(words[n - 2..].join(" "), p);
        }
        if let Some(last) = words.last() {
            self.by_role.insert((*last).to_string(), p);
        }
    }

    /// Records an organisation's name.
    pub fn org(&mut self, name: &str) {
        let mut k = key(name);
        if k.starts_with("the ") {
            k.drain(..4);
        }
        if self.orgs.get(&k).is_some_and(|known| known == name) {
            return;
        }
        if let Some((_, last)) = k.rsplit_once(' ') {
            self.orgs.insert(last.to_string(), name.to_string());
        }
        self.orgs.insert(k, name.to_string());
    }

    /// The facts of `sentence`, started when new (the oldest are forgotten).
    fn facts(&mut self, sentence: usize) -> &mut Facts {
        if self.recent.last().is_none_or(|f| f.sentence != sentence) {
            if self.recent.len() > PERSON_LOOKBACK {
                self.recent.remove(0);
            }
            self.recent.push(Facts { sentence, ..Facts::default() });
        }
        let last = self.recent.len() - 1;
        &mut self.recent[last]
    }

    /// Notes that person `p` is mentioned (outside quotations) in `sentence`.
    pub fn mentioned(&mut self, sentence: usize, p: usize) {
        let f = self.facts(sentence);
        f.first_person.get_or_insert(p);
    }

    /// Notes the speaker of a clause in `sentence`.
    pub fn spoke(&mut self, sentence: usize, r: &Resolved) {
        let f = self.facts(sentence);
        if let Some(p) = r.person {
            f.speaker_person = Some(p);
            f.first_person.get_or_insert(p);
        } else if r.group_like {
            f.group = Some(r.clone());
        }
    }

    /// The person `he`/`she` in `sentence` refers to: the latest speaker, else the first
    /// person mentioned, of the nearest sentence that has one, at most
    /// [`PERSON_LOOKBACK`] sentences back.
    pub fn recent_person(&self, sentence: usize) -> Option<usize> {
        self.recent
            .iter()
            .rev()
            .filter(|f| f.sentence <= sentence && sentence - f.sentence <= PERSON_LOOKBACK)
            .find_map(|f| f.speaker_person.or(f.first_person))
    }

    /// The latest speaker named like a person but labelled an organisation, at most
    /// [`PERSON_LOOKBACK`] sentences back (for `he`/`she` when no person is).
    fn recent_person_shaped(&self, sentence: usize) -> Option<String> {
        self.recent
            .iter()
            .rev()
            .filter(|f| f.sentence <= sentence && sentence - f.sentence <= PERSON_LOOKBACK)
            .find_map(|f| f.person_shaped.clone())
    }

    /// The group `they`/`it` in `sentence` refers to: the latest organisation or group
    /// speaker at most [`GROUP_LOOKBACK`] sentences back.
    pub fn recent_group(&self, sentence: usize) -> Option<&Resolved> {
        self.recent
            .iter()
            .rev()
            .filter(|f| f.sentence <= sentence && sentence - f.sentence <= GROUP_LOOKBACK)
            .find_map(|f| f.group.as_ref())
    }

    /// The person who holds a role (`the spokesman` → the last spokesman met).
    pub fn by_role(&self, role: &str) -> Option<usize> {
        self.by_role.get(&key(role)).copied()
    }

    /// The organisation a phrase like `the ministry` refers to.
    pub fn known_org(&self, word: &str) -> Option<&str> {
        self.orgs.get(&key(word)).map(String::as_str)
    }
}

/// A speaker phrase as the resolver sees it: the phrase's text pieces, already sliced.
pub(crate) struct Phrase<'t> {
    /// Who the phrase names.
    pub who: &'t Who,
    /// The text of the name, pronoun or phrase.
    pub text: &'t str,
    /// Its byte span.
    pub span: (usize, usize),
    /// The canonical name of the entity covering the name, from the mention groups.
    pub canonical: Option<&'t str>,
    /// The role text, if the phrase gives one.
    pub role: Option<&'t str>,
    /// The head word of a phrase without a name (`ministry`), and the phrase without its
    /// determiners (`foreign minister`).
    pub head: Option<(&'t str, &'t str)>,
    /// The phrase starts its sentence (its first letter was capitalised for that).
    pub sentence_initial: bool,
}

/// Resolves a speaker phrase in `sentence` against what `memory` has met, and records it.
pub(crate) fn resolve(memory: &mut Memory, words: &Words, sentence: usize, ph: &Phrase<'_>) -> Resolved {
    let mut out = Resolved { span: Some(ph.span), ..Resolved::default() };
    match ph.who {
        Who::Name(_, NameKind::Person) => {
            let canonical = ph.canonical.filter(|c| c.split_whitespace().count() > ph.text.split_whitespace().count());
            let p = match canonical {
                Some(full) => memory.person(full),
                None => memory.known_person(ph.text).unwrap_or_else(|| memory.person(ph.text)),
            };
            if let Some(role) = ph.role {
                memory.set_role(p, role);
            }
            out.speaker = Some(memory.name(p).to_string());
            out.role = ph.role.map(str::to_string).or_else(|| memory.role(p).map(str::to_string));
            out.person = Some(p);
        }
        Who::Name(_, kind @ (NameKind::Org | NameKind::PersonShapedOrg)) => {
            let name = ph.canonical.unwrap_or(ph.text);
            memory.org(name);
            if *kind == NameKind::PersonShapedOrg {
                memory.facts(sentence).person_shaped = Some(name.to_string());
            }
            out.speaker = Some(name.to_string());
            out.role = ph.role.map(str::to_string);
            out.group_like = true;
        }
        Who::Pronoun(_, PronounKind::Person) => {
            // With no person to refer to, `he`/`she` says that a name taken for an
            // organisation was a person's (`Hami Aksoy said … “…,” he said.`).
            let person = memory.recent_person(sentence).or_else(|| memory.recent_person_shaped(sentence).map(|name| memory.person(&name)));
            if let Some(p) = person {
                out.speaker = Some(memory.name(p).to_string());
                out.role = memory.role(p).map(str::to_string);
                out.anonymous = memory.persons[p].anonymous;
                out.person = Some(p);
            }
        }
        Who::Pronoun(_, PronounKind::Group) => {
            if let Some(g) = memory.recent_group(sentence) {
                out = Resolved { span: Some(ph.span), ..g.clone() };
            }
            out.group_like = true;
        }
        Who::Pronoun(_, PronounKind::SelfRef) => {}
        Who::Phrase { kind, definite, .. } => {
            // `The ministry` at a sentence start → `the ministry`; `Singapore dealers` stays.
            let first = ph.text.split(' ').next().unwrap_or("");
            let common = words.func(first).is_some() || words.noun(first).is_some();
            let text = if ph.sentence_initial && common { lower_first(ph.text) } else { ph.text.to_string() };
            let (head, bare) = ph.head.unwrap_or(("", ""));
            let role_head = words.is_role(head);
            let person = if *definite && role_head { memory.by_role(bare).or_else(|| memory.by_role(head)) } else { None };
            if let Some(p) = person {
                out.speaker = Some(memory.name(p).to_string());
                out.role = Some(without_determiners(words, ph.text).to_string());
                out.person = Some(p);
            } else if *definite && *kind == Some(NounKind::Institution) && !role_head {
                out.speaker = Some(memory.known_org(head).map_or(text, str::to_string));
                out.group_like = true;
            } else {
                out.anonymous = *kind == Some(NounKind::Anonymous);
                // One unnamed person (`the minister`, `a senior official`) is what a later
                // `he`/`she` refers to; others (`officials`, `the ministry`) what `they` does.
                let singular = !head.ends_with('s') && !words.is_plural_noun(head);
                let one_person = singular && (role_head || out.anonymous);
                if one_person {
                    let p = memory.person(&text);
                    memory.persons[p].anonymous = out.anonymous;
                    out.person = Some(p);
                } else {
                    out.group_like = true;
                }
                out.speaker = Some(text);
            }
        }
    }
    memory.spoke(sentence, &out);
    out
}

/// `the Foreign Secretary` → `Foreign Secretary`.
fn without_determiners<'s>(words: &Words, mut s: &'s str) -> &'s str {
    while let Some((first, rest)) = crate::groups::split_at_space(s) {
        if words.func(first) != Some(Func::Det) {
            break;
        }
        s = rest;
    }
    s
}

/// `The ministry` → `the ministry`.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The words of a phrase after its determiners, lower-cased (`The Foreign Minister` →
/// `foreign minister`).
pub(crate) fn bare_phrase(words: &Words, text: &str) -> String {
    let mut parts: Vec<&str> = text.split_whitespace().collect();
    while parts.first().is_some_and(|w| words.func(w) == Some(Func::Det)) {
        parts.remove(0);
    }
    key(&parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_keys_match_the_character_rules() {
        let cases = ["Hami Aksoy", "  the   Foreign\tMinistry ", "A\u{b}B\r\nC", "x\u{1c}y", "", "  ", "O'Neill's", "U.S. State Department"];
        for s in cases {
            let slow = s.split_whitespace().map(str::to_ascii_lowercase).collect::<Vec<_>>().join(" ");
            assert_eq!(ascii_key(s.as_bytes()), slow, "{s:?}");
        }
    }

    #[test]
    fn surnames_resolve_to_the_latest_full_name() {
        let mut m = Memory::default();
        let hami = m.person("Hami Aksoy");
        assert_eq!(m.known_person("Aksoy"), Some(hami));
        assert_eq!(m.known_person("aksoy"), Some(hami));
        assert_eq!(m.person("Aksoy"), hami);
        let ayse = m.person("Ayse Aksoy");
        assert_ne!(ayse, hami);
        assert_eq!(m.known_person("Aksoy"), Some(ayse));
        assert_eq!(m.known_person("Hami Aksoy"), Some(hami));
        assert_eq!(m.known_person("Cavusoglu"), None);
    }

    #[test]
    fn roles_and_pronouns() {
        let mut m = Memory::default();
        let p = m.person("Hami Aksoy");
        m.set_role(p, "Turkish Foreign Ministry spokesman");
        assert_eq!(m.by_role("spokesman"), Some(p));
        assert_eq!(m.by_role("ministry spokesman"), Some(p));
        assert_eq!(m.by_role("minister"), None);
        m.mentioned(3, p);
        assert_eq!(m.recent_person(4), Some(p));
        assert_eq!(m.recent_person(3 + PERSON_LOOKBACK + 1), None);
        m.org("the Turkish Foreign Ministry");
        assert_eq!(m.known_org("ministry"), Some("the Turkish Foreign Ministry"));
    }
}
