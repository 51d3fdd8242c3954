//! What a time expression means: calendar periods, times of day, durations, sets and
//! ranges, as far as the text specifies them; their TIMEX3 values and the calendar days
//! they cover.

use super::holidays;
use super::lexicon::{Part, Pod, Season, Unit};
use crate::calendar::{days_in_month, Date, Weekday};
use crate::decimal::Decimal;
use std::fmt::Write;

/// How fine an unresolved relative expression is (`yesterday` without a reference date
/// is some day: `XXXX-XX-XX`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gran {
    /// A day.
    Day,
    /// A week.
    Week,
    /// A weekend.
    Weekend,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// A calendar period, as far as the text gives it. Missing years (`Aug. 1`, `in
/// December`) are filled in later from the reference date and the tense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cal {
    /// A day: `2017-08-01`; `XXXX-08-01`; `XXXX-XX-18` (`the 18th`).
    Day { year: Option<i32>, month: Option<u8>, day: u8 },
    /// A weekday not placed in a week by the text: `XXXX-WXX-5`.
    Weekday(Weekday),
    /// A month: `2017-12`, `XXXX-12`.
    Month { year: Option<i32>, month: u8 },
    /// A year.
    Year(i32),
    /// A decade, by its first three digits: 199 for the 1990s.
    Decade(i32),
    /// A century, by its first two digits: 19 for the 1900s (the 20th century).
    Century(i32),
    /// The Nth Monday-to-Sunday week touching a month (`-1` = the last), as
    /// Recognizers-Text writes it: `2015-01-W01`, `XXXX-07-W05`.
    MonthWeek { year: Option<i32>, month: u8, week: i8 },
    /// An ISO week: `2017-W32`.
    Week { year: i32, week: u8 },
    /// The weekend of an ISO week: `2017-W32-WE`.
    Weekend { year: i32, week: u8 },
    /// A quarter: `2017-Q3`.
    Quarter { year: Option<i32>, q: u8 },
    /// A half year: `2017-H1`.
    Half { year: Option<i32>, h: u8 },
    /// A season: `2016-SU`.
    Season { year: Option<i32>, season: Season },
    /// A fiscal year: `FY2018` (its months depend on the organisation).
    Fiscal(Option<i32>),
    /// A holiday by rule (`easter:0`), year not yet known.
    Holiday { year: Option<i32>, rule: &'static str },
    /// A year before Christ: `BC0575`.
    BeforeChrist(u32),
    /// `the weekend`, not yet placed before or after the reference date.
    NearWeekend,
    /// A relative period that needs a reference date nobody gave.
    Unresolved(Gran),
}

/// A calendar period with an optional part (`early`, `mid`, `late`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Point {
    /// The period.
    pub cal: Cal,
    /// The part of it, which narrows `start`/`end` but not the TIMEX3 value.
    pub part: Option<Part>,
}

impl Point {
    /// A whole period.
    pub fn of(cal: Cal) -> Point {
        Point { cal, part: None }
    }

    /// True when the point is one day (or a weekday), so a time of day can attach to it.
    pub fn is_day(&self) -> bool {
        matches!(self.cal, Cal::Day { .. } | Cal::Weekday(_) | Cal::Holiday { .. } | Cal::Unresolved(Gran::Day))
    }
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tod {
    /// A clock time: `T15:30`, `T15`.
    Clock { hour: u8, minute: Option<u8> },
    /// A part of the day: `TMO`.
    Part(Pod),
    /// Some time of day not known (`three hours ago` without the reference time):
    /// `TXX:XX`.
    Unknown,
}

/// A non-negative amount in thousandths (`2.5` is 2500): durations need no more, and it
/// keeps parse results small.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Milli(u32);

impl Milli {
    /// One half.
    pub const HALF: Milli = Milli(500);
    /// One quarter.
    pub const QUARTER: Milli = Milli(250);

    /// The whole number `n` (saturating).
    pub fn from_int(n: i64) -> Milli {
        Milli(u32::try_from(n.saturating_mul(1000)).unwrap_or(u32::MAX))
    }

    /// A decimal rounded to thousandths; `None` when negative or too large.
    pub fn from_decimal(d: Decimal) -> Option<Milli> {
        let scaled = d.checked_mul(Decimal::from_int(1000))?;
        let v = match scaled.to_i64() {
            Some(v) => v,
            None => scaled.to_f64().round() as i64, // finer than thousandths: rounded
        };
        u32::try_from(v).ok().map(Milli)
    }

    /// The amount as a whole number, when it is one.
    pub fn to_i64(self) -> Option<i64> {
        (self.0 % 1000 == 0).then_some(self.0 as i64 / 1000)
    }

    /// The amount as a float.
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// The sum, or `None` on overflow.
    pub fn checked_add(self, other: Milli) -> Option<Milli> {
        self.0.checked_add(other.0).map(Milli)
    }

    /// The product with a whole number, or `None` on overflow.
    pub fn times(self, k: u32) -> Option<Milli> {
        self.0.checked_mul(k).map(Milli)
    }
}

impl std::fmt::Display for Milli {
    /// `2500` → `2.5`, `3000` → `3`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, frac) = (self.0 / 1000, self.0 % 1000);
        if frac == 0 {
            return write!(f, "{whole}");
        }
        let digits = format!("{frac:03}");
        write!(f, "{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// An amount of a duration: a number, or `X` (`a few days`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Amount {
    /// A known amount.
    N(Milli),
    /// Unspecified: `PXD`.
    X,
}

/// A duration: up to four amounts of units (`3 hours 30 minutes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dur {
    parts: [(Unit, Amount); 4],
    len: u8,
}

impl Dur {
    /// One amount of one unit.
    pub fn one(unit: Unit, amount: Amount) -> Dur {
        Dur { parts: [(unit, amount); 4], len: 1 }
    }

    /// Adds an amount of another unit; false when full.
    pub fn push(&mut self, unit: Unit, amount: Amount) -> bool {
        if self.len as usize == self.parts.len() {
            return false;
        }
        self.parts[self.len as usize] = (unit, amount);
        self.len += 1;
        true
    }

    /// The parts.
    pub fn parts(&self) -> &[(Unit, Amount)] {
        &self.parts[..self.len as usize]
    }

    /// The ISO 8601 / TIMEX3 value: `P18M`, `PT1.5H`, `P3M2W2D`, `PXY`.
    pub fn timex(&self) -> String {
        let mut s = String::from("P");
        let mut in_time = false;
        for &(unit, amount) in self.parts() {
            let (n, suffix) = match unit {
                Unit::Decade => (scale(amount, 10), "Y"),
                Unit::Century => (scale(amount, 100), "Y"),
                Unit::Fortnight => (scale(amount, 2), "W"),
                Unit::Quarter => (scale(amount, 3), "M"),
                Unit::Year => (amount, "Y"),
                Unit::Month => (amount, "M"),
                Unit::Week => (amount, "W"),
                Unit::Weekend => (amount, "WE"),
                Unit::Day | Unit::Night => (amount, "D"),
                Unit::Hour => (amount, "H"),
                Unit::Minute => (amount, "M"),
                Unit::Second => (amount, "S"),
            };
            if unit.is_clock() && !in_time {
                s.push('T');
                in_time = true;
            }
            match n {
                Amount::N(d) => {
                    let _ = write!(s, "{d}");
                }
                Amount::X => s.push('X'),
            }
            s.push_str(suffix);
        }
        s
    }
}

fn scale(a: Amount, k: u32) -> Amount {
    match a {
        Amount::N(d) => d.times(k).map_or(Amount::X, Amount::N),
        Amount::X => Amount::X,
    }
}

/// What a recurring expression repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SetBase {
    /// Every so long: `P1W`, `P2D`.
    Every(Dur),
    /// A weekday: `XXXX-WXX-1`.
    Weekday(Weekday),
    /// A TIMEX3 value written out (`daily` → `P1D`).
    Fixed(&'static str),
    /// Only a time of day (`every night`, `3pm each day`).
    Daily,
}

/// A time expression with its meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A calendar date or period (`DATE`).
    Date(Point),
    /// A time of day, possibly on a day (`TIME`).
    Time { day: Option<Point>, tod: Tod },
    /// A length of time (`DURATION`).
    Duration(Dur),
    /// A recurring time (`SET`), possibly at a time of day.
    Set { base: SetBase, tod: Option<Tod> },
    /// A range of dates (`DATE`): `from Sep to Nov`.
    DateRange(Point, Point),
    /// A range of times on one day (`TIME`): `3:00 to 4:00 tomorrow`.
    TimeRange { day: Option<Point>, from: Tod, to: Tod },
    /// A range of times ending on another day (`TIME`): `2pm till tomorrow 4:30pm`.
    TimeSpan { from_day: Option<Point>, from: Tod, to_day: Option<Point>, to: Tod },
    /// The present (`TIME`, `PRESENT_REF`): `right now`.
    Present,
    /// The recent past (`DATE`, `PAST_REF`): `recent days`.
    PastRef,
    /// A stretch of days counted back or forward from the reference date (`DATE`): `the
    /// past three months`. The duration and whether it runs forward.
    Span(Dur, bool),
    /// A length of time from a start (`DATE`): `3 days starting from next Monday`.
    Stretch(Point, Dur),
}

/// The first and last day of a period, when it is fully placed in the calendar.
pub(crate) fn bounds(cal: Cal) -> Option<(Date, Date)> {
    let month_bounds = |y: i32, m: u8| Some((Date::new(y, m, 1)?, Date::new(y, m, days_in_month(y, m))?));
    let months = |y: i32, first: u8, count: i64| {
        let a = Date::new(y, first, 1)?;
        let b = a.add_months(count)?.add_days(-1)?;
        Some((a, b))
    };
    match cal {
        Cal::Day { year: Some(y), month: Some(m), day } => {
            let d = Date::new(y, m, day)?;
            Some((d, d))
        }
        Cal::Month { year: Some(y), month } => month_bounds(y, month),
        Cal::Year(y) => Some((Date::new(y, 1, 1)?, Date::new(y, 12, 31)?)),
        Cal::Decade(d) => Some((Date::new(d * 10, 1, 1)?, Date::new(d * 10 + 9, 12, 31)?)),
        Cal::Century(c) => Some((Date::new((c * 100).max(1), 1, 1)?, Date::new(c * 100 + 99, 12, 31)?)),
        Cal::Week { year, week } => {
            let monday = iso_week_monday(year, week)?;
            Some((monday, monday.add_days(6)?))
        }
        Cal::MonthWeek { year: Some(y), month, week } => {
            let monday = month_week_monday(y, month, week)?;
            Some((monday, monday.add_days(6)?))
        }
        Cal::Weekend { year, week } => {
            let monday = iso_week_monday(year, week)?;
            Some((monday.add_days(5)?, monday.add_days(6)?))
        }
        Cal::Quarter { year: Some(y), q } => months(y, (q - 1) * 3 + 1, 3),
        Cal::Half { year: Some(y), h } => months(y, (h - 1) * 6 + 1, 6),
        Cal::Season { year: Some(y), season } => months(y, season.first_month(), 3),
        Cal::Holiday { year: Some(y), rule } => {
            let d = holidays::date(rule, y)?;
            Some((d, d))
        }
        _ => None,
    }
}

/// Narrows `(first, last)` to a third of it for `early`/`mid`/`late`.
pub(crate) fn narrow(first: Date, last: Date, part: Option<Part>) -> (Date, Date) {
    let Some(part) = part else { return (first, last) };
    let len = last.to_days() - first.to_days() + 1;
    if len < 3 {
        return (first, last);
    }
    let third = len / 3;
    let at = |n: i64| first.add_days(n).unwrap_or(first);
    match part {
        Part::Start => (first, at(third - 1)),
        Part::Mid => (at(third), at(len - third - 1)),
        Part::End => (at(len - third), last),
    }
}

/// The Monday of the Nth week touching `month` (weeks start on Monday; the first is the
/// one holding the 1st; `-1` is the one holding the last day).
pub(crate) fn month_week_monday(year: i32, month: u8, week: i8) -> Option<Date> {
    let anchor = if week < 0 { Date::new(year, month, days_in_month(year, month))? } else { Date::new(year, month, 1)? };
    let monday = anchor.monday()?;
    if week < 0 {
        return Some(monday);
    }
    let d = monday.add_days((week as i64 - 1) * 7)?;
    (week == 1 || d.month() == month).then_some(d)
}

/// The number of the week (as counted by [`month_week_monday`]) holding `d` in its month.
fn month_week_number(d: Date, month_year: i32, month: u8) -> Option<u8> {
    let first = month_week_monday(month_year, month, 1)?;
    Some(((d.to_days() - first.to_days()) / 7 + 1) as u8)
}

/// The Monday of ISO week `week` of `year`.
pub(crate) fn iso_week_monday(year: i32, week: u8) -> Option<Date> {
    Date::from_iso_week(year, week)
}

fn push_year(s: &mut String, y: Option<i32>) {
    match y {
        Some(y) if (0..=9999).contains(&y) => push_padded(s, y as u32, 4),
        _ => s.push_str("XXXX"),
    }
}

/// Appends `n` in decimal with zeros in front up to `width` digits, as `{n:0width$}`
/// writes it, without the formatting machinery (dates write several per value).
pub(crate) fn push_padded(s: &mut String, n: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut rest = n;
    let mut digits = 0;
    while rest > 0 || digits == 0 {
        digits += 1;
        buf[buf.len() - digits] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    let len = digits.max(width).min(buf.len());
    // Only ASCII digits are in the buffer.
    s.push_str(std::str::from_utf8(&buf[buf.len() - len..]).unwrap_or_default());
}

/// The TIMEX3 value of a calendar period.
pub(crate) fn cal_timex(cal: Cal, s: &mut String) {
    match cal {
        Cal::Day { year, month, day } => {
            push_year(s, year);
            match month {
                Some(m) => {
                    s.push('-');
                    push_padded(s, m.into(), 2);
                }
                None => s.push_str("-XX"),
            }
            s.push('-');
            push_padded(s, day.into(), 2);
        }
        Cal::Weekday(w) => {
            let _ = write!(s, "XXXX-WXX-{}", w.index() + 1);
        }
        Cal::Month { year, month } => {
            push_year(s, year);
            s.push('-');
            push_padded(s, month.into(), 2);
        }
        Cal::Year(y) => push_year(s, Some(y)),
        Cal::Decade(d) => {
            let _ = write!(s, "{d:03}");
        }
        Cal::Century(c) => {
            let _ = write!(s, "{c:02}");
        }
        Cal::Week { year, week } => {
            let _ = write!(s, "{year:04}-W{week:02}");
        }
        Cal::MonthWeek { year, month, week } => {
            push_year(s, year);
            let n = match (year, week) {
                (Some(y), w) if w < 0 => month_week_monday(y, month, w).and_then(|m| month_week_number(m, y, month)).unwrap_or(5),
                (None, w) if w < 0 => 5,
                (_, w) => w as u8,
            };
            let _ = write!(s, "-{month:02}-W{n:02}");
        }
        Cal::Weekend { year, week } => {
            let _ = write!(s, "{year:04}-W{week:02}-WE");
        }
        Cal::Quarter { year, q } => {
            push_year(s, year);
            let _ = write!(s, "-Q{q}");
        }
        Cal::Half { year, h } => {
            push_year(s, year);
            let _ = write!(s, "-H{h}");
        }
        Cal::Season { year, season } => {
            push_year(s, year);
            let _ = write!(s, "-{}", season.code());
        }
        Cal::Fiscal(year) => {
            s.push_str("FY");
            push_year(s, year);
        }
        Cal::Holiday { year, rule } => match (year.and_then(|y| holidays::date(rule, y)), holidays::fixed(rule)) {
            (Some(d), _) => {
                let _ = write!(s, "{d}");
            }
            (None, Some((m, d))) => {
                push_year(s, year);
                let _ = write!(s, "-{m:02}-{d:02}");
            }
            (None, None) => {
                push_year(s, year);
                s.push_str("-XX-XX");
            }
        },
        Cal::BeforeChrist(y) => {
            let _ = write!(s, "BC{y:04}");
        }
        Cal::NearWeekend => s.push_str("XXXX-WXX-WE"),
        Cal::Unresolved(g) => s.push_str(match g {
            Gran::Day => "XXXX-XX-XX",
            Gran::Week => "XXXX-WXX",
            Gran::Weekend => "XXXX-WXX-WE",
            Gran::Month => "XXXX-XX",
            Gran::Quarter => "XXXX-QX",
            Gran::Year => "XXXX",
            Gran::Decade => "XXX",
            Gran::Century => "XX",
        }),
    }
}

/// The TIMEX3 value of a time of day, from its `T` on.
pub(crate) fn tod_timex(tod: Tod, s: &mut String) {
    match tod {
        Tod::Clock { hour, minute: Some(m) } => {
            let _ = write!(s, "T{hour:02}:{m:02}");
        }
        Tod::Clock { hour, minute: None } => {
            let _ = write!(s, "T{hour:02}");
        }
        Tod::Part(p) => {
            let _ = write!(s, "T{}", p.code());
        }
        Tod::Unknown => s.push_str("TXX:XX"),
    }
}

/// The first day of a period in TIMEX3 form (`2017-08-01`, `XXXX-09-01`), used for the
/// ends of a range.
pub(crate) fn first_day_timex(cal: Cal, s: &mut String) {
    if let Some((first, _)) = bounds(cal) {
        let _ = write!(s, "{first}");
        return;
    }
    match cal {
        Cal::Month { year, month } => {
            push_year(s, year);
            let _ = write!(s, "-{month:02}-01");
        }
        Cal::Quarter { year, q } => {
            push_year(s, year);
            let _ = write!(s, "-{:02}-01", (q - 1) * 3 + 1);
        }
        Cal::Half { year, h } => {
            push_year(s, year);
            let _ = write!(s, "-{:02}-01", (h - 1) * 6 + 1);
        }
        Cal::Season { year, season } => {
            push_year(s, year);
            let _ = write!(s, "-{:02}-01", season.first_month());
        }
        other => cal_timex(other, s),
    }
}

/// The length of a range between the first days of two periods, in the unit both ends
/// share: `P4Y` (years), `P2M` (months), `P10D` (days).
pub(crate) fn range_duration(a: Cal, b: Cal, a_first: Option<Date>, b_first: Option<Date>) -> Option<String> {
    let ym = |c: Cal| match c {
        Cal::Month { year, month } => Some((year, month as i32)),
        Cal::Quarter { year, q } => Some((year, (q as i32 - 1) * 3 + 1)),
        Cal::Half { year, h } => Some((year, (h as i32 - 1) * 6 + 1)),
        _ => None,
    };
    match (a, b) {
        (Cal::Year(x), Cal::Year(y)) if y >= x => Some(format!("P{}Y", y - x)),
        (Cal::Decade(x), Cal::Decade(y)) if y >= x => Some(format!("P{}Y", (y - x) * 10)),
        _ => {
            if let (Some((ya, ma)), Some((yb, mb))) = (ym(a), ym(b)) {
                let years = match (ya, yb) {
                    (Some(x), Some(y)) => y - x,
                    _ => i32::from(mb < ma),
                };
                let months = years * 12 + mb - ma;
                return (months >= 0).then(|| format!("P{months}M"));
            }
            let (x, y) = (a_first?, b_first?);
            let days = y.to_days() - x.to_days();
            (days >= 0).then(|| format!("P{days}D"))
        }
    }
}

/// The length between two clock times, `PT1H30M`; `None` for parts of the day.
pub(crate) fn clock_duration(a: Tod, b: Tod) -> Option<String> {
    let (Tod::Clock { hour: h1, minute: m1 }, Tod::Clock { hour: h2, minute: m2 }) = (a, b) else { return None };
    let start = h1 as i32 * 60 + m1.unwrap_or(0) as i32;
    let mut end = h2 as i32 * 60 + m2.unwrap_or(0) as i32;
    if end < start {
        end += 24 * 60;
    }
    let mins = end - start;
    let mut s = String::from("PT");
    if mins / 60 > 0 {
        let _ = write!(s, "{}H", mins / 60);
    }
    if mins % 60 > 0 || mins == 0 {
        let _ = write!(s, "{}M", mins % 60);
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tx(cal: Cal) -> String {
        let mut s = String::new();
        cal_timex(cal, &mut s);
        s
    }

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn padded_numbers_match_the_formatter() {
        for n in [0u32, 1, 9, 10, 12, 31, 99, 100, 123, 999, 1000, 2017, 9999, 10000, 4_294_967_295] {
            for width in [2usize, 3, 4] {
                let mut s = String::from("x");
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("x{n:0width$}"), "{n} {width}");
            }
        }
    }

    #[test]
    fn timex_values() {
        let cases: &[(Cal, &str)] = &[
            (Cal::Day { year: Some(2017), month: Some(8), day: 1 }, "2017-08-01"),
            (Cal::Day { year: None, month: Some(8), day: 1 }, "XXXX-08-01"),
            (Cal::Day { year: None, month: None, day: 18 }, "XXXX-XX-18"),
            (Cal::Weekday(Weekday::Fri), "XXXX-WXX-5"),
            (Cal::Month { year: Some(2017), month: 12 }, "2017-12"),
            (Cal::Decade(199), "199"),
            (Cal::Century(19), "19"),
            (Cal::Week { year: 2017, week: 32 }, "2017-W32"),
            (Cal::MonthWeek { year: Some(2016), month: 12, week: -1 }, "2016-12-W05"),
            (Cal::MonthWeek { year: None, month: 1, week: 3 }, "XXXX-01-W03"),
            (Cal::Quarter { year: Some(2017), q: 3 }, "2017-Q3"),
            (Cal::Season { year: Some(2016), season: Season::Summer }, "2016-SU"),
            (Cal::Fiscal(Some(2018)), "FY2018"),
            (Cal::Holiday { year: Some(2018), rule: "easter:0" }, "2018-04-01"),
            (Cal::Holiday { year: None, rule: "12-25" }, "XXXX-12-25"),
            (Cal::BeforeChrist(575), "BC0575"),
            (Cal::Unresolved(Gran::Day), "XXXX-XX-XX"),
        ];
        for (cal, want) in cases {
            assert_eq!(tx(*cal), *want, "{cal:?}");
        }
    }

    #[test]
    fn period_bounds() {
        let cases: &[(Cal, &str, &str)] = &[
            (Cal::Month { year: Some(2016), month: 2 }, "2016-02-01", "2016-02-29"),
            (Cal::Decade(199), "1990-01-01", "1999-12-31"),
            (Cal::Week { year: 2017, week: 32 }, "2017-08-07", "2017-08-13"),
            (Cal::Week { year: 2021, week: 1 }, "2021-01-04", "2021-01-10"),
            (Cal::Quarter { year: Some(2017), q: 3 }, "2017-07-01", "2017-09-30"),
            (Cal::Season { year: Some(2016), season: Season::Winter }, "2016-12-01", "2017-02-28"),
            (Cal::Holiday { year: Some(2017), rule: "nth:11:4:4" }, "2017-11-23", "2017-11-23"),
            (Cal::MonthWeek { year: Some(2016), month: 7, week: -1 }, "2016-07-25", "2016-07-31"),
            (Cal::MonthWeek { year: Some(2015), month: 1, week: 1 }, "2014-12-29", "2015-01-04"),
        ];
        for (cal, a, b) in cases {
            assert_eq!(bounds(*cal), Some((d(a), d(b))), "{cal:?}");
        }
        assert_eq!(bounds(Cal::Month { year: None, month: 2 }), None);
        assert_eq!(iso_week_monday(2017, 54), None);
    }

    #[test]
    fn parts_and_durations() {
        let (a, b) = narrow(d("2017-01-01"), d("2017-01-31"), Some(Part::Start));
        assert_eq!((a.to_string(), b.to_string()), ("2017-01-01".into(), "2017-01-10".into()));
        let (a, b) = narrow(d("2017-01-01"), d("2017-01-31"), Some(Part::End));
        assert_eq!((a.to_string(), b.to_string()), ("2017-01-22".into(), "2017-01-31".into()));
        let mut dur = Dur::one(Unit::Hour, Amount::N(Milli::from_int(3)));
        dur.push(Unit::Minute, Amount::N(Milli::from_int(30)));
        assert_eq!(dur.timex(), "PT3H30M");
        assert_eq!(Dur::one(Unit::Decade, Amount::N(Milli::from_int(1))).timex(), "P10Y");
        assert_eq!(Dur::one(Unit::Year, Amount::X).timex(), "PXY");
        let half = Milli::from_decimal(Decimal::parse("1.5").unwrap()).unwrap();
        assert_eq!(Dur::one(Unit::Hour, Amount::N(half)).timex(), "PT1.5H");
        assert_eq!(Milli::from_decimal(Decimal::parse("0.25").unwrap()).unwrap().to_string(), "0.25");
        assert_eq!(range_duration(Cal::Year(2014), Cal::Year(2018), None, None).as_deref(), Some("P4Y"));
        assert_eq!(
            range_duration(Cal::Month { year: None, month: 11 }, Cal::Month { year: None, month: 3 }, None, None).as_deref(),
            Some("P4M")
        );
        let t = |h, m| Tod::Clock { hour: h, minute: m };
        assert_eq!(clock_duration(t(10, None), t(13, Some(30))).as_deref(), Some("PT3H30M"));
        assert_eq!(clock_duration(t(22, None), t(2, None)).as_deref(), Some("PT4H"));
    }
}
