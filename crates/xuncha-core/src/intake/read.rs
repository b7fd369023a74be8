//! Opens what offices have: .xlsx, .xls and .ods through calamine, and CSV (or the
//! tab-separated text Excel saves as "Unicode text") in UTF-8, UTF-16 or GBK/GB18030,
//! as WPS and older Excel write it.

use super::grid::{Cell, Grid, Workbook};
use crate::date::Day;
use calamine::{Data, Reader, Sheets};
use std::io::Cursor;

/// More rows than any office ledger has; a sheet past it is refused rather than
/// left to exhaust the page's memory.
pub const MAX_ROWS: usize = 200_000;

/// Why a file could not be read as a sheet.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("not a spreadsheet")]
    NotASheet,
    #[error("protected by a password")]
    Protected,
    #[error("damaged")]
    Damaged,
    #[error("no sheet with content")]
    Empty,
    #[error("too many rows")]
    TooManyRows,
}

impl ReadError {
    pub fn text(&self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            ReadError::NotASheet => T::IntakeNotASheet,
            ReadError::Protected => T::IntakeProtected,
            ReadError::Damaged => T::IntakeDamaged,
            ReadError::Empty => T::IntakeEmpty,
            ReadError::TooManyRows => T::IntakeTooManyRows,
        }
    }
}

/// Whether `needle` stands anywhere in `bytes`.
fn holds(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// An Office file with an opening password is a compound file holding an
/// "EncryptedPackage" stream (its name in UTF-16).
fn is_encrypted_office(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) && holds(bytes, &name)
}

/// A zip that is a Word document or a presentation, renamed: no spreadsheet.
fn is_other_office_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && (holds(bytes, b"word/document.xml") || holds(bytes, b"ppt/presentation.xml"))
        && !holds(bytes, b"xl/workbook.xml")
}

/// Reads a workbook or a text table, whichever the bytes are.
pub fn read(bytes: &[u8]) -> Result<Workbook, ReadError> {
    if is_encrypted_office(bytes) {
        return Err(ReadError::Protected);
    }
    if is_other_office_zip(bytes) {
        return Err(ReadError::NotASheet);
    }
    let book = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        read_spreadsheet(bytes)?
    } else {
        let text = decode_text(bytes).ok_or(ReadError::NotASheet)?;
        let html = text.trim_start().starts_with('<') && text.to_lowercase().contains("<table");
        Workbook { sheets: vec![if html { super::html::read_html_table(&text) } else { read_delimited(&text) }] }
    };
    if book.sheets.iter().any(|s| s.rows.len() > MAX_ROWS) {
        return Err(ReadError::TooManyRows);
    }
    if book.sheets.iter().all(|s| s.filled_rows() == 0) {
        return Err(ReadError::Empty);
    }
    Ok(book)
}

fn read_spreadsheet(bytes: &[u8]) -> Result<Workbook, ReadError> {
    let mut sheets = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(open_error)?;
    let names = sheets.sheet_names();
    let mut out = Vec::new();
    for name in names {
        let range = sheets.worksheet_range(&name).map_err(open_error)?;
        let (top, left) = range.start().map(|(r, c)| (r as usize, c as usize)).unwrap_or((0, 0));
        if top + range.height() > MAX_ROWS {
            return Err(ReadError::TooManyRows);
        }
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left];
            cells.extend(row.iter().map(cell_of));
            while cells.last().is_some_and(Cell::is_blank) {
                cells.pop();
            }
            rows.push(cells);
        }
        let mut grid = Grid { name: name.clone(), rows };
        let areas = merged_areas(&mut sheets, &name);
        grid.fill_merged(&areas);
        out.push(grid);
    }
    Ok(Workbook { sheets: out })
}

/// The merged areas of a sheet, where the format keeps them (.xlsx and .xls).
fn merged_areas(sheets: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<(usize, usize, usize, usize)> {
    let dims = match sheets {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).ok(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).ok(),
        _ => None,
    };
    dims.unwrap_or_default()
        .into_iter()
        .map(|d| (d.start.0 as usize, d.start.1 as usize, d.end.0 as usize, d.end.1 as usize))
        .collect()
}

fn open_error(e: impl std::fmt::Debug) -> ReadError {
    // calamine says "password" in its own words for an encrypted workbook; the user
    // is told only which of our cases it is.
    if format!("{e:?}").to_lowercase().contains("password") {
        ReadError::Protected
    } else {
        ReadError::Damaged
    }
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Flag(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Day::from_ymd(i32::from(y), m, d).map(Cell::Date).unwrap_or(Cell::Number(dt.as_f64()))
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// Text in the encoding it was saved in: a byte-order mark decides, then valid UTF-8,
/// then GB18030 (a superset of GBK and GB2312). `None` for bytes no text has, such as
/// a picture renamed .csv.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        encoding_rs::UTF_16LE.decode_with_bom_removal(bytes).0.into_owned()
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        encoding_rs::UTF_16BE.decode_with_bom_removal(bytes).0.into_owned()
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_owned()
    } else {
        let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
        if had_errors {
            return None;
        }
        text.into_owned()
    };
    // Control characters other than line ends and tabs mean a binary file.
    let binary = text.chars().take(4096).any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    (!binary).then_some(text)
}

/// A CSV or tab-separated table: quoted fields may hold the separator, quotes doubled
/// and line breaks. The separator is the one the first lines use most.
pub fn read_delimited(text: &str) -> Grid {
    let sample: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let tabs = sample.matches('\t').count();
    let commas = sample.matches(',').count() + sample.matches('，').count() / 4;
    let separator = if tabs > commas { '\t' } else { ',' };
    let mut rows = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let push_field = |row: &mut Vec<Cell>, field: &mut String| {
        let value = std::mem::take(field);
        row.push(if value.trim().is_empty() { Cell::Empty } else { Cell::Text(value) });
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c if c == separator => push_field(&mut row, &mut field),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                push_field(&mut row, &mut field);
                rows.push(trimmed(std::mem::take(&mut row)));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        push_field(&mut row, &mut field);
        rows.push(trimmed(row));
    }
    Grid { name: String::new(), rows }
}

fn trimmed(mut row: Vec<Cell>) -> Vec<Cell> {
    while row.last().is_some_and(Cell::is_blank) {
        row.pop();
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(g: &Grid) -> Vec<Vec<String>> {
        g.rows.iter().map(|r| r.iter().map(Cell::text).collect()).collect()
    }

    #[test]
    fn a_csv_keeps_quoted_commas_quotes_and_line_breaks() {
        let g = read_delimited("序号,问题描述\r\n1,\"会议记录不全，\"\"三重一大\"\"\n未上会\"\r\n2,其他\r\n");
        assert_eq!(
            texts(&g),
            vec![vec!["序号", "问题描述"], vec!["1", "会议记录不全，\"三重一大\"\n未上会"], vec!["2", "其他"]]
        );
    }

    #[test]
    fn tab_separated_text_is_read_by_its_tabs() {
        let g = read_delimited("单位\t问题\n县财政局\t预算执行慢，未整改\n");
        assert_eq!(texts(&g)[1], vec!["县财政局", "预算执行慢，未整改"]);
    }

    #[test]
    fn gbk_text_is_read_as_chinese() {
        let (bytes, _, _) = encoding_rs::GBK.encode("问题描述,整改时限\n公车私用,2026年6月30日\n");
        let text = decode_text(&bytes).expect("GBK reads");
        assert!(text.starts_with("问题描述,整改时限"));
        let g = read_delimited(&text);
        assert_eq!(texts(&g)[1], vec!["公车私用", "2026年6月30日"]);
    }

    #[test]
    fn utf8_with_a_byte_order_mark_and_utf16_are_read() {
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend("问题描述\n".as_bytes());
        assert_eq!(decode_text(&bom).as_deref(), Some("问题描述\n"));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "问题\t时限\n".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(decode_text(&utf16).as_deref(), Some("问题\t时限\n"));
    }

    #[test]
    fn a_protected_workbook_and_a_renamed_word_file_are_named_for_what_they_are() {
        let mut protected = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        protected.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read(&protected), Err(ReadError::Protected));
        let mut word = b"PK\x03\x04".to_vec();
        word.extend(b"....word/document.xml....");
        assert_eq!(read(&word), Err(ReadError::NotASheet));
    }

    #[test]
    fn a_binary_file_is_not_a_sheet() {
        assert_eq!(read(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2, 0xFF, 0xFE, 0]), Err(ReadError::NotASheet));
        assert_eq!(read(b"PK\x03\x04not really a zip"), Err(ReadError::Damaged));
        assert_eq!(read(b"\n , \n"), Err(ReadError::Empty));
    }
}
