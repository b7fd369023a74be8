//! 巡察轮次: one round of inspection within a term, e.g. 十五届县委第三轮巡察.

use crate::date::Day;
use crate::i18n::{Lang, T};
use crate::id::Id;
use crate::numerals::chinese_number;
use crate::record::Record;
use crate::term::Term;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    pub enum RoundKind {
        /// 常规巡察
        Regular => RoundRegular,
        /// 专项巡察, with a topic
        Special => RoundSpecial,
        /// 机动巡察
        Mobile => RoundMobile,
        /// 延伸巡察, down to villages
        Extended => RoundExtended,
        /// 提级巡察
        Escalated => RoundEscalated,
        /// 交叉巡察
        Cross => RoundCross,
        /// 巡察"回头看"
        LookBack => RoundLookBack,
        /// 上下联动
        Joint => RoundJoint,
        /// 上级巡视巡察反馈: a provincial or city inspection whose feedback the county
        /// rectifies. Kept for its problems and their rectification, never one of
        /// the county's rounds: no number among them, no count, no coverage.
        Upper => RoundUpper,
    }
}

impl RoundKind {
    /// One of the county's own rounds, as every count and the numbering take them.
    pub fn is_county(self) -> bool {
        self != RoundKind::Upper
    }

    /// The kinds a plan may schedule: the county's own.
    pub const COUNTY: [RoundKind; 8] = [
        RoundKind::Regular,
        RoundKind::Special,
        RoundKind::Mobile,
        RoundKind::Extended,
        RoundKind::Escalated,
        RoundKind::Cross,
        RoundKind::LookBack,
        RoundKind::Joint,
    ];
}

crate::labelled_enum! {
    #[derive(Default)]
    pub enum RoundStatus {
        /// 计划中
        #[default]
        Planned => RoundPlanned,
        /// 进行中
        Ongoing => RoundOngoing,
        /// 已结束
        Finished => RoundFinished,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub term: Id,
    /// The n of "第n轮", counted within the term.
    pub ordinal: u32,
    pub kind: RoundKind,
    /// The subject of a 专项巡察, e.g. 人防系统.
    #[serde(default)]
    pub topic: String,
    pub start: Option<Day>,
    pub end: Option<Day>,
    #[serde(default)]
    pub status: RoundStatus,
    #[serde(default)]
    pub notes: String,
}

/// "第三轮" or "round 3".
pub fn ordinal_label(ordinal: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第{}轮", chinese_number(ordinal)),
        Lang::En => format!("round {ordinal}"),
    }
}

impl Round {
    /// Still only planned on `today`: 计划中 and not yet at its start. Such a round
    /// counts toward no statistic and covers no target.
    pub fn not_begun(&self, today: Day) -> bool {
        self.status == RoundStatus::Planned && self.start.is_none_or(|s| s > today)
    }

    /// A planned regular round with no dates yet.
    pub fn new(term: Id, ordinal: u32) -> Round {
        Round {
            term,
            ordinal,
            kind: RoundKind::Regular,
            topic: String::new(),
            start: None,
            end: None,
            status: RoundStatus::Planned,
            notes: String::new(),
        }
    }

    /// The title documents use: "十五届县委第三轮巡察", plus the topic of a 专项巡察;
    /// a round fed back from above is its topic: "上级巡视巡察：省委第三巡视组".
    pub fn title(&self, term_name: &str, lang: Lang) -> String {
        let topic = self.topic.trim();
        if !self.kind.is_county() {
            return format!("{}{topic}", T::RoundUpperTitle.text(lang));
        }
        match lang {
            Lang::Zh => {
                let base = format!("{}县委{}巡察", term_name.trim(), ordinal_label(self.ordinal, lang));
                if topic.is_empty() {
                    base
                } else {
                    format!("{base}（{topic}）")
                }
            }
            Lang::En => {
                let base = format!("{}, {}", term_name.trim(), ordinal_label(self.ordinal, lang));
                if topic.is_empty() {
                    base
                } else {
                    format!("{base} ({topic})")
                }
            }
        }
    }

    /// The next free ordinal in a term, to prefill the form. Rounds fed back from
    /// above are numbered apart from the county's, so they take no 第N轮.
    pub fn next_ordinal(term: Id, kind: RoundKind, rounds: &[Record<Round>]) -> u32 {
        rounds
            .iter()
            .filter(|r| r.is_live() && r.data.term == term && r.data.kind.is_county() == kind.is_county())
            .map(|r| r.data.ordinal)
            .max()
            .unwrap_or(0)
            + 1
    }

    pub fn validate(&self, id: Id, terms: &[Record<Term>], rounds: &[Record<Round>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        let term = terms.iter().find(|t| t.is_live() && t.meta.id == self.term);
        c.check(term.is_some(), "term", T::ErrTermMissing);
        c.check((1..=99).contains(&self.ordinal), "ordinal", T::ErrOrdinalRange);
        let taken = rounds.iter().any(|r| {
            r.is_live()
                && r.meta.id != id
                && r.data.term == self.term
                && r.data.ordinal == self.ordinal
                && r.data.kind.is_county() == self.kind.is_county()
        });
        c.check(!taken, "ordinal", T::ErrOrdinalTaken);
        c.required(self.kind != RoundKind::Special || !blank(&self.topic), "topic", T::ErrTopicRequired);
        c.required(self.kind.is_county() || !blank(&self.topic), "topic", T::ErrUpperTopicRequired);
        c.required(self.start.is_some(), "start", T::ErrStartRequired);
        if let (Some(start), Some(end)) = (self.start, self.end) {
            c.check(end >= start, "end", T::ErrRoundEndBeforeStart);
        }
        if let (Some(term), Some(start)) = (term, self.start) {
            c.check(term.data.contains_year(start.year()), "start", T::ErrRoundOutsideTerm);
        }
        c.finish()
    }
}

/// The filters of the rounds list; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundFilter {
    pub term: Option<Id>,
    pub kind: Option<RoundKind>,
    pub status: Option<RoundStatus>,
}

impl RoundFilter {
    pub fn matches(&self, r: &Round) -> bool {
        self.term.is_none_or(|t| r.term == t)
            && self.kind.is_none_or(|k| r.kind == k)
            && self.status.is_none_or(|s| r.status == s)
    }
}

impl crate::record::Model for Round {
    fn title(&self, lang: Lang, name_of: &dyn Fn(crate::Kind, Id) -> Option<String>) -> Option<String> {
        Some(self.title(&name_of(crate::Kind::Term, self.term).unwrap_or_default(), lang))
    }

    fn references(&self) -> Vec<crate::record::Reference> {
        vec![crate::record::Reference::to("term", crate::Kind::Term, self.term)]
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::record::Field;
        Some(match path {
            "term" => Field::reference(T::FieldTerm, crate::Kind::Term),
            "ordinal" => Field::plain(T::FieldOrdinal),
            "kind" => Field::choice::<RoundKind>(T::FieldRoundKind),
            "topic" => Field::plain(T::FieldTopic),
            "start" => Field::plain(T::FieldStart),
            "end" => Field::plain(T::FieldEnd),
            "status" => Field::choice::<RoundStatus>(T::FieldRoundStatus),
            "notes" => Field::plain(T::FieldNotes),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{maybe_day as day, rec};

    fn fixture() -> (Vec<Record<Term>>, Round) {
        let terms = vec![rec(1, Term { name: "十五届".into(), start_year: 2021, end_year: 2026 })];
        let round = Round {
            term: terms[0].meta.id,
            ordinal: 3,
            kind: RoundKind::Regular,
            topic: String::new(),
            start: day("2026-03-01"),
            end: day("2026-05-31"),
            status: RoundStatus::Planned,
            notes: String::new(),
        };
        (terms, round)
    }

    fn msgs(r: Result<(), Vec<Invalid>>) -> Vec<T> {
        r.err().unwrap_or_default().into_iter().map(|e| e.msg).collect()
    }

    #[test]
    fn a_round_reads_as_documents_write_it() {
        let (_, mut round) = fixture();
        assert_eq!(round.title("十五届", Lang::Zh), "十五届县委第三轮巡察");
        round.kind = RoundKind::Special;
        round.topic = "人防系统".into();
        assert_eq!(round.title("十五届", Lang::Zh), "十五届县委第三轮巡察（人防系统）");
        assert_eq!(round.title("15th", Lang::En), "15th, round 3 (人防系统)");
        assert_eq!(ordinal_label(12, Lang::Zh), "第十二轮");
    }

    #[test]
    fn a_well_formed_round_passes() {
        let (terms, round) = fixture();
        assert!(round.validate(Id::nil(), &terms, &[]).is_ok());
    }

    #[test]
    fn a_round_that_ends_before_it_starts_is_refused() {
        let (terms, mut round) = fixture();
        round.end = day("2026-02-01");
        assert_eq!(msgs(round.validate(Id::nil(), &terms, &[])), vec![T::ErrRoundEndBeforeStart]);
    }

    #[test]
    fn a_special_round_needs_its_topic() {
        let (terms, mut round) = fixture();
        round.kind = RoundKind::Special;
        assert_eq!(msgs(round.validate(Id::nil(), &terms, &[])), vec![T::ErrTopicRequired]);
    }

    #[test]
    fn two_rounds_of_a_term_may_not_share_an_ordinal() {
        let (terms, round) = fixture();
        let existing = rec(9, round.clone());
        assert_eq!(msgs(round.validate(Id::nil(), &terms, std::slice::from_ref(&existing))), vec![T::ErrOrdinalTaken]);
        assert!(round.validate(existing.meta.id, &terms, std::slice::from_ref(&existing)).is_ok());
        assert_eq!(Round::next_ordinal(round.term, RoundKind::Regular, &[existing]), 4);
        assert_eq!(Round::next_ordinal(round.term, RoundKind::Regular, &[]), 1);
    }

    #[test]
    fn a_round_fed_back_from_above_is_named_by_its_topic_and_numbered_apart() {
        let (terms, round) = fixture();
        let county = rec(9, round.clone());
        let mut upper = Round { kind: RoundKind::Upper, ..round };
        assert_eq!(
            msgs(upper.validate(Id::nil(), &terms, std::slice::from_ref(&county))),
            vec![T::ErrUpperTopicRequired]
        );
        upper.topic = "省委第三巡视组".into();
        assert!(
            upper.validate(Id::nil(), &terms, std::slice::from_ref(&county)).is_ok(),
            "its 3 is not the county's 3"
        );
        assert_eq!(upper.title("十五届", Lang::Zh), "上级巡视巡察：省委第三巡视组");
        assert_eq!(Round::next_ordinal(upper.term, RoundKind::Upper, std::slice::from_ref(&county)), 1);
        let upper = rec(10, upper);
        let both = [county, upper.clone()];
        assert_eq!(Round::next_ordinal(upper.data.term, RoundKind::Regular, &both), 4);
        assert_eq!(Round::next_ordinal(upper.data.term, RoundKind::Upper, &both), 4);
        assert!(!RoundKind::Upper.is_county() && RoundKind::LookBack.is_county());
    }

    #[test]
    fn a_round_must_start_within_its_term_and_have_a_start() {
        let (terms, mut round) = fixture();
        round.start = day("2027-01-05");
        round.end = None;
        assert_eq!(msgs(round.validate(Id::nil(), &terms, &[])), vec![T::ErrRoundOutsideTerm]);
        round.start = None;
        assert_eq!(msgs(round.validate(Id::nil(), &terms, &[])), vec![T::ErrStartRequired]);
    }

    #[test]
    fn the_filter_matches_term_kind_and_status_together() {
        let (terms, round) = fixture();
        assert!(RoundFilter::default().matches(&round));
        let f = RoundFilter { term: Some(terms[0].meta.id), kind: Some(RoundKind::Regular), status: None };
        assert!(f.matches(&round));
        assert!(!RoundFilter { status: Some(RoundStatus::Finished), ..f.clone() }.matches(&round));
        assert!(!RoundFilter { term: Some(Id::nil()), ..f }.matches(&round));
    }

    #[test]
    fn a_round_needs_a_live_term_and_a_sane_ordinal() {
        let (_, mut round) = fixture();
        round.ordinal = 0;
        assert_eq!(msgs(round.validate(Id::nil(), &[], &[])), vec![T::ErrTermMissing, T::ErrOrdinalRange]);
    }
}
