//! The building blocks every record uses: ids, days and times, Chinese numerals,
//! the record envelope, field validation and the order names sort in.

pub mod collate;
pub mod date;
pub mod id;
pub mod meta;
pub mod numerals;
pub mod validation;
