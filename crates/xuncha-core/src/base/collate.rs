//! The order names are listed in. People look for Chinese names in pinyin order,
//! which only the browser knows (`Intl.Collator('zh-CN')`), so the core sorts names
//! through `Collator`: the app lends it the browser's order, native code and tests
//! use the order of code points.

use std::collections::HashMap;

/// An order of texts.
pub trait Collator {
    /// The rank of each text in this order; equal texts get equal ranks.
    fn ranks(&self, texts: &[&str]) -> Vec<u32>;
}

/// The order of Unicode code points, the one Rust's `str` sorts by.
#[derive(Clone, Copy, Debug, Default)]
pub struct CodePoints;

impl Collator for CodePoints {
    fn ranks(&self, texts: &[&str]) -> Vec<u32> {
        let mut distinct: Vec<&str> = texts.to_vec();
        distinct.sort_unstable();
        distinct.dedup();
        ranks_from_sorted(&distinct, texts)
    }
}

/// Ranks of `texts` given their distinct values in order.
pub fn ranks_from_sorted(sorted: &[&str], texts: &[&str]) -> Vec<u32> {
    let rank: HashMap<&str, u32> = sorted.iter().enumerate().map(|(i, t)| (*t, i as u32)).collect();
    texts.iter().map(|t| rank.get(t).copied().unwrap_or(u32::MAX)).collect()
}

/// Sorts `items` by the text `key` gives, in `collator`'s order; items with equal
/// texts keep their order.
pub fn sort_by_text<T>(items: &mut Vec<T>, collator: &dyn Collator, key: impl Fn(&T) -> String) {
    let keys: Vec<String> = items.iter().map(&key).collect();
    let texts: Vec<&str> = keys.iter().map(String::as_str).collect();
    let ranks = collator.ranks(&texts);
    let mut tagged: Vec<(u32, T)> = ranks.into_iter().zip(items.drain(..)).collect();
    tagged.sort_by_key(|(r, _)| *r);
    items.extend(tagged.into_iter().map(|(_, t)| t));
}

/// The letter each pinyin initial starts with, beside a character that sorts first
/// (or among the first, and for certain) of its letter in the pinyin order: a Han
/// character sorts after the boundary of its letter and before the next one. The
/// rare characters that browsers' data place before a boundary are misread; the
/// common ones of unit names are not.
const PINYIN_BOUNDARIES: [(char, &str); 23] = [
    ('a', "吖"),
    ('b', "八"),
    ('c', "嚓"),
    ('d', "哒"),
    ('e', "妸"),
    ('f', "发"),
    ('g', "旮"),
    ('h', "哈"),
    ('j', "讥"),
    ('k', "咔"),
    ('l', "垃"),
    ('m', "妈"),
    ('n', "拏"),
    ('o', "噢"),
    ('p', "妑"),
    ('q', "七"),
    ('r', "呥"),
    ('s', "仨"),
    ('t', "他"),
    ('w', "穵"),
    ('x', "夕"),
    ('y', "丫"),
    ('z', "帀"),
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// The first letters of the pinyin of each text ("大庄镇" → "dzz"), for searching by
/// initials as people type them; Latin letters and digits are kept (lowercased),
/// other signs dropped. The letters come from `collator`'s order, so only a pinyin
/// order (the browser's) gives pinyin letters; one call ranks every character at once.
pub fn pinyin_initials(texts: &[&str], collator: &dyn Collator) -> Vec<String> {
    let mut chars: Vec<char> = texts.iter().flat_map(|t| t.chars()).filter(|c| is_han(*c)).collect();
    chars.sort_unstable();
    chars.dedup();
    let strings: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
    let mut all: Vec<&str> = PINYIN_BOUNDARIES.iter().map(|(_, b)| *b).collect();
    all.extend(strings.iter().map(String::as_str));
    let ranks = collator.ranks(&all);
    let (bounds, own) = ranks.split_at(PINYIN_BOUNDARIES.len());
    let letter: HashMap<char, Option<char>> = chars
        .iter()
        .zip(own)
        .map(|(c, rank)| {
            let after = bounds.iter().take_while(|b| **b <= *rank).count();
            (*c, after.checked_sub(1).map(|i| PINYIN_BOUNDARIES[i].0))
        })
        .collect();
    texts
        .iter()
        .map(|t| {
            t.chars()
                .filter_map(|c| match letter.get(&c) {
                    Some(l) => *l,
                    None if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
                    None => None,
                })
                .collect()
        })
        .collect()
}

/// Whether a search `query` finds `text`: the query is part of the text, or, typed
/// in Latin letters, part of the text's pinyin initials.
pub fn text_matches(query: &str, text: &str, initials: &str) -> bool {
    let q = query.trim();
    if q.is_empty() || text.contains(q) {
        return true;
    }
    q.chars().all(|c| c.is_ascii_alphabetic()) && initials.contains(q.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_rank_equal_texts_alike_and_keep_the_order_of_equals() {
        // Code points: "" before 乙 (U+4E59) before 甲 (U+7532).
        assert_eq!(CodePoints.ranks(&["乙", "甲", "乙", ""]), vec![1, 2, 1, 0]);
        let mut items = vec![("甲", 1), ("乙", 2), ("甲", 3), ("乙", 4)];
        sort_by_text(&mut items, &CodePoints, |i| i.0.to_owned());
        assert_eq!(items, vec![("乙", 2), ("乙", 4), ("甲", 1), ("甲", 3)]);
    }

    /// An order that reverses code points, to show the sorting follows the collator.
    struct Backwards;
    impl Collator for Backwards {
        fn ranks(&self, texts: &[&str]) -> Vec<u32> {
            CodePoints.ranks(texts).into_iter().map(|r| u32::MAX - r).collect()
        }
    }

    #[test]
    fn sorting_follows_the_collator_lent_to_it() {
        // Code points put 丙 (U+4E19) before 乙 (U+4E59) before 甲 (U+7532).
        let mut items = vec!["乙", "丙", "甲"];
        sort_by_text(&mut items, &CodePoints, |i| (*i).to_owned());
        assert_eq!(items, vec!["丙", "乙", "甲"]);
        sort_by_text(&mut items, &Backwards, |i| (*i).to_owned());
        assert_eq!(items, vec!["甲", "乙", "丙"]);
    }

    /// A pinyin order of a few characters, as a browser would give it.
    struct Pinyin;
    impl Collator for Pinyin {
        fn ranks(&self, texts: &[&str]) -> Vec<u32> {
            // Each character by its reading; the boundaries read as their letter.
            let reading = |t: &str| -> String {
                let known = [
                    ("大", "da4"),
                    ("庄", "zhuang1"),
                    ("镇", "zhen4"),
                    ("城", "cheng2"),
                    ("关", "guan1"),
                    ("村", "cun1"),
                    ("第", "di4"),
                ];
                match known.iter().find(|(c, _)| *c == t) {
                    Some((_, r)) => (*r).to_owned(),
                    None => PINYIN_BOUNDARIES
                        .iter()
                        .find(|(_, b)| *b == t)
                        .map(|(l, _)| format!("{l}"))
                        .unwrap_or_else(|| t.to_owned()),
                }
            };
            let keys: Vec<String> = texts.iter().map(|t| reading(t)).collect();
            CodePoints.ranks(&keys.iter().map(String::as_str).collect::<Vec<_>>())
        }
    }

    #[test]
    fn initials_come_from_the_pinyin_order_and_keep_latin_letters_and_digits() {
        let got = pinyin_initials(&["大庄镇", "城关镇第2村", "ABC（12）"], &Pinyin);
        assert_eq!(got[0], "dzz");
        assert_eq!(got[1], "cgzd2c");
        assert_eq!(got[2], "abc12", "signs such as （） dropped");
    }

    #[test]
    fn a_search_finds_a_name_by_its_text_or_by_the_initials_typed_in_latin_letters() {
        assert!(text_matches("庄", "大庄镇", "dzz"));
        assert!(text_matches("DZ", "大庄镇", "dzz"), "capitals too");
        assert!(text_matches("  ", "大庄镇", "dzz"), "no query finds everything");
        assert!(!text_matches("cg", "大庄镇", "dzz"));
        assert!(!text_matches("d1", "大庄镇", "dzz"), "digits with letters are text, not initials");
    }
}
