//! A county's records put straight into a snapshot, for tests that count them
//! (statistics, coverage) and need no store: ids in sequence, no office, no clock.

use xuncha_core::date::Day;
use xuncha_core::id::{Id, IdSource, SequentialIds};
use xuncha_core::inspection::{Activity, Inspection};
use xuncha_core::meta::{Meta, Timestamp};
use xuncha_core::ops::Snapshot;
use xuncha_core::record::Record;
use xuncha_core::round::{Round, RoundKind};
use xuncha_core::target::{Target, TargetKind};
use xuncha_core::term::Term;

/// A day written as `2026-11-22`; a test with a wrong day is wrong.
pub fn day(s: &str) -> Day {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

pub struct County {
    pub ids: SequentialIds,
    pub d: Snapshot,
}

impl County {
    pub fn empty() -> County {
        County { ids: SequentialIds::default(), d: Snapshot::default() }
    }

    pub fn rec<B>(&self, data: B) -> Record<B> {
        Record { meta: Meta::new(self.ids.next_id(), Id::nil(), Timestamp::from_unix_millis(0.0)), data }
    }

    pub fn term(&mut self, name: &str, start_year: i32, end_year: i32) -> Id {
        let r = self.rec(Term { name: name.into(), start_year, end_year });
        let id = r.meta.id;
        self.d.terms.push(r);
        id
    }

    pub fn target(&mut self, name: &str, kind: TargetKind, township: Option<Id>) -> Id {
        let r = self.rec(Target::new(name, kind, township));
        let id = r.meta.id;
        self.d.targets.push(r);
        id
    }

    pub fn round(&mut self, term: Id, ordinal: u32, kind: RoundKind, start: &str) -> Id {
        let mut round = Round::new(term, ordinal);
        round.kind = kind;
        round.start = Some(day(start));
        let r = self.rec(round);
        let id = r.meta.id;
        self.d.rounds.push(r);
        id
    }

    pub fn inspect(&mut self, round: Id, target: Id, activities: &[(Activity, u32)]) {
        let mut i = Inspection::new(round, Id::nil(), target);
        for (a, n) in activities {
            i.activities.set(*a, *n);
        }
        let r = self.rec(i);
        self.d.inspections.push(r);
    }
}
