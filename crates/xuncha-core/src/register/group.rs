//! 巡察组: one inspection group of a round, with its leader, deputy and members.

use crate::i18n::{Lang, T};
use crate::id::Id;
use crate::numerals::chinese_number;
use crate::record::Record;
use crate::round::Round;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub round: Id,
    /// "第一巡察组" and so on.
    pub name: String,
    /// 组长
    #[serde(default)]
    pub leader: String,
    /// 副组长
    #[serde(default)]
    pub deputy: String,
    /// 组员, plain names until the talent pool exists.
    #[serde(default)]
    pub members: Vec<String>,
}

/// The conventional name of the n-th group of a round.
pub fn default_group_name(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{}巡察组", chinese_number(n)),
        Lang::En => format!("Group {n}"),
    }
}

/// Member names typed in one box, separated by commas, 、 or spaces.
pub fn parse_members(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；', ' ', '\u{3000}', '\n', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Group {
    pub fn validate(&self, id: Id, rounds: &[Record<Round>], groups: &[Record<Group>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        c.check(rounds.iter().any(|r| r.is_live() && r.meta.id == self.round), "round", T::ErrRoundMissing);
        c.required(!blank(&self.name), "name", T::ErrNameRequired);
        let name = self.name.trim();
        let taken = groups
            .iter()
            .any(|g| g.is_live() && g.meta.id != id && g.data.round == self.round && g.data.name.trim() == name);
        c.check(!taken, "name", T::ErrGroupNameTaken);
        c.finish()
    }
}

impl crate::record::Model for Group {
    fn references(&self) -> Vec<crate::record::Reference> {
        vec![crate::record::Reference::to("round", crate::Kind::Round, self.round)]
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::i18n::T;
        use crate::record::Field;
        Some(match path {
            "round" => Field::reference(T::ColRound, crate::Kind::Round),
            "name" => Field::plain(T::FieldName),
            "leader" => Field::plain(T::FieldLeader),
            "deputy" => Field::plain(T::FieldDeputy),
            "members" => Field::plain(T::FieldMembers),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::rec;

    use crate::round::{RoundKind, RoundStatus};

    fn round() -> Record<Round> {
        rec(
            1,
            Round {
                term: Id::nil(),
                ordinal: 1,
                kind: RoundKind::Regular,
                topic: String::new(),
                start: None,
                end: None,
                status: RoundStatus::Planned,
                notes: String::new(),
            },
        )
    }

    fn group(round: Id, name: &str) -> Group {
        Group { round, name: name.into(), leader: "张三".into(), deputy: String::new(), members: vec![] }
    }

    #[test]
    fn groups_are_named_first_second_third() {
        assert_eq!(default_group_name(1, Lang::Zh), "第一巡察组");
        assert_eq!(default_group_name(4, Lang::Zh), "第四巡察组");
        assert_eq!(default_group_name(2, Lang::En), "Group 2");
    }

    #[test]
    fn member_names_split_on_the_separators_people_use() {
        assert_eq!(
            parse_members("李四，王五、赵六 钱七,孙八\u{3000}周九"),
            vec!["李四", "王五", "赵六", "钱七", "孙八", "周九"]
        );
        assert!(parse_members(" ，、 ").is_empty());
    }

    #[test]
    fn a_group_belongs_to_a_live_round_and_has_a_unique_name_there() {
        let r = round();
        let existing = rec(2, group(r.meta.id, "第一巡察组"));
        let rounds = std::slice::from_ref(&r);
        let errs = |g: &Group, id| g.validate(id, rounds, std::slice::from_ref(&existing)).err().unwrap_or_default();
        assert_eq!(errs(&group(r.meta.id, "第一巡察组"), Id::nil())[0].msg, T::ErrGroupNameTaken);
        assert!(errs(&group(r.meta.id, "第一巡察组"), existing.meta.id).is_empty());
        assert!(errs(&group(r.meta.id, "第二巡察组"), Id::nil()).is_empty());
        assert_eq!(errs(&group(Id::nil(), "第二巡察组"), Id::nil())[0].msg, T::ErrRoundMissing);
        assert_eq!(errs(&group(r.meta.id, " "), Id::nil())[0].msg, T::ErrNameRequired);
    }
}
