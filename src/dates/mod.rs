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
            Some(numtok::Shape::Int(_, digits)) if digits <= 3 => {
                (i + 1..=i + 4).any(|j| match cx.kind(j) {
                    Some(Kind::Word) => !matches!(cx.class(j), lexicon::Class::None) || cx.is_any(j, &words!["o'clock", "oclock", "o’clock", "BC", "B.C.", "B.C", "BCE"]),
                    Some(Kind::Number) => !matches!(cx.shape(j), Some(numtok::Shape::Int(..))),
                    _ => false,
                }) && small_int_follow_ok(cx, i)
            }
            // A number with no shape here (`1,200`, `2.5.1`) is read only as a count before
            // a unit (durations::count, the one rule that parses its digits): a word must
            // follow it.
            None => cx.kind(i + 1) == Some(Kind::Word),
            Some(numtok::Shape::Pair(a, ad, b, bd, sep)) => pair_may_start(cx, i, (a, ad), (b, bd), sep),
            _ => true,
        },
        Kind::Word => {
            if tok.has(flag::HAS_DIGIT) {
                return true;
            }
            if cx.class(i).can_start() {
                // A holiday word (`New`, `Good`, `International`) starts an expression
                // only as the first word of a holiday's name, unless a starter or cue.
                return cx.class(i) != lexicon::Class::Holiday || !refused_holiday_word(cx, i);
            }
            if cx.hyphenated(i) {
                if let Some((head, _)) = cx.text(i).split_once('-') {
                    // `three-year`, `mid-November`, `five-thirty`, `Jan-Feb`
                    return lexicon::classify_word(head).can_start();
                }
            }
            // `FY` in capitals only, `fiscal` in any case (a fingerprint comparison).
            if cx.is(i, word!("fiscal")) || (cx.is(i, word!("FY")) && cx.text(i) == "FY") {
                return true;
            }
            // A function word starts an expression only with a time word or a number
            // right after it (`the 1990s`, `a week`, `from 2007`, `more than 4 days`),
            // and only with a word after it that one of its rules reads.
            starter_may_start(cx, i) && starter_follow_ok(cx, i)
        }
        _ => false,
    }
}

/// True when the token after a plain number of up to three digits at `i` is one that a
/// rule reading such a number first reads next: a month (absolute::day_led), a unit or a
/// direction word (durations::count, relative::counted and count_then_rel), a.m./p.m.,
/// `o'clock`, a zone or what follows a clock (times::clock_at, past_to, clock_then), a
/// range connective (ranges::day_span, time_range), `times`/`a`/`per` (sets::times_per),
/// `BC` and `/` (absolute::number_led).
fn small_int_follow_ok(cx: &Ctx, i: usize) -> bool {
    use lexicon::Class;
    let j = i + 1;
    match cx.class(j) {
        Class::Month { .. } | Class::Ampm(_) | Class::Rel(_) | Class::Tonight | Class::DayRel(_) | Class::Weekday { .. } | Class::Unit { .. } | Class::Zone => {
            return true;
        }
        _ => {}
    }
    if cx.dash(j) || cx.punct(j, word!("/")) || cx.punct(j, word!("(")) {
        return true;
    }
    if cx.punct(j, word!(",")) {
        // times::clock_then: `5, this evening` reads a day with a part after the comma.
        return cx.is_any(j + 1, &words!["early", "late"]) || matches!(cx.class(j + 1), Class::Rel(_) | Class::Tonight);
    }
    cx.is_any(j, &words!["of", "day", "BC", "B.C.", "B.C", "BCE", "o'clock", "oclock", "o’clock", "past", "after", "to", "before", "in", "early", "late", "at", "and", "times", "a", "per", "till", "til", "until", "through", "thru"])
}

/// True when a number of two parts (`6-4`, `2.5`, `1996-97`) at `i` may start an
/// expression: the conditions of the rules that read such a token first
/// (ranges::one_token, ranges::day_span, ranges::clock_pair, absolute::number_led,
/// times::clock_at, durations::count); `/` and `:` pairs always may.
fn pair_may_start(cx: &Ctx, i: usize, (a, ad): (u32, u8), (b, bd): (u32, u8), sep: char) -> bool {
    use lexicon::Class;
    match sep {
        '-' | '~' if ad == 4 && (1000..=2999).contains(&a) => true, // `2014-2018`
        '-' if ad <= 2 && bd == 4 => true,                          // `12-2015`
        '-' if ad <= 2 && bd <= 2 => {
            // `3-5 March` (or `3-5 of March`), `1-3 pm`
            let month = |j: usize| matches!(cx.class(j), Class::Month { .. });
            month(i + 1) || (cx.is(i + 1, word!("of")) && month(i + 2)) || matches!(cx.class(i + 1), Class::Ampm(_))
        }
        '-' | '~' => false,
        '.' => {
            // `8.30 pm` (a clock), `2.5 hours` (a count before a word), `Friday 7.6`
            let clock_like = ad <= 2 && a <= 24 && bd == 2 && b < 60;
            let after_weekday = ad <= 2 && bd <= 2 && i > 0 && matches!(cx.class(i - 1), Class::Weekday { .. });
            clock_like || after_weekday || cx.kind(i + 1) == Some(Kind::Word)
        }
        _ => true,
    }
}

/// True when [`can_start`] refuses token `i` only for what follows it (the rules read
/// off the grammar by hand, checked in debug builds).
fn refused_by_follow_rules(cx: &Ctx, i: usize) -> bool {
    match cx.kind(i) {
        Some(Kind::Word) => (starter_may_start(cx, i) && !starter_follow_ok(cx, i)) || (cx.class(i) == lexicon::Class::Holiday && refused_holiday_word(cx, i)),
        Some(Kind::Number) => match cx.shape(i) {
            None => cx.kind(i + 1) != Some(Kind::Word),
            Some(numtok::Shape::Int(_, digits)) if digits <= 3 => !small_int_follow_ok(cx, i),
            Some(numtok::Shape::Pair(a, ad, b, bd, sep)) => !pair_may_start(cx, i, (a, ad), (b, bd), sep),
            _ => false,
        },
        _ => false,
    }
}

/// True when the holiday word `i` (a word of [`lexicon::Class::Holiday`]) starts no
/// holiday name here and no other rule reads it: only [`absolute::holiday`] reads such a
/// word by its class, and by its text only rules of starters and cues (`all day`).
fn refused_holiday_word(cx: &Ctx, i: usize) -> bool {
    !absolute::holiday_name_at(cx, i) && !cx.has(i, flag::HAS_DIGIT) && !cx.hyphenated(i) && !cx.lex_has(i, lex_flag::STARTER) && !cx.lex_has(i, lex_flag::CUE)
}

/// True when word `i` is a starter with a number, time word or starter within two tokens.
fn starter_may_start(cx: &Ctx, i: usize) -> bool {
    cx.lex_has(i, lex_flag::STARTER) && (1..=2).any(|k| time_word_at(cx, i + k))
}

/// True when the token after the starter `i` (a function word without a class) is one
/// that a rule starting with that word reads next. Each arm is a necessary condition
/// taken from the rules that accept the word at their first token (named in the
/// comments); any other starter passes. A debug build checks every refusal against the
/// full parse (see [`extract`]).
fn starter_follow_ok(cx: &Ctx, i: usize) -> bool {
    use lexicon::Class;
    let j = i + 1;
    let unit = matches!(cx.class(j), Class::Unit { .. });
    if cx.is_any(i, &words!["the", "from", "between"]) {
        // `the`: the rules that skip it and anything a point, clock or time can start
        // with; `from`/`between`: the range that reads from the next token on.
        return time_word_at(cx, j) || cx.dashed(j) || cx.is_any(j, &words!["FY", "fiscal", "preceding"]);
    }
    if cx.is_any(i, &words!["a", "an"]) {
        // durations::count / plain (`a week`, `a few`, `a couple of`), times::past_to
        // (`a quarter to`), sets::times_per (`a times`).
        return unit || cx.is_any(j, &words!["few", "couple", "quarter", "times"]);
    }
    if cx.is_any(i, &words!["more", "less", "fewer", "sooner"]) {
        return cx.is(j, word!("than")); // durations::duration, relative::counted, limits
    }
    if cx.is(i, word!("at")) {
        return cx.is_any(j, &words!["least", "most", "present"]); // durations, counted, vague
    }
    if cx.is(i, word!("as")) {
        return cx.is_any(j, &words!["early", "late", "soon"]); // limits::prefixed
    }
    if cx.is(i, word!("half")) {
        // durations::count (`half an hour`), times::past_to (`half past seven`)
        return cx.is_any(j, &words!["a", "an", "min", "mins", "minutes", "minute", "past", "after", "to", "before"]);
    }
    if cx.is_any(i, &words!["once", "twice", "thrice"]) {
        return cx.is_any(j, &words!["a", "an", "per", "each"]) || cx.class(j) == Class::Every; // sets::times_per
    }
    if cx.is(i, word!("right")) {
        return cx.is(j, word!("now")); // relative::vague
    }
    if cx.is_any(i, &words!["earlier", "later"]) {
        // limits (`later than`), relative::earlier_later, times::pod_led (`later in the`)
        return cx.is_any(j, &words!["than", "in"]) || matches!(cx.class(j), Class::Rel(_) | Class::DayRel(_));
    }
    if cx.is_any(i, &words!["recent", "that", "same"]) {
        return unit; // relative::vague (`recent years`, `that day`, `the same week`)
    }
    if cx.is(i, word!("couple")) {
        // durations::count (`couple of days`), relative::count_then_rel (`couple next
        // weeks`), sets::times_per (`couple a day`, `couple times a week`)
        return unit || matches!(cx.class(j), Class::Rel(_)) || cx.is_any(j, &words!["of", "times", "a", "per"]);
    }
    if cx.is(i, word!("calendar")) {
        return cx.is(j, word!("year")); // absolute::named_year
    }
    if cx.is(i, word!("cy")) {
        // absolute::named_year: `cy year 2008`, `cy 2008`, `cy two thousand eight`
        return cx.is(j, word!("year")) || cx.kind(j) == Some(Kind::Number) || cx.class(j) == Class::NumberWord;
    }
    if cx.is_any(i, &words!["no", "not"]) {
        return cx.is_any(j, &words!["later", "earlier", "sooner"]); // limits::prefixed
    }
    true
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
            // The follow rules of starters are read off the grammar by hand: a debug build
            // (every test) checks each refusal against the full parse.
            debug_assert!(
                doc.tokens[i].has(flag::URL) || !refused_by_follow_rules(&cx, i) || parse_at(&cx, i).is_none(),
                "a token refused by the follow rules parses: {:?}",
                cx.text(i)
            );
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
        // TIMEX3 spans leave out a leading preposition: `from 2 to 5 December` →
        // `2 to 5 December` (the grammar reads it to know the range).
        let lead = end_tok > i + 1 && cx.is_any(i, &words!["from", "between"]);
        let start = doc.tokens[if lead { i + 1 } else { i }].start as usize;
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
