//! Typed text to model values and back, so a wrong entry becomes a form error
//! naming its field instead of a refused save.

use xuncha_core::date::Day;
use xuncha_core::i18n::T;
use xuncha_core::validation::Invalid;

/// Reads an optional date typed into a form; a wrong one becomes a form error.
pub fn parse_day(text: &str, field: &'static str, bad: &mut Vec<Invalid>) -> Option<Day> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse() {
        Ok(d) => Some(d),
        Err(_) => {
            bad.push(Invalid { field, msg: T::ErrInvalidDate, missing: false });
            None
        }
    }
}

/// Reads a count; blank is zero.
pub fn parse_count(text: &str, field: &'static str, bad: &mut Vec<Invalid>) -> u32 {
    let text = text.trim();
    if text.is_empty() {
        return 0;
    }
    text.parse().unwrap_or_else(|_| {
        bad.push(Invalid { field, msg: T::ErrInvalidNumber, missing: false });
        0
    })
}

/// Reads a year; a wrong one is a form error.
pub fn parse_year(text: &str, field: &'static str, bad: &mut Vec<Invalid>) -> i32 {
    text.trim().parse().unwrap_or_else(|_| {
        bad.push(Invalid { field, msg: T::ErrYearOutOfRange, missing: false });
        0
    })
}

pub fn day_text(d: Option<Day>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}
