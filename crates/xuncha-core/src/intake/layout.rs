//! Rows of a ledger that are no data: section headings ("一、贯彻落实……方面", merged
//! across the table or numbered in the 序号 cell), 合计 rows, and the notes and
//! signatures under the table.

use super::values::{self, squeeze};

/// A row that is no data.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Passed {
    /// A section heading, with its words: "一、贯彻落实……方面".
    Heading(String),
    /// 合计, 小计, 总计.
    Total,
    /// Notes and signatures under the table.
    Note,
}

/// A 序号 cell as headings number them: "一", "（二）", "3".
fn is_ordinal(text: &str) -> bool {
    text.chars().count() <= 4 && text.chars().all(|c| "一二三四五六七八九十0123456789、.．（）()".contains(c))
}

/// "一、……" or "（一）……": the numbering of a heading.
pub(super) fn numbered_heading(text: &str) -> bool {
    let t = text.trim_start_matches(['（', '(']);
    let digits = t.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).count();
    digits > 0 && t.chars().nth(digits).is_some_and(|c| matches!(c, '、' | '）' | ')'))
}

/// Whether a row is a heading, a total or a note rather than data, judged by its first
/// cell and by words merged across the table. A row of data with one cell filled is
/// still data, and is refused for what it lacks.
pub(super) fn passed_over(texts: &[String]) -> Option<Passed> {
    let filled: Vec<&str> = texts.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    let first = squeeze(filled.first()?);
    if ["合计", "总计", "小计"].iter().any(|w| first.starts_with(w)) {
        return Some(Passed::Total);
    }
    const NOTES: [&str; 9] = ["注", "说明", "备注", "填表", "制表", "审核", "联系人", "填报人", "负责人"];
    if NOTES.iter().any(|n| first.starts_with(n)) {
        return Some(Passed::Note);
    }
    let mut distinct: Vec<&str> = Vec::new();
    for t in &filled {
        if !distinct.contains(t) {
            distinct.push(t);
        }
    }
    let body = match distinct.as_slice() {
        [only] => *only,
        [number, text] if is_ordinal(number) => *text,
        _ => return None,
    };
    let merged = filled.iter().filter(|t| **t == body).count() >= 2;
    let alone_as_heading = filled.len() == 1 && (numbered_heading(body) || values::focus(body).is_some());
    (merged || alone_as_heading || (distinct.len() == 2 && numbered_heading(body)))
        .then(|| Passed::Heading(body.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn headings_merged_across_or_numbered_are_no_data() {
        let heading = "一、贯彻落实党的路线方针政策方面";
        assert_eq!(passed_over(&row(&[heading, heading, heading])), Some(Passed::Heading(heading.into())));
        assert_eq!(passed_over(&row(&["一", heading, heading])), Some(Passed::Heading(heading.into())));
        assert_eq!(
            passed_over(&row(&["（二）党的领导弱化", "", ""])),
            Some(Passed::Heading("（二）党的领导弱化".into()))
        );
        assert!(numbered_heading("二、其他方面") && numbered_heading("（三）作风") && !numbered_heading("二十个问题"));
    }

    #[test]
    fn totals_and_notes_go_by_their_first_cell_only() {
        assert_eq!(passed_over(&row(&["合计", "", "4个问题"])), Some(Passed::Total));
        assert_eq!(passed_over(&row(&["填表人：钱七", "", "审核人：孙八"])), Some(Passed::Note));
        assert_eq!(
            passed_over(&row(&["3", "县财政局", "清退资金", "合计清退2.3万元"])),
            None,
            "a measure that says 合计 is data"
        );
    }

    #[test]
    fn a_row_with_one_cell_filled_is_data_to_be_refused_not_passed_over() {
        assert_eq!(passed_over(&row(&["", "", "公车私用"])), None);
    }
}
