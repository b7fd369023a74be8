//! Pages as URL hashes (`#/rounds/<id>`): the History API does not work for a page opened from disk.

use crate::id::Id;
use crate::ledger::LedgerKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Targets,
    Terms,
    Rounds,
    Round(Id),
    /// One of the 台账: `#/ledger/problems` and so on.
    Ledger(LedgerKind),
    Questionnaires,
    Questionnaire(Id),
    /// 统计: the figures of a work summary.
    Stats,
    /// 全覆盖 of a term.
    Coverage,
    /// 巡察计划: the list of plans, and one plan.
    Plans,
    Plan(Id),
    /// 巡察人才库.
    People,
    /// 成果运用.
    Outcomes,
    /// 政治生态评估: the assessments and the indicator set.
    Assessments,
    /// A document written from the ledgers, shown for editing, printing and saving as Word.
    Document(crate::documents::DocRef),
    /// A respondent answering a questionnaire file, with or without an office set up.
    Answer,
    Exchange,
    Settings,
    NotFound,
}

impl Route {
    /// Reads `location.hash`; an empty hash is the home page.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Route::Home,
            (Some("targets"), None, _) => Route::Targets,
            (Some("terms"), None, _) => Route::Terms,
            (Some("rounds"), None, _) => Route::Rounds,
            (Some("rounds"), Some(id), None) => id.parse().map(Route::Round).unwrap_or(Route::NotFound),
            (Some("ledger"), None, _) => Route::Ledger(LedgerKind::Problems),
            (Some("ledger"), Some(kind), None) => {
                LedgerKind::from_slug(kind).map(Route::Ledger).unwrap_or(Route::NotFound)
            }
            (Some("questionnaires"), None, _) => Route::Questionnaires,
            (Some("questionnaires"), Some(id), None) => id.parse().map(Route::Questionnaire).unwrap_or(Route::NotFound),
            (Some("answer"), None, _) => Route::Answer,
            (Some("stats"), None, _) => Route::Stats,
            (Some("coverage"), None, _) => Route::Coverage,
            (Some("plans"), None, _) => Route::Plans,
            (Some("people"), None, _) => Route::People,
            (Some("outcomes"), None, _) => Route::Outcomes,
            (Some("assessments"), None, _) => Route::Assessments,
            (Some("plans"), Some(id), None) => id.parse().map(Route::Plan).unwrap_or(Route::NotFound),
            (Some("documents"), Some(kind), Some(id)) if parts.next().is_none() => {
                crate::documents::DocRef::parse(kind, id).map(Route::Document).unwrap_or(Route::NotFound)
            }
            (Some("exchange"), None, _) => Route::Exchange,
            (Some("settings"), None, _) => Route::Settings,
            _ => Route::NotFound,
        }
    }

    /// Whether the page shows problems, rectifications, clues or responses, the
    /// lists read after the first page is drawn (`ops::DEFERRED`): until they are
    /// in, such a page shows how far reading them has come instead.
    pub fn needs_deferred_lists(&self) -> bool {
        match self {
            Route::Home
            | Route::Targets
            | Route::Terms
            | Route::Rounds
            | Route::Plans
            | Route::Plan(_)
            | Route::People
            | Route::Assessments
            | Route::Answer
            | Route::Settings
            | Route::NotFound => false,
            // The exchange page imports and undoes: it writes, so it waits for the lists
            // it will update.
            Route::Round(_)
            | Route::Ledger(_)
            | Route::Questionnaires
            | Route::Questionnaire(_)
            | Route::Stats
            | Route::Coverage
            | Route::Document(_)
            // Its form picks a problem or a clue, which are among the long lists.
            | Route::Outcomes
            | Route::Exchange => true,
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".to_owned(),
            Route::Targets => "#/targets".to_owned(),
            Route::Terms => "#/terms".to_owned(),
            Route::Rounds => "#/rounds".to_owned(),
            Route::Round(id) => format!("#/rounds/{id}"),
            Route::Ledger(kind) => format!("#/ledger/{}", kind.slug()),
            Route::Questionnaires => "#/questionnaires".to_owned(),
            Route::Questionnaire(id) => format!("#/questionnaires/{id}"),
            Route::Answer => "#/answer".to_owned(),
            Route::Stats => "#/stats".to_owned(),
            Route::Coverage => "#/coverage".to_owned(),
            Route::Plans => "#/plans".to_owned(),
            Route::Plan(id) => format!("#/plans/{id}"),
            Route::People => "#/people".to_owned(),
            Route::Outcomes => "#/outcomes".to_owned(),
            Route::Assessments => "#/assessments".to_owned(),
            Route::Document(doc) => format!("#/documents/{}", doc.path()),
            Route::Exchange => "#/exchange".to_owned(),
            Route::Settings => "#/settings".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{IdSource, SequentialIds};

    #[test]
    fn the_pages_that_show_or_write_the_long_lists_wait_for_them_and_the_first_page_does_not() {
        assert!(!Route::Home.needs_deferred_lists());
        assert!(!Route::Settings.needs_deferred_lists(), "the language can be switched at once");
        assert!(Route::Ledger(crate::ledger::LedgerKind::Problems).needs_deferred_lists());
        assert!(Route::Exchange.needs_deferred_lists());
        assert!(Route::Questionnaire(SequentialIds::default().next_id()).needs_deferred_lists());
    }

    #[test]
    fn every_page_survives_a_trip_through_its_hash() {
        let id = SequentialIds::default().next_id();
        for r in [
            Route::Home,
            Route::Targets,
            Route::Terms,
            Route::Rounds,
            Route::Round(id),
            Route::Ledger(LedgerKind::Problems),
            Route::Ledger(LedgerKind::Letters),
            Route::Questionnaires,
            Route::Questionnaire(id),
            Route::Answer,
            Route::Stats,
            Route::Coverage,
            Route::Plans,
            Route::Plan(id),
            Route::People,
            Route::Outcomes,
            Route::Assessments,
            Route::Document(crate::documents::DocRef::Feedback(id)),
            Route::Document(crate::documents::DocRef::Drafts(id)),
            Route::Document(crate::documents::DocRef::Draft(id)),
            Route::Document(crate::documents::DocRef::Transfer { clue: id, names: false }),
            Route::Document(crate::documents::DocRef::Transfer { clue: id, names: true }),
            Route::Document(crate::documents::DocRef::Letter(id)),
            Route::Document(crate::documents::DocRef::Report(id)),
            Route::Document(crate::documents::DocRef::Summary(2026)),
            Route::Exchange,
            Route::Settings,
        ] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
    }

    #[test]
    fn an_empty_hash_is_home_and_nonsense_is_not_found() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/rounds/not-an-id"), Route::NotFound);
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
        assert_eq!(Route::parse("#/ledger"), Route::Ledger(LedgerKind::Problems));
        assert_eq!(Route::parse("#/ledger/nope"), Route::NotFound);
        assert_eq!(Route::parse("#/targets/extra"), Route::NotFound);
    }
}
