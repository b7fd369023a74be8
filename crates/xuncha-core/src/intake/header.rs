//! Finds a ledger's header below its title (over one row or two) and matches each
//! column to a ledger field by the words offices head it with; a person corrects the
//! match per column, and a mapping is kept for the next file of the same shape.

use super::grid::Grid;
use crate::i18n::Lang;
use crate::ledger::table::Col;
use serde::{Deserialize, Serialize};

/// How far down a title, notes and a two-row header may push the header.
const SEARCH_ROWS: usize = 20;

/// The header a sheet has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The header's first row (0-based) and how many rows it spans (1 or 2).
    pub row: usize,
    pub rows: usize,
    /// Each column's heading, as the sheet words it (both rows joined by "/").
    pub names: Vec<String>,
    /// The text above the header: a title such as "某某县委第三轮巡察反馈问题整改台账".
    pub title: String,
}

impl Header {
    /// The first row of data (0-based).
    pub fn data_start(&self) -> usize {
        self.row + self.rows
    }
}

/// Which field each column is read as; `None` leaves a column out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub columns: Vec<Option<Col>>,
}

impl Mapping {
    /// The columns read as `col`: the first of them counts.
    pub fn column_of(&self, col: Col) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(col))
    }

    /// A mapping is offered again for a sheet whose headings read the same.
    pub fn shape(names: &[String]) -> String {
        names.iter().map(|n| normalise(n)).collect::<Vec<_>>().join("|")
    }

    /// The match by headings alone. A heading that is a field's own word takes it before
    /// any heading that merely holds the word ("问题描述" before "问题编号"); otherwise
    /// the first column that names a field takes it.
    pub fn guess(names: &[String]) -> Mapping {
        let mut columns: Vec<Option<Col>> = names.iter().map(|n| exact_field(n)).collect();
        // A field named exactly twice goes to the first of the two.
        for c in 0..columns.len() {
            if let Some(col) = columns[c] {
                if columns[..c].contains(&Some(col)) {
                    columns[c] = None;
                }
            }
        }
        for (c, name) in names.iter().enumerate() {
            if columns[c].is_none() && exact_field(name).is_none() {
                columns[c] = field_of(name).filter(|f| !columns.contains(&Some(*f)));
            }
        }
        Mapping { columns }
    }
}

/// The words of a heading without what brackets add ("（人）", "(截止日期)"), spaces
/// and punctuation.
pub fn normalise(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            c if depth > 0 || c.is_whitespace() => {}
            '：' | ':' | '、' | '，' | ',' | '。' | '*' | '＊' | '/' | '／' | '-' | '_' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The words offices head each field with, after the catalogue's own label.
fn synonyms(col: Col) -> &'static [&'static str] {
    match col {
        Col::Round => &["巡察轮次", "轮次", "巡察批次", "批次", "巡察届次轮次"],
        Col::Group => &["巡察组", "组别"],
        Col::Target => &[
            "被巡察单位",
            "被巡察党组织",
            "被巡察对象",
            "巡察对象",
            "单位名称",
            "被巡单位",
            "巡察对象名称",
            "党组织名称",
            "名称",
            "单位",
        ],
        Col::Township => &["所属乡镇", "乡镇", "乡镇街道", "所属乡镇街道"],
        Col::Focus => &["问题类别", "问题类型", "问题分类", "三个聚焦", "类别", "聚焦方面"],
        Col::SubCategory => &["具体类别", "问题细类", "子类", "具体问题类型"],
        Col::Description => &[
            "问题描述",
            "存在问题",
            "主要问题",
            "问题表现",
            "问题内容",
            "反馈问题",
            "具体问题",
            "问题清单",
            "巡察发现问题",
            "问题",
        ],
        Col::Source => &["问题来源", "发现方式", "来源"],
        Col::FoundOn => &["发现日期", "发现时间"],
        Col::Scope => &["共性个性", "问题性质", "个性共性"],
        Col::OnSpot => &["立行立改", "立行立改日期", "立行立改时间"],
        Col::Status => &["整改状态", "整改情况", "完成情况", "整改进展", "整改进度", "是否完成", "办理状态", "状态"],
        Col::Measures => &["整改措施", "整改举措", "整改方案", "措施"],
        Col::Unit => &["责任单位", "整改责任单位", "牵头单位", "责任部门"],
        Col::Person => &["责任人", "整改责任人", "责任领导", "具体责任人"],
        Col::Deadline => &["整改时限", "完成时限", "整改期限", "时限要求", "整改时间", "时限"],
        Col::Verifier => &["核验人", "验收人", "销号核验人"],
        Col::Evidence => &["佐证材料", "佐证", "整改佐证材料", "整改成效", "整改结果"],
        Col::ClosedOn => &["销号日期", "销号时间", "完成时间", "完成日期", "办结时间", "办结日期"],
        Col::Summary => &["线索摘要", "问题线索", "线索内容", "线索", "线索简要情况"],
        Col::Cadres => &["涉及党员干部", "涉及党员干部人数", "党员干部人数"],
        Col::Others => &["涉及其他人员", "涉及其他人员人数", "其他人员人数"],
        Col::Names => &["涉及人员姓名", "涉及人员", "被反映人", "反映对象", "被反映对象"],
        Col::Recipient => &["移交单位", "移交对象", "移交部门", "移交至"],
        Col::TransferredOn => &["移交日期", "移交时间"],
        Col::Disposal => &["处置方式", "办理方式", "处置类别"],
        Col::Result => &["处置结果", "办理结果", "查处结果", "办理情况"],
        Col::Addressee => &["主送单位", "主管部门", "送达单位", "建议书主送单位"],
        Col::Sector => &["行业系统", "行业", "涉及行业", "领域"],
        Col::SentOn => &["发出日期", "印发日期", "发出时间", "送达日期"],
        Col::Response => &["回复情况", "反馈情况", "整改回复"],
        Col::RespondedOn => &["回复日期", "回复时间", "反馈日期"],
        Col::TargetKind => &["单位类别", "单位类型", "对象类型", "对象类别", "类型"],
        Col::OrgForm => &["党组织形式", "党组织类型", "组织形式"],
        Col::PersonName => &["姓名", "人员姓名"],
        Col::Post => &["职务", "现任职务", "现职务"],
        Col::Rank => &["职级", "级别", "职务级别", "职级层次"],
        Col::Pools => &["所在库", "入库类别", "人才库类别", "库别", "所属库", "入选库"],
        Col::FullTime => &["专职", "是否专职", "专兼职"],
        Col::Specialty => &["专业特长", "专业", "特长", "专长"],
        Col::Joined => &["入库时间", "入库日期", "入库年月"],
        Col::Overdue | Col::Inadequate | Col::FeedbackDue | Col::ProblemCount => &[],
    }
}

/// The columns a sheet can fill. Figures the program computes (逾期, 不到位次数, 反馈期限,
/// 问题数) are left out: they follow from the rest.
pub const READABLE: [Col; 40] = [
    Col::Round,
    Col::Target,
    Col::Township,
    Col::Focus,
    Col::SubCategory,
    Col::Description,
    Col::Source,
    Col::FoundOn,
    Col::Scope,
    Col::OnSpot,
    Col::Status,
    Col::Measures,
    Col::Unit,
    Col::Person,
    Col::Deadline,
    Col::Verifier,
    Col::Evidence,
    Col::ClosedOn,
    Col::Summary,
    Col::Cadres,
    Col::Others,
    Col::Names,
    Col::Recipient,
    Col::TransferredOn,
    Col::Disposal,
    Col::Result,
    Col::Addressee,
    Col::Sector,
    Col::SentOn,
    Col::Response,
    Col::RespondedOn,
    Col::TargetKind,
    Col::OrgForm,
    Col::PersonName,
    Col::Post,
    Col::Rank,
    Col::Pools,
    Col::FullTime,
    Col::Specialty,
    Col::Joined,
];

/// The field a heading names: the whole heading first, then the longest word it holds
/// ("2025年整改时限" is a deadline).
pub fn field_of(heading: &str) -> Option<Col> {
    let h = normalise(heading);
    if h.is_empty() || is_number_column(&h) {
        return None;
    }
    if let Some(col) = exact_field(heading) {
        return Some(col);
    }
    READABLE
        .into_iter()
        .flat_map(|c| words(c).into_iter().map(move |w| (c, w)))
        .filter(|(_, w)| w.chars().count() >= 2 && h.contains(w.as_str()))
        .max_by_key(|(_, w)| w.chars().count())
        .map(|(c, _)| c)
}

/// The words a field is headed with: its catalogue labels and the synonyms, normalised.
fn words(col: Col) -> Vec<String> {
    let label = col.label();
    let own = [normalise(label.text(Lang::Zh)), normalise(label.text(Lang::En))];
    own.into_iter().chain(synonyms(col).iter().map(|s| normalise(s))).collect()
}

/// The field whose own word the heading is, exactly.
fn exact_field(heading: &str) -> Option<Col> {
    let h = normalise(heading);
    if h.is_empty() {
        return None;
    }
    READABLE.into_iter().find(|c| words(*c).contains(&h))
}

/// 序号, 编号, 问题编号, 线索序号: numbers the sheet gives its lines, read as no field.
fn is_number_column(h: &str) -> bool {
    h.ends_with("序号") || h.ends_with("编号") || h == "no" || h == "no."
}

/// The headings of `rows` header rows starting at `row`: a lower row's words where it
/// has its own, else the words above it (a heading merged down, or over two columns).
fn names_at(grid: &Grid, row: usize, rows: usize, width: usize) -> Vec<String> {
    (0..width)
        .map(|c| {
            let upper = grid.cell(row, c).text();
            if rows == 1 {
                return upper;
            }
            let lower = grid.cell(row + 1, c).text();
            match (upper.is_empty(), lower.is_empty() || lower == upper) {
                (_, true) => upper,
                (true, false) => lower,
                (false, false) => format!("{upper}/{lower}"),
            }
        })
        .collect()
}

/// How many fields a header names, counting a two-row heading by its lower words.
fn score(names: &[String]) -> usize {
    let mapping =
        Mapping::guess(&names.iter().map(|n| n.rsplit('/').next().unwrap_or(n).to_owned()).collect::<Vec<_>>());
    mapping.columns.iter().flatten().count()
}

/// A row of headings rather than a title or a note: three or more different words.
fn header_like(grid: &Grid, row: usize, width: usize) -> bool {
    let mut seen: Vec<String> = Vec::new();
    for c in 0..width {
        let t = grid.cell(row, c).text();
        if !t.is_empty() && !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.len() >= 3
}

/// The header of a ledger: the row (or two) within the first rows that names the most
/// fields, at least two of them and a problem's description, a clue's summary, a
/// letter's addressee, or a unit's name with its kind, party organisation or township
/// (a register). Two
/// rows count where they name more than one does, or as many when the upper row is
/// itself a row of headings (a group heading such as 整改情况 over its columns).
pub fn find(grid: &Grid) -> Option<Header> {
    let width = grid.width();
    let mut best: Option<(usize, Header)> = None;
    for row in 0..grid.rows.len().min(SEARCH_ROWS) {
        for rows in [1, 2] {
            let names = names_at(grid, row, rows, width);
            let s = score(&names);
            let lower: Vec<String> = names.iter().map(|n| n.rsplit('/').next().unwrap_or(n).to_owned()).collect();
            let guessed = Mapping::guess(&lower);
            let register = guessed.column_of(Col::Target).is_some()
                && [Col::TargetKind, Col::OrgForm, Col::Township].iter().any(|c| guessed.column_of(*c).is_some());
            let has = |c: &Col| guessed.column_of(*c).is_some();
            let pool_list = has(&Col::PersonName)
                && [Col::Rank, Col::Pools, Col::Post, Col::Specialty, Col::FullTime, Col::Joined].iter().any(has);
            let has_core = [Col::Description, Col::Summary, Col::Addressee].iter().any(has) || register || pool_list;
            let better = match &best {
                None => true,
                Some((b, _)) if s != *b => s > *b,
                // Equal counts: a header row above the lower one (its group headings
                // merged over several columns) belongs to the header; a title does not.
                Some((_, h)) => match (h.rows, rows) {
                    (2, 1) if row == h.row + 1 => !header_like(grid, h.row, width),
                    (1, 2) if h.row == row + 1 => header_like(grid, row, width),
                    _ => false,
                },
            };
            if s >= 2 && has_core && better {
                let title = (0..row)
                    .flat_map(|r| {
                        let mut seen: Vec<String> = Vec::new();
                        for c in 0..width {
                            let t = grid.cell(r, c).text();
                            if !t.is_empty() && !seen.contains(&t) {
                                seen.push(t);
                            }
                        }
                        seen
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                best = Some((s, Header { row, rows, names, title }));
            }
        }
    }
    best.map(|(_, h)| h)
}

/// The mapping for a header: its lower headings guessed.
pub fn guess_for(header: &Header) -> Mapping {
    Mapping::guess(&header.names.iter().map(|n| n.rsplit('/').next().unwrap_or(n).to_owned()).collect::<Vec<_>>())
}

/// The rows of data below the header: not blank, not a heading, total or note.
fn data_rows<'g>(grid: &'g Grid, header: &Header) -> impl Iterator<Item = Vec<String>> + 'g {
    let width = grid.width();
    (header.data_start()..grid.rows.len())
        .map(move |row| (0..width).map(|c| grid.cell(row, c).text()).collect::<Vec<String>>())
        .filter(|texts| !texts.iter().all(String::is_empty) && super::layout::passed_over(texts).is_none())
}

/// The columns left out that hold data in rows of data (not a 序号 column, which only
/// numbers the lines): what the sheet has that the import will not keep, to be said.
pub fn left_out_with_data(grid: &Grid, header: &Header, mapping: &Mapping) -> Vec<usize> {
    let candidates: Vec<usize> = (0..header.names.len().min(grid.width()))
        .filter(|c| mapping.columns.get(*c).copied().flatten().is_none())
        .filter(|c| {
            let h = normalise(&header.names[*c]);
            !(h.ends_with("序号") || h == "no" || h == "no.")
        })
        .collect();
    let mut found: Vec<usize> = Vec::new();
    for texts in data_rows(grid, header) {
        if found.len() == candidates.len() {
            break;
        }
        let more: Vec<usize> =
            candidates.iter().filter(|c| !texts[**c].is_empty() && !found.contains(c)).copied().collect();
        found.extend(more);
    }
    found.sort_unstable();
    found
}

/// The different words a column holds in rows of data, each with how many rows, in
/// the order met: how a 整改情况 column's words will be read, to be shown.
pub fn column_words(grid: &Grid, header: &Header, column: usize) -> Vec<(String, usize)> {
    let mut words: Vec<(String, usize)> = Vec::new();
    for texts in data_rows(grid, header) {
        let Some(t) = texts.get(column).filter(|t| !t.is_empty()) else { continue };
        match words.iter_mut().find(|(w, _)| w == t) {
            Some((_, n)) => *n += 1,
            None => words.push((t.clone(), 1)),
        }
    }
    words
}

/// The left-out columns as a sentence names them: "C列“问题编号”、H列“备注”".
pub fn columns_named(header: &Header, cols: &[usize], lang: Lang) -> String {
    let named: Vec<String> = cols
        .iter()
        .map(|c| {
            let heading = header.names.get(*c).map(String::as_str).unwrap_or_default();
            crate::i18n::fill(
                crate::i18n::T::SheetColumnNamed.text(lang),
                &[("col", &super::grid::column_letters(*c)), ("heading", &heading)],
            )
        })
        .collect();
    named.join(if lang == Lang::Zh { "、" } else { ", " })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::grid::Cell;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            name: "台账".into(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|t| if t.is_empty() { Cell::Empty } else { Cell::Text((*t).into()) }).collect())
                .collect(),
        }
    }

    #[test]
    fn columns_with_data_and_no_field_are_named_but_line_numbers_and_notes_are_not() {
        let g = grid(&[
            &["序号", "单位", "问题描述", "问题编号", "备注", "空列"],
            &["1", "县财政局", "未按规定公示", "财-01", "", ""],
            &["2", "县财政局", "三公经费超支", "", "已约谈", ""],
            &["注：本表由县委巡察办填报", "", "", "", "", "说明"],
        ]);
        let head = find(&g).expect("a header");
        let mapping = guess_for(&head);
        assert_eq!(mapping.columns[3], None, "问题编号 numbers the problems: no field");
        let left = left_out_with_data(&g, &head, &mapping);
        assert_eq!(left, vec![3, 4]);
        assert_eq!(columns_named(&head, &left, Lang::Zh), "D列“问题编号”、E列“备注”");
        assert_eq!(columns_named(&head, &left[..1], Lang::En), "column D \"问题编号\"");
    }

    #[test]
    fn headings_offices_use_name_their_fields() {
        assert_eq!(field_of("问题描述"), Some(Col::Description));
        assert_eq!(field_of("存在问题"), Some(Col::Description));
        assert_eq!(field_of("主要问题"), Some(Col::Description));
        assert_eq!(field_of("问题表现"), Some(Col::Description));
        assert_eq!(field_of("整改时限"), Some(Col::Deadline));
        assert_eq!(field_of("完成时限"), Some(Col::Deadline));
        assert_eq!(field_of("整改时限（截止日期）"), Some(Col::Deadline));
        assert_eq!(field_of("责任单位"), Some(Col::Unit));
        assert_eq!(field_of("整改责任单位"), Some(Col::Unit));
        assert_eq!(field_of("责任人"), Some(Col::Person));
        assert_eq!(field_of("整改措施"), Some(Col::Measures));
        assert_eq!(field_of("整改情况"), Some(Col::Status));
        assert_eq!(field_of("完成情况"), Some(Col::Status));
        assert_eq!(field_of("被巡察单位"), Some(Col::Target));
        assert_eq!(field_of("涉及党员干部（人）"), Some(Col::Cadres));
        assert_eq!(field_of("Deadline"), Some(Col::Deadline));
        assert_eq!(field_of("序号"), None);
        assert_eq!(field_of("备注"), None);
    }

    #[test]
    fn a_header_is_found_below_its_title() {
        let g = grid(&[
            &["某某县委第三轮巡察反馈问题整改台账", "某某县委第三轮巡察反馈问题整改台账", ""],
            &["填报单位：县委巡察办", "", ""],
            &["序号", "被巡察单位", "存在问题", "整改措施", "整改时限"],
            &["1", "县财政局", "预算执行慢", "建立台账", "2026年6月30日"],
        ]);
        let h = find(&g).expect("a header");
        assert_eq!((h.row, h.rows, h.data_start()), (2, 1, 3));
        assert!(h.title.contains("第三轮"));
        let m = guess_for(&h);
        assert_eq!(
            m.columns,
            vec![None, Some(Col::Target), Some(Col::Description), Some(Col::Measures), Some(Col::Deadline)]
        );
    }

    #[test]
    fn a_header_merged_over_two_rows_is_read_whole() {
        let g = grid(&[
            &["序号", "单位", "问题描述", "整改情况", "整改情况", "整改情况"],
            &["序号", "单位", "问题描述", "整改措施", "完成时限", "是否完成"],
            &["1", "县财政局", "预算执行慢", "建立台账", "2026.6.30", "是"],
        ]);
        let h = find(&g).expect("a header");
        assert_eq!((h.row, h.rows, h.data_start()), (0, 2, 2));
        assert_eq!(h.names[4], "整改情况/完成时限");
        assert_eq!(h.names[1], "单位", "a heading merged down is said once");
        assert_eq!(guess_for(&h).column_of(Col::Deadline), Some(4));
    }

    #[test]
    fn a_header_over_two_rows_reads_its_lower_words() {
        let g = grid(&[
            &["序号", "单位", "问题描述", "整改情况", "", ""],
            &["", "", "", "整改措施", "完成时限", "是否完成"],
            &["1", "县财政局", "预算执行慢", "建立台账", "2026.6.30", "是"],
        ]);
        let h = find(&g).expect("a header");
        assert_eq!((h.row, h.rows), (0, 2));
        assert_eq!(h.names[3], "整改情况/整改措施");
        assert_eq!(h.names[4], "完成时限");
        let m = guess_for(&h);
        assert_eq!(m.column_of(Col::Deadline), Some(4));
        assert_eq!(m.column_of(Col::Measures), Some(3));
        assert_eq!(m.column_of(Col::Status), Some(5));
    }

    #[test]
    fn a_fields_own_word_wins_over_a_heading_that_only_holds_it() {
        let m = Mapping::guess(&["问题编号".into(), "存在问题".into(), "是否移交问题线索".into(), "整改措施".into()]);
        assert_eq!(m.columns, vec![None, Some(Col::Description), Some(Col::Summary), Some(Col::Measures)]);
        let m = Mapping::guess(&["问题".into(), "问题描述".into()]);
        assert_eq!(m.columns, vec![Some(Col::Description), None], "both exact: the first");
    }

    #[test]
    fn the_first_column_naming_a_field_takes_it() {
        let m = Mapping::guess(&["问题描述".into(), "存在问题".into()]);
        assert_eq!(m.columns, vec![Some(Col::Description), None]);
    }

    #[test]
    fn a_sheet_without_a_description_summary_register_or_pool_list_has_no_header() {
        assert_eq!(find(&grid(&[&["日期", "单位", "金额"], &["2026-01-01", "县财政局", "30"]])), None);
        // Names alone are no list of the pool either: it needs a pool, rank or post.
        assert_eq!(find(&grid(&[&["姓名", "单位", "电话"], &["张三", "县财政局", "123"]])), None);
    }

    #[test]
    fn a_list_of_the_talent_pool_has_a_header() {
        let h = find(&grid(&[&["姓名", "工作单位", "职务"], &["张三", "县财政局", "科员"]]));
        let m = guess_for(&h.expect("a pool list header"));
        assert_eq!(m.columns, vec![Some(Col::PersonName), Some(Col::Target), Some(Col::Post)]);
    }

    #[test]
    fn a_register_of_units_has_a_header() {
        let h = find(&grid(&[&["序号", "单位名称", "单位类别", "所属乡镇"], &["1", "东关村", "村", "城关镇"]]));
        let m = guess_for(&h.expect("a register header"));
        assert_eq!(m.columns, vec![None, Some(Col::Target), Some(Col::TargetKind), Some(Col::Township)]);
    }

    #[test]
    fn sheets_with_the_same_headings_have_the_same_shape() {
        let a = Mapping::shape(&["问题描述 ".into(), "整改时限（截止）".into()]);
        let b = Mapping::shape(&["问题描述".into(), "整改时限".into()]);
        assert_eq!(a, b);
    }
}
