//! Values as offices type them: dates in every form a ledger holds (2026.3.5,
//! 2026年3月5日, 3月5日 with the year given, 6月底, Excel serials), statuses and the
//! 三个聚焦 by their words, yes and no, counts, and round ordinals (第三轮).

use super::grid::Cell;
use crate::date::Day;
use crate::problem::Focus;
use crate::rectification::RectStatus;

/// Why a cell is not a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Month and day without a year, and no year was given for the sheet.
    NeedsYear,
    NotADate,
}

/// Excel's day 0 in the 1900 system is 1899-12-30 (its 1900-02-29 never was).
fn from_serial(serial: f64) -> Option<Day> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let epoch = Day::from_ymd(1899, 12, 30)?;
    epoch.date().checked_add(time::Duration::days(serial.floor() as i64)).map(Day::from_date)
}

/// A day from a cell. `year` fills in "3月5日" and "6月底"; without it those are `NeedsYear`.
pub fn day(cell: &Cell, year: Option<i32>) -> Result<Day, DateProblem> {
    match cell {
        Cell::Date(d) => Ok(*d),
        // Plausible serials only (1954 to 2119), so a count typed in a date column is refused.
        Cell::Number(n) if (20_000.0..80_000.0).contains(n) => from_serial(*n).ok_or(DateProblem::NotADate),
        Cell::Number(n) if n.fract() == 0.0 => day_from_text(&format!("{}", *n as i64), year),
        Cell::Text(t) => day_from_text(t, year),
        _ => Err(DateProblem::NotADate),
    }
}

/// The numbers in a text, in order, each with what stands after it up to the next.
fn numbers(text: &str) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    let mut digits = String::new();
    for c in text.chars().map(full_to_half) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            out.push((digits.parse().unwrap_or(u32::MAX), String::new()));
            digits.clear();
        }
        if let Some(last) = out.last_mut() {
            last.1.push(c);
        }
    }
    if !digits.is_empty() {
        out.push((digits.parse().unwrap_or(u32::MAX), String::new()));
    }
    out
}

/// A full-width digit or mark as its ASCII twin, as typed in a Chinese input method.
pub(crate) fn full_to_half(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' | '。' => '.',
        '／' => '/',
        '－' | '—' | '–' => '-',
        _ => c,
    }
}

fn last_day_of(year: i32, month: u8) -> Option<Day> {
    let m = time::Month::try_from(month).ok()?;
    Day::from_ymd(year, month, m.length(year))
}

fn day_from_text(text: &str, year: Option<i32>) -> Result<Day, DateProblem> {
    // "2026/3/5 0:00" and "2026-03-05T00:00:00", as CSV and .ods keep date cells: the day.
    let text = text.trim();
    let text = match text.find([' ', 'T']) {
        Some(at) if text[at..].contains(':') => &text[..at],
        _ => text,
    };
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Err(DateProblem::NotADate);
    }
    // "20260305", as some systems export.
    if t.len() == 8 && t.chars().all(|c| c.is_ascii_digit()) {
        let (y, m, d) = (&t[0..4], &t[4..6], &t[6..8]);
        let parts = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>());
        if let (Ok(y), Ok(m), Ok(d)) = parts {
            return Day::from_ymd(y, m, d).ok_or(DateProblem::NotADate);
        }
    }
    // A deadline by quarter: its last day.
    if let Some(q) = ["第一季度", "第二季度", "第三季度", "第四季度", "一季度", "二季度", "三季度", "四季度"]
        .iter()
        .position(|w| t.ends_with(w))
    {
        let quarter = (q % 4) as u8 + 1;
        let y = numbers(&t).first().map(|(y, _)| *y as i32).filter(|y| (1949..=2199).contains(y)).or(year);
        return match y {
            Some(y) => last_day_of(y, quarter * 3).ok_or(DateProblem::NotADate),
            None => Err(DateProblem::NeedsYear),
        };
    }
    // "2026年12月", "2026.12": a month with no day is read as its last day, as deadlines mean it.
    let end_of_month = t.ends_with("月底") || t.ends_with("月末") || t.ends_with('月') && t.contains('年');
    let nums = numbers(&t);
    let plausible_year = |y: u32| (1949..=2199).contains(&y);
    let as_u8 = |n: u32| u8::try_from(n).map_err(|_| DateProblem::NotADate);
    match nums.as_slice() {
        [(y, _), (m, _), (d, _)] if plausible_year(*y) => {
            Day::from_ymd(*y as i32, as_u8(*m)?, as_u8(*d)?).ok_or(DateProblem::NotADate)
        }
        [(y, _), (m, _)] if plausible_year(*y) && (end_of_month || !t.contains('月')) => {
            last_day_of(*y as i32, as_u8(*m)?).ok_or(DateProblem::NotADate)
        }
        [(m, _)] if end_of_month => {
            let y = year.ok_or(DateProblem::NeedsYear)?;
            last_day_of(y, as_u8(*m)?).ok_or(DateProblem::NotADate)
        }
        [(m, sep), (d, _)] if t.contains('月') || sep == "/" || sep == "." || sep == "-" => {
            if plausible_year(*m) {
                return Err(DateProblem::NotADate);
            }
            let y = year.ok_or(DateProblem::NeedsYear)?;
            Day::from_ymd(y, as_u8(*m)?, as_u8(*d)?).ok_or(DateProblem::NotADate)
        }
        _ => Err(DateProblem::NotADate),
    }
}

/// The words of a text without spaces, punctuation and brackets, for comparing words.
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '（' | '）' | '(' | ')' | '：' | ':' | '、' | '，' | ',' | '。' | '*' | '＊')
        })
        .collect()
}

/// A rectification's status from the words ledgers use. Long texts (an 整改情况 column
/// that tells the story) are read by the words they start or end with.
/// How a sheet's 整改情况 words will be read, for the person to see before writing:
/// "“已完成”→待核验（3行）、“基本完成”→整改中（1行）"; words that are no status are
/// refused row by row and left out here.
pub fn status_reading(words: &[(String, usize)], lang: crate::i18n::Lang) -> String {
    use crate::i18n::{fill, Label, T};
    let sep = if lang == crate::i18n::Lang::Zh { "、" } else { "; " };
    let read: Vec<String> = words
        .iter()
        .filter_map(|(w, n)| {
            let s = status(w)?;
            Some(fill(T::SheetStatusRead.text(lang), &[("words", w), ("status", &s.label().text(lang)), ("n", n)]))
        })
        .take(12)
        .collect();
    read.join(sep)
}

/// The share a text ends with, as "80%" or "80％"; `None` without one.
fn percent(t: &str) -> Option<u32> {
    let body = t.strip_suffix('%').or_else(|| t.strip_suffix('％'))?;
    let digits: String = body.chars().rev().take_while(char::is_ascii_digit).collect();
    digits.chars().rev().collect::<String>().parse().ok()
}

pub fn status(text: &str) -> Option<RectStatus> {
    let t = squeeze(text);
    const WORDS: &[(&str, RectStatus)] = &[
        ("未完成", RectStatus::InProgress),
        ("未销号", RectStatus::InProgress),
        ("未整改", RectStatus::NotStarted),
        ("未开始", RectStatus::NotStarted),
        ("尚未整改", RectStatus::NotStarted),
        ("长期整改", RectStatus::LongTerm),
        ("长期坚持", RectStatus::LongTerm),
        ("持续整改", RectStatus::LongTerm),
        ("待核验", RectStatus::AwaitingVerification),
        ("待销号", RectStatus::AwaitingVerification),
        ("提请销号", RectStatus::AwaitingVerification),
        ("申请销号", RectStatus::AwaitingVerification),
        // Only the office strikes an item off (销号), after verifying it: a ledger's
        // "已完成" is the unit's word that it is done, which waits for verification.
        ("已销号", RectStatus::Closed),
        ("销号", RectStatus::Closed),
        ("已完成", RectStatus::AwaitingVerification),
        ("已整改", RectStatus::AwaitingVerification),
        ("已办结", RectStatus::AwaitingVerification),
        ("整改完成", RectStatus::AwaitingVerification),
        ("完成", RectStatus::AwaitingVerification),
        ("整改中", RectStatus::InProgress),
        ("正在整改", RectStatus::InProgress),
        ("推进中", RectStatus::InProgress),
        ("正在推进", RectStatus::InProgress),
        ("部分完成", RectStatus::InProgress),
        ("基本完成", RectStatus::InProgress),
    ];
    if t.is_empty() {
        return None;
    }
    // "已完成80%": a share short of the whole is still being put right, whatever the words before it.
    if let Some(share) = percent(&t) {
        return Some(if share >= 100 { RectStatus::AwaitingVerification } else { RectStatus::InProgress });
    }
    // A 是否完成 column: yes is done and waits for the office to verify it, no is still being put right.
    match t.as_str() {
        "是" | "√" | "✓" | "✔" => return Some(RectStatus::AwaitingVerification),
        "否" | "×" | "✗" => return Some(RectStatus::InProgress),
        _ => {}
    }
    if let Some(s) = RectStatus::ALL.into_iter().find(|s| labels_match(crate::i18n::Label::label(*s), &t)) {
        return Some(s);
    }
    // Exact words first, then the longest word the text starts with, then ends with:
    // "部分完成" is not "完成", "已完成整改" is.
    if let Some((_, s)) = WORDS.iter().find(|(w, _)| *w == t) {
        return Some(*s);
    }
    let mut by_length: Vec<&(&str, RectStatus)> = WORDS.iter().collect();
    by_length.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    by_length
        .iter()
        .find(|(w, _)| t.starts_with(w))
        .or_else(|| by_length.iter().find(|(w, _)| t.ends_with(w)))
        .map(|(_, s)| *s)
}

fn labels_match(key: crate::i18n::T, squeezed: &str) -> bool {
    use crate::i18n::Lang;
    squeeze(key.text(Lang::Zh)) == squeezed || squeeze(key.text(Lang::En)).eq_ignore_ascii_case(squeezed)
}

/// Any labelled value by its catalogue words, in either language.
pub fn by_label<E: crate::i18n::Label + Copy>(all: &[E], text: &str) -> Option<E> {
    let t = squeeze(text);
    all.iter().copied().find(|e| labels_match(e.label(), &t))
}

/// The 三个聚焦 from a category as offices word it, or from a section heading such as
/// "一、贯彻落实党的路线方针政策方面".
pub fn focus(text: &str) -> Option<Focus> {
    if let Some(f) = by_label(&Focus::ALL, text) {
        return Some(f);
    }
    let t = squeeze(text);
    const WORDS: &[(&str, Focus)] = &[
        ("路线方针政策", Focus::Policy),
        ("决策部署", Focus::Policy),
        ("贯彻落实", Focus::Policy),
        ("第一个聚焦", Focus::Policy),
        ("聚焦一", Focus::Policy),
        ("腐败", Focus::Corruption),
        ("不正之风", Focus::Corruption),
        ("第二个聚焦", Focus::Corruption),
        ("聚焦二", Focus::Corruption),
        ("软弱涣散", Focus::Organisation),
        ("组织力", Focus::Organisation),
        ("基层党组织", Focus::Organisation),
        ("党组织建设", Focus::Organisation),
        ("第三个聚焦", Focus::Organisation),
        ("聚焦三", Focus::Organisation),
    ];
    let hits: Vec<Focus> = WORDS.iter().filter(|(w, _)| t.contains(w)).map(|(_, f)| *f).collect();
    match hits.first() {
        Some(first) if hits.iter().all(|f| f == first) => Some(*first),
        _ => None,
    }
}

/// Yes or no, as a cell of 是/否, √/×, Y/N or a spreadsheet flag.
pub fn flag(cell: &Cell) -> Option<bool> {
    if let Cell::Flag(b) = cell {
        return Some(*b);
    }
    match squeeze(&cell.text()).to_lowercase().as_str() {
        "是" | "√" | "✓" | "✔" | "y" | "yes" | "1" | "有" => Some(true),
        "否" | "×" | "✗" | "n" | "no" | "0" | "无" | "" => Some(false),
        _ => None,
    }
}

/// A count of persons: "3", "3人", or blank for none.
pub fn count(cell: &Cell) -> Option<u32> {
    match cell {
        Cell::Empty => Some(0),
        Cell::Number(n) if n.fract() == 0.0 && (0.0..=100_000.0).contains(n) => Some(*n as u32),
        Cell::Text(t) => {
            let t = squeeze(t);
            let t = t.trim_end_matches(['人', '名']);
            if t.is_empty() {
                Some(0)
            } else {
                t.parse().ok().filter(|n| *n <= 100_000)
            }
        }
        _ => None,
    }
}

/// "三", "十二", "12": the numbers round ordinals are written in, up to 99.
pub fn small_number(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse::<u32>() {
        return Some(n);
    }
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', d] => digit(*d).map(|n| 10 + n),
        [t, '十'] => digit(*t).map(|n| n * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

/// The n of "第n轮" in a text ("县委第三轮巡察", "第12轮"), if it names one round.
pub fn round_ordinal(text: &str) -> Option<u32> {
    let t = squeeze(text);
    // Each 第 in turn: "十五届县委第三轮" has one, "2026年第二季度第三轮" two.
    t.match_indices('第').find_map(|(at, _)| {
        let rest = &t[at + '第'.len_utf8()..];
        let end = rest.find('轮')?;
        small_number(&rest[..end]).filter(|n| (1..=99).contains(n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, dd: u8) -> Day {
        Day::from_ymd(y, m, dd).expect("a real day")
    }

    fn text(t: &str) -> Cell {
        Cell::Text(t.into())
    }

    #[test]
    fn every_date_form_offices_type_reads_as_the_same_day() {
        for t in [
            "2026.3.5",
            "2026年3月5日",
            "2026/3/5",
            "2026-03-05",
            "2026-3-5",
            "2026. 3. 5",
            "２０２６年３月５日",
            "20260305",
            "2026年03月05日前",
        ] {
            assert_eq!(day(&text(t), None), Ok(d(2026, 3, 5)), "{t}");
        }
        assert_eq!(day(&Cell::Number(46086.0), None), Ok(d(2026, 3, 5)), "an Excel serial");
        assert_eq!(day(&text("2026/3/5 0:00"), None), Ok(d(2026, 3, 5)), "with a time");
        assert_eq!(day(&text("2026-03-05T00:00:00"), None), Ok(d(2026, 3, 5)));
        assert_eq!(day(&Cell::Date(d(2026, 3, 5)), None), Ok(d(2026, 3, 5)));
        assert_eq!(day(&text("46086"), None), Err(DateProblem::NotADate), "a serial typed as text is no date");
    }

    #[test]
    fn a_day_without_its_year_takes_the_year_given_or_asks_for_one() {
        assert_eq!(day(&text("3月5日"), Some(2025)), Ok(d(2025, 3, 5)));
        assert_eq!(day(&text("3月5日"), None), Err(DateProblem::NeedsYear));
        assert_eq!(day(&text("3.5"), Some(2025)), Ok(d(2025, 3, 5)));
    }

    #[test]
    fn the_end_of_a_month_is_its_last_day() {
        assert_eq!(day(&text("2026年6月底"), None), Ok(d(2026, 6, 30)));
        assert_eq!(day(&text("2028年2月底"), None), Ok(d(2028, 2, 29)));
        assert_eq!(day(&text("9月底"), Some(2026)), Ok(d(2026, 9, 30)));
        assert_eq!(day(&text("2026年12月"), None), Ok(d(2026, 12, 31)), "a month alone is its end");
        assert_eq!(day(&text("2026.12"), None), Ok(d(2026, 12, 31)));
        assert_eq!(day(&text("2026年第四季度"), None), Ok(d(2026, 12, 31)));
        assert_eq!(day(&text("三季度"), Some(2026)), Ok(d(2026, 9, 30)));
    }

    #[test]
    fn what_is_no_day_is_refused() {
        for t in ["长期坚持", "2026年2月30日", "2026年13月1日", "立即", "2026", "3", "2026.13"] {
            assert_eq!(day(&text(t), Some(2026)), Err(DateProblem::NotADate), "{t}");
        }
        assert_eq!(day(&Cell::Number(3.0), Some(2026)), Err(DateProblem::NotADate));
    }

    #[test]
    fn statuses_are_read_by_their_words() {
        assert_eq!(status("已销号"), Some(RectStatus::Closed));
        assert_eq!(status("已完成"), Some(RectStatus::AwaitingVerification), "done, not yet verified");
        assert_eq!(status("完成"), Some(RectStatus::AwaitingVerification));
        assert_eq!(status("已完成80%"), Some(RectStatus::InProgress), "a share short of the whole");
        assert_eq!(status("完成100％"), Some(RectStatus::AwaitingVerification));
        let words = [("已完成".to_owned(), 3), ("基本完成".to_owned(), 1), ("暂缓".to_owned(), 1)];
        assert_eq!(status_reading(&words, crate::i18n::Lang::Zh), "“已完成”→待核验（3行）、“基本完成”→整改中（1行）");
        assert_eq!(status("已完成（待验收）"), Some(RectStatus::AwaitingVerification));
        assert_eq!(status("已完成整改，建立制度3项"), Some(RectStatus::AwaitingVerification));
        assert_eq!(status("部分完成"), Some(RectStatus::InProgress));
        assert_eq!(status("正在整改"), Some(RectStatus::InProgress));
        assert_eq!(status("未完成"), Some(RectStatus::InProgress));
        assert_eq!(status("未整改"), Some(RectStatus::NotStarted));
        assert_eq!(status("长期坚持"), Some(RectStatus::LongTerm));
        assert_eq!(status("待核验"), Some(RectStatus::AwaitingVerification));
        assert_eq!(status("Struck off"), Some(RectStatus::Closed));
        assert_eq!(status("看情况"), None);
        assert_eq!(status("是"), Some(RectStatus::AwaitingVerification), "a 是否完成 column");
        assert_eq!(status("否"), Some(RectStatus::InProgress));
    }

    #[test]
    fn the_three_focuses_are_read_from_categories_and_headings() {
        assert_eq!(focus("一、贯彻落实党的路线方针政策和党中央决策部署方面"), Some(Focus::Policy));
        assert_eq!(focus("群众身边腐败问题和不正之风"), Some(Focus::Corruption));
        assert_eq!(focus("基层党组织软弱涣散、组织力欠缺"), Some(Focus::Organisation));
        assert_eq!(focus("第二个聚焦"), Some(Focus::Corruption));
        assert_eq!(focus("其他"), None);
    }

    #[test]
    fn yes_and_no_and_counts_read_as_typed() {
        assert_eq!(flag(&text("√")), Some(true));
        assert_eq!(flag(&text("否")), Some(false));
        assert_eq!(flag(&Cell::Empty), Some(false));
        assert_eq!(flag(&text("也许")), None);
        assert_eq!(count(&text("3人")), Some(3));
        assert_eq!(count(&Cell::Number(2.0)), Some(2));
        assert_eq!(count(&Cell::Empty), Some(0));
        assert_eq!(count(&text("若干")), None);
    }

    #[test]
    fn round_ordinals_are_read_in_chinese_and_in_digits() {
        assert_eq!(round_ordinal("某某县委第三轮巡察反馈问题整改台账"), Some(3));
        assert_eq!(round_ordinal("十五届县委第十二轮巡察"), Some(12));
        assert_eq!(round_ordinal("第 2 轮"), Some(2));
        assert_eq!(round_ordinal("二十一轮"), None);
        assert_eq!(round_ordinal("2026年第二季度县委第三轮巡察"), Some(3));
        assert_eq!(small_number("二十一"), Some(21));
    }
}
