//! 巡察对象: the county's register of party organisations that can be inspected.

use crate::i18n::T;
use crate::id::Id;
use crate::record::Record;
use crate::validation::{blank, Checker, Invalid};
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    pub enum TargetKind {
        /// 县直党群部门
        CountyPartyDept => KindCountyPartyDept,
        /// 县直政府部门
        CountyGovDept => KindCountyGovDept,
        /// 事业单位
        Institution => KindInstitution,
        /// 国有企业
        StateEnterprise => KindStateEnterprise,
        /// 乡镇（街道）
        Township => KindTownship,
        /// 村
        Village => KindVillage,
        /// 社区
        Community => KindCommunity,
    }
}

impl TargetKind {
    /// Villages and communities sit under a township.
    pub fn needs_township(self) -> bool {
        matches!(self, TargetKind::Village | TargetKind::Community)
    }

    /// The form most units of this kind have, to preselect in forms.
    pub fn usual_org_form(self) -> OrgForm {
        match self {
            TargetKind::CountyGovDept => OrgForm::LeadingGroup,
            TargetKind::Township | TargetKind::StateEnterprise => OrgForm::Committee,
            TargetKind::CountyPartyDept | TargetKind::Institution | TargetKind::Village | TargetKind::Community => {
                OrgForm::Branch
            }
        }
    }
}

crate::labelled_enum! {
    /// The form of the party organisation (党组织形式).
    pub enum OrgForm {
        /// 党委
        Committee => FormCommittee,
        /// 党组
        LeadingGroup => FormLeadingGroup,
        /// 党工委
        WorkingCommittee => FormWorkingCommittee,
        /// 党总支
        GeneralBranch => FormGeneralBranch,
        /// 党支部
        Branch => FormBranch,
    }
}

crate::labelled_enum! {
    /// Whether the unit still exists; merged villages (并村) stay for the history.
    #[derive(Default)]
    pub enum TargetStatus {
        #[default]
        Active => StatusActive,
        Merged => StatusMerged,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub name: String,
    pub kind: TargetKind,
    pub org_form: OrgForm,
    /// The township a village or community belongs to.
    #[serde(default)]
    pub township: Option<Id>,
    #[serde(default)]
    pub status: TargetStatus,
    #[serde(default)]
    pub notes: String,
}

impl Target {
    pub fn new(name: &str, kind: TargetKind, township: Option<Id>) -> Target {
        Target {
            name: name.trim().to_owned(),
            kind,
            org_form: kind.usual_org_form(),
            township,
            status: TargetStatus::Active,
            notes: String::new(),
        }
    }

    /// Checks the target against the register (`all` may include itself).
    pub fn validate(&self, id: Id, all: &[Record<Target>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        c.required(!blank(&self.name), "name", T::ErrNameRequired);
        c.check(self.name.chars().count() <= MAX_NAME_CHARS, "name", T::ErrNameTooLong);
        match (self.kind.needs_township(), self.township) {
            (true, None) => {
                c.check(false, "township", T::ErrVillageNeedsTownship);
            }
            (true, Some(t)) => {
                let ok = all.iter().any(|r| r.is_live() && r.meta.id == t && r.data.kind == TargetKind::Township);
                c.check(ok, "township", T::ErrTownshipMissing);
            }
            (false, Some(_)) => {
                c.check(false, "township", T::ErrOnlyVillagesHaveTownship);
            }
            (false, None) => {}
        }
        c.check(self.name_is_free(id, all), "name", T::ErrTargetNameTaken);
        c.finish()
    }

    /// Names are unique within one township (villages elsewhere may share a name)
    /// and among county-level units.
    fn name_is_free(&self, id: Id, all: &[Record<Target>]) -> bool {
        let name = self.name.trim();
        !all.iter()
            .any(|r| r.is_live() && r.meta.id != id && r.data.township == self.township && r.data.name.trim() == name)
    }
}

/// The filters of the register list; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetFilter {
    pub text: String,
    pub kind: Option<TargetKind>,
    pub township: Option<Id>,
    pub status: Option<TargetStatus>,
}

impl TargetFilter {
    /// Whether the text is typed in Latin letters, so it is looked for in pinyin initials.
    pub fn by_initials(&self) -> bool {
        let text = self.text.trim();
        !text.is_empty() && text.chars().all(|c| c.is_ascii_alphabetic())
    }

    /// A township filter matches the township itself and everything under it; the
    /// text is looked for in the name, the name's pinyin `initials` and the notes.
    pub fn matches(&self, id: Id, t: &Target, initials: &str) -> bool {
        let text = self.text.trim();
        (crate::collate::text_matches(text, &t.name, initials) || t.notes.contains(text))
            && self.kind.is_none_or(|k| t.kind == k)
            && self.township.is_none_or(|w| t.township == Some(w) || id == w)
            && self.status.is_none_or(|s| t.status == s)
    }
}

/// Sorts a register as offices list it: townships with their villages under them,
/// county units by kind, names in order within each.
pub fn register_order(targets: &mut Vec<Record<Target>>, collator: &dyn crate::collate::Collator) {
    let names: Vec<&str> = targets.iter().map(|r| r.data.name.as_str()).collect();
    let ranks = collator.ranks(&names);
    let rank_of: std::collections::HashMap<Id, u32> =
        targets.iter().zip(&ranks).map(|(r, n)| (r.meta.id, *n)).collect();
    let township_rank = |r: &Record<Target>| -> u32 {
        match r.data.township {
            Some(t) => rank_of.get(&t).copied().unwrap_or(u32::MAX),
            None if r.data.kind == TargetKind::Township => rank_of.get(&r.meta.id).copied().unwrap_or(u32::MAX),
            None => 0,
        }
    };
    // (county units or townships, kind, township, under it, name)
    type Key = (u8, usize, u32, bool, u32);
    let mut keyed: Vec<(Key, Record<Target>)> = targets
        .drain(..)
        .map(|r| {
            let group = u8::from(r.data.kind == TargetKind::Township || r.data.township.is_some());
            let kind_rank = TargetKind::ALL.iter().position(|k| *k == r.data.kind).unwrap_or(0);
            let own = rank_of.get(&r.meta.id).copied().unwrap_or(u32::MAX);
            let key =
                (group, if group == 0 { kind_rank } else { 0 }, township_rank(&r), r.data.township.is_some(), own);
            (key, r)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    targets.extend(keyed.into_iter().map(|(_, r)| r));
}

/// Names from a pasted list: one per line, as copied from Word or an Excel column.
/// Leading list numbers ("1.", "2、", "（3）") and anything after a tab are dropped,
/// blank lines and repeats are skipped.
pub fn parse_bulk_names(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let cell = line.split('\t').next().unwrap_or_default();
        let name = strip_list_number(cell.trim()).trim();
        if !name.is_empty() && !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
    }
    out
}

fn strip_list_number(s: &str) -> &str {
    let inner = s.strip_prefix(['(', '（']).unwrap_or(s);
    let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return s;
    }
    let rest = &inner[digits..];
    match rest.chars().next() {
        Some(c @ ('.' | '、' | '．' | ')' | '）' | ' ')) => rest[c.len_utf8()..].trim_start(),
        _ => s,
    }
}

/// The longest name a unit may have.
pub const MAX_NAME_CHARS: usize = 80;

impl crate::record::Model for Target {
    fn too_long(&self) -> Option<(&'static str, usize)> {
        crate::record::over("name", &self.name, MAX_NAME_CHARS)
    }

    fn references(&self) -> Vec<crate::record::Reference> {
        crate::record::Reference::maybe("township", crate::Kind::Target, self.township).into_iter().collect()
    }

    fn field(path: &str) -> Option<crate::record::Field> {
        use crate::record::Field;
        Some(match path {
            "name" => Field::plain(T::FieldName),
            "kind" => Field::choice::<TargetKind>(T::FieldKind),
            "org_form" => Field::choice::<OrgForm>(T::FieldOrgForm),
            "township" => Field::reference(T::FieldTownship, crate::Kind::Target),
            "status" => Field::choice::<TargetStatus>(T::FieldStatus),
            "notes" => Field::plain(T::FieldNotes),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::{Meta, Timestamp};

    fn stored(n: u8, t: Target) -> Record<Target> {
        Record { meta: Meta::new(Id::from_random_bytes([n; 16]), Id::nil(), Timestamp::from_unix_millis(0.0)), data: t }
    }

    fn msgs(r: Result<(), Vec<Invalid>>) -> Vec<T> {
        r.err().unwrap_or_default().into_iter().map(|e| e.msg).collect()
    }

    fn register() -> Vec<Record<Target>> {
        vec![
            stored(1, Target::new("城关镇", TargetKind::Township, None)),
            stored(2, Target::new("县财政局", TargetKind::CountyGovDept, None)),
        ]
    }

    #[test]
    fn a_village_without_a_township_is_refused() {
        let village = Target::new("新村", TargetKind::Village, None);
        assert_eq!(msgs(village.validate(Id::nil(), &register())), vec![T::ErrVillageNeedsTownship]);
    }

    #[test]
    fn a_village_must_hang_under_a_live_township_not_another_unit() {
        let reg = register();
        let under_dept = Target::new("新村", TargetKind::Village, Some(reg[1].meta.id));
        assert_eq!(msgs(under_dept.validate(Id::nil(), &reg)), vec![T::ErrTownshipMissing]);
        let ok = Target::new("新村", TargetKind::Village, Some(reg[0].meta.id));
        assert!(ok.validate(Id::nil(), &reg).is_ok());
        let mut gone = reg.clone();
        gone[0].meta.deleted = true;
        assert_eq!(msgs(ok.validate(Id::nil(), &gone)), vec![T::ErrTownshipMissing]);
    }

    #[test]
    fn only_villages_and_communities_have_a_township() {
        let reg = register();
        let dept = Target::new("县教育局", TargetKind::CountyGovDept, Some(reg[0].meta.id));
        assert_eq!(msgs(dept.validate(Id::nil(), &reg)), vec![T::ErrOnlyVillagesHaveTownship]);
    }

    #[test]
    fn the_same_village_name_may_stand_in_two_townships_but_not_twice_in_one() {
        let mut reg = register();
        reg.push(stored(3, Target::new("东关镇", TargetKind::Township, None)));
        let a = reg[0].meta.id;
        let b = reg[2].meta.id;
        reg.push(stored(4, Target::new("新村", TargetKind::Village, Some(a))));
        assert!(Target::new("新村", TargetKind::Village, Some(b)).validate(Id::nil(), &reg).is_ok());
        let dup = Target::new(" 新村 ", TargetKind::Village, Some(a));
        assert_eq!(msgs(dup.validate(Id::nil(), &reg)), vec![T::ErrTargetNameTaken]);
        assert!(dup.validate(reg[3].meta.id, &reg).is_ok(), "a record does not clash with itself");
    }

    #[test]
    fn a_blank_or_overlong_name_is_refused() {
        assert_eq!(
            msgs(Target::new("", TargetKind::Institution, None).validate(Id::nil(), &[])),
            vec![T::ErrNameRequired]
        );
        let long = "很".repeat(81);
        assert_eq!(
            msgs(Target::new(&long, TargetKind::Institution, None).validate(Id::nil(), &[])),
            vec![T::ErrNameTooLong]
        );
    }

    #[test]
    fn a_pasted_list_yields_one_clean_name_per_line() {
        let text = "1.城关镇\r\n2、东关镇\n\n  （3）西关镇  \n(4)南关镇\n城关镇\n县财政局\t党组\t县直\n12345村\n";
        assert_eq!(parse_bulk_names(text), vec!["城关镇", "东关镇", "西关镇", "南关镇", "县财政局", "12345村"]);
    }

    #[test]
    fn the_filter_combines_text_kind_township_and_status() {
        let reg = register();
        let town = reg[0].meta.id;
        let village = Target::new("新村", TargetKind::Village, Some(town));
        let mut merged = Target::new("老村", TargetKind::Village, Some(town));
        merged.status = TargetStatus::Merged;
        let any = TargetFilter::default();
        assert!(any.matches(Id::nil(), &village, ""));
        let by_text = TargetFilter { text: "新".into(), ..Default::default() };
        assert!(by_text.matches(Id::nil(), &village, "") && !by_text.matches(Id::nil(), &merged, ""));
        let by_town = TargetFilter { township: Some(town), ..Default::default() };
        assert!(by_town.matches(Id::nil(), &village, ""), "a village under the township");
        assert!(by_town.matches(town, &reg[0].data, ""), "the township itself");
        assert!(!by_town.matches(reg[1].meta.id, &reg[1].data, ""), "a county unit");
        let active =
            TargetFilter { status: Some(TargetStatus::Active), kind: Some(TargetKind::Village), ..Default::default() };
        assert!(active.matches(Id::nil(), &village, "") && !active.matches(Id::nil(), &merged, ""));
        let by_initials = TargetFilter { text: "xc".into(), ..Default::default() };
        assert!(by_initials.matches(Id::nil(), &village, "xc") && !by_initials.matches(Id::nil(), &merged, "lc"));
    }

    #[test]
    fn the_register_lists_county_units_first_then_each_township_with_its_villages() {
        let mut reg = register();
        let town = reg[0].meta.id;
        reg.push(stored(5, Target::new("东关镇", TargetKind::Township, None)));
        let east = reg[2].meta.id;
        reg.push(stored(6, Target::new("乙村", TargetKind::Village, Some(town))));
        reg.push(stored(7, Target::new("甲村", TargetKind::Village, Some(east))));
        reg.push(stored(8, Target::new("县委办", TargetKind::CountyPartyDept, None)));
        register_order(&mut reg, &crate::collate::CodePoints);
        let names: Vec<&str> = reg.iter().map(|r| r.data.name.as_str()).collect();
        assert_eq!(names, vec!["县委办", "县财政局", "东关镇", "甲村", "城关镇", "乙村"]);
    }

    #[test]
    fn each_kind_preselects_its_usual_party_organisation_form() {
        assert_eq!(TargetKind::Township.usual_org_form(), OrgForm::Committee);
        assert_eq!(TargetKind::CountyGovDept.usual_org_form(), OrgForm::LeadingGroup);
        assert_eq!(TargetKind::Village.usual_org_form(), OrgForm::Branch);
        assert!(TargetKind::Village.needs_township() && TargetKind::Community.needs_township());
        assert!(!TargetKind::Township.needs_township());
    }
}
