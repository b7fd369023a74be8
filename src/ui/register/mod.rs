//! The register (台账基础): terms, targets, rounds, their groups and each target's
//! inspection — the records every ledger and questionnaire points at — the plans
//! that set out the rounds to come, a look-back round's checks and each unit's
//! 政治生态评估.

pub mod ecology;
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
