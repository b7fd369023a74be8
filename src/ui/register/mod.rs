//! The register (台账基础): terms, targets, rounds, their groups and each target's
//! inspection — the records every ledger and questionnaire points at.

pub mod group;
pub mod inspection;
pub mod round;
pub mod target;
pub mod term;
