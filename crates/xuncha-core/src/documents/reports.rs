//! Reports: the skeleton of an inspected unit's 整改情况报告 (each problem fed back,
//! its measures, status and evidence, under the 三个聚焦), and of the office's annual
//! 巡察工作总结, its first part the statistics page's paragraphs.

use super::draft::long_day;
use super::{party_org, Document, Para, Style};
use crate::i18n::{fill, Label, Lang, T};
use crate::inspection::Inspection;
use crate::numerals::chinese_number;
use crate::ops::Snapshot;
use crate::problem::Focus;
use crate::record::Record;
use crate::stats::Stats;

fn numbered(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => chinese_number(n),
        Lang::En => n.to_string(),
    }
}

/// The 整改情况报告 of an inspected unit: its problems with their rectification,
/// ready for the unit to complete.
pub fn rectification_report(snapshot: &Snapshot, inspection: &Record<Inspection>, lang: Lang) -> Document {
    let i = &inspection.data;
    let round = snapshot.round(i.round).map(|r| snapshot.round_title(r, lang)).unwrap_or_default();
    let target = snapshot.target(i.target);
    let org = target.map(|t| party_org(&t.data, lang)).unwrap_or_default();
    let name = target.map(|t| t.data.name.clone()).unwrap_or_default();
    let group = snapshot.group(i.group).map(|g| g.data.name.clone()).unwrap_or_default();
    let mut paras = vec![
        Para::new(Style::Title, fill(T::ReportTitle.text(lang), &[("org", &org), ("round", &round)])),
        Para::new(Style::Addressee, T::ReportAddressee.text(lang)),
        Para::new(Style::Body, fill(T::ReportIntro.text(lang), &[("group", &group), ("org", &org)])),
        Para::new(Style::Heading1, T::ReportOverallHeading.text(lang)),
        Para::new(Style::Body, T::DocFillIn.text(lang)),
        Para::new(Style::Heading1, T::ReportProblemsHeading.text(lang)),
    ];
    let mut problems: Vec<_> = snapshot
        .problems
        .iter()
        .filter(|p| p.is_live() && p.data.round == i.round && p.data.target == i.target)
        .collect();
    problems.sort_by_key(|p| (p.data.found_on, p.meta.created_at));
    let mut heading = 0;
    for focus in Focus::ALL {
        let under: Vec<_> = problems.iter().filter(|p| p.data.focus == focus).collect();
        if under.is_empty() {
            continue;
        }
        heading += 1;
        let n = numbered(heading, lang);
        let words = focus.label().text(lang);
        paras.push(Para::new(
            Style::Heading2,
            fill(T::FeedbackFocusHeading.text(lang), &[("n", &n), ("focus", &words)]),
        ));
        for (k, p) in under.iter().enumerate() {
            paras.push(Para::new(
                Style::Body,
                fill(T::ReportProblem.text(lang), &[("k", &(k + 1)), ("problem", &p.data.description.trim())]),
            ));
            let rect = snapshot.rectifications.iter().find(|r| r.is_live() && r.data.problem == p.meta.id);
            let Some(r) = rect else {
                let on_spot = p.data.rectified_on_spot.map(|d| long_day(d, lang));
                let said = match on_spot {
                    Some(day) => fill(T::ReportOnSpot.text(lang), &[("day", &day)]),
                    None => T::ReportNotFedBack.text(lang).to_owned(),
                };
                paras.push(Para::new(Style::Body, said));
                continue;
            };
            let r = &r.data;
            let text = |s: &str| {
                if s.trim().is_empty() {
                    T::DraftNotEntered.text(lang).to_owned()
                } else {
                    s.trim().to_owned()
                }
            };
            let deadline = long_day(r.deadline, lang);
            let status = match r.closed_on {
                Some(closed) => {
                    fill(T::ReportClosed.text(lang), &[("day", &long_day(closed, lang)), ("deadline", &deadline)])
                }
                None => fill(
                    T::ReportStatus.text(lang),
                    &[("status", &r.status.label().text(lang)), ("deadline", &deadline)],
                ),
            };
            paras.push(Para::new(Style::Body, fill(T::ReportMeasures.text(lang), &[("text", &text(&r.measures))])));
            paras.push(Para::new(Style::Body, status));
            paras.push(Para::new(Style::Body, fill(T::ReportEvidence.text(lang), &[("text", &text(&r.evidence))])));
        }
    }
    if problems.is_empty() {
        paras.push(Para::new(Style::Body, T::DocNoProblems.text(lang)));
    }
    paras.push(Para::new(Style::Heading1, T::ReportNextHeading.text(lang)));
    paras.push(Para::new(Style::Body, T::DocFillIn.text(lang)));
    paras.push(Para::new(Style::Closing, org));
    paras.push(Para::new(Style::Closing, T::DocDateBlank.text(lang)));
    Document { name: fill(T::ReportFileName.text(lang), &[("target", &name), ("round", &round)]), paras }
}

/// The annual 巡察工作总结: the statistics' paragraphs of the year as its first part,
/// the rest for the office to write.
pub fn work_summary(stats: &Stats, year: i32, lang: Lang) -> Document {
    let scope = fill(T::SummaryScope.text(lang), &[("year", &year)]);
    let mut paras = vec![
        Para::new(Style::Title, fill(T::SummaryTitle.text(lang), &[("year", &year)])),
        Para::new(Style::Heading1, T::SummaryWorkHeading.text(lang)),
    ];
    let text = crate::stats::text::summary(stats, &scope, lang);
    paras.extend(text.lines().filter(|l| !l.trim().is_empty()).map(|l| Para::new(Style::Body, l.trim())));
    paras.push(Para::new(Style::Heading1, T::SummaryShortcomingsHeading.text(lang)));
    paras.push(Para::new(Style::Body, T::DocFillIn.text(lang)));
    paras.push(Para::new(Style::Heading1, T::SummaryNextHeading.text(lang)));
    paras.push(Para::new(Style::Body, T::DocFillIn.text(lang)));
    paras.push(Para::new(Style::Closing, T::DocOfficeSigned.text(lang)));
    paras.push(Para::new(Style::Closing, T::DocDateBlank.text(lang)));
    Document { name: fill(T::SummaryFileName.text(lang), &[("year", &year)]), paras }
}
