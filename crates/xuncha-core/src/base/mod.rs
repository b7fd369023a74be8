//! The building blocks every record uses: ids, days and times, Chinese numerals,
//! the record envelope and field validation.

pub mod date;
pub mod id;
pub mod meta;
pub mod numerals;
pub mod validation;
