//! A sheet as rows of typed cells, whatever file it came from, with merged areas
//! already filled so every row can be read on its own.

use crate::date::Day;

/// One cell as the spreadsheet holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number; a date typed into a cell formatted as a number arrives here as Excel's serial.
    Number(f64),
    /// A cell the spreadsheet itself formats as a date.
    Date(Day),
    Flag(bool),
}

impl Cell {
    /// The cell as a person reads it, trimmed.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Flag(true) => "是".to_owned(),
            Cell::Flag(false) => "否".to_owned(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet: `rows[r][c]` is Excel's row r + 1, column c (A = 0). Rows may be of
/// different lengths; a missing cell is empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

const EMPTY: Cell = Cell::Empty;

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&EMPTY)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Rows that hold anything.
    pub fn filled_rows(&self) -> usize {
        self.rows.iter().filter(|r| r.iter().any(|c| !c.is_blank())).count()
    }

    /// Copies the top-left value of each merged area into every cell of it, so a unit
    /// merged down over its problems, or a header merged over two columns, reads on
    /// every row and column it covers. `areas` are (first row, first col, last row, last col).
    pub fn fill_merged(&mut self, areas: &[(usize, usize, usize, usize)]) {
        let height = self.rows.len();
        for &(r0, c0, r1, c1) in areas {
            let value = self.cell(r0, c0).clone();
            if value.is_blank() {
                continue;
            }
            let width = self.width();
            for r in r0..=r1.min(height.saturating_sub(1)) {
                let row = &mut self.rows[r];
                let last = c1.min(width.max(c0 + 1) - 1);
                if row.len() <= last {
                    row.resize(last + 1, Cell::Empty);
                }
                for cell in &mut row[c0..=last] {
                    if cell.is_blank() {
                        *cell = value.clone();
                    }
                }
            }
        }
    }
}

/// Every sheet of a file, in the file's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workbook {
    pub sheets: Vec<Grid>,
}

/// A column's letters as Excel shows them: 0 → A, 26 → AA.
pub fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_letters_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_merged_area_reads_its_value_in_every_cell() {
        let mut g = Grid {
            name: "s".into(),
            rows: vec![
                vec![Cell::Text("县财政局".into()), Cell::Text("问题一".into())],
                vec![Cell::Empty, Cell::Text("问题二".into())],
                vec![Cell::Empty, Cell::Text("问题三".into())],
            ],
        };
        g.fill_merged(&[(0, 0, 2, 0)]);
        assert_eq!(g.cell(2, 0), &Cell::Text("县财政局".into()));
        assert_eq!(g.cell(1, 1), &Cell::Text("问题二".into()));
    }

    #[test]
    fn numbers_read_as_people_typed_them() {
        assert_eq!(Cell::Number(3.0).text(), "3");
        assert_eq!(Cell::Number(2.5).text(), "2.5");
        assert!(Cell::Text("  ".into()).is_blank());
    }
}
