//! The register (基础信息): the office, terms, inspection targets, rounds, groups and
//! the inspection of each target in a round.

pub mod group;
pub mod inspection;
pub mod office;
pub mod plan;
pub mod round;
pub mod target;
pub mod term;
