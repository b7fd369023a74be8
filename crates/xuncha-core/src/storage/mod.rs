//! Storage: the store contract every backend honours, the in-memory backend, the
//! database layout and its migration steps, and the contract suite.

pub mod pages;
pub mod schema;
pub mod store;

#[cfg(any(test, feature = "contract-tests"))]
pub mod contract;
