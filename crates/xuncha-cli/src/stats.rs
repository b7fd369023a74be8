//! `xuncha stats`: the statistics page's figures from exchange files, with the same
//! core code, so IT staff and the city level can count many counties' files at
//! once. Text for people, `--json` with each figure under its stable key.

use crate::commands::{open_all, Io, INVALID, OK};
use std::path::PathBuf;
use xuncha_core::exchange::merge::merge_records;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::ledger::Ledger;
use xuncha_core::ops::Snapshot;
use xuncha_core::stats::{text, Period, Stats, StatsScope};
use xuncha_core::target::TargetKind;

/// What to count, as given on the command line.
#[derive(Debug, Default)]
pub struct Choice {
    pub year: Option<i32>,
    /// A term by its name ("十五届") or id.
    pub term: Option<String>,
    pub round: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// A township by its name.
    pub township: Option<String>,
    /// A kind of target by its code ("village") or its name ("村").
    pub kind: Option<String>,
    pub json: bool,
}

fn scope(io: &Io<'_>, d: &Snapshot, c: &Choice) -> Result<StatsScope, String> {
    let bad = |what: &str| fill(io.text(T::CliStatsUnknown), &[("what", &what)]);
    let period = match (c.year, &c.term, &c.round, &c.from, &c.to) {
        (Some(y), None, None, None, None) => Period::Year(y),
        (None, Some(t), None, None, None) => {
            let term =
                d.terms.iter().find(|x| x.data.name == *t || x.meta.id.to_string() == *t).ok_or_else(|| bad(t))?;
            Period::Term(term.meta.id)
        }
        (None, None, Some(r), None, None) => {
            let round = d.rounds.iter().find(|x| x.meta.id.to_string() == *r).ok_or_else(|| bad(r))?;
            Period::Round(round.meta.id)
        }
        (None, None, None, Some(a), Some(b)) => {
            Period::Range(a.parse().map_err(|_| bad(a))?, b.parse().map_err(|_| bad(b))?)
        }
        _ => return Err(io.text(T::CliStatsPeriod).to_owned()),
    };
    let township = match &c.township {
        None => None,
        Some(n) => Some(d.townships().find(|t| t.data.name == *n).map(|t| t.meta.id).ok_or_else(|| bad(n))?),
    };
    let kind = match &c.kind {
        None => None,
        Some(k) => Some(
            TargetKind::ALL
                .into_iter()
                .find(|x| xuncha_core::stats::code(*x) == *k || x.label().text(io.lang) == k)
                .ok_or_else(|| bad(k))?,
        ),
    };
    Ok(StatsScope { period, township, kind })
}

/// `xuncha stats FILE... (--year Y | --term NAME | --round ID | --from D --to D)`
pub fn stats(mut io: Io<'_>, files: &[PathBuf], choice: &Choice, today: xuncha_core::date::Day) -> u8 {
    let Some(parsed) = open_all(&mut io, files) else { return INVALID };
    // Several files count as one county: the app's merge, the first file's version kept.
    let (records, _) = merge_records(&parsed.iter().map(|f| &f.records).collect::<Vec<_>>());
    let mut d = Snapshot::default();
    d.apply(records.into_any().collect());
    let scope = match scope(&io, &d, choice) {
        Ok(s) => s,
        Err(msg) => {
            io.warn(&msg);
            return INVALID;
        }
    };
    let ledger = Ledger::build(&d, io.lang);
    let figures = Stats::of(&d, &ledger, &scope, today);
    let words = scope.describe(&d, io.lang);
    if choice.json {
        let percent: serde_json::Map<String, serde_json::Value> = figures
            .groups
            .iter()
            .flat_map(|g| &g.figures)
            .filter_map(|f| f.percent.map(|p| (f.key.clone(), serde_json::json!((p * 10.0).round() / 10.0))))
            .collect();
        let out = serde_json::json!({ "scope": words, "figures": figures.by_key(), "percent": percent });
        io.say(&serde_json::to_string_pretty(&out).unwrap_or_default());
        return OK;
    }
    io.say(&words);
    for group in &figures.groups {
        io.say(&format!("【{}】", io.text(group.title)));
        for f in &group.figures {
            let share = f.percent.map(|p| format!("（{p:.1}%）")).unwrap_or_default();
            io.say(&format!("  {}：{}{share}", io.text(f.label), f.value));
        }
    }
    io.say("");
    io.say(&text::summary(&figures, &scope.phrase(&d, io.lang), io.lang));
    OK
}
