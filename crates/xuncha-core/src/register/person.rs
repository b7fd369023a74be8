//! 巡察人才库 ("一长两员"库): the people an office can send out, in the 组长库,
//! 专业人员库 and 工作人员库, with the units they serve and served in, which the
//! 回避 rule of `pool.rs` reads.

use crate::date::Day;
use crate::i18n::T;
use crate::id::Id;
use crate::record::{over, Field, Kind, Record, Reference};
use crate::target::Target;
use crate::validation::{blank, Checker, Invalid, MAX_TEXT_CHARS};
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    /// The three pools of "一长两员".
    pub enum PoolKind {
        /// 组长库
        Leaders => PoolLeaders,
        /// 专业人员库
        Specialists => PoolSpecialists,
        /// 工作人员库
        Staff => PoolStaff,
    }
}

crate::labelled_enum! {
    /// 职级, as the summaries count it ("其中副科级以上领导干部X人").
    pub enum Rank {
        /// 正处级
        DivisionChief => RankDivisionChief,
        /// 副处级
        DivisionDeputy => RankDivisionDeputy,
        /// 正科级
        SectionChief => RankSectionChief,
        /// 副科级
        SectionDeputy => RankSectionDeputy,
        /// 科级以下
        BelowSection => RankBelowSection,
    }
}

impl Rank {
    /// 副科级以上领导干部.
    pub fn is_leading_cadre(self) -> bool {
        self <= Rank::SectionDeputy
    }
}

crate::labelled_enum! {
    /// 专业特长: what a specialist brings to a group.
    pub enum Specialty {
        /// 审计
        Audit => SpecialtyAudit,
        /// 财务
        Finance => SpecialtyFinance,
        /// 法律
        Law => SpecialtyLaw,
        /// 工程
        Engineering => SpecialtyEngineering,
        /// 纪检监察
        Discipline => SpecialtyDiscipline,
        /// 组织人事
        Personnel => SpecialtyPersonnel,
        /// 其他
        Other => SpecialtyOther,
    }
}

/// A unit a person worked in before, for 回避: a registered target or a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerUnit {
    #[serde(default)]
    pub unit: Option<Id>,
    /// The unit in words when it is not a registered target.
    #[serde(default)]
    pub unit_name: String,
    /// The years worked there, as people remember them.
    #[serde(default)]
    pub from_year: Option<i32>,
    /// The year the person left; `None` when not known.
    #[serde(default)]
    pub until_year: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// 工作单位 when it is a registered target.
    #[serde(default)]
    pub unit: Option<Id>,
    /// 工作单位 in words when it is not (县纪委监委, 县审计局 …).
    #[serde(default)]
    pub unit_name: String,
    /// 职务 in words, as lists print it (副局长, 审计员 …).
    #[serde(default)]
    pub post: String,
    pub rank: Rank,
    /// The pools the person is in; at least one.
    pub pools: Vec<PoolKind>,
    /// 专职: works for the inspection office full time (专职组长).
    #[serde(default)]
    pub full_time: bool,
    #[serde(default)]
    pub specialty: Option<Specialty>,
    /// 入库时间
    #[serde(default)]
    pub joined: Option<Day>,
    /// 出库时间: no longer in the pool from this day.
    #[serde(default)]
    pub left: Option<Day>,
    #[serde(default, deserialize_with = "crate::validation::objects")]
    pub former_units: Vec<FormerUnit>,
    #[serde(default)]
    pub notes: String,
}

/// Longest name a person's record takes.
pub const MAX_PERSON_NAME: usize = 30;
/// Longest unit name or post.
pub const MAX_UNIT_NAME: usize = 60;

impl Person {
    /// A person of the staff pool with nothing else known yet.
    pub fn new(name: &str) -> Person {
        Person {
            name: name.trim().to_owned(),
            unit: None,
            unit_name: String::new(),
            post: String::new(),
            rank: Rank::BelowSection,
            pools: vec![PoolKind::Staff],
            full_time: false,
            specialty: None,
            joined: None,
            left: None,
            former_units: Vec::new(),
            notes: String::new(),
        }
    }

    /// In the pool on `day`: joined by then (or no day known) and not yet left.
    pub fn in_pool_on(&self, day: Day) -> bool {
        self.joined.is_none_or(|j| j <= day) && self.left.is_none_or(|l| l > day)
    }

    pub fn in_pool(&self, pool: PoolKind) -> bool {
        self.pools.contains(&pool)
    }

    /// The unit in words: the target's name, else the name typed.
    pub fn unit_text(&self, targets: &[Record<Target>]) -> String {
        unit_text(self.unit, &self.unit_name, targets)
    }

    /// Trims the typed texts and puts the pools in one order, as the form saves them.
    pub fn tidy(&mut self) {
        self.name = self.name.trim().to_owned();
        self.unit_name = if self.unit.is_some() { String::new() } else { self.unit_name.trim().to_owned() };
        self.post = self.post.trim().to_owned();
        self.pools.sort();
        self.pools.dedup();
        for f in &mut self.former_units {
            f.unit_name = if f.unit.is_some() { String::new() } else { f.unit_name.trim().to_owned() };
        }
    }

    /// Checks the person against the live targets and the other persons (which may
    /// include itself): a name, a pool, dates in order, units that exist, and not a
    /// second record of the same name in the same unit.
    pub fn validate(&self, id: Id, targets: &[Record<Target>], others: &[Record<Person>]) -> Result<(), Vec<Invalid>> {
        let mut c = Checker::default();
        c.required(!blank(&self.name), "name", T::ErrPersonNameRequired);
        c.check(self.name.chars().count() <= MAX_PERSON_NAME, "name", T::ErrPersonNameTooLong);
        c.required(!self.pools.is_empty(), "pools", T::ErrPoolRequired);
        let live = |unit: Id| targets.iter().any(|t| t.is_live() && t.meta.id == unit);
        c.check(self.unit.is_none_or(live), "unit", T::ErrTargetMissing);
        c.check(self.unit_name.chars().count() <= MAX_UNIT_NAME, "unit", T::ErrUnitNameTooLong);
        c.check(self.post.chars().count() <= MAX_UNIT_NAME, "post", T::ErrPostTooLong);
        if let (Some(j), Some(l)) = (self.joined, self.left) {
            c.check(l >= j, "left", T::ErrLeftBeforeJoined);
        }
        for f in &self.former_units {
            c.check(f.unit.is_some() || !blank(&f.unit_name), "former_units", T::ErrFormerUnitName);
            c.check(f.unit.is_none_or(live), "former_units", T::ErrTargetMissing);
            c.check(f.unit_name.chars().count() <= MAX_UNIT_NAME, "former_units", T::ErrUnitNameTooLong);
            let year_ok = |y: Option<i32>| y.is_none_or(|y| (1949..=2200).contains(&y));
            c.check(year_ok(f.from_year) && year_ok(f.until_year), "former_units", T::ErrYearOutOfRange);
            if let (Some(a), Some(b)) = (f.from_year, f.until_year) {
                c.check(b >= a, "former_units", T::ErrFormerUnitYears);
            }
        }
        c.within_limit(&self.notes, "notes", T::ErrNotesTooLong);
        let unit = self.unit_text(targets);
        let taken = others
            .iter()
            .any(|p| p.is_live() && p.meta.id != id && p.data.name == self.name && p.data.unit_text(targets) == unit);
        c.check(!taken, "name", T::ErrPersonTaken);
        c.finish()
    }
}

/// A unit in words: the registered target's name, else the name typed.
pub fn unit_text(unit: Option<Id>, name: &str, targets: &[Record<Target>]) -> String {
    unit.and_then(|u| targets.iter().find(|t| t.meta.id == u)).map(|t| t.data.name.clone()).unwrap_or(name.to_owned())
}

/// Reads the former units as the form takes them, one a line: "县财政局 2015-2021",
/// "县财政局（2015—2021年）", "县财政局 2018" (the year left) or the name alone. A
/// name of a registered target becomes that target.
pub fn parse_former_units(text: &str, targets: &[Record<Target>]) -> Result<Vec<FormerUnit>, T> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        // The years are the tail made only of digits and the marks between them.
        let is_tail = |c: char| c.is_ascii_digit() || " -—–~～至到年()（）.".contains(c);
        let start = line
            .char_indices()
            .filter(|&(i, c)| c.is_ascii_digit() && line[i..].chars().all(is_tail))
            .map(|(i, _)| i)
            .next()
            .unwrap_or(line.len());
        let name = line[..start].trim_end_matches(|c: char| " （(".contains(c)).trim();
        let years: Vec<&str> = line[start..].split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
        let year = |s: &str| s.parse::<i32>().ok().filter(|_| s.len() == 4);
        let (from_year, until_year) = match years.as_slice() {
            [] => (None, None),
            // "2015-": worked there from 2015; "2018": left in 2018.
            [one]
                if line[start..]
                    .trim_end_matches(|c: char| " 年)）".contains(c))
                    .ends_with(|c: char| !c.is_ascii_digit()) =>
            {
                (Some(year(one).ok_or(T::ErrFormerUnitLine)?), None)
            }
            [one] => (None, Some(year(one).ok_or(T::ErrFormerUnitLine)?)),
            [a, b] => (Some(year(a).ok_or(T::ErrFormerUnitLine)?), Some(year(b).ok_or(T::ErrFormerUnitLine)?)),
            _ => return Err(T::ErrFormerUnitLine),
        };
        if name.is_empty() {
            return Err(T::ErrFormerUnitName);
        }
        let unit = targets.iter().find(|t| t.is_live() && t.data.name == name).map(|t| t.meta.id);
        let unit_name = if unit.is_some() { String::new() } else { name.to_owned() };
        out.push(FormerUnit { unit, unit_name, from_year, until_year });
    }
    Ok(out)
}

/// The former units as `parse_former_units` reads them back.
pub fn former_units_text(units: &[FormerUnit], targets: &[Record<Target>]) -> String {
    let lines = units.iter().map(|f| {
        let name = unit_text(f.unit, &f.unit_name, targets);
        match (f.from_year, f.until_year) {
            (Some(a), Some(b)) => format!("{name} {a}-{b}"),
            (None, Some(b)) => format!("{name} {b}"),
            (Some(a), None) => format!("{name} {a}-"),
            (None, None) => name,
        }
    });
    lines.collect::<Vec<_>>().join("\n")
}

fn former_units_words(
    value: &serde_json::Value,
    _lang: crate::i18n::Lang,
    name_of: &dyn Fn(Kind, Id) -> Option<String>,
) -> String {
    let units: Vec<FormerUnit> = serde_json::from_value(value.clone()).unwrap_or_default();
    let items = units.iter().map(|f| {
        let name = f.unit.and_then(|u| name_of(Kind::Target, u)).unwrap_or_else(|| f.unit_name.clone());
        match (f.from_year, f.until_year) {
            (None, None) => name,
            (a, b) => format!(
                "{name}（{}—{}）",
                a.map(|y| y.to_string()).unwrap_or_default(),
                b.map(|y| y.to_string()).unwrap_or_default()
            ),
        }
    });
    crate::record::join(items)
}

impl crate::record::Model for Person {
    fn references(&self) -> Vec<Reference> {
        let former = self.former_units.iter().filter_map(|f| Reference::maybe("former_units", Kind::Target, f.unit));
        Reference::maybe("unit", Kind::Target, self.unit).into_iter().chain(former).collect()
    }

    fn field(path: &str) -> Option<Field> {
        Some(match path {
            "name" => Field::plain(T::FieldPersonName),
            "unit" => Field::reference(T::FieldUnit, Kind::Target),
            "unit_name" => Field::plain(T::FieldUnit),
            "post" => Field::plain(T::FieldPost),
            "rank" => Field::choice::<Rank>(T::FieldRank),
            "pools" => Field::choice::<PoolKind>(T::FieldPools),
            "full_time" => Field::flag(T::FieldFullTime),
            "specialty" => Field::choice::<Specialty>(T::FieldSpecialty),
            "joined" => Field::plain(T::FieldJoined),
            "left" => Field::plain(T::FieldLeft),
            "former_units" => Field::words(T::FieldFormerUnits, former_units_words),
            "notes" => Field::plain(T::FieldNotes),
            _ => return None,
        })
    }

    fn too_long(&self) -> Option<(&'static str, usize)> {
        over("notes", &self.notes, MAX_TEXT_CHARS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::target::TargetKind;
    use crate::testing::{day, rec};

    fn finance() -> Record<Target> {
        rec(9, Target::new("县财政局", TargetKind::CountyGovDept, None))
    }

    fn errors(p: &Person, others: &[Record<Person>]) -> Vec<T> {
        p.validate(Id::nil(), &[finance()], others).err().unwrap_or_default().into_iter().map(|e| e.msg).collect()
    }

    #[test]
    fn a_person_needs_a_name_and_a_pool() {
        assert_eq!(errors(&Person::new(" "), &[]), vec![T::ErrPersonNameRequired]);
        let none = Person { pools: vec![], ..Person::new("张三") };
        assert_eq!(errors(&none, &[]), vec![T::ErrPoolRequired]);
        assert!(errors(&Person::new("张三"), &[]).is_empty());
    }

    #[test]
    fn dates_and_former_years_must_be_in_order() {
        let p = Person { joined: Some(day("2024-05-01")), left: Some(day("2024-04-30")), ..Person::new("张三") };
        assert_eq!(errors(&p, &[]), vec![T::ErrLeftBeforeJoined]);
        let f =
            FormerUnit { unit: None, unit_name: "县水利局".into(), from_year: Some(2020), until_year: Some(2018) };
        let p = Person { former_units: vec![f], ..Person::new("张三") };
        assert_eq!(errors(&p, &[]), vec![T::ErrFormerUnitYears]);
    }

    #[test]
    fn the_same_name_in_the_same_unit_is_one_person_but_another_unit_is_another() {
        let mut first = Person::new("张伟");
        first.unit = Some(finance().meta.id);
        let stored = rec(1, first.clone());
        assert_eq!(errors(&first, std::slice::from_ref(&stored)), vec![T::ErrPersonTaken]);
        // Typed as words, the registered unit's name is the same unit.
        let typed = Person { unit: None, unit_name: "县财政局".into(), ..first.clone() };
        assert_eq!(errors(&typed, std::slice::from_ref(&stored)), vec![T::ErrPersonTaken]);
        let other = Person { unit: None, unit_name: "县审计局".into(), ..first };
        assert!(errors(&other, &[stored]).is_empty());
    }

    #[test]
    fn a_person_is_in_the_pool_from_joining_until_the_day_of_leaving() {
        let p = Person { joined: Some(day("2024-01-01")), left: Some(day("2026-03-01")), ..Person::new("张三") };
        assert!(!p.in_pool_on(day("2023-12-31")));
        assert!(p.in_pool_on(day("2024-01-01")));
        assert!(p.in_pool_on(day("2026-02-28")));
        assert!(!p.in_pool_on(day("2026-03-01")));
        assert!(Person::new("李四").in_pool_on(day("2000-01-01")));
    }

    #[test]
    fn deputy_section_level_and_above_are_leading_cadres() {
        let cadres: Vec<Rank> = Rank::ALL.into_iter().filter(|r| r.is_leading_cadre()).collect();
        assert_eq!(cadres, vec![Rank::DivisionChief, Rank::DivisionDeputy, Rank::SectionChief, Rank::SectionDeputy]);
    }

    #[test]
    fn former_units_read_the_ways_people_write_them() {
        let targets = [finance()];
        let text = "县财政局 2015-2021\n县水利局（2010—2014年）\n\n县人社局 2018\n乡农经站 2022-\n县委办";
        let units = parse_former_units(text, &targets).unwrap_or_default();
        let f = |unit, name: &str, a, b| FormerUnit { unit, unit_name: name.into(), from_year: a, until_year: b };
        assert_eq!(
            units,
            vec![
                f(Some(targets[0].meta.id), "", Some(2015), Some(2021)),
                f(None, "县水利局", Some(2010), Some(2014)),
                f(None, "县人社局", None, Some(2018)),
                f(None, "乡农经站", Some(2022), None),
                f(None, "县委办", None, None),
            ]
        );
        // What the form shows reads back the same.
        let again = parse_former_units(&former_units_text(&units, &targets), &targets).unwrap_or_default();
        assert_eq!(again, units);
        assert_eq!(parse_former_units("县财政局 15-21", &targets), Err(T::ErrFormerUnitLine));
        assert_eq!(parse_former_units("2015-2018", &targets), Err(T::ErrFormerUnitName));
        assert_eq!(parse_former_units("县财政局 2001 2005 2009", &targets), Err(T::ErrFormerUnitLine));
    }
}
