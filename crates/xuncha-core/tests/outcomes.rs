//! 成果运用 in the core's use cases: an outcome saved against its round and unit,
//! refused with the field named when it points elsewhere, and keeping the records
//! it names from being deleted from under it.

use pollster::block_on;
use xuncha_core::i18n::T;
use xuncha_core::id::{IdSource, SequentialIds};
use xuncha_core::meta::Timestamp;
use xuncha_core::ops::{self, Ctx, OpError};
use xuncha_core::outcome::{Outcome, OutcomeKind};
use xuncha_core::round::Round;
use xuncha_core::store::MemoryStore;
use xuncha_core::target::{Target, TargetKind};
use xuncha_core::term::Term;

fn ok<V, E: std::fmt::Debug>(r: Result<V, E>) -> V {
    r.unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn an_outcome_is_saved_for_its_round_and_keeps_the_round_and_unit_from_deletion() {
    let store = MemoryStore::new();
    let ids = SequentialIds::default();
    let ctx = Ctx { office: ids.next_id(), now: Timestamp::from_unix_millis(1_795_000_000_000.0), ids: &ids };
    block_on(async {
        let term =
            ok(ops::save_term(&store, &ctx, None, Term { name: "十五届".into(), start_year: 2021, end_year: 2026 })
                .await);
        let mut round = Round::new(term.meta.id, 1);
        round.start = "2026-03-01".parse().ok();
        let round = ok(ops::save_round(&store, &ctx, None, round).await);
        let unit =
            ok(ops::save_target(&store, &ctx, None, Target::new("县财政局", TargetKind::CountyGovDept, None)).await);
        let mut rule = Outcome::new(round.meta.id, OutcomeKind::Rule);
        rule.target = Some(unit.meta.id);
        match ops::save_outcome(&store, &ctx, None, rule.clone()).await {
            Err(OpError::Invalid(e)) => assert_eq!((e[0].field, e[0].msg), ("title", T::ErrOutcomeTitle)),
            other => panic!("{other:?}"),
        }
        rule.title = "  公务用车管理办法 ".into();
        let saved = ok(ops::save_outcome(&store, &ctx, None, rule).await);
        assert_eq!(saved.data.title, "公务用车管理办法");
        let refused = ops::delete_round(&store, &ctx, &round).await;
        assert!(matches!(refused, Err(OpError::Refused(T::ErrRoundHasLedger))), "{refused:?}");
        let refused = ops::delete_target(&store, &ctx, &unit).await;
        assert!(matches!(refused, Err(OpError::Refused(T::ErrNamedByOutcome))), "{refused:?}");
        ok(ops::delete_outcome(&store, &ctx, &saved).await);
        ok(ops::delete_target(&store, &ctx, &unit).await);
        ok(ops::delete_round(&store, &ctx, &round).await);
    });
}
