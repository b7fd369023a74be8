//! 复制为文字: the statistics as the paragraphs of a work summary, in the seeds'
//! own phrasing with the numbers filled in, to paste into Word. Parts that would
//! read "0个" in a list of kinds are left out, as a writer would leave them out.

use super::{code, Stats};
use crate::i18n::{fill, Label, Lang, T};
use crate::inspection::Activity;
use crate::problem::Focus;
use crate::rectification::RectStatus;
use crate::round::RoundKind;
use crate::target::TargetKind;

/// "常规巡察2轮、专项巡察1轮": the non-zero parts, joined.
fn parts(stats: &Stats, items: &[(String, String)], template: T, lang: Lang) -> String {
    let joiner = if lang == Lang::Zh { "、" } else { ", " };
    items
        .iter()
        .filter_map(|(key, name)| {
            let n = stats.value(key);
            (n > 0).then(|| fill(template.text(lang), &[("name", name), ("n", &n)]))
        })
        .collect::<Vec<_>>()
        .join(joiner)
}

/// `list` in its words ("（…）", "，其中…"), or nothing when there is nothing to list.
fn wrapped(list: String, around: T, lang: Lang) -> String {
    if list.is_empty() {
        list
    } else {
        fill(around.text(lang), &[("list", &list)])
    }
}

fn percent(p: Option<f64>) -> String {
    format!("{:.1}", p.unwrap_or(0.0))
}

/// The summary's paragraphs, one per line; `scope` names the period ("2026年").
pub fn summary(stats: &Stats, scope: &str, lang: Lang) -> String {
    let v = |key: &str| stats.value(key);
    let round_kinds: Vec<(String, String)> = RoundKind::COUNTY
        .iter()
        .map(|k| (format!("rounds.kind.{}", code(*k)), k.label().text(lang).to_owned()))
        .collect();
    let target_kinds: Vec<(String, String)> = TargetKind::ALL
        .iter()
        .map(|k| (format!("targets.kind.{}", code(*k)), k.label().text(lang).to_owned()))
        .collect();
    let mut lines = Vec::new();
    let extended = match v("targets.extended_villages") {
        0 => String::new(),
        n => fill(T::StatsTextExtended.text(lang), &[("n", &n)]),
    };
    lines.push(fill(
        T::StatsTextRounds.text(lang),
        &[
            ("scope", &scope),
            ("rounds", &v("rounds.total")),
            ("kinds", &wrapped(parts(stats, &round_kinds, T::StatsTextRoundKind, lang), T::StatsTextKinds, lang)),
            ("targets", &v("targets.total")),
            ("by_kind", &wrapped(parts(stats, &target_kinds, T::StatsTextTargetKind, lang), T::StatsTextByKind, lang)),
            ("extended", &extended),
        ],
    ));
    let activity = |a: Activity| v(&format!("activities.{}", code(a)));
    lines.push(fill(
        T::StatsTextActivities.text(lang),
        &[
            ("calls", &activity(Activity::CallsAndVisits)),
            ("talks", &activity(Activity::Talks)),
            ("briefings", &activity(Activity::Briefings)),
            ("documents", &activity(Activity::Documents)),
            ("vouchers", &activity(Activity::Vouchers)),
            ("questionnaires", &activity(Activity::Questionnaires)),
            ("visits", &activity(Activity::FieldVisits)),
        ],
    ));
    let focus = |f: Focus| v(&format!("problems.focus.{}", code(f)));
    lines.push(fill(
        T::StatsTextProblems.text(lang),
        &[
            ("total", &v("problems.total")),
            ("policy", &focus(Focus::Policy)),
            ("corruption", &focus(Focus::Corruption)),
            ("organisation", &focus(Focus::Organisation)),
            ("common", &v("problems.common")),
            ("individual", &v("problems.individual")),
            ("on_spot", &v("problems.on_spot")),
        ],
    ));
    lines.push(fill(
        T::StatsTextClues.text(lang),
        &[
            ("clues", &v("clues.total")),
            ("cadres", &v("clues.cadres")),
            ("others", &v("clues.others")),
            ("discipline", &v("clues.to_discipline")),
            ("organisation", &v("clues.to_organisation")),
        ],
    ));
    let status = |s: RectStatus| v(&format!("rectification.status.{}", code(s)));
    let inadequate = stats.figure("rectification.inadequate").and_then(|f| f.percent);
    lines.push(fill(
        T::StatsTextRectification.text(lang),
        &[
            ("total", &v("rectification.total")),
            ("closed", &status(RectStatus::Closed)),
            ("awaiting", &status(RectStatus::AwaitingVerification)),
            ("in_progress", &status(RectStatus::InProgress)),
            ("not_started", &status(RectStatus::NotStarted)),
            ("long_term", &status(RectStatus::LongTerm)),
            ("overdue", &v("rectification.overdue")),
            ("inadequate", &v("rectification.inadequate")),
            ("share", &percent(inadequate)),
        ],
    ));
    let mut last = fill(T::StatsTextLetters.text(lang), &[("letters", &v("letters.sent"))]);
    // The questionnaires' own records, only when the period has any: the forms the
    // inspections handed out are in the paragraph of work done.
    if v("questionnaires.count") > 0 {
        let rate = stats
            .figure("questionnaires.returned")
            .and_then(|f| f.percent)
            .map(|p| format!("{p:.1}%"))
            .unwrap_or_else(|| "—".to_owned());
        last.push_str(&fill(
            T::StatsTextQuestionnaires.text(lang),
            &[
                ("handed", &v("questionnaires.handed_out")),
                ("returned", &v("questionnaires.returned")),
                ("rate", &rate),
            ],
        ));
    }
    lines.push(last);
    if let Some(checked) = stats.figure("lookback.checked") {
        let f = crate::ledger::lookback::LookBackFigures {
            checked: checked.value as usize,
            done: v("lookback.done") as usize,
            ongoing: v("lookback.ongoing") as usize,
            perfunctory: v("lookback.perfunctory") as usize,
            sham: v("lookback.sham") as usize,
        };
        lines.extend(f.sentence(lang));
    }
    if let Some(assessed) = stats.figure("ecology.assessed") {
        let mut g = crate::ecology::GradeCounts { assessed: assessed.value, ..Default::default() };
        for grade in crate::ecology::Grade::ALL {
            g.by_grade[grade as usize] = v(&format!("ecology.{}", code(grade)));
        }
        lines.extend(g.sentence(lang));
    }
    if stats.figure("outcomes.rule").is_some() {
        let mut f = crate::outcome::OutcomeFigures::default();
        for (i, k) in crate::outcome::OutcomeKind::ALL.iter().enumerate() {
            f.counts[i] = v(&format!("outcomes.{}", code(*k)));
        }
        f.amount = v("outcomes.amount");
        lines.push(f.sentence(lang));
    }
    if stats.figure("pool.total").is_some() {
        let pool = crate::pool::PoolFigures {
            total: v("pool.total") as usize,
            leaders: v("pool.leaders") as usize,
            full_time_leaders: v("pool.leaders.full_time") as usize,
            specialists: v("pool.specialists") as usize,
            staff: v("pool.staff") as usize,
            leading_cadres: v("pool.cadres") as usize,
        };
        lines.push(pool.sentence(lang));
    }
    lines.join("\n")
}
