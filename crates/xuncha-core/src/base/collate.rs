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
}
