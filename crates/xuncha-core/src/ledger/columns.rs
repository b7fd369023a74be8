//! Which ledger columns a user has hidden from the screen and the printout, so a
//! ledger fits a 1366-pixel screen with the columns that matter to this office.
//! The choice is kept on the PC as a short text; exports always carry every column.

use super::table::{Col, LedgerKind};
use std::collections::BTreeMap;

/// The hidden columns of each ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnChoice {
    hidden: BTreeMap<&'static str, Vec<Col>>,
}

/// The name a column is kept under: its name in the code, which never changes meaning.
fn key(col: Col) -> String {
    format!("{col:?}")
}

impl ColumnChoice {
    /// The columns of `kind` to draw, in their usual order.
    pub fn visible(&self, kind: LedgerKind, show_names: bool) -> Vec<Col> {
        let hidden = self.hidden.get(kind.slug()).map(Vec::as_slice).unwrap_or_default();
        kind.columns(show_names).into_iter().filter(|c| !hidden.contains(c)).collect()
    }

    pub fn is_hidden(&self, kind: LedgerKind, col: Col) -> bool {
        self.hidden.get(kind.slug()).is_some_and(|h| h.contains(&col))
    }

    /// Shows or hides one column; the last visible column stays.
    pub fn toggle(&mut self, kind: LedgerKind, col: Col) {
        let hidden = self.hidden.entry(kind.slug()).or_default();
        if let Some(i) = hidden.iter().position(|c| *c == col) {
            hidden.remove(i);
        } else if kind.columns(true).iter().filter(|c| !hidden.contains(c)).count() > 1 {
            hidden.push(col);
        }
    }

    /// Every column of `kind` shown again.
    pub fn reset(&mut self, kind: LedgerKind) {
        self.hidden.remove(kind.slug());
    }

    /// "problems:Township,SubCategory;clues:Names"
    pub fn to_text(&self) -> String {
        self.hidden
            .iter()
            .filter(|(_, cols)| !cols.is_empty())
            .map(|(kind, cols)| format!("{kind}:{}", cols.iter().map(|c| key(*c)).collect::<Vec<_>>().join(",")))
            .collect::<Vec<_>>()
            .join(";")
    }

    /// Reads `to_text`; what it does not know (a column since removed) it leaves out.
    pub fn from_text(text: &str) -> ColumnChoice {
        let mut choice = ColumnChoice::default();
        for part in text.split(';') {
            let Some((slug, cols)) = part.split_once(':') else { continue };
            let Some(kind) = LedgerKind::from_slug(slug) else { continue };
            let all = kind.columns(true);
            let hidden: Vec<Col> =
                cols.split(',').filter_map(|name| all.iter().copied().find(|c| key(*c) == name)).collect();
            if hidden.len() < all.len() && !hidden.is_empty() {
                choice.hidden.insert(kind.slug(), hidden);
            }
        }
        choice
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_columns_leave_the_rest_in_order_and_come_back_on_reset() {
        let mut c = ColumnChoice::default();
        let all = LedgerKind::Problems.columns(false);
        c.toggle(LedgerKind::Problems, Col::Township);
        c.toggle(LedgerKind::Problems, Col::SubCategory);
        let shown = c.visible(LedgerKind::Problems, false);
        assert_eq!(shown.len(), all.len() - 2);
        assert_eq!(
            shown,
            all.iter().copied().filter(|x| !matches!(x, Col::Township | Col::SubCategory)).collect::<Vec<_>>()
        );
        assert!(c.is_hidden(LedgerKind::Problems, Col::Township));
        assert!(!c.is_hidden(LedgerKind::Clues, Col::Township), "each ledger has its own choice");
        c.toggle(LedgerKind::Problems, Col::Township);
        assert!(!c.is_hidden(LedgerKind::Problems, Col::Township), "a second click shows it again");
        c.reset(LedgerKind::Problems);
        assert_eq!(c.visible(LedgerKind::Problems, false), all);
    }

    #[test]
    fn the_last_visible_column_cannot_be_hidden() {
        let mut c = ColumnChoice::default();
        for col in LedgerKind::Letters.columns(true) {
            c.toggle(LedgerKind::Letters, col);
        }
        assert_eq!(c.visible(LedgerKind::Letters, true).len(), 1);
    }

    #[test]
    fn the_choice_survives_its_text_and_unknown_parts_are_left_out() {
        let mut c = ColumnChoice::default();
        c.toggle(LedgerKind::Problems, Col::Township);
        c.toggle(LedgerKind::Clues, Col::Names);
        let text = c.to_text();
        assert_eq!(text, "clues:Names;problems:Township");
        assert_eq!(ColumnChoice::from_text(&text), c);
        let read = ColumnChoice::from_text("problems:Township,Gone;nowhere:Round;;clues");
        assert_eq!(read.visible(LedgerKind::Problems, false).len(), LedgerKind::Problems.columns(false).len() - 1);
        assert_eq!(ColumnChoice::from_text(""), ColumnChoice::default());
    }
}
