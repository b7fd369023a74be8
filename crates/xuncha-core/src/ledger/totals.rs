//! The figures under a ledger: how many shown rows are open, closed, overdue,
//! with their percentages.

use super::table::*;
use crate::date::Day;
use crate::i18n::{fill, Lang, T};
use crate::rectification::RectStatus;

/// The figures on top of a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub rows: usize,
    pub on_spot: usize,
    pub closed: usize,
    pub long_term: usize,
    pub overdue: usize,
    pub inadequate: usize,
    pub cadres: u64,
    pub others: u64,
    pub transferred: usize,
    pub sent: usize,
    pub responded: usize,
}

impl Totals {
    pub fn of(ledger: &Ledger, kind: LedgerKind, shown: &[usize], today: Day) -> Totals {
        let rows = ledger.rows(kind);
        let mut t = Totals::default();
        for row in shown.iter().filter_map(|i| rows.get(*i)) {
            t.rows += 1;
            if row.is_overdue(today) {
                t.overdue += 1;
            }
            match &row.item {
                Item::Problem(p, r) => {
                    if p.data.rectified_on_spot.is_some() {
                        t.on_spot += 1;
                    }
                    if let Some(r) = r {
                        match r.data.status {
                            RectStatus::Closed => t.closed += 1,
                            RectStatus::LongTerm => t.long_term += 1,
                            _ => {}
                        }
                        if r.data.inadequate_count() > 0 {
                            t.inadequate += 1;
                        }
                    }
                }
                Item::Clue(c) => {
                    t.cadres += u64::from(c.data.cadres);
                    t.others += u64::from(c.data.others);
                    if c.data.transferred_on.is_some() {
                        t.transferred += 1;
                    }
                    if c.data.closed_on.is_some() {
                        t.closed += 1;
                    }
                }
                Item::Letter(l) => {
                    if l.data.sent_on.is_some() {
                        t.sent += 1;
                    }
                    if l.data.responded_on.is_some() {
                        t.responded += 1;
                    }
                }
            }
        }
        t
    }

    /// The sentence above the list, as a summary report words it.
    pub fn sentence(&self, kind: LedgerKind, lang: Lang) -> String {
        let n = self.rows;
        match kind {
            LedgerKind::Problems => fill(
                T::TotalsProblems.text(lang),
                &[
                    ("n", &n),
                    ("spot", &self.on_spot),
                    ("closed", &self.closed),
                    ("closed_pct", &percent(self.closed, n)),
                    ("overdue", &self.overdue),
                    ("inadequate", &self.inadequate),
                    ("inadequate_pct", &percent(self.inadequate, n)),
                ],
            ),
            LedgerKind::Rectifications => fill(
                T::TotalsRectifications.text(lang),
                &[
                    ("n", &n),
                    ("closed", &self.closed),
                    ("closed_pct", &percent(self.closed, n)),
                    ("long", &self.long_term),
                    ("overdue", &self.overdue),
                    ("inadequate", &self.inadequate),
                ],
            ),
            LedgerKind::Clues => fill(
                T::TotalsClues.text(lang),
                &[
                    ("n", &n),
                    ("cadres", &self.cadres),
                    ("others", &self.others),
                    ("transferred", &self.transferred),
                    ("closed", &self.closed),
                    ("overdue", &self.overdue),
                ],
            ),
            LedgerKind::Letters => {
                fill(T::TotalsLetters.text(lang), &[("n", &n), ("sent", &self.sent), ("responded", &self.responded)])
            }
        }
    }
}

/// A share as summaries print it: "37.5%", and "0%" of nothing.
pub fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    let tenths = (part as u64 * 1000 + whole as u64 / 2) / whole as u64;
    if tenths % 10 == 0 {
        format!("{}%", tenths / 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Cell;
    use std::cmp::Ordering;

    #[test]
    fn percentages_round_to_one_decimal_and_drop_a_trailing_zero() {
        assert_eq!(percent(0, 0), "0%");
        assert_eq!(percent(1, 3), "33.3%");
        assert_eq!(percent(2, 3), "66.7%");
        assert_eq!(percent(1, 2), "50%");
        assert_eq!(percent(7, 7), "100%");
    }

    #[test]
    fn every_ledger_has_a_slug_that_reads_back() {
        for k in LedgerKind::ALL {
            assert_eq!(LedgerKind::from_slug(k.slug()), Some(k));
            assert!(k.columns(false).contains(&k.default_sort()));
        }
        assert_eq!(LedgerKind::from_slug("nope"), None);
    }

    #[test]
    fn names_of_persons_appear_only_when_asked_for() {
        assert!(!LedgerKind::Clues.columns(false).contains(&Col::Names));
        assert!(LedgerKind::Clues.columns(true).contains(&Col::Names));
    }

    #[test]
    fn blank_cells_sort_after_filled_ones() {
        let day: Day = "2026-01-01".parse().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(Cell::Day(Some(day)).compare(&Cell::Day(None)), Ordering::Less);
        assert_eq!(Cell::Count(2).compare(&Cell::Count(10)), Ordering::Less, "numbers sort as numbers");
    }
}
