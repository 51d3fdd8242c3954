//! A proleptic Gregorian calendar date, with the arithmetic the date resolver needs.

use std::fmt;

/// A calendar date (proleptic Gregorian), such as the reference date of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// 0 for Monday up to 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The weekday with index `i % 7` (0 = Monday).
    pub fn from_index(i: u8) -> Weekday {
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
            [(i % 7) as usize]
    }
}

/// True in leap years of the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`; 0 for a month out of range.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date `year-month-day`, or `None` when it does not exist (`2023-02-29`) or the
    /// year is outside 1..=9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1-12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1-31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` days after 1970-01-01, or `None` outside years 1..=9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        if !(1..=9999).contains(&year) {
            return None;
        }
        Date::new(year as i32, month, day)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index(((self.to_days() + 3).rem_euclid(7)) as u8)
    }

    /// The date `n` days later (earlier when negative), or `None` outside years 1..=9999.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// The date `n` months later, with the day clamped to the month's length
    /// (`Jan 31 + 1 month = Feb 28`).
    pub fn add_months(self, n: i64) -> Option<Date> {
        let total = (self.year as i64).checked_mul(12)? + (self.month as i64 - 1) + n;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        if !(1..=9999).contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year as i32, month));
        Date::new(year as i32, month, day)
    }

    /// The Monday of ISO week `week` of `year`, or `None` when the year has no such week.
    pub fn from_iso_week(year: i32, week: u8) -> Option<Date> {
        if week == 0 || week > 53 {
            return None;
        }
        let jan4 = Date::new(year, 1, 4)?;
        let monday = jan4.add_days((week as i64 - 1) * 7 - jan4.weekday().index() as i64)?;
        (monday.iso_week() == (year, week)).then_some(monday)
    }

    /// The Monday of the week (Monday to Sunday) holding this date.
    pub fn monday(self) -> Option<Date> {
        self.add_days(-(self.weekday().index() as i64))
    }

    /// The ISO week `(week-based year, week number)` of this date.
    pub fn iso_week(self) -> (i32, u8) {
        let monday_based = self.weekday().index() as i64;
        // The Thursday of this week decides the week-based year.
        let thursday = Date::from_days(self.to_days() - monday_based + 3).unwrap_or(self);
        let jan1 = Date { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// Today's date in UTC from the system clock. Only for native programs (the CLI); the
    /// library itself never reads the clock.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_utc() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days(secs.div_euclid(86_400)).unwrap_or(Date { year: 1970, month: 1, day: 1 })
    }
}

impl fmt::Display for Date {
    /// Formats as `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_format() {
        assert_eq!(Date::parse_iso("2017-08-01").unwrap().to_string(), "2017-08-01");
        for bad in ["2017-8-01", "2017-02-29", "2017-13-01", "20170801", "abcd-ef-gh", "0000-01-01", "2017-08-01x"] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::parse_iso("2016-02-29").is_some());
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().to_days(), 11017);
        for days in (-700_000..2_900_000).step_by(997) {
            let d = Date::from_days(days).unwrap();
            assert_eq!(d.to_days(), days);
        }
    }

    #[test]
    fn weekdays_and_weeks() {
        assert_eq!(Date::new(2026, 11, 25).unwrap().weekday(), Weekday::Wed);
        assert_eq!(Date::new(2016, 11, 7).unwrap().weekday(), Weekday::Mon);
        assert_eq!(Date::new(2017, 8, 10).unwrap().iso_week(), (2017, 32));
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(2018, 12, 31).unwrap().iso_week(), (2019, 1));
        for (year, week, monday) in [(2017, 32, "2017-08-07"), (2021, 1, "2021-01-04"), (2020, 53, "2020-12-28"), (2019, 1, "2018-12-31")] {
            assert_eq!(Date::from_iso_week(year, week).map(|d| d.to_string()).as_deref(), Some(monday), "{year}-W{week}");
        }
        assert_eq!(Date::from_iso_week(2017, 53), None);
        assert_eq!(Date::new(2017, 8, 6).unwrap().monday().unwrap().to_string(), "2017-07-31");
    }

    #[test]
    fn month_arithmetic_clamps() {
        let d = Date::new(2020, 1, 31).unwrap();
        assert_eq!(d.add_months(1).unwrap().to_string(), "2020-02-29");
        assert_eq!(d.add_months(-2).unwrap().to_string(), "2019-11-30");
        assert_eq!(d.add_months(12).unwrap().to_string(), "2021-01-31");
        assert_eq!(Date::new(9999, 12, 31).unwrap().add_days(1), None);
    }
}
