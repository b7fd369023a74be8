//! This PC's office: who is using this copy of the app. Set on first run, never exchanged as a record.

use crate::i18n::T;
use crate::id::Id;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    pub enum OfficeRole {
        /// 县委巡察办
        County => RoleCounty,
        /// 乡镇 office or 纪委
        Township => RoleTownship,
        /// 巡察组 on site
        Group => RoleGroup,
    }
}

/// The settings record under the key `office`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub id: Id,
    pub name: String,
    pub role: OfficeRole,
}

impl Office {
    pub const SETTINGS_KEY: &'static str = "office";

    pub fn validate(&self) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        c.required(!blank(&self.name), "name", T::ErrNameRequired);
        c.check(self.name.chars().count() <= 60, "name", T::ErrNameTooLong);
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_needs_a_name() {
        let office = Office { id: Id::nil(), name: "  ".into(), role: OfficeRole::County };
        let errors = office.validate().err().unwrap_or_default();
        assert_eq!(errors, vec![Invalid::missing("name", T::ErrNameRequired)]);
        let office = Office { name: "某某县委巡察办".into(), ..office };
        assert!(office.validate().is_ok());
    }
}
