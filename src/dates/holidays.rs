//! Holiday date rules (`data/dates/holidays.tsv`): fixed days, the Nth weekday of a month
//! and days counted from Western Easter.

use crate::calendar::{days_in_month, Date};

/// Western (Gregorian) Easter Sunday of `year` (the anonymous Gregorian algorithm).
pub(crate) fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u8, day as u8)
}

/// The month and day of a fixed-day rule (`12-25`).
pub(crate) fn fixed(rule: &str) -> Option<(u8, u8)> {
    let base = rule.split(':').next()?;
    let (m, d) = base.split_once('-')?;
    let (m, d) = (m.parse::<u8>().ok()?, d.parse::<u8>().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// The date of a holiday rule in `year`.
pub(crate) fn date(rule: &str, year: i32) -> Option<Date> {
    let mut parts = rule.split(':');
    let kind = parts.next()?;
    let (base, rest): (Date, Vec<&str>) = if let Some((m, d)) = fixed(kind) {
        (Date::new(year, m, d)?, parts.collect())
    } else if kind == "easter" {
        let offset: i64 = parts.next()?.parse().ok()?;
        (easter(year)?.add_days(offset)?, parts.collect())
    } else if kind == "nth" {
        let month: u8 = parts.next()?.parse().ok()?;
        let weekday: u8 = parts.next()?.parse().ok()?;
        let n: i32 = parts.next()?.parse().ok()?;
        (nth_weekday(year, month, weekday, n)?, parts.collect())
    } else {
        return None;
    };
    match rest.first() {
        Some(extra) => base.add_days(extra.trim_start_matches('+').parse().ok()?),
        None => Some(base),
    }
}

/// The `n`th weekday `weekday` (1 = Monday) of a month; `n = -1` for the last one.
fn nth_weekday(year: i32, month: u8, weekday: u8, n: i32) -> Option<Date> {
    if !(1..=7).contains(&weekday) {
        return None;
    }
    let want = (weekday - 1) as i64;
    if n > 0 {
        let first = Date::new(year, month, 1)?;
        let delta = (want - first.weekday().index() as i64).rem_euclid(7);
        let d = first.add_days(delta + (n as i64 - 1) * 7)?;
        (d.month() == month).then_some(d)
    } else {
        let last = Date::new(year, month, days_in_month(year, month))?;
        let delta = (last.weekday().index() as i64 - want).rem_euclid(7);
        last.add_days(-delta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let cases = [
            ("easter:0", 2018, "2018-04-01"),
            ("easter:0", 2019, "2019-04-21"),
            ("easter:-2", 2024, "2024-03-29"),
            ("nth:11:4:4", 2016, "2016-11-24"),
            ("nth:11:4:4:+1", 2010, "2010-11-26"),
            ("nth:5:1:-1", 2017, "2017-05-29"),
            ("nth:9:1:1", 2021, "2021-09-06"),
            ("12-25", 2016, "2016-12-25"),
        ];
        for (rule, year, want) in cases {
            assert_eq!(date(rule, year).map(|d| d.to_string()).as_deref(), Some(want), "{rule} {year}");
        }
        assert_eq!(date("bogus", 2017), None);
        assert_eq!(fixed("easter:0"), None);
        assert_eq!(fixed("07-04"), Some((7, 4)));
    }
}
