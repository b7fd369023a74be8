//! The pure core of xuncha: everything that can be decided without a browser.
//!
//! The app crate renders and stores; this crate owns the model, its rules and the
//! words shown to users, so that all of it can be tested natively.

pub mod base;
pub mod documents;
pub mod exchange;
pub mod generate;
pub mod i18n;
pub mod intake;
pub mod ledger;
pub mod ops;
pub mod record;
pub mod register;
pub mod registry;
pub mod route;
pub mod stats;
pub mod storage;
pub mod survey;

// The modules by their own names, as the rest of the workspace has always named them.
pub use base::{collate, date, id, meta, numerals, validation};
pub use ledger::{clue, outcome, problem, recommendation, rectification, sheet};
pub use register::{ecology, group, inspection, office, person, plan, pool, round, target, term};
pub use storage::{pages, schema, store};
pub use survey::{kiosk, questionnaire, rating, response, tally};

#[cfg(any(test, feature = "contract-tests"))]
pub use storage::contract;

#[cfg(test)]
mod testing;

pub use id::Id;
pub use record::{Body, Kind, Record};
