//! The (id, name) lists that record pickers show, made from the loaded records.
//! Forms of several areas pick the same records, so the lists are made here once.

use crate::platform::ZhCollator;
use xuncha_core::collate::sort_by_text;
use xuncha_core::i18n::Label;
use xuncha_core::i18n::Lang;
use xuncha_core::id::Id;
use xuncha_core::ops::Snapshot;
use xuncha_core::record::Record;
use xuncha_core::target::{register_order, Target, TargetKind};

use super::select::Section;

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

/// Every live target for pickers, as the register lists them: county units under
/// their kind, villages under their township, names in pinyin order.
pub fn target_sections(d: &Snapshot, lang: Lang) -> Vec<Section> {
    sections_of(d, d.targets.iter().collect(), lang)
}

/// The targets inspected in `round`, in sections as `target_sections`.
pub fn inspected_targets(d: &Snapshot, round: Option<Id>, lang: Lang) -> Vec<Section> {
    let Some(round) = round else { return Vec::new() };
    let pool = d.inspections.iter().filter(|i| i.data.round == round).filter_map(|i| d.target(i.data.target)).collect();
    sections_of(d, pool, lang)
}

/// The heading a target is listed under: its township (a township its own), or
/// the kind of a county unit.
pub fn section_heading(d: &Snapshot, t: &Target, lang: Lang) -> String {
    match (t.township, t.kind) {
        (Some(w), _) => d.target(w).map(|w| w.data.name.clone()).unwrap_or_default(),
        (None, TargetKind::Township) => t.name.clone(),
        (None, kind) => kind.label().text(lang).to_owned(),
    }
}

/// `pool` in register order, cut into a section at each change of kind (county
/// units) or of township (a township with its villages).
pub fn sections_of(d: &Snapshot, pool: Vec<&Record<Target>>, lang: Lang) -> Vec<Section> {
    let mut ordered: Vec<Record<Target>> = pool.into_iter().cloned().collect();
    register_order(&mut ordered, &ZhCollator);
    let mut out: Vec<Section> = Vec::new();
    let mut last: Option<String> = None;
    for t in ordered {
        let heading = section_heading(d, &t.data, lang);
        if last.as_ref() != Some(&heading) {
            out.push(Section { label: Some(heading.clone()), options: Vec::new() });
            last = Some(heading);
        }
        if let Some(section) = out.last_mut() {
            section.options.push((t.meta.id, t.data.name));
        }
    }
    out
}

/// The pinyin initials of every target's name, for searching by them ("dzz" finds 大庄镇).
pub fn target_initials(d: &Snapshot) -> std::collections::HashMap<Id, String> {
    let names: Vec<&str> = d.targets.iter().map(|t| t.data.name.as_str()).collect();
    let initials = xuncha_core::collate::pinyin_initials(&names, &ZhCollator);
    d.targets.iter().map(|t| t.meta.id).zip(initials).collect()
}

/// A target's initials from a map that is made only for searches in Latin letters.
pub fn initial_of(map: &Option<std::collections::HashMap<Id, String>>, id: Id) -> &str {
    map.as_ref().and_then(|m| m.get(&id)).map(String::as_str).unwrap_or("")
}
