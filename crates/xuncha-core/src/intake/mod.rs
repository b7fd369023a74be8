//! 台账导入: the ledgers offices already keep in Excel, WPS or CSV, brought in as
//! records. `read` opens the file, `header` finds the header and matches columns to
//! fields, `values` reads dates and words as offices type them, `rows` turns rows into
//! problems, rectifications, clues, letters, units and persons of the talent pool, and `refusal` says what a row got wrong.

mod clues;
mod conversion;
pub mod grid;
pub mod header;
mod html;
mod kept;
mod layout;
mod letters;
pub mod missing;
pub mod persons;
pub mod place;
pub mod read;
mod rect;
pub mod refusal;
pub mod rows;
pub mod targets;
mod update;
pub mod values;

pub use grid::{Cell, Grid, Workbook};
pub use header::{Header, Mapping};
pub use read::{read, ReadError};
pub use refusal::{grouped, RowProblem, Why};
pub use rows::{convert, Conversion, Converter, Defaults, RowNote, RowOutcome};
