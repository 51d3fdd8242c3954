//! Mention groups: the mentions of one entity (`Hami Aksoy` ← `Aksoy` ← `Mr. Aksoy`;
//! `United States` ← `US` ← `U.S.`; `European Union` ← `EU`; `Turkish Armed Forces` ←
//! `TSK` after `Turkish Armed Forces (TSK)`).
//!
//! Every name mention (PERSON, ORG, LOC, MISC) gets a *key*: its text without a leading
//! `the`, honorifics or a possessive `'s`, lower case, without periods, hyphens as spaces
//! and common Latin diacritics folded (`Erdoğan` = `Erdogan`), then mapped through
//! `data/groups/aliases.tsv` (`us` → `united states`). Mentions are joined when:
//! - their keys are equal, whatever their labels (the tagger may call `Turkey` LOC once
//!   and ORG once: still one entity);
//! - a PERSON mention (or any mention after `Mr.`/`Ms.`/...) is a word-suffix of a longer
//!   PERSON name (`Aksoy`, `von der Leyen`): it joins the latest such full name before
//!   it, else the first one after it;
//! - an ORG mention of two words or more is a word-suffix of a longer ORG name
//!   (`Foreign Ministry` ← `Turkish Foreign Ministry`);
//! - a one-word acronym that is not a PERSON (`EU`, `U.N.`, `TSK`) matches the initials
//!   of a longer ORG/LOC/MISC name, or an acronym given in brackets right after a name.
//!
//! The group's canonical name is its fullest mention (most words, not an acronym, then
//! longest, then first), cleaned the same way; its label is the most frequent label of
//! its mentions (ties: the canonical mention's label). Every mention is in a group, so a
//! name mentioned once is a group of one.
//!
//! Cost: one pass computing keys, hash maps from key to mention, and a union-find: linear
//! in the number of mentions (times the words of a name), never pairwise.

use crate::label::Label;
use crate::lexicon;
use crate::resolve::Candidate;
use crate::tokens::{flag, Doc};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// A group of mentions before offsets are converted.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Draft {
    /// The label the mentions share (the most frequent one).
    pub label: Label,
    /// The fullest name.
    pub canonical: String,
    /// Indices into the resolved entities, ascending.
    pub members: Vec<usize>,
}

/// The grouping word lists.
struct Tables {
    /// Alias key → the key of the entity's full name.
    aliases: FxHashMap<&'static str, &'static str>,
    /// Honorifics (`mr`, `dr`), without their period.
    honorifics: FxHashSet<&'static str>,
}

/// The tables, parsed on first use.
fn tables() -> &'static Tables {
    /// Parsed once, never mutated.
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut aliases = FxHashMap::default();
        for row in lexicon::rows(include_str!("../data/groups/aliases.tsv")) {
            if let Some((&full, rest)) = row.split_first() {
                for &alias in rest {
                    aliases.insert(alias, full);
                }
            }
        }
        Tables { aliases, honorifics: lexicon::word_set(include_str!("../data/attribution/honorifics.txt")) }
    })
}

/// One name mention with what grouping needs to know about it.
struct Mention<'t> {
    /// Index in the resolved entities.
    entity: usize,
    /// The entity's label.
    label: Label,
    /// The text without `the`, honorifics or possessive.
    clean: &'t str,
    /// The normalised key (after aliases).
    key: String,
    /// Number of words in the key.
    words: usize,
    /// A one-word acronym (`EU`, `U.N.`).
    acronym: bool,
    /// Came after an honorific (`Mr. Aksoy`): a person whatever its label.
    honorific: bool,
}

/// Groups name mentions; see the module documentation for the rules.
// Not inlined: the pass stays one frame in profiles (one call per text).
#[inline(never)]
pub(crate) fn group(doc: &Doc, found: &[Candidate]) -> Vec<Draft> {
    let t = tables();
    let mentions: Vec<Mention> = found
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.label, Label::Person | Label::Org | Label::Loc | Label::Misc))
        .filter_map(|(i, c)| mention(doc, t, i, c))
        .collect();
    let mut sets = UnionFind::new(mentions.len());

    // Equal keys.
    let mut by_key: FxHashMap<&str, usize> = FxHashMap::default();
    for (m, men) in mentions.iter().enumerate() {
        match by_key.get(men.key.as_str()) {
            Some(&first) => sets.union(first, m),
            None => {
                by_key.insert(men.key.as_str(), m);
            }
        }
    }

    // Word suffixes of longer names, in text order: the latest full name before a short
    // mention, else the first one after it. Keys borrow from the mentions' keys (a suffix
    // of a key is a substring of it), so this loop allocates nothing per suffix.
    let mut latest: FxHashMap<(bool, &str), usize> = FxHashMap::default();
    let mut pending: FxHashMap<(bool, &str), Vec<usize>> = FxHashMap::default();
    for (m, men) in mentions.iter().enumerate() {
        let person = men.label == Label::Person;
        let short_class = if person || men.honorific {
            Some(true)
        } else if men.label == Label::Org && men.words >= 2 {
            Some(false)
        } else {
            None
        };
        if let Some(class) = short_class {
            let k = (class, men.key.as_str());
            match latest.get(&k) {
                Some(&full) => sets.union(full, m),
                None => pending.entry(k).or_default().push(m),
            }
        }
        let full_class = match men.label {
            Label::Person => Some(true),
            Label::Org => Some(false),
            _ => None,
        };
        if let Some(class) = full_class {
            let min_words = if class { 1 } else { 2 };
            let mut words_left = men.words;
            for (pos, _) in men.key.match_indices(' ') {
                words_left -= 1;
                if words_left < min_words {
                    break;
                }
                let suffix = &men.key[pos + 1..];
                if suffix.chars().count() < 2 {
                    continue;
                }
                let k = (class, suffix);
                if let Some(waiting) = pending.remove(&k) {
                    for w in waiting {
                        sets.union(m, w);
                    }
                }
                latest.insert(k, m);
            }
        }
    }

    // Acronyms: brackets right after a name, and initials of longer names.
    let mut acronyms: FxHashMap<String, usize> = FxHashMap::default();
    for (m, men) in mentions.iter().enumerate() {
        if let Some(acr) = bracketed_acronym(doc, &found[men.entity]) {
            if let Some(&j) = by_key.get(acr.as_str()) {
                sets.union(m, j);
            }
            acronyms.insert(acr, m);
        }
    }
    for (m, men) in mentions.iter().enumerate() {
        if men.label != Label::Person && men.words >= 2 && !men.acronym {
            if let Some(init) = initials(men.clean) {
                acronyms.entry(init).or_insert(m);
            }
        }
    }
    for (m, men) in mentions.iter().enumerate() {
        if men.acronym && men.label != Label::Person {
            if let Some(&full) = acronyms.get(men.key.as_str()) {
                sets.union(full, m);
            }
        }
    }

    drafts(&mentions, &mut sets)
}

/// `s` with every run of whitespace (line breaks included) as one space.
pub(crate) fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(|c| c == ' ' || !c.is_whitespace()) && !s.contains("  ") {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Builds the groups from the union-find sets, in order of first mention.
fn drafts(mentions: &[Mention], sets: &mut UnionFind) -> Vec<Draft> {
    let mut index_of_root: FxHashMap<usize, usize> = FxHashMap::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for m in 0..mentions.len() {
        let root = sets.find(m);
        let g = *index_of_root.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[g].push(m);
    }
    members
        .into_iter()
        .map(|ms| {
            let best = ms
                .iter()
                .copied()
                .max_by(|&a, &b| {
                    let (x, y) = (&mentions[a], &mentions[b]);
                    (!x.acronym, x.words, x.clean.chars().count())
                        .cmp(&(!y.acronym, y.words, y.clean.chars().count()))
                        .then(b.cmp(&a))
                })
                .unwrap_or(ms[0]);
            let mut counts: Vec<(Label, usize)> = Vec::new();
            for &m in &ms {
                match counts.iter_mut().find(|(l, _)| *l == mentions[m].label) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((mentions[m].label, 1)),
                }
            }
            let top = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
            let best_label = mentions[best].label;
            let label = if counts.iter().any(|&(l, n)| l == best_label && n == top) {
                best_label
            } else {
                counts.iter().find(|&&(_, n)| n == top).map_or(best_label, |&(l, _)| l)
            };
            Draft {
                label,
                canonical: one_line(mentions[best].clean).into_owned(),
                members: ms.iter().map(|&m| mentions[m].entity).collect(),
            }
        })
        .collect()
}

/// A mention's cleaned text and key; `None` when nothing is left of it.
fn mention<'t>(doc: &Doc<'t>, t: &Tables, entity: usize, c: &Candidate) -> Option<Mention<'t>> {
    let text = doc.text.get(c.start..c.end)?;
    let mut clean = text.trim();
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(s) = clean.strip_suffix(suffix) {
            clean = s.trim_end();
            break;
        }
    }
    for article in ["the ", "The ", "THE "] {
        if let Some(s) = clean.strip_prefix(article) {
            clean = s.trim_start();
        }
    }
    let mut honorific = preceded_by_honorific(doc, t, c.start);
    loop {
        let (first, rest) = clean.split_once(' ').unwrap_or((clean, ""));
        if rest.is_empty() || !is_honorific(t, first) {
            break;
        }
        honorific = true;
        clean = rest.trim_start();
    }
    let mut key = normalise(clean);
    if key.is_empty() {
        return None;
    }
    if let Some(full) = t.aliases.get(key.as_str()) {
        key = (*full).to_string();
    }
    let words = key.split(' ').count();
    let acronym = !clean.contains(' ') && clean.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !clean.chars().any(char::is_lowercase);
    Some(Mention { entity, label: c.label, clean, key, words, acronym, honorific })
}

/// Whether `word` (with or without its period) is an honorific, without allocating.
fn is_honorific(t: &Tables, word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    let mut buf = [0u8; 8];
    let bytes = w.as_bytes();
    if bytes.len() > buf.len() || !w.is_ascii() {
        return false;
    }
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[..bytes.len()].make_ascii_lowercase();
    std::str::from_utf8(&buf[..bytes.len()]).is_ok_and(|l| t.honorifics.contains(l))
}

/// Whether the token right before byte `start` is an honorific (`Mr.` before `Aksoy`).
fn preceded_by_honorific(doc: &Doc, t: &Tables, start: usize) -> bool {
    let k = doc.tokens.partition_point(|tok| (tok.start as usize) < start);
    k > 0 && is_honorific(t, doc.str(k - 1))
}

/// The acronym in brackets right after an entity: `Turkish Armed Forces (TSK)` → `tsk`.
fn bracketed_acronym(doc: &Doc, c: &Candidate) -> Option<String> {
    let k = doc.tokens.partition_point(|tok| (tok.start as usize) < c.end);
    let word = doc.tokens.get(k + 1)?;
    if k + 2 >= doc.tokens.len() || doc.str(k) != "(" || doc.str(k + 2) != ")" || !word.has(flag::ALL_CAPS) {
        return None;
    }
    let key = normalise(doc.str(k + 1));
    (key.len() >= 2 && key.len() <= 8).then_some(key)
}

/// The initials of a name's capitalised words (`European Union` → `eu`; small words such
/// as `of` are skipped: `Organization of the Petroleum Exporting Countries` → `opec`).
fn initials(name: &str) -> Option<String> {
    let mut out = String::new();
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        match w.chars().next() {
            Some(c) if c.is_uppercase() => out.extend(fold(c).flat_map(char::to_lowercase)),
            _ => {}
        }
    }
    (out.chars().count() >= 2).then_some(out)
}

/// The key of a name: lower case, periods and apostrophes dropped, hyphens as spaces,
/// spaces collapsed, common Latin diacritics folded.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '-' || c == '‐' || c == '‑' {
            space = !out.is_empty();
            continue;
        }
        if matches!(c, '.' | '\'' | '’') {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        for f in fold(c) {
            out.extend(f.to_lowercase());
        }
    }
    out
}

/// Folds a common Latin letter with a diacritic to its base letter(s).
fn fold(c: char) -> impl Iterator<Item = char> {
    let (a, b): (char, Option<char>) = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => ('a', None),
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => ('A', None),
        'ç' | 'ć' | 'č' => ('c', None),
        'Ç' | 'Ć' | 'Č' => ('C', None),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => ('e', None),
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => ('E', None),
        'ğ' => ('g', None),
        'Ğ' => ('G', None),
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => ('i', None),
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' | 'Ī' => ('I', None),
        'ł' => ('l', None),
        'Ł' => ('L', None),
        'ñ' | 'ń' | 'ň' => ('n', None),
        'Ñ' | 'Ń' | 'Ň' => ('N', None),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => ('o', None),
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => ('O', None),
        'ř' => ('r', None),
        'Ř' => ('R', None),
        'ś' | 'š' | 'ş' | 'ș' => ('s', None),
        'Ś' | 'Š' | 'Ş' | 'Ș' => ('S', None),
        'ß' => ('s', Some('s')),
        'ţ' | 'ț' | 'ť' => ('t', None),
        'Ţ' | 'Ț' | 'Ť' => ('T', None),
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => ('u', None),
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => ('U', None),
        'ý' | 'ÿ' => ('y', None),
        'Ý' => ('Y', None),
        'ź' | 'ż' | 'ž' => ('z', None),
        'Ź' | 'Ż' | 'Ž' => ('Z', None),
        other => (other, None),
    };
    std::iter::once(a).chain(b)
}

/// Disjoint sets with path halving and union by size.
struct UnionFind {
    /// Each element's parent (a root is its own parent).
    parent: Vec<usize>,
    /// The size of each root's set.
    size: Vec<usize>,
}

impl UnionFind {
    /// `n` sets of one element each.
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect(), size: vec![1; n] }
    }

    /// The root of `x`'s set.
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`.
    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups the mentions of `text` written as `[Label text]` (the brackets are dropped
    /// from the analysed text); returns `canonical (LABEL): mention | mention` per group.
    fn groups_of(marked: &str) -> Vec<String> {
        let mut text = String::new();
        let mut found = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find(']').map(|c| open + c).expect("closing bracket");
            let inner = &rest[open + 1..close];
            let (label, name) = inner.split_once(' ').expect("label and name");
            let label = Label::parse(label).expect("label");
            found.push(Candidate::new(text.len(), text.len() + name.len(), label));
            text.push_str(name);
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        let doc = Doc::new(&text);
        group(&doc, &found)
            .iter()
            .map(|d| {
                let names: Vec<&str> = d.members.iter().map(|&m| &text[found[m].start..found[m].end]).collect();
                format!("{} ({}): {}", d.canonical, d.label, names.join(" | "))
            })
            .collect()
    }

    #[test]
    fn groups() {
        let cases: &[(&str, &[&str])] = &[
            // Surnames, honorifics and possessives.
            (
                "[PER Hami Aksoy] spoke. [PER Aksoy] left. Later [PER Mr. Aksoy] and [PER Aksoy's] aide came.",
                &["Hami Aksoy (PERSON): Hami Aksoy | Aksoy | Mr. Aksoy | Aksoy's"],
            ),
            // A surname before its full name joins the first full name after it.
            ("[PER Aksoy] spoke. Then [PER Hami Aksoy] left.", &["Hami Aksoy (PERSON): Aksoy | Hami Aksoy"]),
            // Two people with one surname: the latest before the mention wins.
            (
                "[PER Hami Aksoy] met [PER Ayse Aksoy]. [PER Aksoy] spoke.",
                &["Hami Aksoy (PERSON): Hami Aksoy", "Ayse Aksoy (PERSON): Ayse Aksoy | Aksoy"],
            ),
            ("[PER Ursula von der Leyen] spoke; [PER von der Leyen] left.", &["Ursula von der Leyen (PERSON): Ursula von der Leyen | von der Leyen"]),
            // Diacritics.
            ("[PER Recep Tayyip Erdoğan] and [PER Erdogan]", &["Recep Tayyip Erdoğan (PERSON): Recep Tayyip Erdoğan | Erdogan"]),
            // Aliases and dotted acronyms.
            (
                "[LOC United States] and [LOC US] and [LOC U.S.] and [LOC USA] and [LOC the United States]",
                &["United States (LOC): United States | US | U.S. | USA | the United States"],
            ),
            ("[LOC Britain] and the [LOC UK]", &["Britain (LOC): Britain | UK"]),
            // Acronyms by initials, and labels tolerated.
            ("[ORG European Union] and [LOC EU] and [ORG EU]", &["European Union (ORG): European Union | EU | EU"]),
            ("[ORG United Nations] and [ORG U.N.]", &["United Nations (ORG): United Nations | U.N."]),
            // An acronym in brackets, even when it is not the initials.
            (
                "[ORG Turkish Armed Forces] (TSK) said. Later the [ORG TSK] said.",
                &["Turkish Armed Forces (ORG): Turkish Armed Forces | TSK"],
            ),
            (
                "[ORG Kurdistan Workers' Party] ([ORG PKK]) and [ORG PKK]",
                &["Kurdistan Workers' Party (ORG): Kurdistan Workers' Party | PKK | PKK"],
            ),
            // A shorter organisation name.
            ("[ORG Turkish Foreign Ministry] and the [ORG Foreign Ministry]", &["Turkish Foreign Ministry (ORG): Turkish Foreign Ministry | Foreign Ministry"]),
            // Same text, different labels: one entity, the most frequent label.
            ("[LOC Turkey] and [ORG Turkey] and [LOC Turkey]", &["Turkey (LOC): Turkey | Turkey | Turkey"]),
            // Must not join.
            ("[LOC Washington] and [PER George Washington]", &["Washington (LOC): Washington", "George Washington (PERSON): George Washington"]),
            ("[ORG Ministry] and [ORG Turkish Foreign Ministry]", &["Ministry (ORG): Ministry", "Turkish Foreign Ministry (ORG): Turkish Foreign Ministry"]),
            ("[PER Hami Aksoy] and [PER HA]", &["Hami Aksoy (PERSON): Hami Aksoy", "HA (PERSON): HA"]),
            ("[PER Hami Aksoy] and [PER Hami]", &["Hami Aksoy (PERSON): Hami Aksoy", "Hami (PERSON): Hami"]),
            ("[ORG European Parliament] and [ORG EU]", &["European Parliament (ORG): European Parliament", "EU (ORG): EU"]),
        ];
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got = groups_of(text);
            if got != *want {
                failures.push(format!("{text}\n   got {got:?}\n  want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn keys() {
        let cases: &[(&str, &str)] = &[("U.S.", "us"), ("Erdoğan", "erdogan"), ("Al-Qaeda", "al qaeda"), ("  São   Paulo ", "sao paulo"), ("Straße", "strasse")];
        for &(name, key) in cases {
            assert_eq!(normalise(name), key, "{name}");
        }
        assert_eq!(initials("North Atlantic Treaty Organization").as_deref(), Some("nato"));
        assert_eq!(initials("Organization of the Petroleum Exporting Countries").as_deref(), Some("opec"));
    }

    #[test]
    fn many_mentions_are_grouped_quickly() {
        // 60,000 mentions of 3,000 names: linear, not pairwise.
        let mut text = String::new();
        let mut found = Vec::new();
        for i in 0..60_000usize {
            let name = format!("Name{} Family{}", i % 3000, i % 3000);
            found.push(Candidate::new(text.len(), text.len() + name.len(), Label::Person));
            text.push_str(&name);
            text.push_str(" spoke. ");
        }
        let doc = Doc::new(&text);
        let start = std::time::Instant::now();
        let drafts = group(&doc, &found);
        assert_eq!(drafts.len(), 3000);
        assert!(start.elapsed().as_secs() < 5);
    }
}
