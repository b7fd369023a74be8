//! The ledgers (台账): problems, rectifications, clues, recommendation letters and
//! the outcomes of inspections (成果运用), the checks of 回头看,
//! the joined ledger table and the sheets it exports.

pub mod cell;
pub mod clue;
pub mod columns;
pub mod filter;
pub mod join;
pub mod lookback;
pub mod outcome;
pub mod problem;
pub mod recommendation;
pub mod rectification;
pub mod sheet;
pub mod steps;
pub mod table;
pub mod totals;

pub use cell::*;
pub use filter::*;
pub use table::*;
pub use totals::*;
