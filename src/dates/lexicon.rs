//! The words of time expressions, read once from `data/dates/*.tsv`, and the per-token
//! class lookup that is the extractor's cheap first check.

use crate::calendar::Weekday;
use crate::lexicon::{self, fingerprint, WordFilter, FINGERPRINT_MAX};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A unit of time, as written (`days`, `fortnight`, `decade`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Nights (counted as days: `two nights` = `P2D`).
    Night,
    /// Weeks.
    Week,
    /// Weekends (`P1WE`).
    Weekend,
    /// Fortnights (two weeks).
    Fortnight,
    /// Months.
    Month,
    /// Quarters of a year (three months).
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "s" => Unit::Second,
            "min" => Unit::Minute,
            "h" => Unit::Hour,
            "d" => Unit::Day,
            "night" => Unit::Night,
            "w" => Unit::Week,
            "weekend" => Unit::Weekend,
            "fortnight" => Unit::Fortnight,
            "m" => Unit::Month,
            "q" => Unit::Quarter,
            "y" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        })
    }

    /// True for units shorter than a day (a duration in them is written after `T`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A part of the day, with its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pod {
    /// Morning (`MO`).
    Morning,
    /// Afternoon (`AF`).
    Afternoon,
    /// Evening (`EV`).
    Evening,
    /// Night (`NI`).
    Night,
    /// Daytime (`DT`).
    Daytime,
}

impl Pod {
    fn parse(s: &str) -> Option<Pod> {
        Some(match s {
            "MO" => Pod::Morning,
            "AF" => Pod::Afternoon,
            "EV" => Pod::Evening,
            "NI" => Pod::Night,
            "DT" => Pod::Daytime,
            _ => return None,
        })
    }

    /// The TIMEX3 code: `MO`, `AF`, `EV`, `NI`, `DT`.
    pub fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
            Pod::Daytime => "DT",
        }
    }
}

/// A season, with its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    /// Spring (`SP`): March to May.
    Spring,
    /// Summer (`SU`): June to August.
    Summer,
    /// Autumn (`FA`): September to November.
    Autumn,
    /// Winter (`WI`): December to February of the next year.
    Winter,
}

impl Season {
    fn parse(s: &str) -> Option<Season> {
        Some(match s {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Autumn,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// The TIMEX3 code: `SP`, `SU`, `FA`, `WI`.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    /// The first month of the season (meteorological seasons).
    pub fn first_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }
}

/// Which part of a period a modifier picks: `early`, `mid`, `late`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// `early`, `the beginning of`, `the start of`.
    Start,
    /// `mid`, `the middle of`.
    Mid,
    /// `late`, `the end of`.
    End,
}

/// How a word of the lexicon can take part in a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Not a time word.
    None,
    /// A month name (1-12); `abbr` for `Aug`, `Sept`.
    Month { month: u8, abbr: bool },
    /// A weekday name; `abbr` for `Fri`, `plural` for `Fridays`.
    Weekday { day: Weekday, abbr: bool, plural: bool },
    /// `today` (0), `yesterday` (-1), `tomorrow` (1).
    DayRel(i8),
    /// `tonight`.
    Tonight,
    /// A unit of time; `plural` for `days`.
    Unit { unit: Unit, plural: bool },
    /// A part of the day.
    Pod { pod: Pod, plural: bool },
    /// A named hour: `noon` (12), `midnight` (0).
    Clock(u8),
    /// `last`/`past`/`previous` (-1), `this`/`current` (0), `next`/`coming`/`following` (1).
    Rel(i8),
    /// `early`, `mid`, `late`, `beginning`, `end`, ...
    Mod(Part),
    /// `every`, `each`.
    Every,
    /// `daily`, `weekly`, ...: the index of the set's TIMEX3 value in [`Tables::sets`].
    SetAdverb(u8),
    /// A season name.
    Season(Season),
    /// `a.m.` (false) or `p.m.` (true).
    Ampm(bool),
    /// A time zone abbreviation.
    Zone,
    /// `ago`.
    Ago,
    /// `few`, `several`, `some`, `many`.
    Vague,
    /// A cardinal number word (`two`, `twenty-five`).
    NumberWord,
    /// An ordinal number word (`first`, `twenty-first`).
    OrdinalWord,
    /// The first word of a holiday name.
    Holiday,
}

impl Class {
    /// True when a word of this class can start a time expression by itself.
    pub fn can_start(self) -> bool {
        !matches!(self, Class::None | Class::Ampm(_) | Class::Zone | Class::Ago)
    }
}

/// A holiday: its words (lower case, `'s` separate) and the rule giving its date.
#[derive(Clone, Debug)]
pub(crate) struct Holiday {
    /// The words of the name.
    pub words: Vec<&'static str>,
    /// The date rule (see `data/dates/holidays.tsv`).
    pub rule: &'static str,
}

/// The tense a word signals (see `data/dates/tense_words.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TenseWord {
    /// A past-tense verb.
    Past,
    /// A past-tense verb of saying (`said`).
    Report,
    /// A past form that is also the present tense and a noun (`cut`, `hit`).
    Base,
    /// A modal or future marker.
    Future,
    /// `has`, `have`: present perfect with a following participle.
    Perfect,
    /// A form of `be`.
    Be,
}

/// Bits of [`Lex::flags`]: what a token is to the grammar besides its class.
pub(crate) mod lex_flag {
    /// A function word that starts an expression when a time word follows (`the`,
    /// `from`, `more`; see `data/dates/function_words.tsv`).
    pub const STARTER: u8 = 1 << 0;
    /// A word that counts as a time word after a starter (`now`, `end`, `date`).
    pub const CUE: u8 = 1 << 1;
    /// The token holds a hyphen (`three-year`, `mid-2018`).
    pub const HYPHEN: u8 = 1 << 2;
    /// The token is a word starting with a lower-case letter.
    pub const LOWER: u8 = 1 << 3;
    /// The token holds a dash other than `-` that the grammar reads as one (`–`, `‐`, `‑`).
    pub const DASH: u8 = 1 << 4;
}

/// What the date grammar knows about one token from a single look at its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lex {
    /// The token's class (see [`classify_word`]).
    pub class: Class,
    /// Bits from [`lex_flag`].
    pub flags: u8,
}

/// An entry of the word table: a class (`Class::None` for a function word that has
/// none) and bits from [`lex_flag`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    /// The class of the word.
    pub class: Class,
    /// Bits from [`lex_flag`] (never `HYPHEN`).
    pub flags: u8,
}

/// Every table of the date extractor.
pub(crate) struct Tables {
    /// Word (as a [`fingerprint`] of its lower-case text) → class and function-word bits.
    words: FxHashMap<u128, Entry>,
    /// The fingerprints of `words`: most tokens are rejected without a hash lookup.
    filter: WordFilter,
    /// First word of a holiday name → holidays starting with it, longest name first.
    pub holidays: FxHashMap<&'static str, Vec<Holiday>>,
    /// Lower-case word → the tense it signals.
    pub tense: FxHashMap<&'static str, TenseWord>,
    /// The TIMEX3 values of `setadv` words (`P1D`), indexed by [`Class::SetAdverb`].
    pub sets: Vec<&'static str>,
}

/// The tables, parsed on first use.
pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

fn build() -> Tables {
    let mut words: FxHashMap<&'static str, Class> = FxHashMap::default();
    // Number words first: time words override them (`second` is a unit here; ordinals
    // are read with `numbers::parse_ordinal` where a day is expected).
    for row in lexicon::rows(include_str!("../../data/number_words.tsv")) {
        if row.len() < 3 {
            continue;
        }
        let class = match row[2] {
            "unit" | "ten" => Class::NumberWord,
            "ordinal" => Class::OrdinalWord,
            _ => continue,
        };
        words.insert(row[0], class);
    }
    for row in lexicon::rows(include_str!("../../data/dates/calendar_words.tsv")) {
        if row.len() < 4 {
            continue;
        }
        let Ok(n) = row[2].parse::<u8>() else { continue };
        let class = match row[1] {
            "month" if (1..=12).contains(&n) => Class::Month { month: n, abbr: row[3] == "abbr" },
            "weekday" if (1..=7).contains(&n) => {
                Class::Weekday { day: Weekday::from_index(n - 1), abbr: row[3] == "abbr", plural: row[3] == "plural" }
            }
            _ => continue,
        };
        words.insert(row[0], class);
    }
    let mut sets: Vec<&'static str> = Vec::new();
    for row in lexicon::rows(include_str!("../../data/dates/time_words.tsv")) {
        if row.len() < 3 {
            continue;
        }
        let (word, arg) = (row[0], row[2]);
        let class = match row[1] {
            "dayrel" => arg.parse().ok().map(Class::DayRel),
            "tonight" => Some(Class::Tonight),
            "unit" => Unit::parse(arg).map(|unit| Class::Unit { unit, plural: false }),
            "units" => Unit::parse(arg).map(|unit| Class::Unit { unit, plural: true }),
            "pod" => Pod::parse(arg).map(|pod| Class::Pod { pod, plural: word.ends_with('s') }),
            "clock" => arg.parse().ok().map(Class::Clock),
            "rel" => arg.parse().ok().map(Class::Rel),
            "mod" => match arg {
                "start" => Some(Class::Mod(Part::Start)),
                "mid" => Some(Class::Mod(Part::Mid)),
                "end" => Some(Class::Mod(Part::End)),
                _ => None,
            },
            "every" => Some(Class::Every),
            "setadv" => {
                let k = sets.iter().position(|s| *s == arg).unwrap_or_else(|| {
                    sets.push(arg);
                    sets.len() - 1
                });
                u8::try_from(k).ok().map(Class::SetAdverb)
            }
            "season" => Season::parse(arg).map(Class::Season),
            "ampm" => Some(Class::Ampm(arg == "pm")),
            "zone" => Some(Class::Zone),
            "ago" => Some(Class::Ago),
            "vague" => Some(Class::Vague),
            _ => None,
        };
        if let Some(class) = class {
            words.insert(word, class);
        }
    }
    let mut holidays: FxHashMap<&'static str, Vec<Holiday>> = FxHashMap::default();
    for row in lexicon::rows(include_str!("../../data/dates/holidays.tsv")) {
        if row.len() < 2 {
            continue;
        }
        let mut name: Vec<&'static str> = Vec::new();
        for w in row[0].split(' ') {
            // `new year's` → `new` `year` `'s`, as the tokenizer splits it.
            match w.strip_suffix("'s") {
                Some(stem) if !stem.is_empty() => {
                    name.push(stem);
                    name.push("'s");
                }
                _ => match w.strip_suffix('\'') {
                    Some(stem) if !stem.is_empty() => {
                        name.push(stem);
                        name.push("'");
                    }
                    _ => name.push(w),
                },
            }
        }
        let Some(&first) = name.first() else { continue };
        words.entry(first).or_insert(Class::Holiday);
        holidays.entry(first).or_default().push(Holiday { words: name, rule: row[1] });
    }
    for list in holidays.values_mut() {
        list.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
    }
    let tense = lexicon::rows(include_str!("../../data/dates/tense_words.tsv"))
        .filter(|r| r.len() >= 2)
        .filter_map(|r| {
            let t = match r[1] {
                "past" => TenseWord::Past,
                "base" => TenseWord::Base,
                "report" => TenseWord::Report,
                "future" => TenseWord::Future,
                "perfect" => TenseWord::Perfect,
                "be" => TenseWord::Be,
                _ => return None,
            };
            Some((r[0], t))
        })
        .collect();
    // Every word of the lists is short enough for an exact fingerprint.
    let mut words: FxHashMap<u128, Entry> =
        words.into_iter().filter(|(w, _)| w.len() <= FINGERPRINT_MAX).map(|(w, class)| (fingerprint(w.as_bytes()), Entry { class, flags: 0 })).collect();
    for row in lexicon::rows(include_str!("../../data/dates/function_words.tsv")).filter(|r| r[0].len() <= FINGERPRINT_MAX) {
        let flag = match row.get(1).copied() {
            Some("starter") => lex_flag::STARTER,
            Some("cue") => lex_flag::CUE,
            _ => continue,
        };
        words.entry(fingerprint(row[0].as_bytes())).or_insert(Entry { class: Class::None, flags: 0 }).flags |= flag;
    }
    let mut filter = WordFilter::default();
    for &fp in words.keys() {
        filter.insert(fp);
    }
    Tables { words, filter, holidays, tense, sets }
}

impl Tables {
    /// The entry of the word with fingerprint `fp`.
    #[inline]
    fn entry(&self, fp: u128) -> Option<&Entry> {
        if !self.filter.may_contain(fp) {
            return None;
        }
        self.words.get(&fp)
    }
}

/// Lower-cases an ASCII word into `buf`, with `’` read as `'`; `None` for words that are
/// too long or not ASCII (no time word is either).
pub(crate) fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let out = if b.is_ascii() {
            i += 1;
            b.to_ascii_lowercase()
        } else if bytes[i..].starts_with("’".as_bytes()) {
            i += "’".len();
            b'\''
        } else {
            return None;
        };
        *buf.get_mut(n)? = out;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// The class of a word, case-insensitively; a final abbreviation period is ignored
/// (`Aug.`), except where the dotted form is listed (`a.m.`).
pub(crate) fn classify_word(word: &str) -> Class {
    lex_word(word.as_bytes(), fingerprint(word.as_bytes()), false).class
}

/// The class and function-word bits of a word token with fingerprint `fp`: one hash
/// lookup, two for a word ending with a period. The function-word bits need the whole
/// word (`the`, not `the.`); the class ignores a final abbreviation period as in
/// [`classify_word`]. A word with `’` for `'` is never in the lexicon.
pub(crate) fn lex_word(word: &[u8], fp: u128, hyphen: bool) -> Lex {
    let hyphen = if hyphen { lex_flag::HYPHEN } else { 0 };
    let t = tables();
    let entry = t.entry(fp);
    let flags = hyphen | entry.map_or(0, |e| e.flags);
    if let Some(e) = entry.filter(|e| e.class != Class::None) {
        return Lex { class: e.class, flags };
    }
    let class = match word.split_last() {
        Some((b'.', stem)) => t.entry(fingerprint(stem)).map_or(Class::None, |e| e.class),
        _ => Class::None,
    };
    Lex { class, flags }
}

/// The tense a word signals, if any.
pub(crate) fn tense_word(word: &str) -> Option<TenseWord> {
    let mut buf = [0u8; 32];
    let lower = lower_ascii(word, &mut buf)?;
    tables().tense.get(lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let cases: &[(&str, Class)] = &[
            ("August", Class::Month { month: 8, abbr: false }),
            ("Aug.", Class::Month { month: 8, abbr: true }),
            ("SEPT", Class::Month { month: 9, abbr: true }),
            ("Fridays", Class::Weekday { day: Weekday::Fri, abbr: false, plural: true }),
            ("yesterday", Class::DayRel(-1)),
            ("weeks", Class::Unit { unit: Unit::Week, plural: true }),
            ("second", Class::Unit { unit: Unit::Second, plural: false }),
            ("p.m.", Class::Ampm(true)),
            ("mornings", Class::Pod { pod: Pod::Morning, plural: true }),
            ("twenty", Class::NumberWord),
            ("third", Class::OrdinalWord),
            ("Christmas", Class::Holiday),
            ("GMT", Class::Zone),
            ("Ankara", Class::None),
            ("Erdoğan", Class::None),
            ("", Class::None),
        ];
        for (w, want) in cases {
            assert_eq!(classify_word(w), *want, "{w}");
        }
    }

    #[test]
    fn every_lexicon_word_has_an_exact_fingerprint() {
        let lists = [
            include_str!("../../data/number_words.tsv"),
            include_str!("../../data/dates/calendar_words.tsv"),
            include_str!("../../data/dates/time_words.tsv"),
            include_str!("../../data/dates/function_words.tsv"),
        ];
        for list in lists {
            for row in lexicon::rows(list) {
                assert!(row[0].len() <= FINGERPRINT_MAX, "{}", row[0]);
            }
        }
        for names in tables().holidays.keys() {
            assert!(names.len() <= FINGERPRINT_MAX, "{names}");
        }
    }

    #[test]
    fn holidays_split_like_tokens() {
        let t = tables();
        let new = &t.holidays["new"];
        assert_eq!(new[0].words.len(), 4, "longest name first");
        assert_eq!(new.iter().map(|h| h.words.join(" ")).collect::<Vec<_>>()[0], "new year 's day");
        assert!(t.holidays["presidents"].iter().any(|h| h.words == ["presidents", "'", "day"]));
    }

    #[test]
    fn tense_words() {
        assert_eq!(tense_word("Said"), Some(TenseWord::Report));
        assert_eq!(tense_word("cut"), Some(TenseWord::Base));
        assert_eq!(tense_word("’ll"), Some(TenseWord::Future));
        assert_eq!(tense_word("Ankara"), None);
    }
}
