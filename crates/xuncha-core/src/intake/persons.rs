//! A row of a talent-pool list (巡察人才库名单, "一长两员"库): a person's name, unit,
//! post, rank, pools, 专职, specialty and day of joining. A unit that is a registered
//! target becomes that target; any other is kept as written.

use super::place::unit_name;
use super::refusal::{RowProblem, Why};
use super::rows::{derived_id, Converter};
use super::values::{by_label, flag, squeeze};
use crate::ledger::table::Col;
use crate::person::{unit_text, Person, PoolKind, Rank, Specialty};
use crate::record::Record;
use crate::target::Target;

/// A rank as lists write it: 正科级, 正科, 副科级领导, 一级科员 …
pub fn rank(words: &str) -> Option<Rank> {
    let w = squeeze(words);
    if w.is_empty() {
        return Some(Rank::BelowSection);
    }
    by_label(&Rank::ALL, &w).or_else(|| {
        [
            ("正处", Rank::DivisionChief),
            ("县处级正职", Rank::DivisionChief),
            ("副处", Rank::DivisionDeputy),
            ("县处级副职", Rank::DivisionDeputy),
            ("正科", Rank::SectionChief),
            ("乡科级正职", Rank::SectionChief),
            ("副科", Rank::SectionDeputy),
            ("乡科级副职", Rank::SectionDeputy),
            ("科员", Rank::BelowSection),
            ("办事员", Rank::BelowSection),
            ("以下", Rank::BelowSection),
            ("无", Rank::BelowSection),
        ]
        .into_iter()
        .find(|(key, _)| w.contains(key))
        .map(|(_, r)| r)
    })
}

/// The pools a cell names ("组长库、专业人员库", "组长", "工作人员"); an empty cell is
/// the staff pool, where everyone starts. `None` when a word is none of them.
pub fn pools(words: &str) -> Option<Vec<PoolKind>> {
    let mut out = Vec::new();
    for part in words.split(['、', ',', '，', '/', ';', '；', ' ']).map(squeeze).filter(|p| !p.is_empty()) {
        let pool = by_label(&PoolKind::ALL, &part).or(if part.contains("组长") {
            Some(PoolKind::Leaders)
        } else if part.contains("专业") {
            Some(PoolKind::Specialists)
        } else if part.contains("工作") || part.contains("人员库") {
            Some(PoolKind::Staff)
        } else {
            None
        })?;
        out.push(pool);
    }
    if out.is_empty() {
        out.push(PoolKind::Staff);
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// A specialty by its label or a word of it (审计师 is audit); other words are 其他.
pub fn specialty(words: &str) -> Option<Specialty> {
    let w = squeeze(words);
    if w.is_empty() {
        return None;
    }
    let by_word = [
        ("审计", Specialty::Audit),
        ("财", Specialty::Finance),
        ("会计", Specialty::Finance),
        ("法", Specialty::Law),
        ("律师", Specialty::Law),
        ("工程", Specialty::Engineering),
        ("建筑", Specialty::Engineering),
        ("纪检", Specialty::Discipline),
        ("监察", Specialty::Discipline),
        ("组织", Specialty::Personnel),
        ("人事", Specialty::Personnel),
    ];
    Some(
        by_label(&Specialty::ALL, &w).unwrap_or_else(|| {
            by_word.into_iter().find(|(key, _)| w.contains(key)).map_or(Specialty::Other, |(_, s)| s)
        }),
    )
}

pub(super) fn build(conv: &Converter<'_>, row: usize, errors: &mut Vec<RowProblem>) -> Option<Record<Person>> {
    let name = squeeze(&conv.text(row, Col::PersonName));
    if name.is_empty() {
        errors.push(conv.problem(row, Col::PersonName, Why::Missing(Col::PersonName)));
        return None;
    }
    let mut person = Person::new(&name);
    let written = conv.text(row, Col::Target).trim().to_owned();
    let key = unit_name(&written);
    let targets = conv.targets_so_far();
    match targets.iter().find(|t| !key.is_empty() && unit_name(&t.data.name) == key) {
        Some(t) => person.unit = Some(t.meta.id),
        None => person.unit_name = written,
    }
    person.post = conv.text(row, Col::Post).trim().to_owned();
    let rank_words = conv.text(row, Col::Rank);
    match rank(&rank_words) {
        Some(r) => person.rank = r,
        None => errors.push(conv.problem(row, Col::Rank, Why::UnknownChoice(rank_words))),
    }
    let pool_words = conv.text(row, Col::Pools);
    match pools(&pool_words) {
        Some(p) => person.pools = p,
        None => errors.push(conv.problem(row, Col::Pools, Why::UnknownChoice(pool_words))),
    }
    if let Some(cell) = conv.cell(row, Col::FullTime) {
        match flag(cell) {
            Some(b) => person.full_time = b || squeeze(&cell.text()) == "专职",
            None if squeeze(&cell.text()).contains("专职") => person.full_time = true,
            None if squeeze(&cell.text()).contains("兼职") => person.full_time = false,
            None => errors.push(conv.problem(row, Col::FullTime, Why::UnknownChoice(cell.text()))),
        }
    }
    person.specialty = specialty(&conv.text(row, Col::Specialty));
    person.joined = conv.day(row, Col::Joined, errors);
    if !errors.is_empty() {
        return None;
    }
    let all: Vec<Record<Target>> = targets.into_iter().cloned().collect();
    let unit = unit_text(person.unit, &person.unit_name, &all);
    let id = derived_id(&["person", &conv.defaults().office.to_string(), &name, &unit_name(&unit)]);
    let others: Vec<Record<Person>> = conv.stored().persons.iter().filter(|p| p.meta.id != id).cloned().collect();
    if let Err(invalid) = person.validate(id, &all, &others) {
        // The same person kept already is the same row, not a refusal.
        if !invalid.iter().all(|i| i.msg == crate::i18n::T::ErrPersonTaken) {
            errors.extend(invalid.into_iter().map(|i| conv.problem(row, person_col(i.field), Why::Rule(i.msg))));
            return None;
        }
    }
    Some(conv.envelope(id, person))
}

/// The column a person's field is read from, for a rule's refusal.
fn person_col(field: &str) -> Col {
    match field {
        "unit" => Col::Target,
        "post" => Col::Post,
        "pools" => Col::Pools,
        _ => Col::PersonName,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_pools_and_specialties_read_as_lists_write_them() {
        assert_eq!(rank("副科级领导干部"), Some(Rank::SectionDeputy));
        assert_eq!(rank("一级科员"), Some(Rank::BelowSection));
        assert_eq!(rank("正处"), Some(Rank::DivisionChief));
        assert_eq!(rank(""), Some(Rank::BelowSection));
        assert_eq!(rank("处长"), None);
        assert_eq!(pools("组长库、专业人员库"), Some(vec![PoolKind::Leaders, PoolKind::Specialists]));
        assert_eq!(pools("组长"), Some(vec![PoolKind::Leaders]));
        assert_eq!(pools(""), Some(vec![PoolKind::Staff]));
        assert_eq!(pools("后备干部"), None);
        assert_eq!(specialty("注册会计师"), Some(Specialty::Finance));
        assert_eq!(specialty("审计"), Some(Specialty::Audit));
        assert_eq!(specialty("文字综合"), Some(Specialty::Other));
        assert_eq!(specialty(" "), None);
    }
}
