//! The register (基础信息): the office, terms, inspection targets, rounds, groups,
//! the inspection of each target in a round with its 政治生态评估, and the talent
//! pool the groups are chosen from.

pub mod ecology;
pub mod group;
pub mod inspection;
pub mod office;
pub mod person;
pub mod plan;
pub mod pool;
pub mod round;
pub mod target;
pub mod term;
