//! The pure core of xuncha: everything that can be decided without a browser.
//!
//! The app crate renders and stores; this crate owns the model, its rules and the
//! words shown to users, so that all of it can be tested natively.

pub mod clue;
pub mod date;
pub mod exchange;
pub mod generate;
pub mod group;
pub mod i18n;
pub mod id;
pub mod inspection;
pub mod kiosk;
pub mod ledger;
pub mod meta;
pub mod numerals;
pub mod office;
pub mod ops;
pub mod problem;
pub mod questionnaire;
pub mod recommendation;
pub mod record;
pub mod rectification;
pub mod response;
pub mod round;
pub mod route;
pub mod schema;
pub mod sheet;
pub mod store;
pub mod tally;
pub mod target;
pub mod term;
pub mod validation;

#[cfg(any(test, feature = "contract-tests"))]
pub mod contract;

pub use id::Id;
pub use record::{Body, Kind, Record};
