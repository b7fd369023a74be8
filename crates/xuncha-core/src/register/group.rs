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
    /// 组员
    #[serde(default)]
    pub members: Vec<String>,
    /// The persons of the talent pool behind the names above (`pool::seat`). The
    /// names stay what documents print; a name typed freely has no seat. A seat
    /// is a loose tie: a file without the pool still reads, only the persons'
    /// service is not known there.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::validation::objects")]
    pub seats: Vec<Seat>,
    /// 回避 warnings confirmed for this group, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::validation::objects")]
    pub recusals: Vec<Recusal>,
}

crate::labelled_enum! {
    /// A person's place in a group.
    pub enum Role {
        /// 组长
        Leader => FieldLeader,
        /// 副组长
        Deputy => FieldDeputy,
        /// 组员
        Member => RoleMember,
    }
}

/// A person of the pool in a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub person: Id,
    pub role: Role,
}

/// A 回避 warning the office confirmed: the person goes to the target anyway, for
/// the reason given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recusal {
    pub person: Id,
    pub target: Id,
    pub reason: String,
}

/// Longest reason for going despite a 回避 warning.
pub const MAX_RECUSAL_REASON: usize = 200;

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
    /// A group of `round` with nobody named yet.
    pub fn new(round: Id, name: String) -> Group {
        Group {
            round,
            name,
            leader: String::new(),
            deputy: String::new(),
            members: Vec::new(),
            seats: Vec::new(),
            recusals: Vec::new(),
        }
    }

    pub fn validate(&self, id: Id, rounds: &[Record<Round>], groups: &[Record<Group>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        c.check(rounds.iter().any(|r| r.is_live() && r.meta.id == self.round), "round", T::ErrRoundMissing);
        c.required(!blank(&self.name), "name", T::ErrNameRequired);
        let name = self.name.trim();
        let taken = groups
            .iter()
            .any(|g| g.is_live() && g.meta.id != id && g.data.round == self.round && g.data.name.trim() == name);
        c.check(!taken, "name", T::ErrGroupNameTaken);
        for r in &self.recusals {
            c.required(!blank(&r.reason), "recusals", T::ErrRecusalReason);
            c.check(r.reason.chars().count() <= MAX_RECUSAL_REASON, "recusals", T::ErrRecusalReasonTooLong);
        }
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
            "seats" => Field::words(T::FieldSeats, seats_words),
            "recusals" => Field::words(T::FieldRecusals, recusals_words),
            _ => return None,
        })
    }
}

fn seats_words(value: &serde_json::Value, lang: Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> String {
    use crate::i18n::Label;
    let seats: Vec<Seat> = serde_json::from_value(value.clone()).unwrap_or_default();
    let items = seats.iter().map(|s| {
        let name = name_of(crate::Kind::Person, s.person).unwrap_or_else(|| s.person.to_string());
        format!("{}：{name}", s.role.label().text(lang))
    });
    crate::record::join(items)
}

fn recusals_words(value: &serde_json::Value, _: Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> String {
    let recusals: Vec<Recusal> = serde_json::from_value(value.clone()).unwrap_or_default();
    let items = recusals.iter().map(|r| {
        let person = name_of(crate::Kind::Person, r.person).unwrap_or_else(|| r.person.to_string());
        let target = name_of(crate::Kind::Target, r.target).unwrap_or_else(|| r.target.to_string());
        format!("{person}—{target}：{}", r.reason)
    });
    crate::record::join(items)
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
        Group { leader: "张三".into(), ..Group::new(round, name.into()) }
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
