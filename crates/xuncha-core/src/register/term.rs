//! 届: a five-year term of the county party committee, the span over which full coverage is measured.

use crate::i18n::T;
use crate::id::Id;
use crate::record::Record;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// As documents write it, e.g. "十五届".
    pub name: String,
    pub start_year: i32,
    pub end_year: i32,
}

impl Term {
    /// Checks the term against the other live terms (`others` may include itself).
    pub fn validate(&self, id: Id, others: &[Record<Term>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        c.required(!blank(&self.name), "name", T::ErrNameRequired);
        c.check((1949..=2200).contains(&self.start_year), "start_year", T::ErrYearOutOfRange);
        c.check((1949..=2200).contains(&self.end_year), "end_year", T::ErrYearOutOfRange);
        c.check(self.end_year >= self.start_year, "end_year", T::ErrTermEndBeforeStart);
        let name = self.name.trim();
        let taken = others.iter().any(|t| t.is_live() && t.meta.id != id && t.data.name.trim() == name);
        c.check(!taken, "name", T::ErrTermNameTaken);
        c.finish()
    }

    pub fn contains_year(&self, year: i32) -> bool {
        (self.start_year..=self.end_year).contains(&year)
    }
}

impl crate::record::Model for Term {
    fn references(&self) -> Vec<crate::record::Reference> {
        Vec::new()
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::record::Field;
        Some(match path {
            "name" => Field::plain(T::FieldName),
            "start_year" => Field::plain(T::FieldStartYear),
            "end_year" => Field::plain(T::FieldEndYear),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::{Meta, Timestamp};

    fn term(name: &str, start: i32, end: i32) -> Term {
        Term { name: name.into(), start_year: start, end_year: end }
    }

    fn stored(id: u8, t: Term) -> Record<Term> {
        let id = Id::from_random_bytes([id; 16]);
        Record { meta: Meta::new(id, Id::nil(), Timestamp::from_unix_millis(0.0)), data: t }
    }

    fn msgs(r: Result<(), Vec<Invalid>>) -> Vec<T> {
        r.err().unwrap_or_default().into_iter().map(|e| e.msg).collect()
    }

    #[test]
    fn a_well_formed_term_passes() {
        assert!(term("十五届", 2021, 2026).validate(Id::nil(), &[]).is_ok());
    }

    #[test]
    fn a_term_that_ends_before_it_starts_is_refused() {
        assert_eq!(msgs(term("十五届", 2026, 2021).validate(Id::nil(), &[])), vec![T::ErrTermEndBeforeStart]);
    }

    #[test]
    fn a_blank_name_and_absurd_years_are_refused() {
        assert_eq!(msgs(term(" ", 1800, 1801).validate(Id::nil(), &[])), vec![T::ErrNameRequired]);
        assert_eq!(msgs(term("十五届", 1800, 1801).validate(Id::nil(), &[])), vec![T::ErrYearOutOfRange; 2]);
    }

    #[test]
    fn two_live_terms_may_not_share_a_name_but_a_deleted_one_may() {
        let existing = stored(1, term("十五届", 2021, 2026));
        let dup = term("十五届", 2021, 2026);
        assert_eq!(msgs(dup.validate(Id::nil(), std::slice::from_ref(&existing))), vec![T::ErrTermNameTaken]);
        assert!(dup.validate(existing.meta.id, std::slice::from_ref(&existing)).is_ok(), "editing itself");
        let mut gone = existing;
        gone.meta.deleted = true;
        assert!(dup.validate(Id::nil(), &[gone]).is_ok());
    }
}
