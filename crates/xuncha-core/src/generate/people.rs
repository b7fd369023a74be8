//! The made-up county's talent pool: its persons, the groups' leaders, deputies
//! and members chosen from it, and the 回避 reasons the office gave where the
//! rule warned. Drawn after every other part, so the earlier records stay the same.

use super::Rng;
use crate::group::Recusal;
use crate::id::Id;
use crate::meta::{Meta, Timestamp};
use crate::person::{FormerUnit, Person, PoolKind, Rank, Specialty};
use crate::pool::{conflicts, seat, Pool, RECUSAL_YEARS};
use crate::record::Record;
use crate::registry::Records;
use crate::target::TargetKind;

const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高"];
const GIVEN: &[&str] =
    &["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建华", "志强"];
/// Persons in the pool at every scale: a county's pool is a few dozen people.
const PERSONS: usize = 90;

/// The pool, then four people for every group, in the order of the groups.
pub(super) fn persons(rng: &mut Rng, office: Id, now: Timestamp, r: &mut Records) {
    let units: Vec<Id> = r
        .targets
        .iter()
        .filter(|t| matches!(t.data.kind, TargetKind::CountyGovDept | TargetKind::Institution))
        .map(|t| t.meta.id)
        .collect();
    let mut made = Vec::new();
    for n in 0..PERSONS {
        let name = format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN));
        let mut p = Person::new(&name);
        // The first fifth lead groups; then specialists; the rest staff.
        let (pools, rank) = match n * 5 / PERSONS {
            0 => (vec![PoolKind::Leaders], *rng.pick(&[Rank::SectionChief, Rank::SectionDeputy])),
            1 => (vec![PoolKind::Specialists, PoolKind::Staff], Rank::BelowSection),
            _ => (vec![PoolKind::Staff], *rng.pick(&[Rank::SectionDeputy, Rank::BelowSection, Rank::BelowSection])),
        };
        p.pools = pools;
        p.rank = rank;
        p.full_time = n * 5 / PERSONS == 0 && n % 3 == 0;
        if p.in_pool(PoolKind::Specialists) {
            p.specialty =
                Some(*rng.pick(&[Specialty::Audit, Specialty::Finance, Specialty::Law, Specialty::Engineering]));
        }
        if units.is_empty() || n % 7 == 0 {
            p.unit_name = "县纪委监委".into();
        } else {
            p.unit = Some(*rng.pick(&units));
        }
        p.post = (*rng.pick(&["副主任", "科长", "副局长", "干部", "审计员", "会计"])).to_owned();
        p.joined = crate::date::Day::from_ymd(2016 + rng.below(8) as i32, 1 + rng.below(12) as u8, 1);
        if !units.is_empty() && rng.chance(40) {
            let until = 2012 + rng.below(12) as i32;
            let unit = Some(*rng.pick(&units));
            p.former_units.push(FormerUnit {
                unit,
                unit_name: String::new(),
                from_year: Some(until - 5),
                until_year: Some(until),
            });
        }
        if n % 23 == 22 {
            p.left = crate::date::Day::from_ymd(2025, 12, 31);
        }
        made.push(Record { meta: Meta::new(rng.id(), office, now), data: p });
    }
    let leaders: Vec<usize> = (0..PERSONS / 5).collect();
    let others: Vec<usize> = (PERSONS / 5..PERSONS).collect();
    let pool = Pool { persons: &made, targets: &r.targets };
    for group in r.groups.iter_mut() {
        let round_year =
            r.rounds.iter().find(|x| x.meta.id == group.data.round).and_then(|x| x.data.start).map(|d| d.year());
        let label = |i: usize| pool.label(&made[i]);
        group.data.leader = label(*rng.pick(&leaders));
        // Three different persons besides the leader.
        let first = rng.below(others.len());
        let other = |k: usize| label(others[(first + k) % others.len()]);
        group.data.deputy = other(0);
        group.data.members = vec![other(1), other(2)];
        seat(&mut group.data, pool);
        let targets: Vec<Id> =
            r.inspections.iter().filter(|i| i.data.group == group.meta.id).map(|i| i.data.target).collect();
        let found = conflicts(&group.data, &targets, round_year.unwrap_or(2026), RECUSAL_YEARS, pool);
        group.data.recusals = found
            .iter()
            .map(|c| Recusal {
                person: c.person, target: c.target, reason: "熟悉该领域业务，经领导小组同意".into()
            })
            .collect();
    }
    r.persons.extend(made);
}
