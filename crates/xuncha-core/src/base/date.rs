//! Calendar days as the ledgers use them: ISO text in files, month arithmetic for
//! deadlines such as "整改报告 due two months after feedback".

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use time::{Date, Month};

/// One calendar day, written `YYYY-MM-DD` everywhere (files, inputs, IndexedDB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date in the form YYYY-MM-DD: {0}")]
pub struct DayParseError(pub String);

impl Day {
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Day> {
        let month = Month::try_from(month).ok()?;
        Date::from_calendar_date(year, month, day).ok().map(Day)
    }

    pub fn year(&self) -> i32 {
        self.0.year()
    }

    pub fn month(&self) -> u8 {
        u8::from(self.0.month())
    }

    pub fn day(&self) -> u8 {
        self.0.day()
    }

    pub fn from_date(date: Date) -> Day {
        Day(date)
    }

    pub fn date(&self) -> Date {
        self.0
    }

    /// The same day `months` later; a day that the target month lacks becomes its
    /// last day (30 November + 3 months = 28 or 29 February), as offices count it.
    pub fn add_months(&self, months: u32) -> Option<Day> {
        let total = self.0.year() as i64 * 12 + (u8::from(self.0.month()) as i64 - 1) + months as i64;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = Month::try_from((total.rem_euclid(12) + 1) as u8).ok()?;
        let last = month.length(year);
        Date::from_calendar_date(year, month, self.0.day().min(last)).ok().map(Day)
    }

    /// Whole days from `earlier` to this day (negative when `earlier` is later).
    pub fn days_since(&self, earlier: Day) -> i64 {
        (self.0 - earlier.0).whole_days()
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), u8::from(self.0.month()), self.0.day())
    }
}

impl FromStr for Day {
    type Err = DayParseError;

    /// Accepts `2026-11-22`, and the `2026/11/22` and `2026.11.22` forms people type.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DayParseError(s.to_owned());
        let t = s.trim();
        let mut parts = t.split(['-', '/', '.']);
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(err());
        };
        if y.len() != 4 {
            return Err(err());
        }
        let y: i32 = y.parse().map_err(|_| err())?;
        let m: u8 = m.parse().map_err(|_| err())?;
        let d: u8 = d.parse().map_err(|_| err())?;
        Day::from_ymd(y, m, d).ok_or_else(err)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// In files and storage a day is exactly `YYYY-MM-DD`, zero-padded, as the schema
/// says; the looser forms people type are for the forms (`FromStr`).
impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        let shaped = s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
        if !shaped {
            return Err(serde::de::Error::custom("invalid value: not a day in the form YYYY-MM-DD"));
        }
        s.parse().map_err(|_| serde::de::Error::custom("invalid value: no such day"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    #[test]
    fn a_day_is_written_and_read_as_iso_text() {
        assert_eq!(day("2026-11-02").to_string(), "2026-11-02");
        assert_eq!(serde_json::to_string(&day("2026-01-05")).ok().as_deref(), Some("\"2026-01-05\""));
        assert_eq!(serde_json::from_str::<Day>("\"2026-01-05\"").ok(), Some(day("2026-01-05")));
    }

    #[test]
    fn slashes_and_dots_are_accepted_as_people_type_them() {
        assert_eq!(day("2026/3/9"), day("2026-03-09"));
        assert_eq!(day(" 2026.03.09 "), day("2026-03-09"));
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in ["2026-02-30", "2026-13-01", "26-01-01", "2026-01", "", "abc", "2026-01-01-01"] {
            assert!(bad.parse::<Day>().is_err(), "{bad} should be refused");
        }
        assert!(serde_json::from_str::<Day>("\"2026-02-30\"").is_err());
        assert!(serde_json::from_str::<Day>("\"2026-2-3\"").is_err(), "files hold zero-padded days");
        assert!(serde_json::from_str::<Day>("\"2026/02/03\"").is_err());
        assert_eq!("2026-2-3".parse::<Day>().ok(), Day::from_ymd(2026, 2, 3), "what people type still reads");
    }

    #[test]
    fn adding_months_keeps_the_day_of_month() {
        assert_eq!(day("2026-03-15").add_months(2), Some(day("2026-05-15")));
        assert_eq!(day("2026-11-15").add_months(2), Some(day("2027-01-15")));
    }

    #[test]
    fn adding_months_clamps_to_the_last_day_of_a_shorter_month() {
        assert_eq!(day("2026-11-30").add_months(3), Some(day("2027-02-28")));
        assert_eq!(day("2027-11-30").add_months(3), Some(day("2028-02-29")));
        assert_eq!(day("2026-12-31").add_months(2), Some(day("2027-02-28")));
        assert_eq!(day("2026-08-31").add_months(1), Some(day("2026-09-30")));
    }
}
