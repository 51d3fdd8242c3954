//! Reading the inside of one token that holds digits: `2017-08-01`, `3pm`, `15:30`,
//! `1990s`, `18-month`, `10am-12pm`, `Q3`, `FY2018`, `mid-2018`.
//!
//! A token is cut into at most [`MAX_PARTS`] runs of digits, letters and single separators;
//! the shapes below are patterns over those runs. Nothing here allocates.

/// The most runs a token may have to be read here.
pub(crate) const MAX_PARTS: usize = 12;

/// One run inside a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Run<'a> {
    /// Digits: value (saturating) and count of digits.
    Digits(u32, u8),
    /// ASCII letters (as written).
    Alpha(&'a str),
    /// One separator character.
    Sep(char),
}

/// The runs of a token, stored inline.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Runs<'a> {
    runs: [Run<'a>; MAX_PARTS],
    len: usize,
}

impl<'a> Runs<'a> {
    /// Cuts `s` into runs; `None` when it has too many runs, two separators in a row,
    /// or a character that is neither an ASCII letter, a digit nor a separator
    /// (`- / . : ~ – '`).
    pub fn new(s: &'a str) -> Option<Runs<'a>> {
        let mut runs = [Run::Sep(' '); MAX_PARTS];
        let mut len = 0;
        let b = s.as_bytes();
        let mut i = 0;
        while i < s.len() {
            if len == MAX_PARTS {
                return None;
            }
            let c = b[i];
            if c.is_ascii_digit() {
                let start = i;
                let mut v: u32 = 0;
                while i < s.len() && b[i].is_ascii_digit() {
                    v = v.saturating_mul(10).saturating_add((b[i] - b'0') as u32);
                    i += 1;
                }
                runs[len] = Run::Digits(v, (i - start).min(255) as u8);
            } else if c.is_ascii_alphabetic() {
                let start = i;
                while i < s.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                runs[len] = Run::Alpha(&s[start..i]);
            } else {
                let ch = s[i..].chars().next()?;
                if !matches!(ch, '-' | '/' | '.' | ':' | '~' | '–' | '\'' | '‐' | '‑') {
                    return None;
                }
                if len > 0 && matches!(runs[len - 1], Run::Sep(_)) {
                    return None;
                }
                let ch = if matches!(ch, '–' | '‐' | '‑') { '-' } else { ch };
                runs[len] = Run::Sep(ch);
                i += s[i..].chars().next().map_or(1, char::len_utf8);
            }
            len += 1;
        }
        Some(Runs { runs, len })
    }

    /// The runs as a slice.
    pub fn as_slice(&self) -> &[Run<'a>] {
        &self.runs[..self.len]
    }
}

/// A clock time read from a token: `15:30`, `3pm`, `8:45a`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ClockTok {
    /// Hour as written (0-24).
    pub hour: u8,
    /// Minutes, when written.
    pub minute: Option<u8>,
    /// `Some(true)` for p.m., `Some(false)` for a.m., `None` when not written.
    pub pm: Option<bool>,
    /// True when hours and minutes are separated by a dot (`17.30`): a time only in context.
    pub dotted: bool,
}

/// What a token holding digits can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A plain integer: value and number of digits (`2017`, `05`).
    Int(u32, u8),
    /// An ordinal: `1st`, `22nd`, `09th`.
    Ordinal(u32),
    /// A decade: `1990s` → 1990, `'90s` / `90s` → 90 (century unknown).
    Decade(u32),
    /// A clock time.
    Clock(ClockTok),
    /// A range of clock times in one token: `10am-12pm`, `3-8pm`, `0730-0930`.
    ClockRange(ClockTok, ClockTok),
    /// Three numbers with one kind of separator: `2017-08-01`, `08/01/2017`, `23.04.2022`.
    Triple(u32, u8, u32, u8, u32, u8, char),
    /// Two numbers with one separator: `22/04`, `2014-2018`, `3-5`, `12-2015`.
    Pair(u32, u8, u32, u8, char),
    /// Year, month name, day: `2019-aug-1`.
    YearMonthDay(u32, &'static str, u32),
    /// Two month/day pairs: `5/1-5/7`.
    PairRange((u32, u32), (u32, u32)),
    /// Two full numeric dates: `10/1/2018-10/7/2018`, `10/1-11/2/2017` (first year 0).
    TripleRange((u32, u32, u32), (u32, u32, u32)),
    /// A number fused with a unit: `18-month`, `3h`, `48-hour` (value, unit text).
    WithUnit(u32, &'static str),
    /// A quarter or half with its year: `2019-Q1`, `2019-H2` (year, `Q`/`H`, number).
    YearPart(u32, char, u8),
    /// A decade followed by a hyphenated word (`1990s-era`): the decade and the byte length
    /// of its own text.
    DecadePrefix(u32, usize),
    /// A number followed by `-plus` (`20-plus`).
    Plus(u32),
}

/// A token of ASCII digits only, the most common number: its [`Shape::Int`] without
/// cutting it into runs (the same saturating value and digit count as [`Runs::new`]).
fn plain_int(token: &str) -> Option<Shape> {
    let b = token.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let v = b.iter().fold(0u32, |v, &d| v.saturating_mul(10).saturating_add((d - b'0') as u32));
    Some(Shape::Int(v, b.len().min(255) as u8))
}

/// Reads a unit word fused to a number (`h`, `month`, `year`): its canonical text.
pub(crate) fn unit_suffix(s: &str) -> Option<&'static str> {
    let mut buf = [0u8; 32];
    let lower = super::lexicon::lower_ascii(s, &mut buf)?;
    Some(match lower {
        "h" | "hr" | "hrs" | "hour" | "hours" => "h",
        "min" | "mins" | "minute" | "minutes" => "min",
        "s" | "sec" | "secs" | "second" | "seconds" => "s",
        "d" | "day" | "days" => "d",
        "night" | "nights" => "night",
        "w" | "wk" | "week" | "weeks" => "w",
        "m" | "mo" | "month" | "months" => "m",
        "y" | "yr" | "yrs" | "year" | "years" => "y",
        "decade" | "decades" => "decade",
        "century" => "century",
        "weekend" => "weekend",
        "quarter" => "q",
        _ => return None,
    })
}

fn ampm(s: &str) -> Option<bool> {
    match s.len() {
        1 | 2 => {}
        _ => return None,
    }
    let b = s.as_bytes();
    let pm = match b[0].to_ascii_lowercase() {
        b'a' => false,
        b'p' => true,
        _ => return None,
    };
    if b.len() == 2 && !b[1].eq_ignore_ascii_case(&b'm') {
        return None;
    }
    Some(pm)
}

fn month_abbr(s: &str) -> Option<&'static str> {
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let mut buf = [0u8; 32];
    let lower = super::lexicon::lower_ascii(s, &mut buf)?;
    let lower = if lower == "sept" { "sep" } else { lower };
    NAMES.iter().copied().find(|n| *n == lower)
}

/// The month (1-12) of a three-letter month abbreviation returned by this module.
pub(crate) fn month_of_abbr(abbr: &str) -> u8 {
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    NAMES.iter().position(|n| *n == abbr).map_or(0, |p| p as u8 + 1)
}

fn clock(h: u32, hd: u8, m: Option<(u32, u8)>, pm: Option<bool>, sep: char) -> Option<ClockTok> {
    if hd > 2 {
        return None;
    }
    let hour = u8::try_from(h).ok()?;
    let limit = if pm.is_some() { 12 } else { 24 };
    if hour > limit || (pm.is_some() && hour == 0) {
        return None;
    }
    let minute = match m {
        Some((v, 2)) if v < 60 => Some(v as u8),
        Some(_) => return None,
        None => None,
    };
    Some(ClockTok { hour, minute, pm, dotted: sep == '.' })
}

/// A compact time like `0730` or `1140` (with a.m./p.m. after it): hour and minute.
pub(crate) fn compact_clock(v: u32, digits: u8) -> Option<(u8, u8)> {
    if !(3..=4).contains(&digits) {
        return None;
    }
    let (h, m) = (v / 100, v % 100);
    (h <= 24 && m < 60).then_some((h as u8, m as u8))
}

/// Reads one clock from runs: `3`, `3pm`, `3:30`, `3:30pm`, `3.30pm`, `0730`.
fn clock_runs(r: &[Run]) -> Option<ClockTok> {
    match r {
        [Run::Digits(h, hd)] if *hd == 4 => {
            let (hour, minute) = compact_clock(*h, *hd)?;
            Some(ClockTok { hour, minute: Some(minute), pm: None, dotted: false })
        }
        [Run::Digits(h, hd)] => clock(*h, *hd, None, None, ':'),
        [Run::Digits(h, hd), Run::Alpha(a)] => clock(*h, *hd, None, Some(ampm(a)?), ':'),
        [Run::Digits(h, hd), Run::Sep(s @ (':' | '.')), Run::Digits(m, md)] => clock(*h, *hd, Some((*m, *md)), None, *s),
        [Run::Digits(h, hd), Run::Sep(s @ (':' | '.')), Run::Digits(m, md), Run::Alpha(a)] => {
            clock(*h, *hd, Some((*m, *md)), Some(ampm(a)?), *s)
        }
        _ => None,
    }
}

/// The shape of a token that starts with a digit or an apostrophe (`'90s`).
pub(crate) fn shape(token: &str) -> Option<Shape> {
    if let Some(int) = plain_int(token) {
        return Some(int);
    }
    let s = token.strip_prefix('\'').or_else(|| token.strip_prefix('’')).unwrap_or(token);
    let prefix = token.len() - s.len();
    let runs = Runs::new(s)?;
    let r = runs.as_slice();
    use Run::*;
    Some(match r {
        [Digits(v, d)] => Shape::Int(*v, *d),
        [Digits(v, _), Alpha(a)] => {
            let lower_s = a.eq_ignore_ascii_case("s");
            if lower_s && (*v % 10 == 0) {
                Shape::Decade(*v)
            } else if let Some(n) = ordinal_suffix(*v, a) {
                Shape::Ordinal(n)
            } else if let Some(pm) = ampm(a) {
                Shape::Clock(clock(*v, digits_of(r[0]), None, Some(pm), ':')?)
            } else if a.eq_ignore_ascii_case("ampm") {
                // `7ampm`: either; read as written without a half of the day.
                Shape::Clock(clock(*v, digits_of(r[0]), None, None, ':')?)
            } else if let Some(u) = unit_suffix(a) {
                Shape::WithUnit(*v, u)
            } else {
                return None;
            }
        }
        [Digits(v, _), Alpha(a), Sep('-'), Alpha(w)] if a.eq_ignore_ascii_case("s") && *v % 10 == 0 => {
            // `1990s-era`
            let _ = w;
            Shape::DecadePrefix(*v, prefix + s.find('-').unwrap_or(s.len()))
        }
        [Digits(y, 4), Sep('-'), Alpha(a), Digits(n, 1)] if a.len() == 1 => {
            let (kind, n) = part_letter(a, *n, 1)?;
            Shape::YearPart(*y, kind, n)
        }
        [Digits(v, _), Sep('-'), Alpha(a)] => {
            if let Some(u) = unit_suffix(a) {
                Shape::WithUnit(*v, u)
            } else if a.eq_ignore_ascii_case("plus") {
                Shape::Plus(*v)
            } else {
                return None;
            }
        }
        [Digits(y, 4), Sep('-'), Alpha(a), Sep('-'), Digits(d, _)] => Shape::YearMonthDay(*y, month_abbr(a)?, *d),
        [Digits(a, ad), Sep(s1), Digits(b, bd), Sep(s2), Digits(c, cd)] if s1 == s2 && matches!(s1, '-' | '/' | '.') => {
            Shape::Triple(*a, *ad, *b, *bd, *c, *cd, *s1)
        }
        [Digits(a, ad), Sep(s), Digits(b, bd)] if matches!(s, '-' | '/' | '.' | ':' | '~') => {
            if *s == ':' {
                Shape::Clock(clock(*a, *ad, Some((*b, *bd)), None, ':')?)
            } else if *s == '-' && *ad == 4 && *bd == 4 && (*a < 1000 || *b < 1000) {
                // `0730-0930`: compact clock times (years never start with 0)
                let (h1, m1) = compact_clock(*a, 4)?;
                let (h2, m2) = compact_clock(*b, 4)?;
                let mk = |hour, minute| ClockTok { hour, minute: Some(minute), pm: None, dotted: false };
                Shape::ClockRange(mk(h1, m1), mk(h2, m2))
            } else {
                Shape::Pair(*a, *ad, *b, *bd, *s)
            }
        }
        [Digits(..), Sep(':' | '.'), Digits(..), Alpha(_)] => Shape::Clock(clock_runs(r)?),
        [Digits(a, ad), Sep('/'), Digits(b, bd), Sep('-'), Digits(c, cd), Sep('/'), Digits(d, dd)] if *ad <= 2 && *bd <= 2 && *cd <= 2 && *dd <= 2 => {
            Shape::PairRange((*a, *b), (*c, *d))
        }
        [Digits(a, _), Sep('/'), Digits(b, _), Sep('/'), Digits(c, 4), Sep('-'), Digits(d, _), Sep('/'), Digits(e, _), Sep('/'), Digits(f, 4)] => {
            Shape::TripleRange((*a, *b, *c), (*d, *e, *f))
        }
        [Digits(a, ad), Sep('/'), Digits(b, bd), Sep('-'), Digits(d, _), Sep('/'), Digits(e, _), Sep('/'), Digits(f, 4)] if *ad <= 2 && *bd <= 2 => {
            Shape::TripleRange((*a, *b, 0), (*d, *e, *f))
        }
        _ => {
            // A clock range: `10am-12pm`, `3-8pm`, `9.30-4.30pm`, `0730-0930`.
            let dash = r.iter().position(|x| *x == Sep('-'))?;
            let (left, right) = (&r[..dash], &r[dash + 1..]);
            let a = clock_runs(left)?;
            let b = clock_runs(right)?;
            let written = |c: &ClockTok, runs: &[Run]| c.pm.is_some() || c.minute.is_some() || runs.len() > 1;
            if !(written(&a, left) || written(&b, right)) {
                return None;
            }
            Shape::ClockRange(a, b)
        }
    })
}

fn digits_of(r: Run) -> u8 {
    match r {
        Run::Digits(_, d) => d,
        _ => 0,
    }
}

fn ordinal_suffix(v: u32, suffix: &str) -> Option<u32> {
    let mut buf = [0u8; 32];
    let lower = super::lexicon::lower_ascii(suffix, &mut buf)?;
    // `2th` occurs in informal text; `th` after any number is accepted.
    matches!(lower, "st" | "nd" | "rd" | "th").then_some(v).filter(|_| match lower {
        "st" => v % 10 == 1 && v % 100 != 11,
        "nd" => v % 10 == 2 && v % 100 != 12,
        "rd" => v % 10 == 3 && v % 100 != 13,
        _ => true,
    })
}

/// `Q3` → ('Q', 3), `H2` → ('H', 2).
pub(crate) fn year_part(s: &str) -> Option<(char, u8)> {
    let b = s.as_bytes();
    if b.len() != 2 || !b[1].is_ascii_digit() {
        return None;
    }
    let n = b[1] - b'0';
    match b[0].to_ascii_uppercase() {
        b'Q' if (1..=4).contains(&n) => Some(('Q', n)),
        b'H' if (1..=2).contains(&n) => Some(('H', n)),
        _ => None,
    }
}

/// A word token that mixes letters and digits: `Q3`, `FY2018`, `cy18`, `Dec31`, `mar4`,
/// `jun-15`, `Sep-23-2020`, `mid-2018`, `mid-1990s`, `q1-2019`, `W32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordShape<'a> {
    /// `Q3`, `H1` (optionally with a year: `q1-2019`).
    Part(char, u8, Option<u32>),
    /// `FY2018`, `FY18` (year as written and its digit count).
    Fiscal(u32, u8),
    /// `CY2008`, `cy18`.
    Calendar(u32, u8),
    /// A month name fused with a day and maybe a year: `Dec31`, `jun-15`, `Sep-23-2020`.
    MonthDay(&'a str, u32, Option<u32>),
    /// A month name with a year: `Dec-2018`.
    MonthYear(&'a str, u32),
    /// `mid-2018`, `mid-1990s`: a modifier word and the shape after the hyphen.
    Modified(&'a str, u32, bool),
    /// `mid-November`: a modifier and a month name.
    ModifiedMonth(&'a str, &'a str),
    /// Two words joined by a hyphen (`Jan-Feb`): a range of months when both are months.
    WordPair(&'a str, &'a str),
}

/// The shape of a word token that holds digits or a hyphenated modifier.
pub(crate) fn word_shape(s: &str) -> Option<WordShape<'_>> {
    let runs = Runs::new(s)?;
    use Run::*;
    Some(match runs.as_slice() {
        [Alpha(a), Digits(v, d)] => {
            if a.eq_ignore_ascii_case("fy") && (*d == 2 || *d == 4) {
                WordShape::Fiscal(*v, *d)
            } else if a.eq_ignore_ascii_case("cy") && (*d == 2 || *d == 4) {
                WordShape::Calendar(*v, *d)
            } else if let Some((k, n)) = part_letter(a, *v, *d) {
                WordShape::Part(k, n, None)
            } else if *d <= 2 {
                WordShape::MonthDay(a, *v, None)
            } else {
                return None;
            }
        }
        [Alpha(a), Digits(v, d), Sep('-'), Digits(y, 4)] => {
            let (k, n) = part_letter(a, *v, *d)?;
            WordShape::Part(k, n, Some(*y))
        }
        [Alpha(a), Sep('-'), Digits(v, d)] => {
            if is_modifier(a) && *d == 4 {
                WordShape::Modified(a, *v, false)
            } else if *d <= 2 {
                WordShape::MonthDay(a, *v, None)
            } else if *d == 4 {
                WordShape::MonthYear(a, *v)
            } else {
                return None;
            }
        }
        [Alpha(a), Sep('-'), Digits(v, 4), Alpha(s)] if is_modifier(a) && s.eq_ignore_ascii_case("s") => {
            WordShape::Modified(a, *v, true)
        }
        [Alpha(a), Sep('-'), Digits(d, dd), Sep('-'), Digits(y, 4)] if *dd <= 2 => WordShape::MonthDay(a, *d, Some(*y)),
        [Alpha(a), Sep('-'), Alpha(m)] if is_modifier(a) => WordShape::ModifiedMonth(a, m),
        [Alpha(a), Sep('-'), Alpha(b)] => WordShape::WordPair(a, b),
        _ => return None,
    })
}

/// `Q` + 3 → ('Q', 3); `H` + 2 → ('H', 2).
fn part_letter(a: &str, v: u32, digits: u8) -> Option<(char, u8)> {
    if digits != 1 || a.len() != 1 {
        return None;
    }
    let n = v as u8;
    match a.as_bytes()[0].to_ascii_uppercase() {
        b'Q' if (1..=4).contains(&n) => Some(('Q', n)),
        b'H' if (1..=2).contains(&n) => Some(('H', n)),
        _ => None,
    }
}

fn is_modifier(a: &str) -> bool {
    ["mid", "early", "late"].iter().any(|m| a.eq_ignore_ascii_case(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ck(hour: u8, minute: Option<u8>, pm: Option<bool>) -> ClockTok {
        ClockTok { hour, minute, pm, dotted: false }
    }

    #[test]
    fn number_shapes() {
        let cases: &[(&str, Option<Shape>)] = &[
            ("2017", Some(Shape::Int(2017, 4))),
            ("05", Some(Shape::Int(5, 2))),
            ("99999999999", Some(Shape::Int(u32::MAX, 11))),
            ("'05", Some(Shape::Int(5, 2))),
            ("1990s", Some(Shape::Decade(1990))),
            ("'90s", Some(Shape::Decade(90))),
            ("22nd", Some(Shape::Ordinal(22))),
            ("11st", None),
            ("3pm", Some(Shape::Clock(ck(3, None, Some(true))))),
            ("8:45a", Some(Shape::Clock(ck(8, Some(45), Some(false))))),
            ("15:30", Some(Shape::Clock(ck(15, Some(30), None)))),
            ("4:3", None),
            ("25:00", None),
            ("13pm", None),
            ("2.30pm", Some(Shape::Clock(ClockTok { hour: 2, minute: Some(30), pm: Some(true), dotted: true }))),
            ("10am-12pm", Some(Shape::ClockRange(ck(10, None, Some(false)), ck(12, None, Some(true))))),
            ("3-8pm", Some(Shape::ClockRange(ck(3, None, None), ck(8, None, Some(true))))),
            ("0730-0930", Some(Shape::ClockRange(ck(7, Some(30), None), ck(9, Some(30), None)))),
            ("2017-08-01", Some(Shape::Triple(2017, 4, 8, 2, 1, 2, '-'))),
            ("08/01/2017", Some(Shape::Triple(8, 2, 1, 2, 2017, 4, '/'))),
            ("3-1", Some(Shape::Pair(3, 1, 1, 1, '-'))),
            ("2019-aug-1", Some(Shape::YearMonthDay(2019, "aug", 1))),
            ("2019-H2", Some(Shape::YearPart(2019, 'H', 2))),
            ("5/1-5/7", Some(Shape::PairRange((5, 1), (5, 7)))),
            ("10/1/2018-10/7/2018", Some(Shape::TripleRange((10, 1, 2018), (10, 7, 2018)))),
            ("18-month", Some(Shape::WithUnit(18, "m"))),
            ("3h", Some(Shape::WithUnit(3, "h"))),
            ("20-plus", Some(Shape::Plus(20))),
            ("1990s-era", Some(Shape::DecadePrefix(1990, 5))),
            ("2.0.1", Some(Shape::Triple(2, 1, 0, 1, 1, 1, '.'))),
            ("4.7bn", None),
            ("1,990", None),
        ];
        for (s, want) in cases {
            assert_eq!(shape(s), *want, "{s}");
        }
    }

    #[test]
    fn word_shapes() {
        let cases: &[(&str, Option<WordShape>)] = &[
            ("Q3", Some(WordShape::Part('Q', 3, None))),
            ("q1-2019", Some(WordShape::Part('Q', 1, Some(2019)))),
            ("FY2018", Some(WordShape::Fiscal(2018, 4))),
            ("cy18", Some(WordShape::Calendar(18, 2))),
            ("Dec31", Some(WordShape::MonthDay("Dec", 31, None))),
            ("Sep-23-2020", Some(WordShape::MonthDay("Sep", 23, Some(2020)))),
            ("Dec-2018", Some(WordShape::MonthYear("Dec", 2018))),
            ("mid-2018", Some(WordShape::Modified("mid", 2018, false))),
            ("mid-1990s", Some(WordShape::Modified("mid", 1990, true))),
            ("mid-November", Some(WordShape::ModifiedMonth("mid", "November"))),
            ("Q5", Some(WordShape::MonthDay("Q", 5, None))),
            ("S-400", None),
            ("Ankara", None),
        ];
        for (s, want) in cases {
            assert_eq!(word_shape(s), *want, "{s}");
        }
    }
}
