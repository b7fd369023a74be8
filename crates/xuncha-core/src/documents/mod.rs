//! Documents written from the ledgers (问题底稿, 巡察反馈意见 …): what is entered
//! once fills every document. A document is a list of styled paragraphs, so the
//! page can show it for editing, print it on A4, and write it as a Word file.

pub mod docx;
pub mod draft;
pub mod feedback;
pub mod letters;
pub mod reports;

use serde::{Deserialize, Serialize};

use crate::date::Day;
use crate::i18n::{Lang, T};
use crate::id::Id;
use crate::ledger::Ledger;
use crate::ops::Snapshot;

/// Which document of which record: what a page address names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocRef {
    /// 巡察反馈意见 of an inspection.
    Feedback(Id),
    /// The 问题底稿 of every problem of an inspection, one page each.
    Drafts(Id),
    /// The 问题底稿 of one problem.
    Draft(Id),
    /// The 问题线索移交函 of the transfer a clue is part of; `names` puts the persons' names in.
    Transfer { clue: Id, names: bool },
    /// The 巡察建议书 of a letter.
    Letter(Id),
    /// The 整改情况报告 of an inspected unit.
    Report(Id),
    /// The 巡察工作总结 of a year.
    Summary(i32),
}

impl DocRef {
    /// `feedback/<id>` and so on: the part of the page address after `documents/`.
    pub fn path(&self) -> String {
        match self {
            DocRef::Feedback(id) => format!("feedback/{id}"),
            DocRef::Drafts(id) => format!("drafts/{id}"),
            DocRef::Draft(id) => format!("draft/{id}"),
            DocRef::Transfer { clue, names: false } => format!("transfer/{clue}"),
            DocRef::Transfer { clue, names: true } => format!("transfer-named/{clue}"),
            DocRef::Letter(id) => format!("letter/{id}"),
            DocRef::Report(id) => format!("report/{id}"),
            DocRef::Summary(year) => format!("summary/{year}"),
        }
    }

    pub fn parse(kind: &str, id: &str) -> Option<DocRef> {
        if kind == "summary" {
            return id.parse().ok().filter(|y| (1949..=2200).contains(y)).map(DocRef::Summary);
        }
        let id: Id = id.parse().ok()?;
        match kind {
            "transfer" => Some(DocRef::Transfer { clue: id, names: false }),
            "transfer-named" => Some(DocRef::Transfer { clue: id, names: true }),
            "letter" => Some(DocRef::Letter(id)),
            "report" => Some(DocRef::Report(id)),
            "feedback" => Some(DocRef::Feedback(id)),
            "drafts" => Some(DocRef::Drafts(id)),
            "draft" => Some(DocRef::Draft(id)),
            _ => None,
        }
    }

    /// The page's heading.
    pub fn label(&self) -> T {
        match self {
            DocRef::Feedback(_) => T::DocFeedback,
            DocRef::Drafts(_) | DocRef::Draft(_) => T::DocDrafts,
            DocRef::Transfer { .. } => T::DocTransfer,
            DocRef::Letter(_) => T::DocLetter,
            DocRef::Report(_) => T::DocReport,
            DocRef::Summary(_) => T::DocSummary,
        }
    }

    /// The document, from the live records (and, for a work summary, the ledgers
    /// counted on `today`); `None` when its record is gone.
    pub fn build(&self, snapshot: &Snapshot, ledger: &Ledger, today: Day, lang: Lang) -> Option<Document> {
        let inspection = |id: Id| snapshot.inspections.iter().find(|i| i.meta.id == id && i.is_live());
        match *self {
            DocRef::Transfer { clue, names } => {
                let clue = snapshot.clues.iter().find(|c| c.meta.id == clue && c.is_live())?;
                Some(letters::transfer(snapshot, clue, names, lang))
            }
            DocRef::Letter(id) => {
                let letter = snapshot.recommendations.iter().find(|l| l.meta.id == id && l.is_live())?;
                Some(letters::recommendation(snapshot, letter, lang))
            }
            DocRef::Report(id) => Some(reports::rectification_report(snapshot, inspection(id)?, lang)),
            DocRef::Summary(year) => {
                let scope = crate::stats::StatsScope::of(crate::stats::Period::Year(year));
                Some(reports::work_summary(&crate::stats::Stats::of(snapshot, ledger, &scope, today), year, lang))
            }
            DocRef::Feedback(id) => {
                let inspection = snapshot.inspections.iter().find(|i| i.meta.id == id && i.is_live())?;
                Some(feedback::feedback(snapshot, inspection, lang))
            }
            DocRef::Drafts(id) => {
                let i = snapshot.inspections.iter().find(|i| i.meta.id == id && i.is_live())?;
                let mut problems: Vec<_> = snapshot
                    .problems
                    .iter()
                    .filter(|p| p.is_live() && p.data.round == i.data.round && p.data.target == i.data.target)
                    .collect();
                problems.sort_by_key(|p| (p.data.focus as u8, p.data.found_on, p.meta.created_at));
                let mut doc = draft::drafts(snapshot, &problems, lang);
                if problems.is_empty() {
                    // Still named after the unit and round, and saying why it is empty.
                    let round = snapshot.round(i.data.round).map(|r| snapshot.round_title(r, lang)).unwrap_or_default();
                    let target = snapshot.target(i.data.target).map(|t| t.data.name.clone()).unwrap_or_default();
                    doc.name =
                        crate::i18n::fill(T::DraftFileName.text(lang), &[("target", &target), ("round", &round)]);
                    doc.paras.push(Para::new(Style::Body, T::DocNoProblems.text(lang)));
                }
                Some(doc)
            }
            DocRef::Draft(id) => {
                let problem = snapshot.problems.iter().find(|p| p.meta.id == id && p.is_live())?;
                Some(draft::drafts(snapshot, &[problem], lang))
            }
        }
    }
}

/// What a paragraph is, which decides its font, indent and alignment (GB/T 9704).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// 标题: 二号方正小标宋简体, centred.
    Title,
    /// 主送机关: 三号仿宋, flush left, with its colon.
    Addressee,
    /// 一级标题 "一、": 三号黑体, indented two characters.
    Heading1,
    /// 二级标题 "（一）": 三号楷体, indented two characters.
    Heading2,
    /// 正文: 三号仿宋, indented two characters, justified.
    Body,
    /// A field of a form ("被巡察单位：…"): 三号仿宋, flush left.
    Field,
    /// 签字栏: a signature line, 三号仿宋, flush left, space above.
    Signature,
    /// 发文机关署名 and 成文日期: right, four characters from the margin.
    Closing,
}

/// One paragraph. `page_break` starts it on a new page (each 底稿 its own page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Para {
    pub style: Style,
    pub text: String,
    #[serde(default)]
    pub page_break: bool,
}

impl Para {
    pub fn new(style: Style, text: impl Into<String>) -> Para {
        Para { style, text: text.into(), page_break: false }
    }
}

/// A document: its name (the file's, without extension) and its paragraphs.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    pub paras: Vec<Para>,
}

impl Document {
    /// The paragraphs as plain text, one per line and a blank line at each page
    /// break: what 复制为文字 gives and what the golden tests compare.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, p) in self.paras.iter().enumerate() {
            if p.page_break && i > 0 {
                out.push_str("\n――――――――\n");
            }
            out.push_str(&p.text);
            out.push('\n');
        }
        out
    }

    /// The file name a download gets: the name without characters Windows forbids.
    pub fn file_name(&self) -> String {
        let clean: String =
            self.name.chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect();
        format!("{}.docx", clean.trim())
    }
}

/// The name of a target's Party organisation as documents address it: the unit's
/// name and its organisation form (县财政局党组), unless the name already ends in one.
pub fn party_org(target: &crate::target::Target, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Label;
    let form = target.org_form.label().text(lang);
    let name = target.name.trim();
    let ends_in_form = ["党委", "党组", "党工委", "党总支", "党支部"].iter().any(|f| name.ends_with(f));
    match lang {
        crate::i18n::Lang::Zh if !ends_in_form => format!("{name}{form}"),
        crate::i18n::Lang::En => format!("{name} ({form})"),
        _ => name.to_owned(),
    }
}
