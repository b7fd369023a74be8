//! 巡察反馈意见: what a group feeds back to the unit it inspected: the main
//! problems under the 三个聚焦, numbered as documents number them, the
//! recommendations, and the requirement to report within two months.

use super::draft::long_day;
use super::{party_org, Document, Para, Style};
use crate::i18n::{fill, Label, Lang, T};
use crate::inspection::{Inspection, RECTIFICATION_MONTHS};
use crate::numerals::chinese_number;
use crate::ops::Snapshot;
use crate::problem::Focus;
use crate::record::Record;

/// The feedback of one inspection, from its live problems in the order they were found.
pub fn feedback(snapshot: &Snapshot, inspection: &Record<Inspection>, lang: Lang) -> Document {
    let i = &inspection.data;
    let round = snapshot.round(i.round);
    let round_title = round.map(|r| snapshot.round_title(r, lang)).unwrap_or_default();
    let target = snapshot.target(i.target);
    let target_name = target.map(|t| t.data.name.clone()).unwrap_or_default();
    let org = target.map(|t| party_org(&t.data, lang)).unwrap_or_default();
    let group = snapshot.group(i.group).map(|g| g.data.name.clone()).unwrap_or_default();
    let day = |d: Option<crate::date::Day>| d.map(|d| long_day(d, lang)).unwrap_or_else(|| "　　".to_owned());
    let from = i.milestones.entry.or(round.and_then(|r| r.data.start));
    let to = i.milestones.end.or(round.and_then(|r| r.data.end));
    // Only the work the group recorded: no "开展个别谈话0人次" when nothing was counted.
    let a = &i.activities;
    let done: Vec<String> = [
        (T::FeedbackTalks, a.talks),
        (T::FeedbackCalls, a.calls_and_visits),
        (T::FeedbackDocuments, a.documents),
        (T::FeedbackVisits, a.field_visits),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(key, n)| fill(key.text(lang), &[("n", &n)]))
    .collect();
    let activities = match (lang, done.as_slice()) {
        (_, []) => String::new(),
        (Lang::Zh, _) => done.join("，"),
        (Lang::En, [one]) => one.clone(),
        (Lang::En, [rest @ .., last]) => format!("{} and {last}", rest.join(", ")),
    };
    let during = if activities.is_empty() {
        String::new()
    } else {
        fill(T::FeedbackDuring.text(lang), &[("activities", &activities)])
    };
    let mut paras = vec![
        Para::new(Style::Title, fill(T::FeedbackTitle.text(lang), &[("group", &group), ("org", &org)])),
        Para::new(Style::Addressee, fill(T::FeedbackAddressee.text(lang), &[("org", &org)])),
        Para::new(
            Style::Body,
            fill(
                T::FeedbackIntro.text(lang),
                &[
                    ("group", &group),
                    ("from", &day(from)),
                    ("to", &day(to)),
                    ("org", &org),
                    ("round", &round_title),
                    ("during", &during),
                ],
            ),
        ),
        Para::new(Style::Heading1, T::FeedbackProblemsHeading.text(lang)),
    ];
    let mut problems: Vec<_> = snapshot
        .problems
        .iter()
        .filter(|p| p.is_live() && p.data.round == i.round && p.data.target == i.target)
        .collect();
    problems.sort_by_key(|p| (p.data.found_on, p.meta.created_at));
    if problems.is_empty() {
        paras.push(Para::new(Style::Body, T::FeedbackNoProblems.text(lang)));
    }
    let mut heading = 0;
    for focus in Focus::ALL {
        let under: Vec<_> = problems.iter().filter(|p| p.data.focus == focus).collect();
        if under.is_empty() {
            continue;
        }
        heading += 1;
        let n = match lang {
            Lang::Zh => chinese_number(heading),
            Lang::En => heading.to_string(),
        };
        let words = focus.label().text(lang);
        paras.push(Para::new(
            Style::Heading2,
            fill(T::FeedbackFocusHeading.text(lang), &[("n", &n), ("focus", &words)]),
        ));
        for (k, p) in under.iter().enumerate() {
            paras.push(Para::new(Style::Body, format!("{}{}{}", k + 1, item_mark(lang), with_facts(&p.data, lang))));
        }
    }
    paras.push(Para::new(Style::Heading1, T::FeedbackAdviceHeading.text(lang)));
    paras.push(Para::new(Style::Body, fill(T::FeedbackAdvice.text(lang), &[("org", &org)])));
    paras.push(Para::new(Style::Heading1, T::FeedbackRequirementsHeading.text(lang)));
    paras.push(Para::new(
        Style::Body,
        fill(T::FeedbackRequirements.text(lang), &[("org", &org), ("months", &RECTIFICATION_MONTHS)]),
    ));
    paras.push(Para::new(Style::Closing, fill(T::FeedbackSigned.text(lang), &[("group", &group)])));
    paras.push(Para::new(Style::Closing, day(i.milestones.feedback)));
    Document { name: fill(T::FeedbackFileName.text(lang), &[("target", &target_name), ("round", &round_title)]), paras }
}

/// After an item's number: "1．" in Chinese documents, "1. " in English.
pub(super) fn item_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "．",
        Lang::En => ". ",
    }
}

/// `text` ending as a sentence does, unless it already ends in a stop.
fn sentence(text: &str, lang: Lang) -> String {
    let stop = match lang {
        Lang::Zh => "。",
        Lang::En => ".",
    };
    if text.is_empty() || text.ends_with(['。', '；', '！', '？', '.', ';', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}{stop}")
    }
}

/// A problem as feedback states it: its description, then its facts when entered,
/// each a sentence.
fn with_facts(p: &crate::problem::Problem, lang: Lang) -> String {
    let description = sentence(p.description.trim(), lang);
    let facts = sentence(p.facts.trim(), lang);
    let space = if lang == Lang::En && !description.is_empty() && !facts.is_empty() { " " } else { "" };
    format!("{description}{space}{facts}")
}
