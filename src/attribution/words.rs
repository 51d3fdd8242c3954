//! The word lists of attribution (`data/attribution/`), parsed once into immutable tables.
//!
//! Every lookup is case-insensitive for ASCII words and allocation-free: the word is
//! lower-cased into a small stack buffer first.

use crate::lexicon::{self, fingerprint, plain_fingerprint_at, WordFilter};
use crate::tokens::{flag, Doc, Kind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Bits of a speech verb's flags (column 3 of `speech_verbs.tsv`).
pub(crate) mod verb_flag {
    /// May come before its speaker: `“…,” said Aksoy`.
    pub const INV: u8 = 1 << 0;
    /// Attributes without quotation marks.
    pub const SRC: u8 = 1 << 1;
    /// Attributes without quotation marks when `that`, a colon, ... follows.
    pub const SRC_THAT: u8 = 1 << 2;
    /// Attributes a quotation only from before it.
    pub const PRE: u8 = 1 << 3;
    /// A participle without a subject of its own (`adding`).
    pub const PART: u8 = 1 << 4;
    /// The speaker follows (`according to`, `citing`).
    pub const PREP: u8 = 1 << 5;
}

/// One speech verb form.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Verb {
    /// The word that must follow (`to` in `according to`), if any.
    pub next: Option<&'static str>,
    /// Bits from [`verb_flag`].
    pub flags: u8,
    /// The bare form (`say`, `tell`): its subject is plural (`officials say`), never a
    /// singular noun (`the final say` is no statement).
    pub bare: bool,
}

impl Verb {
    /// True when every bit of `f` is set.
    pub fn has(&self, f: u8) -> bool {
        self.flags & f == f
    }
}

/// What kind of speaker a noun names (`speaker_nouns.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NounKind {
    /// Unnamed people: the source is anonymous.
    Anonymous,
    /// An organisation speaking as itself.
    Institution,
    /// A text that says something.
    Document,
}

/// What a subject pronoun refers back to (`pronouns.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PronounKind {
    /// One person.
    Person,
    /// An organisation or a group of people.
    Group,
    /// The writer or the speakers themselves: not resolved.
    SelfRef,
}

/// The role a function word plays around a speaker (`function_words.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Func {
    /// A determiner or quantifier.
    Det,
    /// Starts a new clause: ends a speaker phrase.
    Stop,
    /// A form of `be`.
    Be,
    /// A modal (or `to`).
    Modal,
    /// A negation.
    Neg,
    /// An auxiliary skipped before the verb.
    Aux,
    /// An adverb skipped around the verb.
    Adverb,
    /// A time word.
    Time,
    /// A preposition.
    Prep,
    /// An adjective taking a preposition (`close to`).
    Postmod,
}

/// Every attribution word list.
pub(crate) struct Words {
    /// Speech verb forms, keyed by their first word (`according`).
    verbs: FxHashMap<&'static str, Verb>,
    /// Speaker nouns and their kind.
    nouns: FxHashMap<&'static str, NounKind>,
    /// Speaker nouns that are plural without an `s`.
    plural_nouns: FxHashSet<&'static str>,
    /// Role and title words.
    roles: FxHashSet<&'static str>,
    /// Honorifics, without their period.
    honorifics: FxHashSet<&'static str>,
    /// Subject pronouns and what they refer to.
    pronouns: FxHashMap<&'static str, PronounKind>,
    /// Words that make a following quotation a name or title.
    cues: FxHashSet<&'static str>,
    /// Lower-case particles inside names.
    particles: FxHashSet<&'static str>,
    /// Function words and their kind.
    function: FxHashMap<&'static str, Func>,
    /// The fingerprints of every word of the case-insensitive tables above: most words
    /// are rejected without a hash lookup (see [`Words::absent`]).
    filter: WordFilter,
    /// The fingerprints of the speech verbs' first words (see [`Words::verb_at`]).
    verb_filter: WordFilter,
}

/// The tables, parsed on first use.
pub(crate) fn words() -> &'static Words {
    /// Parsed once, never mutated.
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| with_filter(Words {
        filter: WordFilter::default(),
        verb_filter: WordFilter::default(),
        verbs: parse_verbs(include_str!("../../data/attribution/speech_verbs.tsv")),
        nouns: lexicon::word_map(include_str!("../../data/attribution/speaker_nouns.tsv"))
            .into_iter()
            .filter_map(|(w, k)| {
                let kind = match k {
                    "anonymous" => NounKind::Anonymous,
                    "institution" => NounKind::Institution,
                    "document" => NounKind::Document,
                    _ => return None,
                };
                Some((w, kind))
            })
            .collect(),
        plural_nouns: lexicon::rows(include_str!("../../data/attribution/speaker_nouns.tsv"))
            .filter(|r| r.get(2) == Some(&"plural"))
            .map(|r| r[0])
            .collect(),
        roles: lexicon::word_set(include_str!("../../data/attribution/roles.txt")),
        honorifics: lexicon::word_set(include_str!("../../data/attribution/honorifics.txt")),
        pronouns: lexicon::word_map(include_str!("../../data/attribution/pronouns.tsv"))
            .into_iter()
            .filter_map(|(w, k)| {
                let kind = match k {
                    "person" => PronounKind::Person,
                    "group" => PronounKind::Group,
                    "self" => PronounKind::SelfRef,
                    _ => return None,
                };
                Some((w, kind))
            })
            .collect(),
        cues: lexicon::word_set(include_str!("../../data/attribution/not_speech_cues.txt")),
        particles: lexicon::word_set(include_str!("../../data/attribution/name_particles.txt")),
        function: lexicon::word_map(include_str!("../../data/attribution/function_words.tsv"))
            .into_iter()
            .filter_map(|(w, k)| {
                let kind = match k {
                    "det" => Func::Det,
                    "stop" => Func::Stop,
                    "be" => Func::Be,
                    "modal" => Func::Modal,
                    "neg" => Func::Neg,
                    "aux" => Func::Aux,
                    "adverb" => Func::Adverb,
                    "time" => Func::Time,
                    "prep" => Func::Prep,
                    "postmod" => Func::Postmod,
                    _ => return None,
                };
                Some((w, kind))
            })
            .collect(),
    }))
}

/// Reads `speech_verbs.tsv`: form, lemma, flags.
fn parse_verbs(src: &'static str) -> FxHashMap<&'static str, Verb> {
    let mut map = FxHashMap::default();
    for row in lexicon::rows(src) {
        let Some(form) = row.first() else { continue };
        let mut parts = form.split(' ');
        let Some(first) = parts.next() else { continue };
        let next = parts.next();
        let mut flags = 0;
        let mut bare = false;
        for f in row.get(2).copied().unwrap_or("").split(',').map(str::trim) {
            flags |= match f {
                "inv" => verb_flag::INV,
                "src" => verb_flag::SRC,
                "src-that" => verb_flag::SRC_THAT,
                "pre" => verb_flag::PRE,
                "part" => verb_flag::PART,
                "prep" => verb_flag::PREP,
                "bare" => {
                    bare = true;
                    0
                }
                _ => 0,
            };
        }
        map.insert(first, Verb { next, flags, bare });
    }
    map
}

/// `words` with the filter of its case-insensitive tables filled in.
fn with_filter(mut words: Words) -> Words {
    let mut filter = WordFilter::default();
    let keys = words.nouns.keys().chain(words.pronouns.keys()).chain(words.function.keys());
    let members = words.plural_nouns.iter().chain(&words.roles).chain(&words.honorifics).chain(&words.cues);
    for w in keys.chain(members) {
        filter.insert(fingerprint(w.as_bytes()));
    }
    words.filter = filter;
    let mut verb_filter = WordFilter::default();
    for w in words.verbs.keys() {
        verb_filter.insert(fingerprint(w.as_bytes()));
    }
    words.verb_filter = verb_filter;
    words
}

/// Lower-cases an ASCII word of at most 24 bytes into `buf`; `None` for longer or
/// non-ASCII words (no list holds one).
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// True when `word` has an ASCII capital letter (only then can [`lower`] change it).
fn has_ascii_capital(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_uppercase())
}

/// True when token `i` is a word of two or more capitals next to a word with small letters.
fn is_acronym(doc: &Doc, i: usize) -> bool {
    let caps = |j: usize| doc.tokens.get(j).is_some_and(|t| t.has(flag::ALL_CAPS));
    let mixed = |j: usize| doc.tokens.get(j).is_some_and(|t| t.kind == Kind::Word && t.has(flag::HAS_ALPHA) && !t.has(flag::ALL_CAPS));
    caps(i) && doc.str(i).len() >= 2 && (i.checked_sub(1).is_some_and(mixed) || mixed(i + 1))
}

/// Looks `word` up case-insensitively in a table keyed by lower-case words.
fn get<V: Copy>(map: &FxHashMap<&'static str, V>, word: &str) -> Option<V> {
    if let Some(v) = map.get(word) {
        return Some(*v);
    }
    if !has_ascii_capital(word) {
        return None; // its lower case is itself: looked up already
    }
    let mut buf = [0u8; 24];
    lower(word, &mut buf).and_then(|w| map.get(w).copied())
}

/// Whether `set` (lower-case words) holds `word`, case-insensitively.
fn contains(set: &FxHashSet<&'static str>, word: &str) -> bool {
    if set.contains(word) {
        return true;
    }
    if !has_ascii_capital(word) {
        return false; // its lower case is itself: looked up already
    }
    let mut buf = [0u8; 24];
    lower(word, &mut buf).is_some_and(|w| set.contains(w))
}

impl Words {
    /// True when `word` is in none of the case-insensitive tables, as far as the filter
    /// can tell: a short ASCII word without a hyphen whose fingerprint (which lower-cases
    /// it) was never inserted matches no entry, in its case or in lower case.
    fn absent(&self, word: &str) -> bool {
        plain_fingerprint_at(word.as_bytes(), 0, word.len()).is_some_and(|fp| !self.filter.may_contain(fp))
    }

    /// The speech verb form `word`, matched exactly (verbs are lower case in running
    /// text), except `According` which often starts a sentence.
    pub fn verb(&self, word: &str) -> Option<Verb> {
        let first = *word.as_bytes().first()?;
        if first.is_ascii_lowercase() {
            self.verbs.get(word).copied()
        } else if word == "According" {
            self.verbs.get("according").copied()
        } else {
            None
        }
    }

    /// [`Words::verb`] of token `i` of `doc`. A plain ASCII token whose fingerprint (which
    /// ignores case) no verb has is rejected without a hash lookup.
    pub fn verb_at(&self, doc: &Doc, i: usize) -> Option<Verb> {
        if doc.plain_fingerprint(i).is_some_and(|fp| !self.verb_filter.may_contain(fp)) {
            return None;
        }
        self.verb(doc.str(i))
    }

    /// The kind of speaker noun `word` is.
    pub fn noun(&self, word: &str) -> Option<NounKind> {
        if self.absent(word) {
            return None;
        }
        get(&self.nouns, word)
    }

    /// True for a speaker noun that is plural without an `s` (`people`, `police`).
    pub fn is_plural_noun(&self, word: &str) -> bool {
        !self.absent(word) && contains(&self.plural_nouns, word)
    }

    /// True for a lower-case particle inside names (`al`, `von`, `dello`); case-sensitive.
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    /// True for a role or title word (`spokesman`, `Minister`).
    pub fn is_role(&self, word: &str) -> bool {
        // Compounds count by their last part: `Major-General`, `ex-minister`.
        let word = word.strip_suffix('.').unwrap_or(word);
        (!self.absent(word) && contains(&self.roles, word)) || word.rsplit_once('-').is_some_and(|(_, last)| !self.absent(last) && contains(&self.roles, last))
    }

    /// True for an honorific (`Mr.`, `Dr`).
    pub fn is_honorific(&self, word: &str) -> bool {
        let word = word.strip_suffix('.').unwrap_or(word);
        !self.absent(word) && contains(&self.honorifics, word)
    }

    /// The kind of subject pronoun `word` is (the text uses [`Words::pronoun_at`]).
    #[cfg(test)]
    pub fn pronoun(&self, word: &str) -> Option<PronounKind> {
        if self.absent(word) {
            return None;
        }
        get(&self.pronouns, word)
    }

    /// True when `word` before a quotation makes it a name or title, not speech.
    pub fn is_cue(&self, word: &str) -> bool {
        !self.absent(word) && contains(&self.cues, word)
    }

    /// The function-word kind of `word`.
    pub fn func(&self, word: &str) -> Option<Func> {
        if self.absent(word) {
            return None;
        }
        get(&self.function, word)
    }

    /// [`Words::absent`] of token `i` of `doc`, from the fingerprint the document holds.
    fn absent_at(&self, doc: &Doc, i: usize) -> bool {
        doc.plain_fingerprint(i).is_some_and(|fp| !self.filter.may_contain(fp))
    }

    /// True when token `i` is plain (see [`Doc::plain_fingerprint`]) and does not end
    /// with a period: the word [`Words::is_role`] and [`Words::is_honorific`] look up is
    /// then the token itself.
    fn plain_word_at(doc: &Doc, i: usize) -> bool {
        doc.plain_fingerprint(i).is_some() && doc.tokens.get(i).is_some_and(|t| doc.text.as_bytes().get(t.end as usize - 1) != Some(&b'.'))
    }

    /// [`Words::func`] of token `i` of `doc`. A word in capitals beside a word that is not
    /// is an acronym, not a function word (`the WHO director-general`, `US officials`).
    pub fn func_at(&self, doc: &Doc, i: usize) -> Option<Func> {
        if self.absent_at(doc, i) || is_acronym(doc, i) {
            return None;
        }
        get(&self.function, doc.str(i))
    }

    /// [`Words::pronoun`] of token `i` of `doc`.
    pub fn pronoun_at(&self, doc: &Doc, i: usize) -> Option<PronounKind> {
        if self.absent_at(doc, i) {
            return None;
        }
        get(&self.pronouns, doc.str(i))
    }

    /// [`Words::noun`] of token `i` of `doc`.
    pub fn noun_at(&self, doc: &Doc, i: usize) -> Option<NounKind> {
        if self.absent_at(doc, i) {
            return None;
        }
        get(&self.nouns, doc.str(i))
    }

    /// [`Words::is_role`] of token `i` of `doc`.
    pub fn is_role_at(&self, doc: &Doc, i: usize) -> bool {
        if Self::plain_word_at(doc, i) {
            return !self.absent_at(doc, i) && contains(&self.roles, doc.str(i));
        }
        self.is_role(doc.str(i))
    }

    /// [`Words::is_honorific`] of token `i` of `doc`.
    pub fn is_honorific_at(&self, doc: &Doc, i: usize) -> bool {
        if Self::plain_word_at(doc, i) {
            return !self.absent_at(doc, i) && contains(&self.honorifics, doc.str(i));
        }
        self.is_honorific(doc.str(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_match_case_insensitively() {
        let w = words();
        let cases: &[(&str, bool)] = &[("said", true), ("Said", false), ("according", true), ("According", true), ("sad", false)];
        for &(word, is_verb) in cases {
            assert_eq!(w.verb(word).is_some(), is_verb, "{word}");
        }
        assert!(w.verb("said").unwrap().has(verb_flag::INV | verb_flag::SRC));
        assert!(w.verb("told").is_some_and(|v| !v.has(verb_flag::INV)));
        assert_eq!(w.verb("according").unwrap().next, Some("to"));
        assert_eq!(w.noun("Officials"), Some(NounKind::Anonymous));
        assert_eq!(w.noun("ministry"), Some(NounKind::Institution));
        assert_eq!(w.noun("Aksoy"), None);
        assert!(w.is_role("Minister") && w.is_role("spokesman") && !w.is_role("Aksoy"));
        assert!(w.is_honorific("Mr.") && w.is_honorific("Dr") && !w.is_honorific("Dre"));
        assert_eq!(w.pronoun("He"), Some(PronounKind::Person));
        assert!(w.is_cue("so-called") && !w.is_cue("said"));
        assert_eq!(w.func("The"), Some(Func::Det));
        assert_eq!(w.func("was"), Some(Func::Be));
        assert_eq!(w.func("Erdoğan"), None);
    }

    #[test]
    fn token_lookups_match_word_lookups() {
        let w = words();
        let text = "The Minister, Mr. Aksoy, and Dr Smith-Jones said officials He she police Major-General ex-minister Spokesman. the MINISTRY Erdoğan’s x";
        let doc = Doc::new(text);
        for i in 0..doc.tokens.len() {
            let s = doc.str(i);
            assert_eq!(w.func_at(&doc, i), w.func(s), "{s}");
            assert_eq!(w.pronoun_at(&doc, i), w.pronoun(s), "{s}");
            assert_eq!(w.noun_at(&doc, i), w.noun(s), "{s}");
            assert_eq!(w.is_role_at(&doc, i), w.is_role(s), "{s}");
            assert_eq!(w.is_honorific_at(&doc, i), w.is_honorific(s), "{s}");
            assert_eq!(w.verb_at(&doc, i).map(|v| v.flags), w.verb(s).map(|v| v.flags), "{s}");
        }
    }

    #[test]
    fn lower_never_panics() {
        let mut buf = [0u8; 24];
        assert_eq!(lower("ABC", &mut buf), Some("abc"));
        assert_eq!(lower("Erdoğan", &mut buf), None);
        assert_eq!(lower(&"x".repeat(30), &mut buf), None);
    }
}
