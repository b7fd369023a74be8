//! The register (台账基础): terms, targets, rounds, their groups and each target's
//! inspection — the records every ledger and questionnaire points at — the plans
//! that set out the rounds to come, and a look-back round's checks.

pub mod group;
pub mod inspection;
mod lookback;
pub mod people;
pub mod plan;
pub mod plan_page;
mod planned_round;
mod recusal;
pub mod round;
pub mod target;
pub mod term;
