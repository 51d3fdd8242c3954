//! Attribution clauses: a speech verb with its speaker phrase (`Aksoy said`, `said a
//! senior official`, `according to a report by Reuters`).
//!
//! The speaker phrase is read from the tokens around the verb, in a window of at most
//! [`MAX_PHRASE`] tokens, so the cost per verb is constant. Capitalisation and the word
//! lists find names on their own; entities from the names extractor, when there are any,
//! refine a name's span and say whether it is a person or an organisation.

use super::quotes::is_quote_mark;
use super::words::{verb_flag, Func, NounKind, PronounKind, Verb, Words};
use crate::label::Label;
use crate::resolve::Candidate;
use crate::tokens::{flag, Doc, Kind};
use std::ops::Range;

/// The longest speaker phrase read, in tokens.
pub(crate) const MAX_PHRASE: usize = 12;

/// Whether a name is a person or an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameKind {
    /// A person (a PERSON entity, or a name that looks like one).
    Person,
    /// An organisation or a place speaking as one (`the Foreign Ministry`, `Turkey`).
    Org,
    /// Labelled an organisation but shaped like a person's name (two or more words, no
    /// organisation word, not an acronym: `Hami Aksoy`): an organisation, unless a later
    /// `he` or `she` finds no person to refer to.
    PersonShapedOrg,
}

/// Who a speaker phrase names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Who {
    /// A name, as a token range without honorifics or role words.
    Name(Range<usize>, NameKind),
    /// A subject pronoun at this token.
    Pronoun(usize, PronounKind),
    /// A phrase with no name (`the ministry`, `a senior official`): its token range, the
    /// kind of its head noun, its head token, and whether it starts with `the`.
    Phrase { range: Range<usize>, kind: Option<NounKind>, head: usize, definite: bool },
}

/// A speaker phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Speaker {
    /// Who it names.
    pub who: Who,
    /// The role or title next to the name, as a token range.
    pub role: Option<Range<usize>>,
}

/// A speech verb with its speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Clause {
    /// The verb's tokens (`said`; `according to`; `quoted as saying`).
    pub verb: Range<usize>,
    /// The tokens of the speaker phrase and the verb together.
    pub span: Range<usize>,
    /// The speaker; `None` for a participle (`, adding: “…”`).
    pub speaker: Option<Speaker>,
    /// The verb's flags.
    pub flags: u8,
    /// The clause is an attribution even without a quotation (a SOURCE).
    pub source_ok: bool,
}

/// Reads speaker phrases around speech verbs.
pub(crate) struct Parser<'a, 't> {
    /// The tokenised text.
    doc: &'a Doc<'t>,
    /// The attribution word lists.
    words: &'a Words,
    /// The resolved entities, sorted and disjoint.
    found: &'a [Candidate],
}

impl<'a, 't> Parser<'a, 't> {
    /// A parser over `doc` using the resolved entities `found` (sorted, disjoint).
    pub fn new(doc: &'a Doc<'t>, words: &'a Words, found: &'a [Candidate]) -> Self {
        Parser { doc, words, found }
    }

    /// The text of token `i`.
    fn s(&self, i: usize) -> &'t str {
        self.doc.str(i)
    }

    /// The function-word kind of token `i`.
    fn func(&self, i: usize) -> Option<Func> {
        self.words.func_at(self.doc, i)
    }

    /// True when token `i` is the punctuation `p`.
    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.doc.tokens[i].kind == Kind::Punct && self.s(i) == p
    }

    /// True for a clitic `'s`.
    fn is_possessive(&self, i: usize) -> bool {
        self.doc.is_possessive(i)
    }

    /// True for a word that starts with a capital and is not a function word capitalised
    /// only because it starts the sentence.
    fn is_cap(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        if t.kind != Kind::Word || t.has(flag::URL) || self.is_possessive(i) {
            return false;
        }
        let s = self.s(i);
        let cap = t.has(flag::CAPITALISED) || (s.starts_with("al-") || s.starts_with("el-")) && s.len() > 3;
        if !cap || self.func(i) == Some(Func::Time) || self.words.pronoun_at(self.doc, i).is_some() {
            return false;
        }
        // Capitalised only for starting a sentence or a quotation: not a name if it is a
        // function word, pronoun, speaker noun or verb (`The`, `He`, `Officials`, `Said`).
        if t.has(flag::SENT_START) || (i > 0 && is_quote_mark(self.doc, i - 1)) {
            let w = self.words;
            let mut buf = [0u8; 24];
            let verb = super::words::lower(s, &mut buf).is_some_and(|l| w.verb(l).is_some());
            return self.func(i).is_none() && w.pronoun_at(self.doc, i).is_none() && w.noun_at(self.doc, i).is_none() && !verb;
        }
        true
    }

    /// Lower-case particles inside names: `Bashar al Assad`, `Ursula von der Leyen`.
    fn is_particle(&self, i: usize) -> bool {
        self.words.is_particle(self.s(i))
    }

    /// A token that can be part of a speaker phrase.
    fn phrase_token(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        match t.kind {
            Kind::Number => true,
            Kind::Word if t.has(flag::URL) => false,
            Kind::Word => {
                let s = self.s(i);
                if let Some(f) = self.func(i) {
                    return match f {
                        Func::Stop | Func::Be | Func::Neg | Func::Aux => false,
                        // `to` only in `close to`.
                        Func::Modal => s == "to" && i > 0 && self.func(i - 1) == Some(Func::Postmod),
                        _ => true,
                    };
                }
                // A speech verb ends the phrase unless it is also a speaker noun (`reports`).
                !(self.words.verb(s).is_some() && self.words.noun(s).is_none())
            }
            Kind::Punct | Kind::Symbol => self.s(i) == "&",
        }
    }

    /// The clause around the speech verb at token `v` (outside quotations); `floor` is the
    /// first token of its sentence and `sent_end` one past its last.
    pub fn clause_at(&self, v: usize, verb: Verb, floor: usize, sent_end: usize) -> Option<Clause> {
        let n = self.doc.tokens.len();
        let mut verb_end = v + 1;
        if let Some(next) = verb.next {
            if v + 1 >= n || !self.s(v + 1).eq_ignore_ascii_case(next) {
                return None;
            }
            verb_end = v + 2;
        }
        let sent_end = sent_end.min(n);
        if verb.has(verb_flag::PREP) {
            let (speaker, end) = self.speaker_after(verb_end, sent_end)?;
            return Some(Clause { verb: v..verb_end, span: v..end, speaker: Some(speaker), flags: verb.flags, source_ok: true });
        }
        // `was quoted as saying`: the verb phrase is `quoted as saying`.
        let mut verb_start = v;
        let mut passive_ok = false;
        if verb.has(verb_flag::PART) {
            let quoted = v >= 2 && self.s(v - 1) == "as" && matches!(self.s(v - 2), "quoted" | "cited");
            if !quoted && v >= 1 && self.s(v - 1) == "as" {
                // `Interfax quoted spokesman Sergei Yastrzhembsky as saying`: the speaker
                // is between `quoted` and `as`.
                let lo = floor.max(v.saturating_sub(MAX_PHRASE + 2));
                if let Some(q) = (lo..v - 1).rev().find(|&k| matches!(self.s(k), "quoted" | "quotes" | "cited" | "cites")) {
                    if let Some((speaker, end)) = self.speaker_after(q + 1, v - 1) {
                        if end == v - 1 {
                            return Some(Clause { verb: q..q + 1, span: q..verb_end, speaker: Some(speaker), flags: verb.flags, source_ok: true });
                        }
                    }
                }
            }
            if !quoted {
                return Some(Clause { verb: v..verb_end, span: v..verb_end, speaker: None, flags: verb.flags, source_ok: false });
            }
            verb_start = v - 2;
            passive_ok = true;
        }
        if let Some((speaker, start)) = self.speaker_before(verb_start, floor, passive_ok).filter(|(sp, _)| !verb.bare || self.plural(sp)) {
            let source_ok = self.source_ok(verb, verb_end, sent_end);
            return Some(Clause { verb: verb_start..verb_end, span: start..verb_end, speaker: Some(speaker), flags: verb.flags, source_ok });
        }
        // A second verb of the sentence's subject: `Nikesh Arora, CEO of Palo Alto Networks,
        // addressed the timing and said it was …`.
        if v > floor + 1 && matches!(self.s(v - 1), "and" | "but") && !verb.bare {
            if let Some((speaker, end)) = self.speaker_after(floor, v - 1) {
                let named = matches!(speaker.who, Who::Name(..) | Who::Pronoun(..));
                if named && end + 1 < v - 1 && !(end..v - 1).any(|i| self.is_punct(i, ";") || is_quote_mark(self.doc, i)) {
                    return Some(Clause { verb: v..verb_end, span: v..verb_end, speaker: Some(speaker), flags: verb.flags, source_ok: false });
                }
            }
        }
        if verb.has(verb_flag::INV) && v > floor && (self.is_punct(v - 1, ",") || is_quote_mark(self.doc, v - 1)) {
            let (speaker, end) = self.speaker_after(verb_end, sent_end)?;
            // Inverted order ends the clause: `…, said Aksoy.` / `…, said Aksoy, the spokesman.`
            let closes_at = |i: usize| i >= sent_end || matches!(self.s(i), "." | "," | ";" | "!" | "?") || is_quote_mark(self.doc, i);
            // A short parenthesis may come first: `…, said John Thune (R-S.D.).`
            let after_parenthesis = || {
                let close = (end + 1..sent_end.min(end + 8)).find(|&i| self.is_punct(i, ")"))?;
                (self.is_punct(end, "(") && closes_at(close + 1)).then_some(())
            };
            if !closes_at(end) && after_parenthesis().is_none() {
                return None;
            }
            return Some(Clause { verb: v..verb_end, span: v..end, speaker: Some(speaker), flags: verb.flags, source_ok: verb.has(verb_flag::SRC) || verb.has(verb_flag::SRC_THAT) });
        }
        None
    }

    /// Whether a speaker can be the subject of a bare verb form (`officials say`,
    /// `they say`), which a singular noun cannot (`the final say`).
    fn plural(&self, sp: &Speaker) -> bool {
        match &sp.who {
            Who::Pronoun(i, kind) => *kind != PronounKind::Person && !self.s(*i).eq_ignore_ascii_case("it"),
            Who::Name(r, _) => self.s(r.end - 1).ends_with('s'),
            Who::Phrase { head, .. } => {
                let h = self.s(*head);
                h.ends_with('s') || self.words.is_plural_noun(h)
            }
        }
    }

    /// Whether a verb with a subject attributes without a quotation.
    fn source_ok(&self, verb: Verb, after: usize, sent_end: usize) -> bool {
        if verb.has(verb_flag::SRC) {
            return true;
        }
        if !verb.has(verb_flag::SRC_THAT) {
            return false;
        }
        // `that`, a colon or comma, a quotation or the end of the sentence must follow,
        // after adverbs and short prepositional phrases (`on Friday`, `in a statement`).
        let mut i = after;
        let mut steps = 0;
        while steps < 8 {
            if i >= sent_end {
                return true;
            }
            let s = self.s(i);
            if s == "that" || matches!(s, ":" | "," | "." | ";" | "?" | "!") || is_quote_mark(self.doc, i) {
                return true;
            }
            match self.func(i) {
                Some(Func::Adverb | Func::Time) => i += 1,
                Some(Func::Prep) => {
                    // the preposition, determiners and one word
                    i += 1;
                    while i < sent_end && self.func(i) == Some(Func::Det) {
                        i += 1;
                    }
                    i += 1;
                }
                _ if s == "to" => i += 2,
                _ => return false,
            }
            steps += 1;
        }
        false
    }

    /// The speaker phrase ending right before the verb at `v`, and where it starts.
    fn speaker_before(&self, v: usize, floor: usize, passive_ok: bool) -> Option<(Speaker, usize)> {
        let mut e = v;
        let mut steps = 0;
        let mut after_time = false;
        while e > floor && steps < 6 {
            let i = e - 1;
            if let Some(len) = self.time_entity_ending_at(i) {
                e -= len;
                after_time = true;
                steps += 1;
                continue;
            }
            match self.func(i) {
                Some(Func::Adverb | Func::Aux) => e -= 1,
                Some(Func::Time) => {
                    e -= 1;
                    after_time = true;
                }
                Some(Func::Prep | Func::Det) if after_time => {
                    e -= 1;
                    after_time = false;
                }
                Some(Func::Be) if passive_ok => e -= 1,
                Some(Func::Be | Func::Modal | Func::Neg) => return None,
                _ => break,
            }
            steps += 1;
        }
        if e <= floor {
            return None;
        }
        let mut appositive = None;
        let mut np_end = e;
        if self.is_punct(e - 1, ",") {
            // `Aksoy, the ministry's spokesman, said`
            // or a relative clause: `two officials, who asked not to be named, said`.
            let lo = floor.max(e.saturating_sub(MAX_PHRASE + 4));
            // An abbreviation's full stop is part of the appositive (`Pelosi, D-Calif., said`).
            let abbreviation_stop = |k: usize| self.s(k) == "." && !self.doc.tokens[k].has(flag::SPACE_BEFORE);
            let k = (lo..e - 1).rev().find(|&k| self.doc.tokens[k].kind == Kind::Punct && !self.is_possessive(k) && !abbreviation_stop(k))?;
            if !self.is_punct(k, ",") || k + 1 >= e - 1 {
                return None;
            }
            let relative = matches!(self.s(k + 1), "who" | "which");
            let phrase_like = (k + 1..e - 1).all(|j| self.phrase_token(j) || self.is_possessive(j) || abbreviation_stop(j));
            if !relative && !phrase_like {
                return None;
            }
            appositive = Some(k + 1..e - 1);
            np_end = k;
        }
        let mut s = np_end;
        while s > floor && np_end - s < MAX_PHRASE {
            let i = s - 1;
            if !(self.phrase_token(i) || self.is_possessive(i) || (i + 1 < np_end && self.joins_common_nouns(i, floor))) {
                break;
            }
            s -= 1;
        }
        if s >= np_end {
            return None;
        }
        let start = s;
        // A leading prepositional phrase is not the speaker: `On Friday Aksoy said`.
        let s = if self.func(s) == Some(Func::Prep) { self.trailing_chunk(s..np_end)? } else { s };
        let speaker = self.analyse(s..np_end, appositive, true)?;
        let start = match &speaker.who {
            Who::Phrase { range, .. } => range.start,
            _ => s.max(start),
        };
        Some((speaker, start))
    }

    /// `and` between two lower-case words of one phrase (`the company's founder and chief
    /// executive`, `residents and officials`); not between names (`Smith and Jones` are
    /// two speakers: the phrase is the last one).
    fn joins_common_nouns(&self, i: usize, floor: usize) -> bool {
        let lower_word = |k: usize| {
            let t = self.doc.tokens[k];
            t.kind == Kind::Word && !t.has(flag::CAPITALISED) && self.func(k).is_none()
        };
        self.s(i) == "and" && i > floor && i + 1 < self.doc.tokens.len() && lower_word(i - 1) && lower_word(i + 1)
    }

    /// The last chunk of a phrase: a trailing run of capitalised words, or a trailing
    /// noun with its modifiers back to a determiner.
    fn trailing_chunk(&self, r: Range<usize>) -> Option<usize> {
        let last = r.end.checked_sub(1)?;
        let mut s = last;
        if self.is_cap(last) {
            while s > r.start + 1 && self.is_cap(s - 1) {
                s -= 1;
            }
        } else {
            while s > r.start + 1 && !matches!(self.func(s - 1), Some(Func::Prep)) && !self.is_cap(s - 1) {
                s -= 1;
                if self.func(s) == Some(Func::Det) {
                    break;
                }
            }
        }
        (s > r.start).then_some(s)
    }

    /// Length in tokens of a DATE/TIME entity whose last token is `i`, if any.
    fn time_entity_ending_at(&self, i: usize) -> Option<usize> {
        let end = self.doc.tokens[i].end as usize;
        let k = self.found.partition_point(|c| c.end < end);
        let c = self.found.get(k).filter(|c| c.end == end && matches!(c.label, Label::Date | Label::Time))?;
        let first = self.doc.tokens.partition_point(|t| (t.start as usize) < c.start);
        Some(i + 1 - first.min(i))
    }

    /// The speaker phrase starting at `start` (after `said`, `according to`), and where it ends.
    fn speaker_after(&self, start: usize, sent_end: usize) -> Option<(Speaker, usize)> {
        let mut i = start;
        let mut content = false;
        while i < sent_end && i - start < MAX_PHRASE {
            if i > start && self.doc.tokens[i].has(flag::SENT_START) {
                break;
            }
            if !(self.phrase_token(i) || self.is_possessive(i)) {
                break;
            }
            match self.func(i) {
                Some(Func::Prep) => {
                    let joins = content && matches!(self.s(i), "of" | "for" | "from" | "by" | "with" | "near" | "inside" | "within" | "among");
                    if !joins {
                        break;
                    }
                }
                Some(Func::Det) if content && !self.func(i - 1).is_some_and(|f| matches!(f, Func::Prep | Func::Modal)) => break,
                Some(Func::Adverb | Func::Time) if content => break,
                _ => content = true,
            }
            i += 1;
        }
        // Do not end on a dangling preposition.
        while i > start && matches!(self.func(i - 1), Some(Func::Prep | Func::Postmod)) {
            i -= 1;
        }
        if i == start {
            return None;
        }
        let np = start..i;
        // An appositive after the phrase: `said Aksoy, the ministry's spokesman.`
        let mut appositive = None;
        let mut end = i;
        if i < sent_end && self.is_punct(i, ",") {
            let mut j = i + 1;
            while j < sent_end && j - i <= MAX_PHRASE && (self.phrase_token(j) || self.is_possessive(j)) {
                j += 1;
            }
            let closes = j >= sent_end || matches!(self.s(j), "." | "," | ";") || is_quote_mark(self.doc, j);
            if j > i + 1 && closes && self.func(i + 1) != Some(Func::Stop) {
                let ap = i + 1..j;
                if self.appositive_useful(&np, &ap) {
                    appositive = Some(ap);
                    end = j;
                }
            }
        }
        let speaker = self.analyse(np, appositive, false)?;
        Some((speaker, end))
    }

    /// An appositive is kept when it names the speaker or gives a role.
    fn appositive_useful(&self, np: &Range<usize>, ap: &Range<usize>) -> bool {
        let names = self.appositive_name(ap.clone()).is_some();
        let role = ap.clone().any(|k| self.words.is_role_at(self.doc, k));
        let np_has_name = self.name_in(np.clone()).is_some();
        (names && !np_has_name) || (role && np_has_name)
    }

    /// The name an appositive gives, when the appositive is that name, maybe after a
    /// determiner or title (`, Hami Aksoy,`, `, Mr. Aksoy,`); not a name at the end of
    /// something else (`, speaking to reporters in Brussels,`).
    fn appositive_name(&self, ap: Range<usize>) -> Option<Range<usize>> {
        let run = self.name_in(ap.clone())?;
        let lead_ok = (ap.start..run.start).all(|k| self.func(k) == Some(Func::Det) || self.words.is_role_at(self.doc, k) || self.words.is_honorific_at(self.doc, k));
        lead_ok.then_some(run)
    }

    /// The trailing name of a range, if its last tokens are a run of capitalised words.
    fn name_in(&self, r: Range<usize>) -> Option<Range<usize>> {
        let last = r.end.checked_sub(1)?;
        if last < r.start || !self.is_cap(last) {
            return None;
        }
        let mut s = last;
        while s > r.start {
            if self.is_cap(s - 1) {
                s -= 1;
            } else if s >= r.start + 2 && (self.is_particle(s - 1) || self.is_name_joiner(s - 1)) && self.is_cap(s - 2) {
                s -= 2;
            } else if s >= r.start + 3 && self.s(s - 1) == "the" && self.is_name_joiner(s - 2) && self.is_cap(s - 3) {
                s -= 3;
            } else {
                break;
            }
        }
        Some(s..r.end)
    }

    /// `of` or `for` inside one name or title: after a role word or an institution word
    /// (`Secretary of State`, `Bank of Canada`, `Committee for the Protection of
    /// Journalists`), or inside an entity; not `Joel Naroff of First Union`.
    fn is_name_joiner(&self, i: usize) -> bool {
        if i == 0 || !matches!(self.s(i), "of" | "for") {
            return false;
        }
        let before = self.s(i - 1);
        let capitalised = self.doc.tokens[i - 1].has(flag::CAPITALISED);
        let institution = self.words.noun(before) == Some(NounKind::Institution) || self.words.is_role(before);
        (capitalised && institution) || self.entity_label_over(i..i + 1).is_some()
    }

    /// Reads a speaker phrase `np` (and an appositive beside it) into a speaker.
    fn analyse(&self, np: Range<usize>, appositive: Option<Range<usize>>, before_verb: bool) -> Option<Speaker> {
        let w = self.words;
        if np.is_empty() {
            return None;
        }
        // A relative clause (`, who asked not to be named,`) gives no name or role.
        let appositive = appositive.filter(|ap| !matches!(self.s(ap.start), "who" | "which"));
        if np.len() == 1 {
            if let Some(kind) = w.pronoun_at(self.doc, np.start) {
                return Some(Speaker { who: Who::Pronoun(np.start, kind), role: None });
            }
        }
        // The head part ends at the first preposition after a content word, except `of`
        // inside a role (`Secretary of State Rex Tillerson`).
        let mut head_end = np.end;
        let mut seen_content = false;
        for k in np.clone() {
            match self.func(k) {
                Some(Func::Prep | Func::Postmod) if seen_content => {
                    // `of` inside a name or role: `Bank of Canada`, `Secretary of State`.
                    let next_cap = (k + 1 < np.end && self.is_cap(k + 1)) || (k + 2 < np.end && self.s(k + 1) == "the" && self.is_cap(k + 2));
                    let inside_name = k > np.start && self.is_name_joiner(k) && next_cap;
                    if !inside_name {
                        head_end = k;
                        break;
                    }
                }
                Some(Func::Det) => {}
                _ => seen_content = true,
            }
        }
        let head = np.start..head_end;
        if head.clone().all(|k| self.func(k).is_some() && !self.is_cap(k)) {
            // only function words: `all told`, `having said`
            return None;
        }
        if let Some(run) = self.name_in(head.clone()) {
            if let Some(name) = self.split_name(run.clone()) {
                let kind = self.name_kind(name.clone(), run.clone());
                let mut role = self.role_before(head.start, name.start);
                if role.is_none() {
                    role = appositive.clone().and_then(|ap| self.role_range(ap));
                }
                return Some(Speaker { who: Who::Name(name, kind), role });
            }
            // A role with no name (`the Foreign Minister`), maybe named in the appositive.
        }
        // A name given in the appositive: `the ministry's spokesman, Hami Aksoy, said`.
        if let Some(ap) = appositive.clone() {
            if let Some(run) = self.appositive_name(ap.clone()) {
                if let Some(name) = self.split_name(run.clone()) {
                    let kind = self.name_kind(name.clone(), run);
                    return Some(Speaker { who: Who::Name(name, kind), role: self.role_range(np.clone()) });
                }
            }
        }
        // A phrase without a name: its head noun is the last word of the head part; a
        // pronoun there is the speaker (`the team he says`).
        let head_tok = head.end - 1;
        if let Some(kind) = w.pronoun_at(self.doc, head_tok).filter(|_| head_end == np.end) {
            return Some(Speaker { who: Who::Pronoun(head_tok, kind), role: None });
        }
        let kind = w.noun_at(self.doc, head_tok).or_else(|| w.is_role_at(self.doc, head_tok).then_some(NounKind::Institution));
        let starts_det = self.func(np.start) == Some(Func::Det) || self.doc.tokens[np.start].kind == Kind::Number;
        let has_cap = head.clone().any(|k| self.is_cap(k) || self.is_possessive(k));
        if kind.is_none() && !starts_det && !has_cap {
            return None;
        }
        if kind.is_none() && before_verb && !starts_det && head.len() == 1 {
            return None;
        }
        // A document with its author after `by`/`from`: `a report by Reuters`.
        if kind == Some(NounKind::Document) && head_end < np.end && matches!(self.s(head_end), "by" | "from" | "of") {
            if let Some(sub) = self.analyse(head_end + 1..np.end, None, before_verb) {
                if matches!(sub.who, Who::Name(..)) {
                    return Some(sub);
                }
            }
        }
        // Words before the phrase's own determiner are not part of it (`Following the
        // meeting the Foreign Secretary` → `the Foreign Secretary`).
        let mut start = np.start;
        if !starts_det {
            if let Some(d) = (np.start + 1..head_tok).rev().find(|&k| self.func(k) == Some(Func::Det)) {
                start = d;
            }
        }
        let definite = self.s(start).eq_ignore_ascii_case("the");
        Some(Speaker { who: Who::Phrase { range: start..np.end, kind, head: head_tok, definite }, role: None })
    }

    /// The name in a capitalised run, after the role or honorific words before it
    /// (`Foreign Minister Mevlut Cavusoglu`, `Mr. Aksoy`).
    fn split_name(&self, run: Range<usize>) -> Option<Range<usize>> {
        let w = self.words;
        let is_title = |k: usize| w.is_role_at(self.doc, k) || w.is_honorific_at(self.doc, k);
        // A PERSON entity ending the run bounds the name (`Turkish Foreign Ministry Hami
        // Aksoy`), unless the run joins it to what comes before (`Observatory for Human Rights`).
        let lo = match self.entity_tokens_ending_at(run.end - 1, Label::Person) {
            Some(ent) if ent.start > run.start && (self.is_name_joiner(ent.start - 1) || self.is_particle(ent.start - 1)) => run.start,
            Some(ent) => ent.start.max(run.start),
            None => run.start,
        };
        // The name follows the last role word or honorific (`Panamanian Boxing Association
        // President Ramon Manzanares`, `Mr. Aksoy`) ...
        // (a title as the last word is a surname: `Prime Minister John Major`)
        let mut s = lo;
        for k in lo..run.end - 1 {
            if is_title(k) {
                s = k + 1;
            }
        }
        // Only a title at the end: after `the` a role (`the Foreign Secretary`), else a
        // name (`Stephen King`).
        let the_before = lo == run.start && lo > 0 && self.func(lo - 1) == Some(Func::Det);
        if s == lo && is_title(run.end - 1) && the_before {
            return None;
        }
        // ... and after `Secretary of`, the words up to the name belong to the role: the
        // name is the last two words (one when only two follow).
        if s > lo && s < run.end && self.is_name_joiner(s) {
            let rest = run.end - s - 1;
            s = if rest >= 3 { run.end - 2 } else { run.end - 1 };
        }
        if s >= run.end {
            // Only titles after the start: strip leading titles only.
            s = lo;
            while s < run.end && is_title(s) {
                s += 1;
            }
        }
        (s < run.end).then_some(s..run.end)
    }

    /// Whether a name is a person or an organisation: the entity's label when there is
    /// one, else organisation words and acronyms say organisation.
    fn name_kind(&self, name: Range<usize>, run: Range<usize>) -> NameKind {
        let org_word = run.clone().any(|k| self.words.noun_at(self.doc, k) == Some(NounKind::Institution) && !self.words.is_role_at(self.doc, k));
        let acronym = name.len() == 1 && self.doc.tokens[name.start].has(flag::ALL_CAPS) && self.s(name.start).len() >= 2;
        if let Some(label) = self.entity_label_over(name.clone()) {
            return match label {
                Label::Person => NameKind::Person,
                Label::Org if name.len() >= 2 && !org_word && !acronym => NameKind::PersonShapedOrg,
                _ => NameKind::Org,
            };
        }
        if org_word || acronym {
            NameKind::Org
        } else {
            NameKind::Person
        }
    }

    /// The role before a name inside its phrase: the words from the phrase start (after
    /// determiners) to the name, when one of them is a role word.
    fn role_before(&self, start: usize, name_start: usize) -> Option<Range<usize>> {
        if name_start <= start {
            return None;
        }
        self.role_range(start..name_start)
    }

    /// A token range as a role: determiners trimmed; it must hold a role word.
    pub fn role_range(&self, r: Range<usize>) -> Option<Range<usize>> {
        let mut s = r.start;
        // `Before the match Deportivo chairman` → `Deportivo chairman`
        while s < r.end && self.func(s) == Some(Func::Prep) {
            s += 1;
            while s < r.end && self.func(s) == Some(Func::Det) {
                s += 1;
            }
            s += 1;
        }
        let mut s = s.min(r.end);
        while s < r.end && self.func(s) == Some(Func::Det) {
            s += 1;
        }
        let mut e = r.end;
        while e > s && (self.is_punct(e - 1, ",") || self.words.is_honorific_at(self.doc, e - 1)) {
            e -= 1;
        }
        (s < e && (s..e).any(|k| self.words.is_role_at(self.doc, k))).then_some(s..e)
    }

    /// The token range of a resolved entity with `label` whose last token is `i`.
    fn entity_tokens_ending_at(&self, i: usize, label: Label) -> Option<Range<usize>> {
        let end = self.doc.tokens[i].end as usize;
        let k = self.found.partition_point(|c| c.end < end);
        let c = self.found.get(k).filter(|c| c.end == end && c.label == label)?;
        let first = self.doc.tokens.partition_point(|t| (t.start as usize) < c.start);
        Some(first..i + 1)
    }

    /// The label of the entity covering the last token of `r`, if any.
    fn entity_label_over(&self, r: Range<usize>) -> Option<Label> {
        let last = self.doc.tokens[r.end - 1];
        let k = self.found.partition_point(|c| c.end <= last.start as usize);
        self.found.get(k).filter(|c| c.start < last.end as usize).map(|c| c.label)
    }

    /// The role phrase right before a name outside any clause (`Turkish Foreign Ministry
    /// spokesman Hami Aksoy`) or in an appositive right after it (`Aksoy, the spokesman,`).
    pub fn role_near(&self, name: Range<usize>, floor: usize, ceiling: usize) -> Option<Range<usize>> {
        // Before: back over capitalised words, role words, possessives and determiners.
        let mut s = name.start;
        while s > floor && name.start - s < 8 {
            let i = s - 1;
            let ok = self.is_cap(i) || self.words.is_role_at(self.doc, i) || self.is_possessive(i) || (self.doc.tokens[i].kind == Kind::Word && self.func(i).is_none() && !self.doc.tokens[i].has(flag::CAPITALISED));
            if !ok || self.words.verb_at(self.doc, i).is_some() {
                break;
            }
            s -= 1;
        }
        // The role must end right before the name with a role word (or honorific after it).
        let mut e = name.start;
        while e > s && self.words.is_honorific_at(self.doc, e - 1) {
            e -= 1;
        }
        if e > s && self.words.is_role_at(self.doc, e - 1) {
            // Start at the first role-ish token: drop leading lower-case words that are
            // not part of a title (`met spokesman X`).
            let mut first = s;
            while first < e - 1 && !self.doc.tokens[first].has(flag::CAPITALISED) && !self.words.is_role_at(self.doc, first) && !self.is_possessive(first + 1) {
                first += 1;
            }
            return Some(first..e);
        }
        // After: `, the ministry's spokesman,`
        let n = ceiling.min(self.doc.tokens.len());
        if name.end < n && self.is_punct(name.end, ",") {
            let mut j = name.end + 1;
            while j < n && j - name.end <= 8 && (self.phrase_token(j) || self.is_possessive(j)) {
                j += 1;
            }
            if j > name.end + 1 && j < n && matches!(self.s(j), "," | "." | ")") && self.func(name.end + 1) == Some(Func::Det) {
                return self.role_range(name.end + 1..j);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::words::words;

    /// Parses the first speech verb of `text` with no entities; returns
    /// (speaker text, role text, kind tag, span text).
    fn parse(text: &str) -> Option<(String, String, &'static str, String, bool)> {
        let doc = Doc::new(text);
        let w = words();
        let p = Parser::new(&doc, w, &[]);
        let v = (0..doc.tokens.len()).find(|&i| w.verb(doc.str(i)).is_some())?;
        let c = p.clause_at(v, w.verb(doc.str(v))?, 0, doc.tokens.len())?;
        let sp = c.speaker?;
        let (who, tag) = match &sp.who {
            Who::Name(r, NameKind::Person) => (doc.slice(r.start, r.end - 1).to_string(), "person"),
            Who::Name(r, NameKind::Org | NameKind::PersonShapedOrg) => (doc.slice(r.start, r.end - 1).to_string(), "org"),
            Who::Pronoun(i, _) => (doc.str(*i).to_string(), "pronoun"),
            Who::Phrase { range, kind, .. } => (
                doc.slice(range.start, range.end - 1).to_string(),
                match kind {
                    Some(NounKind::Anonymous) => "anonymous",
                    Some(NounKind::Institution) => "institution",
                    Some(NounKind::Document) => "document",
                    None => "phrase",
                },
            ),
        };
        let role = sp.role.map(|r| doc.slice(r.start, r.end - 1).to_string()).unwrap_or_default();
        Some((who, role, tag, doc.slice(c.span.start, c.span.end - 1).to_string(), c.source_ok))
    }

    #[test]
    fn speaker_phrases() {
        // text => (speaker, role, kind, clause span, attributes without a quotation)
        type Want<'a> = Option<(&'a str, &'a str, &'a str, &'a str, bool)>;
        let cases: &[(&str, Want)] = &[
            ("Aksoy said it was over.", Some(("Aksoy", "", "person", "Aksoy said", true))),
            ("Turkish Foreign Ministry spokesman Hami Aksoy said so.", Some(("Hami Aksoy", "Turkish Foreign Ministry spokesman", "person", "Turkish Foreign Ministry spokesman Hami Aksoy said", true))),
            ("Aksoy, the ministry's spokesman, said so.", Some(("Aksoy", "ministry's spokesman", "person", "Aksoy, the ministry's spokesman, said", true))),
            ("The ministry's spokesman, Hami Aksoy, said so.", Some(("Hami Aksoy", "ministry's spokesman", "person", "The ministry's spokesman, Hami Aksoy, said", true))),
            ("Foreign Minister Mevlut Cavusoglu told reporters.", Some(("Mevlut Cavusoglu", "Foreign Minister", "person", "Foreign Minister Mevlut Cavusoglu told", true))),
            ("Mr. Aksoy said so.", Some(("Aksoy", "", "person", "Mr. Aksoy said", true))),
            ("Officials said so.", Some(("Officials", "", "anonymous", "Officials said", true))),
            ("Two senior Turkish officials told Reuters.", Some(("Two senior Turkish officials", "", "anonymous", "Two senior Turkish officials told", true))),
            ("A source close to the talks said so.", Some(("A source close to the talks", "", "anonymous", "A source close to the talks said", true))),
            ("The Turkish Foreign Ministry said so.", Some(("Turkish Foreign Ministry", "", "org", "The Turkish Foreign Ministry said", true))),
            ("The ministry said so.", Some(("The ministry", "", "institution", "The ministry said", true))),
            ("On Friday Aksoy said so.", Some(("Aksoy", "", "person", "Aksoy said", true))),
            ("Aksoy later said so.", Some(("Aksoy", "", "person", "Aksoy later said", true))),
            ("He said so.", Some(("He", "", "pronoun", "He said", true))),
            ("U.S. Secretary of State Rex Tillerson said so.", Some(("Rex Tillerson", "U.S. Secretary of State", "person", "U.S. Secretary of State Rex Tillerson said", true))),
            ("Turkey will respond, said Aksoy.", Some(("Aksoy", "", "person", "said Aksoy", true))),
            ("It is over, said a spokesman for the ministry.", Some(("a spokesman for the ministry", "", "institution", "said a spokesman for the ministry", true))),
            ("It is over, according to a report by Reuters.", Some(("Reuters", "", "person", "according to a report by Reuters", true))),
            ("According to people familiar with the matter, it is over.", Some(("people familiar with the matter", "", "anonymous", "According to people familiar with the matter", true))),
            // Not attributions.
            ("He was told to leave.", None),
            ("Aksoy would not say whether it was over.", None),
            ("Aksoy declined to say.", None),
            ("Insurance claims rose.", Some(("Insurance", "", "person", "Insurance claims", false))),
            ("The army claimed the lives of many.", Some(("The army", "", "institution", "The army claimed", false))),
            ("The army claimed on Friday that it won.", Some(("The army", "", "institution", "The army claimed", true))),
            ("Aksoy added.", Some(("Aksoy", "", "person", "Aksoy added", true))),
            ("Turkey added 500 troops.", Some(("Turkey", "", "person", "Turkey added", false))),
            ("Aksoy asked why.", Some(("Aksoy", "", "person", "Aksoy asked", false))),
        ];
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got = parse(text);
            let want = want.map(|(a, b, c, d, e)| (a.to_string(), b.to_string(), c, d.to_string(), e));
            if got != want {
                failures.push(format!("{text}\n   got {got:?}\n  want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
