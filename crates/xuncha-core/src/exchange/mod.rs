//! Exchange between offices by file: the format, reading and checking a file,
//! and planning how its records merge into the local database.

pub mod canonical;
pub mod conflict;
pub mod consistency;
pub mod crypto;
pub mod export;
pub mod fields;
pub mod format;
pub mod import;
mod layout;
pub mod merge;
pub mod problems;
pub mod reader;
pub mod undo;
mod words;
pub mod writer;

pub use format::{ExchangeFile, FileKind, ParseError, Records, Source};
pub use merge::{ImportPlan, Outcome, Resolution};
pub use reader::{unseal, Reader};
pub use writer::Writer;
