//! A filtered ledger or a questionnaire's tally as a table to hand over: an .xlsx workbook with a title row,
//! typed cells and A4 print settings, or CSV with a BOM that Excel and WPS read
//! as UTF-8. The same `Sheet` feeds both, so they always agree.

use crate::date::Day;
use crate::i18n::{fill, Lang, T};
use crate::ledger::{Cell, Ledger, LedgerKind};
use crate::meta::Timestamp;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use std::borrow::Cow;

/// Rows to hand over, with the words that say what they are.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// "城关镇巡察办 问题台账"
    pub title: String,
    /// The filter in words, with the export day.
    pub subtitle: String,
    /// The tab name inside the workbook.
    pub name: String,
    /// Column widths in Excel's units, one per header.
    pub widths: Vec<f64>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The language of notes the workbook adds (a cut cell's length).
    pub lang: Lang,
}

impl Sheet {
    /// The rows at `shown` positions of `kind`, in that order.
    #[allow(clippy::too_many_arguments)]
    pub fn of_ledger(
        ledger: &Ledger,
        kind: LedgerKind,
        shown: &[usize],
        office: &str,
        filter: &str,
        show_names: bool,
        lang: Lang,
        today: Day,
    ) -> Sheet {
        let columns = kind.columns(show_names);
        let all = ledger.rows(kind);
        // 序号 first, as offices number the lines of a ledger they sign.
        let rows = shown
            .iter()
            .filter_map(|i| all.get(*i))
            .enumerate()
            .map(|(n, row)| {
                let seq = Cell::Count(u32::try_from(n + 1).unwrap_or(u32::MAX));
                std::iter::once(seq).chain(columns.iter().map(|c| row.cell(*c, lang, today))).collect()
            })
            .collect();
        let name = kind.title().text(lang).to_owned();
        let mut headers = vec![T::ColSeq.text(lang).to_owned()];
        headers.extend(columns.iter().map(|c| c.label().text(lang).to_owned()));
        let mut widths = vec![6.0];
        widths.extend(columns.iter().map(|c| c.width()));
        Sheet {
            title: format!("{office} {name}").trim().to_owned(),
            subtitle: fill(T::SheetSubtitle.text(lang), &[("filter", &filter), ("day", &today)]),
            headers,
            name,
            widths,
            rows,
            lang,
        }
    }

    /// A questionnaire's tally: one row per option with its count and share, the
    /// weighted score on a scale's first row, numbers summarised, and each free-text
    /// answer on a row of its own.
    pub fn of_tally(title: &str, scope: &str, tally: &crate::tally::Tally, lang: Lang, today: Day) -> Sheet {
        use crate::questionnaire::QuestionType;
        let mut rows = Vec::new();
        let text = |s: String| Cell::Text(s);
        rows.push(vec![
            text(T::TallyReturned.text(lang).to_owned()),
            text(String::new()),
            Cell::Count(tally.returned),
            text(tally.return_rate.map(|r| format!("{r:.1}%")).unwrap_or_default()),
            text(fill(T::TallyHandedOut.text(lang), &[("n", &tally.handed_out)])),
        ]);
        for (i, q) in tally.questions.iter().enumerate() {
            let head = format!("{}. {}", i + 1, q.question.text);
            let score = q.score.map(|s| format!("{s:.1}")).unwrap_or_default();
            match q.question.kind {
                QuestionType::Single | QuestionType::Multiple | QuestionType::Rating => {
                    for (o, option) in q.options.iter().enumerate() {
                        rows.push(vec![
                            text(if o == 0 { head.clone() } else { String::new() }),
                            text(option.label.clone()),
                            Cell::Count(option.count),
                            text(format!("{:.1}%", option.percent)),
                            text(if o == 0 { score.clone() } else { String::new() }),
                        ]);
                    }
                }
                QuestionType::Number => {
                    let summary = q
                        .numbers
                        .as_ref()
                        .map(|n| {
                            fill(
                                T::TallyNumbers.text(lang),
                                &[("min", &n.min), ("max", &n.max), ("mean", &format!("{:.1}", n.mean))],
                            )
                        })
                        .unwrap_or_default();
                    rows.push(vec![
                        text(head),
                        text(summary),
                        Cell::Count(q.answered),
                        text(String::new()),
                        text(String::new()),
                    ]);
                }
                QuestionType::Text => {
                    rows.push(vec![
                        text(head),
                        text(String::new()),
                        Cell::Count(q.answered),
                        text(String::new()),
                        text(String::new()),
                    ]);
                    for answer in &q.texts {
                        rows.push(vec![
                            text(String::new()),
                            text(answer.clone()),
                            text(String::new()),
                            text(String::new()),
                            text(String::new()),
                        ]);
                    }
                }
            }
        }
        let name = T::TallyTitle.text(lang).to_owned();
        Sheet {
            title: format!("{title} {name}"),
            subtitle: fill(T::SheetSubtitle.text(lang), &[("filter", &scope), ("day", &today)]),
            name,
            widths: vec![40.0, 36.0, 10.0, 10.0, 16.0],
            headers: [T::TallyQuestion, T::TallyOption, T::TallyCount, T::TallyPercent, T::TallyScore]
                .iter()
                .map(|t| t.text(lang).to_owned())
                .collect(),
            rows,
            lang,
        }
    }

    /// CSV as RFC 4180 wants it, with a UTF-8 byte-order mark and CRLF line ends
    /// so that Excel and WPS open it with the Chinese intact.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let mut line = |cells: &mut dyn Iterator<Item = String>| {
            let fields: Vec<String> = cells.map(|c| csv_field(&c)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        };
        line(&mut self.headers.iter().cloned());
        for row in &self.rows {
            line(&mut row.iter().map(Cell::text));
        }
        out
    }

    /// How many text cells are longer than a workbook cell holds, and are cut in
    /// `to_xlsx` (each with a note of its whole length).
    pub fn shortened(&self) -> usize {
        let long = |c: &Cell| matches!(c, Cell::Text(s) if s.chars().count() > XLSX_CELL_CHARS);
        self.rows.iter().flatten().filter(|c| long(c)).count()
    }

    /// The statistics: a line per figure under its group, with its share.
    pub fn of_stats(office: &str, scope: &str, stats: &crate::stats::Stats, lang: Lang, today: Day) -> Sheet {
        let mut rows = Vec::new();
        for group in &stats.groups {
            for (n, f) in group.figures.iter().enumerate() {
                rows.push(vec![
                    Cell::Text(if n == 0 { group.title.text(lang).to_owned() } else { String::new() }),
                    Cell::Text(f.label.text(lang).to_owned()),
                    Cell::Count(u32::try_from(f.value).unwrap_or(u32::MAX)),
                    Cell::Text(f.percent.map(|p| format!("{p:.1}%")).unwrap_or_default()),
                ]);
            }
        }
        let name = T::StatsTitle.text(lang).to_owned();
        Sheet {
            title: format!("{office} {name}").trim().to_owned(),
            subtitle: fill(T::SheetSubtitle.text(lang), &[("filter", &scope), ("day", &today)]),
            name,
            widths: vec![16.0, 34.0, 12.0, 12.0],
            headers: [T::StatsSection, T::StatsFigure, T::StatsValue, T::StatsShare]
                .iter()
                .map(|t| t.text(lang).to_owned())
                .collect(),
            rows,
            lang,
        }
    }

    /// 测评汇总 of one scale: a line per rated item with the votes per level, all
    /// votes and the favourable rate, then the line of all items together.
    pub fn of_rating(
        title: &str,
        scope: &str,
        summary: &crate::rating::RatingSummary,
        lang: Lang,
        today: Day,
    ) -> Sheet {
        let rate =
            |r: &crate::rating::RatingRow| Cell::Text(r.favourable.map(|f| format!("{f:.1}%")).unwrap_or_default());
        let line = |seq: Cell, r: &crate::rating::RatingRow, item: String| {
            let mut cells = vec![seq, Cell::Text(item)];
            cells.extend(r.counts.iter().map(|c| Cell::Count(*c)));
            cells.push(Cell::Count(r.votes));
            cells.push(rate(r));
            cells
        };
        let mut rows: Vec<Vec<Cell>> = summary
            .rows
            .iter()
            .enumerate()
            .map(|(n, r)| line(Cell::Count(u32::try_from(n + 1).unwrap_or(u32::MAX)), r, r.item.clone()))
            .collect();
        rows.push(line(Cell::Text(String::new()), &summary.overall, T::RatingOverall.text(lang).to_owned()));
        let mut headers = vec![T::ColSeq.text(lang).to_owned(), T::RatingItem.text(lang).to_owned()];
        headers.extend(summary.levels.iter().cloned());
        headers.push(T::RatingVotes.text(lang).to_owned());
        let joiner = T::RatingJoiner.text(lang);
        headers.push(fill(T::RatingFavourable.text(lang), &[("levels", &summary.favourable_names(joiner))]));
        let mut widths = vec![6.0, 44.0];
        widths.extend(summary.levels.iter().map(|_| 9.0));
        widths.extend([10.0, 14.0]);
        let name = T::RatingTitle.text(lang).to_owned();
        Sheet {
            title: format!("{title} {name}"),
            subtitle: fill(T::SheetSubtitle.text(lang), &[("filter", &scope), ("day", &today)]),
            name,
            widths,
            headers,
            rows,
            lang,
        }
    }

    /// The workbook bytes of this one sheet.
    pub fn to_xlsx(&self, now: Timestamp) -> Result<Vec<u8>, XlsxError> {
        Sheet::workbook(std::slice::from_ref(self), now)
    }

    /// The workbook bytes, a tab per sheet: title and filter on top, then the header
    /// row (repeated on every printed page), then the rows; A4 landscape, fitted to
    /// the page width. Tabs of the same name are numbered.
    pub fn workbook(sheets: &[Sheet], now: Timestamp) -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let created = ExcelDateTime::from_timestamp(now.0.unix_timestamp())?;
        let title = sheets.first().map(|s| s.title.as_str()).unwrap_or_default();
        book.set_properties(&DocProperties::new().set_title(title).set_creation_datetime(&created));
        let mut names: Vec<String> = Vec::new();
        for sheet in sheets {
            let mut name = sheet_name(&sheet.name);
            let mut n = 1;
            while names.contains(&name) {
                n += 1;
                name = sheet_name(&format!("{}（{n}）", sheet.name));
            }
            sheet.write_tab(&mut book, &name)?;
            names.push(name);
        }
        book.save_to_buffer()
    }

    fn write_tab(&self, book: &mut Workbook, tab: &str) -> Result<(), XlsxError> {
        let font = "宋体";
        let title = Format::new().set_font_name(font).set_bold().set_font_size(16).set_align(FormatAlign::Center);
        let subtitle = Format::new().set_font_name(font).set_font_size(10).set_align(FormatAlign::Left);
        let header = Format::new()
            .set_font_name(font)
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_border(FormatBorder::Thin)
            .set_background_color(0xD9E1F2);
        let text = Format::new()
            .set_font_name(font)
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        let date = text.clone().set_num_format("yyyy-mm-dd");
        let number = text.clone().set_align(FormatAlign::Right);
        let last_col = self.headers.len().saturating_sub(1) as u16;
        let sheet = book.add_worksheet();
        sheet.set_name(tab)?;
        sheet.merge_range(0, 0, 0, last_col, &self.title, &title)?;
        sheet.merge_range(1, 0, 1, last_col, &self.subtitle, &subtitle)?;
        sheet.set_row_height(0, 28)?;
        for (c, (width, name)) in self.widths.iter().zip(&self.headers).enumerate() {
            let c = c as u16;
            sheet.set_column_width(c, *width)?;
            sheet.write_string_with_format(2, c, name, &header)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = r as u32 + 3;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) => sheet.write_string_with_format(r, c, xlsx_text(s, self.lang), &text)?,
                    Cell::Day(Some(d)) => sheet.write_datetime_with_format(r, c, excel_day(*d)?, &date)?,
                    Cell::Day(None) => sheet.write_blank(r, c, &text)?,
                    Cell::Count(n) => sheet.write_number_with_format(r, c, f64::from(*n), &number)?,
                    Cell::Tenths(n) => sheet.write_number_with_format(r, c, f64::from(*n) / 10.0, &number)?,
                };
            }
        }
        if !self.rows.is_empty() {
            sheet.autofilter(2, 0, self.rows.len() as u32 + 2, last_col)?;
        }
        sheet.set_freeze_panes(3, 0)?;
        sheet.set_landscape();
        sheet.set_paper_size(9);
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(2, 2)?;
        sheet.set_footer("&C&P / &N");
        Ok(())
    }
}

fn excel_day(d: Day) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, d.month(), d.day())
}

/// Excel refuses tab names over 31 characters or with []:*?/\.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    if clean.trim().is_empty() {
        "Sheet1".to_owned()
    } else {
        clean
    }
}

/// One CSV field. A spreadsheet opening the file would run a cell that starts like
/// a formula (`=`, `+`, `-`, `@`, a tab or a carriage return), so such text gets a
/// leading apostrophe, as spreadsheet-safe writers do; NUL bytes are dropped.
fn csv_field(s: &str) -> String {
    let s = s.replace('\0', "");
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The most characters one Excel cell holds.
pub const XLSX_CELL_CHARS: usize = 32_767;

/// Text for one workbook cell: whole when it fits, else cut with a note of how
/// long the whole text is (the record itself keeps it all). NUL bytes are dropped.
fn xlsx_text(s: &str, lang: Lang) -> Cow<'_, str> {
    let s = if s.contains('\0') { Cow::Owned(s.replace('\0', "")) } else { Cow::Borrowed(s) };
    let n = s.chars().count();
    if n <= XLSX_CELL_CHARS {
        return s;
    }
    let note = fill(T::CellShortened.text(lang), &[("n", &n)]);
    let keep = XLSX_CELL_CHARS - note.chars().count();
    Cow::Owned(s.chars().take(keep).chain(note.chars()).collect())
}

/// "城关镇巡察办-问题台账-2026-11-22.xlsx"
pub fn file_name(office: &str, kind: LedgerKind, lang: Lang, day: Day, extension: &str) -> String {
    let office: String = office.chars().filter(|c| !"\\/:*?\"<>|".contains(*c)).collect();
    let office = office.trim();
    let name = kind.title().text(lang);
    if office.is_empty() {
        format!("{name}-{day}.{extension}")
    } else {
        format!("{office}-{name}-{day}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Col;

    fn sheet() -> Sheet {
        let day: Day = "2026-11-22".parse().unwrap_or_else(|e| panic!("{e:?}"));
        Sheet {
            title: "城关镇巡察办 问题台账".into(),
            subtitle: "筛选条件：全部记录".into(),
            name: "问题台账".into(),
            widths: vec![Col::Description.width(), Col::FoundOn.width(), Col::Inadequate.width()],
            headers: vec!["问题描述".into(), "发现日期".into(), "整改不到位次数".into()],
            rows: vec![
                vec![Cell::Text("公开, \"不及时\"\n第二行".into()), Cell::Day(Some(day)), Cell::Count(2)],
                vec![Cell::Text("无".into()), Cell::Day(None), Cell::Count(0)],
            ],
            lang: Lang::Zh,
        }
    }

    #[test]
    fn csv_cells_that_would_run_as_formulas_are_neutralised_and_nul_bytes_dropped() {
        let mut hostile = sheet();
        let texts = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\ry", "a\0b", "普通文字", "1-2"];
        hostile.rows = texts.iter().map(|t| vec![Cell::Text((*t).into()), Cell::Day(None), Cell::Count(0)]).collect();
        let csv = hostile.to_csv();
        let firsts: Vec<&str> =
            csv.split("\r\n").skip(1).filter(|l| !l.is_empty()).map(|l| l.split(',').next().unwrap_or("")).collect();
        assert_eq!(firsts, ["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "\"'\ry\"", "ab", "普通文字", "1-2"]);
        assert!(!csv.contains('\0'));
    }

    #[test]
    fn a_text_longer_than_a_workbook_cell_is_cut_with_a_note_and_the_export_still_succeeds() {
        let mut long = sheet();
        long.rows[0][0] = Cell::Text("长".repeat(40_000));
        assert_eq!(long.shortened(), 1);
        assert_eq!(sheet().shortened(), 0);
        let cell = xlsx_text("长".repeat(40_000).as_str(), Lang::Zh).into_owned();
        assert_eq!(cell.chars().count(), XLSX_CELL_CHARS);
        assert!(cell.ends_with("全文共 40000 字）"), "{}", cell.chars().rev().take(20).collect::<String>());
        let now = Timestamp::from_unix_millis(1_795_000_000_000.0);
        assert!(long.to_xlsx(now).is_ok_and(|bytes| bytes.starts_with(b"PK")));
    }

    #[test]
    fn csv_starts_with_a_bom_and_quotes_what_needs_quoting() {
        let csv = sheet().to_csv();
        assert!(csv.starts_with("\u{feff}问题描述,发现日期,整改不到位次数\r\n"));
        assert!(csv.contains("\"公开, \"\"不及时\"\"\n第二行\",2026-11-22,2\r\n"));
        assert!(csv.ends_with("无,,0\r\n"));
    }

    #[test]
    fn the_workbook_is_a_zip_with_the_sheet_inside() {
        let bytes = sheet().to_xlsx(Timestamp::from_unix_millis(1_795_000_000_000.0)).unwrap_or_default();
        assert!(bytes.starts_with(b"PK\x03\x04"), "an xlsx is a zip archive");
        assert!(bytes.len() > 3000);
    }

    #[test]
    fn tab_and_file_names_are_cleaned_of_forbidden_characters() {
        assert_eq!(sheet_name("问题[台账]:*?/\\"), "问题台账");
        assert_eq!(sheet_name("??"), "Sheet1");
        assert_eq!(sheet_name(&"台".repeat(40)).chars().count(), 31);
        let day: Day = "2026-11-22".parse().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            file_name("城关镇/巡察办", LedgerKind::Problems, Lang::Zh, day, "xlsx"),
            "城关镇巡察办-问题台账-2026-11-22.xlsx"
        );
        assert_eq!(file_name("", LedgerKind::Clues, Lang::Zh, day, "csv"), "问题线索台账-2026-11-22.csv");
    }
}
