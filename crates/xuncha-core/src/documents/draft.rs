//! 问题底稿: the working paper of one problem, with its place, category, source,
//! the problem, its facts and basis, and the lines where the 承办人, 副组长 and 组长
//! sign. A target's papers can go in one file, each on its own page.

use super::{party_org, Document, Para, Style};
use crate::i18n::{fill, Label, Lang, T};
use crate::ops::Snapshot;
use crate::problem::Problem;
use crate::record::Record;

/// A day as documents write it: 2026年4月10日.
pub fn long_day(day: crate::date::Day, lang: Lang) -> String {
    let (y, m, d) = (day.year(), day.month(), day.day());
    match lang {
        Lang::Zh => fill(T::DayLong.text(lang), &[("y", &y), ("m", &m), ("d", &d)]),
        Lang::En => day.to_string(),
    }
}

/// The papers of `problems` (in the order given), one page each, named after the
/// first one's target and round.
pub fn drafts(snapshot: &Snapshot, problems: &[&Record<Problem>], lang: Lang) -> Document {
    let mut paras = Vec::new();
    for (i, p) in problems.iter().enumerate() {
        let start = paras.len();
        paper(snapshot, &p.data, lang, &mut paras);
        if i > 0 {
            if let Some(first) = paras.get_mut(start) {
                first.page_break = true;
            }
        }
    }
    let name = problems.first().map(|p| names(snapshot, &p.data, lang)).unwrap_or_default();
    Document { name: fill(T::DraftFileName.text(lang), &[("target", &name.0), ("round", &name.1)]), paras }
}

/// The target's and the round's names, for the file name.
fn names(snapshot: &Snapshot, p: &Problem, lang: Lang) -> (String, String) {
    let target = snapshot.target(p.target).map(|t| t.data.name.clone()).unwrap_or_default();
    let round = snapshot.round(p.round).map(|r| snapshot.round_title(r, lang)).unwrap_or_default();
    (target, round)
}

fn paper(snapshot: &Snapshot, p: &Problem, lang: Lang, out: &mut Vec<Para>) {
    let round = snapshot.round(p.round).map(|r| snapshot.round_title(r, lang)).unwrap_or_default();
    let target = snapshot.target(p.target);
    let org = target.map(|t| party_org(&t.data, lang)).unwrap_or_default();
    let group = snapshot
        .inspections
        .iter()
        .find(|i| i.is_live() && i.data.round == p.round && i.data.target == p.target)
        .and_then(|i| snapshot.group(i.data.group));
    let group_name = group.map(|g| g.data.name.clone()).unwrap_or_default();
    let mut focus = p.focus.label().text(lang).to_owned();
    if !p.sub_category.trim().is_empty() {
        focus = format!("{focus}（{}）", p.sub_category.trim());
    }
    let text = |body: &str| {
        if body.trim().is_empty() {
            T::DraftNotEntered.text(lang).to_owned()
        } else {
            body.trim().to_owned()
        }
    };
    let field = |key: T, name: &str, value: &str| Para::new(Style::Field, fill(key.text(lang), &[(name, &value)]));
    out.push(Para::new(Style::Title, T::DraftTitle.text(lang)));
    out.push(field(T::DraftRound, "round", &round));
    out.push(field(T::DraftGroup, "group", &group_name));
    out.push(field(T::DraftTarget, "target", &org));
    out.push(field(T::DraftFocus, "focus", &focus));
    out.push(field(T::DraftSource, "source", p.source.label().text(lang)));
    out.push(field(T::DraftFound, "day", &long_day(p.found_on, lang)));
    out.push(Para::new(Style::Heading1, T::DraftDescriptionHeading.text(lang)));
    out.push(Para::new(Style::Body, text(&p.description)));
    out.push(Para::new(Style::Heading1, T::DraftFactsHeading.text(lang)));
    out.push(Para::new(Style::Body, text(&p.facts)));
    out.push(Para::new(Style::Heading1, T::DraftBasisHeading.text(lang)));
    out.push(Para::new(Style::Body, text(&p.basis)));
    let leader = group.map(|g| g.data.leader.trim().to_owned()).unwrap_or_default();
    let deputy = group.map(|g| g.data.deputy.trim().to_owned()).unwrap_or_default();
    for (label, name) in
        [(T::DraftSignHandler, ""), (T::DraftSignDeputy, deputy.as_str()), (T::DraftSignLeader, leader.as_str())]
    {
        out.push(Para::new(Style::Signature, sign_line(label.text(lang), name, T::DraftSignDate.text(lang))));
    }
}

/// Where the date of a signature line starts, in the widths of a Chinese character.
const SIGN_DATE_COLUMN: usize = 20;

/// "组长（签字）：张三" and the date, the dates of all lines under each other: the gap
/// is full-width spaces, each as wide as a Chinese character (a Latin letter or digit
/// counts as half).
fn sign_line(label: &str, name: &str, date: &str) -> String {
    let halves: usize = label.chars().chain(name.chars()).map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    let gap = (SIGN_DATE_COLUMN * 2).saturating_sub(halves).div_ceil(2).max(2);
    format!("{label}{name}{}{date}", "　".repeat(gap))
}
