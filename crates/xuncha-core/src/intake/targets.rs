//! A row of a register (巡察对象名录): a unit's name, kind, party organisation and
//! township. Where the sheet has no kind, the name's own ending says it when it can
//! (镇, 乡, 街道, 村, 社区, 公司); the preview shows every unit before it is kept.

use super::place::unit_name;
use super::refusal::{RowProblem, Why};
use super::rows::{derived_id, Converter};
use super::values::{by_label, squeeze};
use crate::id::Id;
use crate::ledger::table::Col;
use crate::record::Record;
use crate::target::{OrgForm, Target, TargetKind};

/// The kind a name or a kind column's words say, beyond the catalogue's own words.
pub fn guess_kind(words: &str) -> Option<TargetKind> {
    let w = squeeze(words);
    let ends = |s: &[&str]| s.iter().any(|e| w.ends_with(e));
    if ends(&["社区", "社区居委会"]) {
        Some(TargetKind::Community)
    } else if ends(&["村", "村委会", "村民委员会"]) {
        Some(TargetKind::Village)
    } else if ends(&["镇", "乡", "街道", "街道办事处", "乡镇"]) {
        Some(TargetKind::Township)
    } else if ends(&["公司", "集团", "国有企业", "国企"]) {
        Some(TargetKind::StateEnterprise)
    } else if ends(&["事业单位"]) {
        Some(TargetKind::Institution)
    } else {
        None
    }
}

/// The party organisation a name's ending gives: "县财政局党组" is a 党组.
fn form_from_name(name: &str) -> Option<OrgForm> {
    let n = squeeze(name);
    [
        ("党工委", OrgForm::WorkingCommittee),
        ("党总支", OrgForm::GeneralBranch),
        ("党支部", OrgForm::Branch),
        ("党组", OrgForm::LeadingGroup),
        ("党委", OrgForm::Committee),
    ]
    .into_iter()
    .find(|(suffix, _)| n.ends_with(suffix))
    .map(|(_, form)| form)
}

pub(super) fn build(conv: &Converter<'_>, row: usize, errors: &mut Vec<RowProblem>) -> Option<Record<Target>> {
    let written = conv.text(row, Col::Target);
    if written.is_empty() {
        errors.push(conv.problem(row, Col::Target, Why::Missing(Col::Target)));
        return None;
    }
    let mut name = super::place::written_unit_name(&written);
    let kind_words = conv.text(row, Col::TargetKind);
    let kind = if kind_words.is_empty() {
        guess_kind(&name)
    } else {
        let kind = by_label(&TargetKind::ALL, &kind_words).or_else(|| guess_kind(&kind_words));
        if kind.is_none() {
            errors.push(conv.problem(row, Col::TargetKind, Why::UnknownChoice(kind_words)));
            return None;
        }
        kind
    };
    let Some(kind) = kind else {
        errors.push(conv.problem(row, Col::TargetKind, Why::Missing(Col::TargetKind)));
        return None;
    };
    let known = conv.targets_so_far();
    let towns: Vec<&Record<Target>> =
        known.iter().filter(|t| t.is_live() && t.data.kind == TargetKind::Township).copied().collect();
    let township = if kind.needs_township() {
        let town_words = unit_name(&conv.text(row, Col::Township));
        let found = if town_words.is_empty() {
            // "城关镇东关村": the township's name, then the village's.
            let key = unit_name(&name);
            towns
                .iter()
                .find(|t| {
                    let town = unit_name(&t.data.name);
                    key.starts_with(&town) && key.len() > town.len()
                })
                .copied()
        } else {
            towns.iter().find(|t| unit_name(&t.data.name) == town_words).copied()
        };
        match found {
            Some(t) => {
                // The township's name off the front ("城关镇东关村" with 所属乡镇 城关镇 too), as written when it can be.
                if unit_name(&name).starts_with(&unit_name(&t.data.name)) && unit_name(&name) != unit_name(&t.data.name)
                {
                    let key = unit_name(&name);
                    let town = unit_name(&t.data.name);
                    name = match name.strip_prefix(t.data.name.trim()) {
                        Some(rest) if !rest.trim().is_empty() => rest.trim().to_owned(),
                        _ => key.strip_prefix(town.as_str()).unwrap_or(&key).to_owned(),
                    };
                }
                Some(t.meta.id)
            }
            None if town_words.is_empty() => {
                errors.push(conv.problem(row, Col::Township, Why::Missing(Col::Township)));
                return None;
            }
            None => {
                errors.push(conv.problem(row, Col::Township, Why::UnknownTarget(conv.text(row, Col::Township))));
                return None;
            }
        }
    } else {
        None
    };
    let form_words = conv.text(row, Col::OrgForm);
    let org_form = if form_words.is_empty() {
        form_from_name(&written).unwrap_or(kind.usual_org_form())
    } else {
        match by_label(&OrgForm::ALL, &form_words).or_else(|| form_from_name(&form_words)) {
            Some(f) => f,
            None => {
                errors.push(conv.problem(row, Col::OrgForm, Why::UnknownChoice(form_words)));
                return None;
            }
        }
    };
    let mut target = Target::new(&name, kind, township);
    target.org_form = org_form;
    let office = conv.defaults().office.to_string();
    let town = township.map(|t| t.to_string()).unwrap_or_default();
    let id: Id = derived_id(&["target", &office, &town, &name]);
    let all: Vec<Record<Target>> = known.into_iter().cloned().collect();
    // A unit already kept is left as it is (the row counts as the same), not refused as a taken name.
    let kept = conv
        .stored()
        .targets
        .iter()
        .any(|t| t.is_live() && t.data.township == township && unit_name(&t.data.name) == unit_name(&name));
    if let (false, Err(invalid)) = (kept, target.validate(id, &all)) {
        errors.extend(invalid.into_iter().map(|i| conv.refusal_of(row, i)));
        return None;
    }
    Some(conv.envelope(id, target))
}

/// A register sheet made of the units a ledger named and the register lacks, to offer
/// them for registering: each of the kind its name says, else `kind`. Villages need
/// their township written before their name (城关镇东关村) or are refused.
pub fn units_sheet(names: &[String], kind: TargetKind) -> (super::Grid, super::Header, super::Mapping) {
    use super::grid::Cell;
    let headings = vec![
        Col::Target.label().text(crate::i18n::Lang::Zh).to_owned(),
        Col::TargetKind.label().text(crate::i18n::Lang::Zh).to_owned(),
    ];
    let mut rows = vec![headings.iter().map(|h| Cell::Text(h.clone())).collect::<Vec<_>>()];
    for name in names {
        let own = guess_kind(&unit_name(name)).unwrap_or(kind);
        rows.push(vec![
            Cell::Text(name.clone()),
            Cell::Text(crate::i18n::Label::label(own).text(crate::i18n::Lang::Zh).to_owned()),
        ]);
    }
    let header = super::Header { row: 0, rows: 1, names: headings, title: String::new() };
    let mapping = super::Mapping { columns: vec![Some(Col::Target), Some(Col::TargetKind)] };
    (super::Grid { name: String::new(), rows }, header, mapping)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_units_kind_is_read_from_the_end_of_its_name() {
        assert_eq!(guess_kind("城关镇"), Some(TargetKind::Township));
        assert_eq!(guess_kind("河口乡"), Some(TargetKind::Township));
        assert_eq!(guess_kind("东城街道办事处"), Some(TargetKind::Township));
        assert_eq!(guess_kind("东关村"), Some(TargetKind::Village));
        assert_eq!(guess_kind("幸福社区"), Some(TargetKind::Community));
        assert_eq!(guess_kind("县城投集团"), Some(TargetKind::StateEnterprise));
        assert_eq!(guess_kind("县财政局"), None, "a county department is said by its kind column");
        assert_eq!(form_from_name("县财政局党组"), Some(OrgForm::LeadingGroup));
        assert_eq!(form_from_name("东关村党支部"), Some(OrgForm::Branch));
    }

    #[test]
    fn units_a_ledger_named_are_offered_with_the_kind_their_names_say() {
        let records = crate::record::Records::default();
        let names = vec!["县审计局".to_owned(), "大山镇".to_owned()];
        let (grid, header, mapping) = units_sheet(&names, TargetKind::CountyGovDept);
        let defaults = super::super::Defaults {
            round: None,
            year: None,
            focus: None,
            office: Id::nil(),
            now: crate::meta::Timestamp::from_unix_millis(0.0),
            lang: crate::i18n::Lang::Zh,
        };
        let c = super::super::convert(&grid, &header, &mapping, &records, defaults);
        let kinds: Vec<TargetKind> = c.records.targets.iter().map(|t| t.data.kind).collect();
        assert_eq!(kinds, [TargetKind::CountyGovDept, TargetKind::Township]);
    }
}
