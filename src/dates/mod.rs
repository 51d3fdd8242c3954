//! Dates, times, durations and sets (TIMEX3): found in the tokens, resolved against the
//! reference date.
//!
//! The grammar is layered: [`absolute`] dates, [`relative`] dates and [`parts`] of periods
//! make a *point*; [`times`] attach hours to points; [`ranges`] join two points or two
//! times; [`sets`] and [`durations`] stand beside them. At each token that can start an
//! expression (a cheap class lookup, see [`lexicon`]) the longest parse wins; [`anchor`]
//! then places what the text leaves open using the [`tense`] of the clause.

/// A [`cx::Word`] built at compile time: `word!("the")`.
macro_rules! word {
    ($w:literal) => {
        const { $crate::dates::cx::Word::new($w) }
    };
}

/// An array of [`cx::Word`]s built at compile time: `words!["to", "until"]`.
macro_rules! words {
    [$($w:literal),* $(,)?] => {
        const { [$($crate::dates::cx::Word::new($w)),*] }
    };
}

mod absolute;
mod anchor;
mod cx;
mod durations;
mod holidays;
mod lexicon;
mod limits;
mod numtok;
mod parts;
mod ranges;
mod relative;
mod sets;
mod spec;
mod stretches;
mod tense;
mod times;

use crate::analysis::Value;
use crate::options::Options;
use crate::resolve::Candidate;
use crate::tokens::{flag, Doc, Kind};
use cx::{keep_longer, longer, Ctx, Found};
use lexicon::lex_flag;

/// Priority of date candidates against other extractors' spans of the same length.
const PRIORITY: u8 = 3;

/// The longest calendar point (a date or period, absolute or relative) starting at `i`.
pub(crate) fn point(cx: &Ctx, i: usize) -> Option<Found> {
    cx.points.get(i, || {
        let best = longer(absolute::absolute(cx, i), relative::relative(cx, i));
        longer(best, parts::part(cx, i))
    })
}

/// True when token `i` may start a time expression: the cheap test run on every token.
fn can_start(cx: &Ctx, i: usize) -> bool {
    let tok = cx.doc.tokens[i];
    match tok.kind {
        // A small plain number (`3`, `45`) starts an expression only with a time word soon
        // after it (`3 p.m.`, `2 weeks`, `9 to 12 of June`); sports tables and counts are
        // passed over without parsing.
        Kind::Number => match cx.shape(i) {
            Some(numtok::Shape::Int(_, digits)) if digits <= 3 => (i + 1..=i + 4).any(|j| match cx.kind(j) {
                Some(Kind::Word) => !matches!(cx.class(j), lexicon::Class::None) || cx.is_any(j, &words!["o'clock", "oclock", "o’clock", "BC", "B.C.", "B.C", "BCE"]),
                Some(Kind::Number) => !matches!(cx.shape(j), Some(numtok::Shape::Int(..))),
                _ => false,
            }),
            _ => true,
        },
        Kind::Word => {
            if cx.class(i).can_start() || tok.has(flag::HAS_DIGIT) {
                return true;
            }
            let text = cx.text(i);
            if cx.hyphenated(i) {
                if let Some((head, _)) = text.split_once('-') {
                    // `three-year`, `mid-November`, `five-thirty`, `Jan-Feb`
                    return lexicon::classify_word(head).can_start();
                }
            }
            if text == "FY" || text.eq_ignore_ascii_case("fiscal") {
                return true;
            }
            // A function word starts an expression only with a time word or a number
            // right after it (`the 1990s`, `a week`, `from 2007`, `more than 4 days`).
            cx.lex_has(i, lex_flag::STARTER) && (1..=2).any(|k| time_word_at(cx, i + k))
        }
        _ => false,
    }
}

/// True when token `j` is a number, a time word or another starter.
fn time_word_at(cx: &Ctx, j: usize) -> bool {
    match cx.kind(j) {
        Some(Kind::Number) => true,
        Some(Kind::Word) => {
            !matches!(cx.class(j), lexicon::Class::None) || cx.has(j, flag::HAS_DIGIT) || cx.lex_has(j, lex_flag::STARTER) || cx.lex_has(j, lex_flag::CUE)
        }
        _ => false,
    }
}

/// The longest expression of any kind starting at `i`.
fn parse_at(cx: &Ctx, i: usize) -> Option<Found> {
    let mut best = ranges::range(cx, i);
    keep_longer(&mut best, sets::set(cx, i));
    keep_longer(&mut best, times::time(cx, i));
    keep_longer(&mut best, point(cx, i));
    keep_longer(&mut best, durations::duration(cx, i));
    keep_longer(&mut best, durations::vague_duration(cx, i));
    keep_longer(&mut best, stretches::stretch(cx, i));
    keep_longer(&mut best, limits::prefixed(cx, i));
    // `2012 or later`
    if let Some(f) = best.as_mut() {
        if let (cx::Found { expr: spec::Expr::Date(_), .. }, Some(end)) = (*f, limits::suffix_end(cx, f.end)) {
            f.end = end;
            f.end_byte = None;
        }
    }
    best
}

/// Proposes DATE, TIME, DURATION and SET spans with TIMEX3 values.
// Not inlined: the extractor stays one frame in profiles (one call per text).
#[inline(never)]
pub(crate) fn extract(doc: &Doc, options: &Options, out: &mut Vec<Candidate>) {
    let cx = Ctx::new(doc, options);
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        if doc.tokens[i].has(flag::URL) || !can_start(&cx, i) {
            i += 1;
            continue;
        }
        let Some(found) = parse_at(&cx, i) else {
            i += 1;
            continue;
        };
        let end_tok = found.end.clamp(i + 1, n);
        let tense = if anchor::needs_tense(&found.expr) && options.reference_date.is_some() {
            tense::tense_at(doc, cx.sentence_of(i), i, end_tok)
        } else {
            tense::Tense::Unknown
        };
        let (label, value) = anchor::finish(found.expr, options.reference_date, tense);
        let start = doc.tokens[i].start as usize;
        let mut end = found.end_byte.unwrap_or(doc.tokens[end_tok - 1].end as usize);
        // `on Aug.` at the end of a sentence: the period ends the sentence.
        let last = doc.tokens[end_tok - 1];
        let sentence_ends = end_tok == n || doc.tokens[end_tok].has(flag::SENT_START);
        let calendar_abbr = matches!(cx.class(end_tok - 1), lexicon::Class::Month { .. } | lexicon::Class::Weekday { .. });
        if found.end_byte.is_none() && calendar_abbr && last.has(flag::ABBREV) && sentence_ends && doc.text[..end].ends_with('.') {
            end -= 1;
        }
        out.push(Candidate::new(start, end, label).with_value(Value::Temporal(value)).with_priority(PRIORITY));
        i = end_tok;
    }
}

/// Helpers for the table-driven tests of the grammar modules.
#[cfg(test)]
pub(crate) mod testing {
    use super::cx::{Ctx, Found};
    use crate::calendar::Date;
    use crate::options::Options;
    use crate::tokens::Doc;

    /// Runs `parse` at the first token of `text` (reference date 2017-08-04, a Friday; no
    /// tense) and gives the span it covers and its TIMEX3 value.
    pub(crate) fn first(text: &str, parse: fn(&Ctx, usize) -> Option<Found>) -> Option<(String, String)> {
        let doc = Doc::new(text);
        let options = Options { reference_date: Date::parse_iso("2017-08-04"), ..Options::default() };
        let cx = Ctx::new(&doc, &options);
        let found = parse(&cx, 0)?;
        let (_, value) = super::anchor::finish(found.expr, options.reference_date, super::tense::Tense::Unknown);
        let end = found.end_byte.unwrap_or(doc.tokens[found.end - 1].end as usize);
        Some((text[..end].to_string(), value.timex))
    }

    /// Checks a table of `(text, expected (span, timex))` against `parse`.
    pub(crate) fn check(parse: fn(&Ctx, usize) -> Option<Found>, cases: &[(&str, Option<(&str, &str)>)]) {
        for (text, want) in cases {
            let got = first(text, parse);
            assert_eq!(got.as_ref().map(|(s, t)| (s.as_str(), t.as_str())), *want, "{text:?}");
        }
    }
}
