//! The (id, name) lists that record pickers show, made from the loaded records.
//! Forms of several areas pick the same records, so the lists are made here once.

use crate::platform::ZhCollator;
use xuncha_core::collate::sort_by_text;
use xuncha_core::i18n::Lang;
use xuncha_core::id::Id;
use xuncha_core::ops::Snapshot;
use xuncha_core::record::Record;

/// (id, title) of every round, newest first.
pub fn round_options(d: &Snapshot, lang: Lang) -> Vec<(Id, String)> {
    let mut rounds: Vec<&Record<xuncha_core::round::Round>> = d.rounds.iter().collect();
    rounds.sort_by_key(|r| std::cmp::Reverse((r.data.start, r.data.ordinal)));
    rounds.into_iter().map(|r| (r.meta.id, d.round_title(r, lang))).collect()
}

/// (id, name) of every term, the latest first.
pub fn term_options(d: &Snapshot) -> Vec<(Id, String)> {
    let mut terms: Vec<&Record<xuncha_core::term::Term>> = d.terms.iter().collect();
    terms.sort_by_key(|t| std::cmp::Reverse(t.data.start_year));
    terms.into_iter().map(|t| (t.meta.id, t.data.name.clone())).collect()
}

/// (id, name) of every township, in pinyin order, for pickers.
pub fn township_options(d: &Snapshot) -> Vec<(Id, String)> {
    let mut out: Vec<(Id, String)> = d.townships().map(|t| (t.meta.id, t.data.name.clone())).collect();
    sort_by_text(&mut out, &ZhCollator, |o| o.1.clone());
    out
}

/// (id, name) of every live target, in pinyin order, for pickers.
pub fn target_options(d: &Snapshot) -> Vec<(Id, String)> {
    let mut out: Vec<(Id, String)> = d.targets.iter().map(|t| (t.meta.id, t.data.name.clone())).collect();
    sort_by_text(&mut out, &ZhCollator, |o| o.1.clone());
    out
}

/// (id, name) of the targets inspected in `round`, in pinyin order.
pub fn inspected_targets(d: &Snapshot, round: Option<Id>) -> Vec<(Id, String)> {
    let Some(round) = round else { return Vec::new() };
    let mut out: Vec<(Id, String)> = d
        .inspections
        .iter()
        .filter(|i| i.data.round == round)
        .filter_map(|i| d.target(i.data.target))
        .map(|t| (t.meta.id, t.data.name.clone()))
        .collect();
    sort_by_text(&mut out, &ZhCollator, |o| o.1.clone());
    out
}
