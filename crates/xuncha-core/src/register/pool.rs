//! The talent pool at work: choosing a group's people from it by name, the 回避
//! rule (nobody inspects their own unit, or one they left lately), each person's
//! record of service, and the pool's figures in the summaries' words.

use crate::date::Day;
use crate::group::{Group, Recusal, Role, Seat};
use crate::i18n::{fill, Lang, T};
use crate::id::Id;
use crate::inspection::Inspection;
use crate::person::{Person, PoolKind};
use crate::record::Record;
use crate::target::Target;

/// The persons and targets a choice of people is made against.
#[derive(Clone, Copy, Debug)]
pub struct Pool<'a> {
    pub persons: &'a [Record<Person>],
    pub targets: &'a [Record<Target>],
}

impl<'a> Pool<'a> {
    fn live(&self) -> impl Iterator<Item = &'a Record<Person>> {
        self.persons.iter().filter(|p| p.is_live())
    }

    /// How a person is named in a choice: the name, with the unit after it when
    /// another person of the pool has the same name ("张伟（县财政局）").
    pub fn label(&self, person: &Record<Person>) -> String {
        let name = &person.data.name;
        let shared = self.live().any(|p| p.meta.id != person.meta.id && &p.data.name == name);
        if shared {
            format!("{name}（{}）", person.data.unit_text(self.targets))
        } else {
            name.clone()
        }
    }

    /// The persons in the pool on `day`, labelled, for a list to choose from.
    pub fn choices(&self, day: Day) -> Vec<(Id, String)> {
        self.live().filter(|p| p.data.in_pool_on(day)).map(|p| (p.meta.id, self.label(p))).collect()
    }

    /// The person a typed name stands for: a label, or a name only one person has.
    pub fn find(&self, text: &str) -> Option<&'a Record<Person>> {
        let text = text.trim();
        if let Some(p) = self.live().find(|p| self.label(p) == text) {
            return Some(p);
        }
        let mut named = self.live().filter(|p| p.data.name == text);
        let first = named.next()?;
        named.next().is_none().then_some(first)
    }

    /// The text a group's form shows for one of its names: the label of the seated
    /// person of that role and name, else the name as it stands.
    pub fn shown(&self, group: &Group, role: Role, name: &str) -> String {
        group
            .seats
            .iter()
            .filter(|s| s.role == role)
            .filter_map(|s| self.live().find(|p| p.meta.id == s.person))
            .find(|p| p.data.name == name)
            .map(|p| self.label(p))
            .unwrap_or_else(|| name.to_owned())
    }
}

/// What seating a group's names left over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unseated {
    /// Names nobody in the pool has: offered for adding to the pool.
    pub free: Vec<String>,
    /// Names several persons of the pool share, typed without the unit: to be
    /// chosen from the list ("张伟（县财政局）").
    pub shared: Vec<String>,
}

/// Seats the group's names that stand for persons of the pool: each such name is
/// written as the person's own name and gets a seat. A name keeps the person it
/// was seated with, so a name two persons share still means the one chosen. The
/// names left over are returned.
pub fn seat(group: &mut Group, pool: Pool<'_>) -> Unseated {
    let before = std::mem::take(&mut group.seats);
    let mut seats = Vec::new();
    let mut left = Unseated::default();
    let mut take = |text: &mut String, role: Role| {
        let trimmed = text.trim().to_owned();
        *text = trimmed.clone();
        if trimmed.is_empty() {
            return;
        }
        let labelled = pool.live().find(|p| pool.label(p) == trimmed);
        let kept = || {
            before
                .iter()
                .filter(|s| s.role == role && !seats.iter().any(|x: &Seat| x.person == s.person))
                .filter_map(|s| pool.live().find(|p| p.meta.id == s.person))
                .find(|p| p.data.name == trimmed)
        };
        match labelled.or_else(kept).or_else(|| pool.find(&trimmed)) {
            Some(p) => {
                *text = p.data.name.clone();
                if !seats.contains(&Seat { person: p.meta.id, role }) {
                    seats.push(Seat { person: p.meta.id, role });
                }
            }
            None if pool.live().any(|p| p.data.name == trimmed) => left.shared.push(trimmed),
            None => left.free.push(trimmed),
        }
    };
    take(&mut group.leader, Role::Leader);
    take(&mut group.deputy, Role::Deputy);
    for m in &mut group.members {
        take(m, Role::Member);
    }
    group.seats = seats;
    left
}

/// Why a person should not inspect a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tie {
    /// The target is the person's own unit.
    Own,
    /// The person left the target in this year (or in a year not known).
    Former(Option<i32>),
}

/// One 回避 warning: a seated person and a target of the group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub person: Id,
    pub target: Id,
    pub tie: Tie,
}

/// Default of the settable 回避 span: a unit left within this many years.
pub const RECUSAL_YEARS: u32 = 3;

/// The 回避 warnings of a group: each seated person against each target the group
/// inspects (`targets`), in the round's `year`. A former unit counts when it was
/// left within `years` years of it, or when the year left is not known.
pub fn conflicts(group: &Group, targets: &[Id], year: i32, years: u32, pool: Pool<'_>) -> Vec<Conflict> {
    let mut out = Vec::new();
    let name_of = |t: Id| pool.targets.iter().find(|r| r.meta.id == t).map(|r| r.data.name.as_str());
    for seat in &group.seats {
        let Some(person) = pool.live().find(|p| p.meta.id == seat.person) else { continue };
        let is = |unit: Option<Id>, typed: &str, t: Id| {
            unit == Some(t) || (unit.is_none() && !typed.is_empty() && name_of(t) == Some(typed))
        };
        for &t in targets {
            if out.iter().any(|c: &Conflict| c.person == seat.person && c.target == t) {
                continue;
            }
            let p = &person.data;
            let tie = if is(p.unit, &p.unit_name, t) {
                Some(Tie::Own)
            } else {
                p.former_units
                    .iter()
                    .filter(|f| is(f.unit, &f.unit_name, t))
                    .find(|f| f.until_year.is_none_or(|u| i64::from(year) - i64::from(u) <= i64::from(years)))
                    .map(|f| Tie::Former(f.until_year))
            };
            if let Some(tie) = tie {
                out.push(Conflict { person: seat.person, target: t, tie });
            }
        }
    }
    out
}

/// The warnings no confirmation with a reason covers yet.
pub fn unconfirmed(conflicts: &[Conflict], recusals: &[Recusal]) -> Vec<Conflict> {
    conflicts
        .iter()
        .filter(|c| {
            !recusals.iter().any(|r| r.person == c.person && r.target == c.target && !r.reason.trim().is_empty())
        })
        .copied()
        .collect()
}

/// A warning in words: "张三 的工作单位是 县财政局" and the like.
pub fn conflict_text(c: &Conflict, pool: Pool<'_>, lang: Lang) -> String {
    let person = pool.persons.iter().find(|p| p.meta.id == c.person).map(|p| pool.label(p)).unwrap_or_default();
    let target = pool.targets.iter().find(|t| t.meta.id == c.target).map(|t| t.data.name.clone()).unwrap_or_default();
    match c.tie {
        Tie::Own => fill(T::RecusalOwn.text(lang), &[("person", &person), ("target", &target)]),
        Tie::Former(Some(y)) => {
            fill(T::RecusalFormer.text(lang), &[("person", &person), ("target", &target), ("year", &y)])
        }
        Tie::Former(None) => fill(T::RecusalFormerUnknown.text(lang), &[("person", &person), ("target", &target)]),
    }
}

/// One group a person served in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Served {
    pub round: Id,
    pub group: Id,
    pub role: Role,
    /// The targets the group inspected.
    pub targets: Vec<Id>,
}

/// The groups `person` served in, in the order of `groups`, with each one's targets.
pub fn service(person: Id, groups: &[Record<Group>], inspections: &[Record<Inspection>]) -> Vec<Served> {
    groups
        .iter()
        .filter(|g| g.is_live())
        .filter_map(|g| {
            let seat = g.data.seats.iter().find(|s| s.person == person)?;
            let targets = inspections
                .iter()
                .filter(|i| i.is_live() && i.data.group == g.meta.id)
                .map(|i| i.data.target)
                .collect();
            Some(Served { round: g.data.round, group: g.meta.id, role: seat.role, targets })
        })
        .collect()
}

/// Which persons the pool's list shows: what its filters are set to, or what a
/// figure of the statistics page counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonFilter {
    /// Part of the name, unit or post.
    pub text: String,
    pub pool: Option<PoolKind>,
    pub full_time: bool,
    /// 副科级以上领导干部 only.
    pub cadres: bool,
    /// The persons in the pool on this day; `None`: today.
    pub on: Option<Day>,
    /// Also those not in the pool on that day.
    pub all: bool,
}

impl PersonFilter {
    /// Persons of one pool, or of every pool.
    pub fn pool(pool: Option<PoolKind>) -> PersonFilter {
        PersonFilter { pool, ..PersonFilter::default() }
    }

    pub fn matches(&self, p: &Record<Person>, targets: &[Record<Target>], today: Day) -> bool {
        let d = &p.data;
        let text = self.text.trim();
        p.is_live()
            && (self.all || d.in_pool_on(self.on.unwrap_or(today)))
            && self.pool.is_none_or(|k| d.in_pool(k))
            && (!self.full_time || d.full_time)
            && (!self.cadres || d.rank.is_leading_cadre())
            && (text.is_empty()
                || d.name.contains(text)
                || d.post.contains(text)
                || d.unit_text(targets).contains(text))
    }
}

/// The pool's figures as the summaries give them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolFigures {
    /// 共有人员
    pub total: usize,
    /// 组长库
    pub leaders: usize,
    /// 其中专职组长
    pub full_time_leaders: usize,
    /// 专业人员库
    pub specialists: usize,
    /// 工作人员库
    pub staff: usize,
    /// 副科级以上领导干部
    pub leading_cadres: usize,
}

impl PoolFigures {
    /// Counts the persons in the pool on `day`; one in two pools counts in each.
    pub fn count(persons: &[Record<Person>], day: Day) -> PoolFigures {
        let mut f = PoolFigures::default();
        for p in persons.iter().filter(|p| p.is_live() && p.data.in_pool_on(day)) {
            let p = &p.data;
            f.total += 1;
            f.leaders += usize::from(p.in_pool(PoolKind::Leaders));
            f.full_time_leaders += usize::from(p.in_pool(PoolKind::Leaders) && p.full_time);
            f.specialists += usize::from(p.in_pool(PoolKind::Specialists));
            f.staff += usize::from(p.in_pool(PoolKind::Staff));
            f.leading_cadres += usize::from(p.rank.is_leading_cadre());
        }
        f
    }

    /// "“一长两员”库共有人员X人，其中组长库X人，其中专职组长X人、专业人员库X人、
    /// 工作人员库X人；其中副科级以上领导干部X人。"
    pub fn sentence(&self, lang: Lang) -> String {
        fill(
            T::PoolSentence.text(lang),
            &[
                ("total", &self.total),
                ("leaders", &self.leaders),
                ("full_time", &self.full_time_leaders),
                ("specialists", &self.specialists),
                ("staff", &self.staff),
                ("cadres", &self.leading_cadres),
            ],
        )
    }
}

#[cfg(test)]
#[path = "pool_tests.rs"]
mod tests;

/// The pool's list as the page, the print and the workbook show it: one row per
/// person in `persons`' order, with how many groups each served in.
pub fn person_sheet(
    title: &str,
    filter: &str,
    persons: &[&Record<Person>],
    pool: Pool<'_>,
    groups: &[Record<Group>],
    lang: Lang,
    today: Day,
) -> crate::sheet::Sheet {
    use crate::i18n::Label;
    use crate::ledger::Cell;
    use crate::person::former_units_text;
    let mut served: std::collections::HashMap<Id, u32> = std::collections::HashMap::new();
    for g in groups.iter().filter(|g| g.is_live()) {
        for s in &g.data.seats {
            *served.entry(s.person).or_default() += 1;
        }
    }
    let text = |s: String| Cell::Text(s);
    let rows = persons
        .iter()
        .map(|p| {
            let d = &p.data;
            let pools: Vec<&str> = d.pools.iter().map(|k| k.label().text(lang)).collect();
            vec![
                text(d.name.clone()),
                text(d.unit_text(pool.targets)),
                text(d.post.clone()),
                text(d.rank.label().text(lang).to_owned()),
                text(pools.join("、")),
                text(if d.full_time { T::Yes.text(lang).to_owned() } else { String::new() }),
                text(d.specialty.map(|s| s.label().text(lang).to_owned()).unwrap_or_default()),
                Cell::Day(d.joined),
                Cell::Day(d.left),
                Cell::Count(served.get(&p.meta.id).copied().unwrap_or(0)),
                text(former_units_text(&d.former_units, pool.targets).replace('\n', "；")),
                text(d.notes.clone()),
            ]
        })
        .collect();
    let headers = [
        T::FieldPersonName,
        T::FieldUnit,
        T::FieldPost,
        T::FieldRank,
        T::FieldPools,
        T::FieldFullTime,
        T::FieldSpecialty,
        T::FieldJoined,
        T::FieldLeft,
        T::ColServed,
        T::FieldFormerUnits,
        T::FieldNotes,
    ];
    let name = T::PeopleSheetTitle.text(lang).to_owned();
    crate::sheet::Sheet {
        title: format!("{title} {name}").trim().to_owned(),
        subtitle: fill(T::SheetSubtitle.text(lang), &[("filter", &filter), ("day", &today)]),
        name,
        widths: vec![10.0, 20.0, 12.0, 10.0, 18.0, 6.0, 10.0, 12.0, 12.0, 9.0, 28.0, 20.0],
        headers: headers.iter().map(|t| t.text(lang).to_owned()).collect(),
        rows,
        lang,
    }
}
