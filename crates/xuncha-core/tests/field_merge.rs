//! Versions of one record edited apart in two or three offices: fields set on one
//! side take that side, step logs merge, and only a field both sides set to
//! different values is asked about. Edits are made as the forms make them: the
//! fields that differ from the content the form opened on are dotted.

use proptest::prelude::*;
use xuncha_core::date::Day;
use xuncha_core::exchange::fields::{changed_paths, merge, settle, FieldMerge, Side};
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::meta::{Meta, Timestamp};
use xuncha_core::record::Record;
use xuncha_core::rectification::{RectStatus, Rectification, Step, StepInput};

fn day(s: &str) -> Day {
    s.parse().unwrap_or_else(|e| panic!("{e:?}"))
}

fn now() -> Timestamp {
    Timestamp::from_unix_millis(1.8e12)
}

struct Offices {
    county: Id,
    town: Id,
    third: Id,
}

fn offices() -> Offices {
    let ids = SequentialIds::default();
    Offices { county: ids.next_id(), town: ids.next_id(), third: ids.next_id() }
}

/// A rectification as the county feeds it back.
fn base(county: Id) -> Record<Rectification> {
    let mut data = Rectification::new(Id::nil(), day("2026-09-30"));
    data.measures = "建立村务公开制度".into();
    data.unit = "城关镇党委".into();
    data.person = "王五".into();
    Record { meta: Meta::new(Id::nil(), county, now()), data }
}

/// One save by `office`, as `ops::stamp` makes it.
fn edit(r: &Record<Rectification>, office: Id, change: impl FnOnce(&mut Rectification)) -> Record<Rectification> {
    let mut data = r.data.clone();
    change(&mut data);
    let old = serde_json::to_value(&r.data).unwrap_or_default();
    let new = serde_json::to_value(&data).unwrap_or_default();
    let mut meta = r.meta.clone();
    meta.touch_fields(office, now(), changed_paths(&old, &new));
    Record { meta, data }
}

fn step(r: &Record<Rectification>, office: Id, s: Step, on: &str, note: &str) -> Record<Rectification> {
    edit(r, office, |d| {
        let mut input = StepInput::new(s, day(on));
        input.note = note.into();
        if s == Step::Extend {
            input.new_deadline = Some(day("2026-12-31"));
        }
        d.apply(input).unwrap_or_else(|e| panic!("{e:?}"));
    })
}

fn clean(l: &Record<Rectification>, r: &Record<Rectification>) -> Record<Rectification> {
    let m = merge(l, r);
    assert!(m.is_clean(), "asked about {:?}", m.conflicts);
    settle(l, r, &m, &|_| panic!("nothing to ask"), Id::nil(), now()).unwrap_or_else(|e| panic!("{e}"))
}

fn asked(m: &FieldMerge) -> Vec<&str> {
    m.conflicts.iter().map(|c| c.path.as_str()).collect()
}

#[test]
fn the_county_changing_the_person_and_the_township_reporting_progress_merge_without_a_question() {
    let o = offices();
    let fed = base(o.county);
    let county = edit(&fed, o.county, |d| d.person = "赵六".into());
    let started = step(&fed, o.town, Step::Start, "2026-11-15", "镇党委专题研究部署");
    let town = edit(&started, o.town, |d| d.evidence = "会议纪要".into());

    let at_town = clean(&town, &county);
    let at_county = clean(&county, &town);
    assert_eq!(at_town, at_county, "both offices end with the same record");
    assert_eq!(at_town.data.person, "赵六");
    assert_eq!(at_town.data.evidence, "会议纪要");
    assert_eq!(at_town.data.status, RectStatus::InProgress);
    assert_eq!(at_town.data.history.len(), 1);
    assert_eq!(at_town.meta.version, county.meta.version.join(&town.meta.version), "no new edit is made");
}

#[test]
fn a_field_set_on_both_sides_to_different_values_is_the_only_question() {
    let o = offices();
    let fed = base(o.county);
    let county = edit(&fed, o.county, |d| {
        d.measures = "县里的措施".into();
        d.person = "赵六".into();
    });
    let town = edit(&fed, o.town, |d| {
        d.measures = "乡镇的措施".into();
        d.unit = "城关镇政府".into();
    });
    let m = merge(&town, &county);
    assert_eq!(asked(&m), vec!["measures"]);
    let kept = settle(&town, &county, &m, &|_| Side::Incoming, o.town, now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept.data.measures, "县里的措施");
    assert_eq!((kept.data.person.as_str(), kept.data.unit.as_str()), ("赵六", "城关镇政府"));
    // The answer is a new edit that has seen both, and it travels as the newest.
    let back = clean(&county, &kept);
    assert_eq!(back, kept);
}

#[test]
fn the_same_value_set_on_both_sides_is_no_question() {
    let o = offices();
    let fed = base(o.county);
    let county = edit(&fed, o.county, |d| d.person = "赵六".into());
    let town = edit(&fed, o.town, |d| d.person = "赵六".into());
    assert_eq!(clean(&town, &county).data.person, "赵六");
}

#[test]
fn a_deletion_against_an_edit_is_asked_as_a_whole() {
    let o = offices();
    let fed = base(o.county);
    let mut deleted = fed.clone();
    deleted.meta.deleted = true;
    deleted.meta.touch(o.county, now());
    let town = edit(&fed, o.town, |d| d.evidence = "会议纪要".into());
    let m = merge(&town, &deleted);
    assert!(m.deletion && !m.is_clean());
    let kept = settle(
        &town,
        &deleted,
        &m,
        &|p| {
            assert_eq!(p, "deleted");
            Side::Local
        },
        o.town,
        now(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!kept.meta.deleted);
    assert_eq!(kept.data.evidence, "会议纪要");
}

#[test]
fn versions_written_before_field_dots_are_asked_about_every_field_that_differs() {
    let o = offices();
    let fed = base(o.county);
    let strip = |mut r: Record<Rectification>| {
        r.meta.dots.clear();
        r
    };
    let county = strip(edit(&fed, o.county, |d| d.person = "赵六".into()));
    let town = strip(edit(&fed, o.town, |d| d.unit = "城关镇政府".into()));
    assert_eq!(asked(&merge(&town, &county)), vec!["person", "unit"]);
    assert!(merge(&town, &town).is_clean(), "identical content is never a question");
}

#[test]
fn steps_from_the_same_status_that_cannot_both_stand_are_the_one_question() {
    let o = offices();
    let started = step(&base(o.county), o.county, Step::Start, "2026-10-01", "");
    let county = step(&started, o.county, Step::LongTerm, "2026-11-01", "");
    let town = step(&started, o.town, Step::Submit, "2026-11-02", "");
    let m = merge(&town, &county);
    assert_eq!(asked(&m), vec!["history"], "the status follows the steps and is not asked");
    let kept = settle(&town, &county, &m, &|_| Side::Incoming, o.town, now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept.data.status, RectStatus::LongTerm);
    assert_eq!(kept.data.history.len(), 2);
}

#[test]
fn steps_taken_apart_that_fit_together_merge_in_order_of_their_days() {
    let o = offices();
    let started = step(&base(o.county), o.county, Step::Start, "2026-10-01", "");
    let county = step(&started, o.county, Step::Extend, "2026-10-20", "汛期停工");
    let town = step(&started, o.town, Step::Submit, "2026-11-02", "已完成");
    let merged = clean(&town, &county);
    let steps: Vec<Step> = merged.data.history.iter().map(|e| e.step).collect();
    assert_eq!(steps, vec![Step::Start, Step::Extend, Step::Submit]);
    assert_eq!(merged.data.status, RectStatus::AwaitingVerification);
    assert_eq!(merged.data.deadline, day("2026-12-31"), "the extension holds");
    assert_eq!(clean(&county, &town), merged);
}

#[test]
fn an_edit_made_without_dots_is_never_overruled_by_a_dotted_one() {
    let o = offices();
    // A record from before dots, edited once more by an app that writes none.
    let mut old = base(o.county);
    old.meta.dots_from = None;
    let mut town = old.clone();
    town.data.person = "乡镇填的责任人".into();
    town.data.unit = "城关镇政府".into();
    town.meta.touch(o.town, now());
    // The county saves with dots from now on.
    let county = edit(&old, o.county, |d| d.person = "赵六".into());
    let m = merge(&county, &town);
    assert_eq!(asked(&m), vec!["person"], "both may have set it: asked, not taken");
    let kept = settle(&county, &town, &m, &|_| Side::Local, o.county, now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept.data.unit, "城关镇政府", "what only the township changed is taken");
    assert_eq!(asked(&merge(&town, &county)), vec!["person"]);
}

#[test]
fn two_extensions_of_the_same_deadline_are_asked_not_silently_ordered() {
    let o = offices();
    let started = step(&base(o.county), o.county, Step::Start, "2026-10-01", "");
    let county = step(&started, o.county, Step::Extend, "2026-10-20", "县里同意");
    let mut town = started.clone();
    town = edit(&town, o.town, |d| {
        let mut input = StepInput::new(Step::Extend, day("2026-10-25"));
        input.note = "乡镇申请".into();
        input.new_deadline = Some(day("2026-11-30"));
        d.apply(input).unwrap_or_else(|e| panic!("{e:?}"));
    });
    assert_eq!(asked(&merge(&town, &county)), vec!["history"]);
    assert_eq!(asked(&merge(&county, &town)), vec!["history"]);
}

/// Steps an office may take from where the record is, as the step menu offers them.
fn arb_steps() -> impl Strategy<Value = Vec<(u8, u8)>> {
    prop::collection::vec((0u8..7, 0u8..3), 0..4)
}

fn take_steps(r: &Record<Rectification>, office: Id, steps: &[(u8, u8)], first_day: u32) -> Record<Rectification> {
    let mut r = r.clone();
    for (n, (pick, gap)) in steps.iter().enumerate() {
        let allowed = r.data.allowed_steps();
        let Some(s) = allowed.get(usize::from(*pick) % allowed.len().max(1)).copied() else { break };
        let on = format!("2026-11-{:02}", first_day + n as u32 * 3 + u32::from(*gap));
        let mut input = StepInput::new(s, day(&on));
        input.note = format!("{s:?}{n}");
        input.verifier = "赵六".into();
        input.evidence = "材料".into();
        input.new_deadline = Some(day(&format!("2027-0{}-01", 1 + n)));
        let mut data = r.data.clone();
        if data.apply(input).is_ok() {
            r = edit(&r, office, |d| *d = data);
        }
    }
    r
}

proptest! {
    #[test]
    fn step_logs_merge_alike_in_any_order_and_grouping(a in arb_steps(), b in arb_steps(), c in arb_steps()) {
        let o = offices();
        let started = step(&base(o.county), o.county, Step::Start, "2026-10-01", "");
        let (x, y, z) = (take_steps(&started, o.county, &a, 1), take_steps(&started, o.town, &b, 2), take_steps(&started, o.third, &c, 1));
        let one = try_merge(&x, &y).and_then(|xy| try_merge(&xy, &z));
        let two = try_merge(&z, &y).and_then(|zy| try_merge(&x, &zy));
        let three = try_merge(&y, &x).and_then(|yx| try_merge(&z, &yx));
        // A grouping may stop at a pair whose steps clash where all three fit together;
        // every grouping that stands gives the same record.
        let stood: Vec<&Record<Rectification>> = [&one, &two, &three].into_iter().flatten().collect();
        for other in &stood {
            prop_assert_eq!(&stood[0].data, &other.data);
        }
        if let Some(m) = try_merge(&x, &y) {
            prop_assert_eq!(m.data.status, m.data.history.last().map(|e| e.to).unwrap_or(RectStatus::NotStarted));
        }
    }
}

/// A random save: which of the free-text fields it sets, and to which of a few values.
fn arb_edit() -> impl Strategy<Value = Vec<(usize, u8)>> {
    prop::collection::vec((0usize..4, 0u8..3), 0..3)
}

fn apply_edit(r: &Record<Rectification>, office: Id, fields: &[(usize, u8)]) -> Record<Rectification> {
    edit(r, office, |d| {
        for (field, value) in fields {
            let slot = match field {
                0 => &mut d.measures,
                1 => &mut d.unit,
                2 => &mut d.person,
                _ => &mut d.evidence,
            };
            *slot = format!("值{value}");
        }
    })
}

/// The merge where it stands alone, or `None` when it asks.
fn try_merge(l: &Record<Rectification>, r: &Record<Rectification>) -> Option<Record<Rectification>> {
    let m = merge(l, r);
    m.is_clean().then(|| settle(l, r, &m, &|_| Side::Local, Id::nil(), now()).ok()).flatten()
}

proptest! {
    #[test]
    fn merging_is_commutative(a in arb_edit(), b in arb_edit()) {
        let o = offices();
        let fed = base(o.county);
        let (l, r) = (apply_edit(&fed, o.county, &a), apply_edit(&fed, o.town, &b));
        let (lr, rl) = (merge(&l, &r), merge(&r, &l));
        prop_assert_eq!(asked(&lr), asked(&rl));
        prop_assert_eq!(try_merge(&l, &r), try_merge(&r, &l));
    }

    #[test]
    fn merging_is_associative(a in arb_edit(), b in arb_edit(), c in arb_edit()) {
        let o = offices();
        let fed = base(o.county);
        let (x, y, z) = (apply_edit(&fed, o.county, &a), apply_edit(&fed, o.town, &b), apply_edit(&fed, o.third, &c));
        let left = try_merge(&x, &y).and_then(|xy| try_merge(&xy, &z));
        let right = try_merge(&y, &z).and_then(|yz| try_merge(&x, &yz));
        if let (Some(left), Some(right)) = (&left, &right) {
            prop_assert_eq!(&left.data, &right.data);
            prop_assert_eq!(&left.meta.version, &right.meta.version);
        }
    }

    #[test]
    fn merging_is_idempotent(a in arb_edit(), b in arb_edit()) {
        let o = offices();
        let fed = base(o.county);
        let (l, r) = (apply_edit(&fed, o.county, &a), apply_edit(&fed, o.town, &b));
        prop_assert_eq!(try_merge(&l, &l), Some(l.clone()));
        if let Some(m) = try_merge(&l, &r) {
            prop_assert_eq!(try_merge(&m, &m), Some(m.clone()));
            prop_assert_eq!(try_merge(&m, &l).map(|x| x.data), Some(m.data.clone()), "merging a side in again changes nothing");
        }
    }

    #[test]
    fn a_field_set_on_one_side_only_is_never_lost(a in arb_edit(), b in arb_edit()) {
        let o = offices();
        let fed = base(o.county);
        let (l, r) = (apply_edit(&fed, o.county, &a), apply_edit(&fed, o.town, &b));
        let merged = merge(&l, &r);
        let value = |rec: &Rectification, field: usize| match field {
            0 => rec.measures.clone(),
            1 => rec.unit.clone(),
            2 => rec.person.clone(),
            _ => rec.evidence.clone(),
        };
        let data: Rectification = serde_json::from_value(merged.data.clone()).unwrap_or_else(|e| panic!("{e}"));
        for field in 0..4 {
            let set_l = value(&l.data, field) != value(&fed.data, field);
            let set_r = value(&r.data, field) != value(&fed.data, field);
            if set_l && !set_r {
                prop_assert_eq!(value(&data, field), value(&l.data, field));
            }
            if set_r && !set_l {
                prop_assert_eq!(value(&data, field), value(&r.data, field));
            }
        }
    }
}
