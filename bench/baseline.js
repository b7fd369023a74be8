// Shared by the baseline pages: the record stores of the app, and how a page says
// it has finished (the harness waits for #done) or downloads an export.
'use strict';
const STORES = ['terms', 'targets', 'rounds', 'groups', 'inspections', 'problems', 'rectifications', 'clues',
  'recommendations', 'questionnaires', 'responses', 'paper_batches'];
// The indexes the app keeps on record fields (crates/xuncha-core/src/schema.rs, as
// its last step leaves them), for the raw page's `#indexes` variant. The app's
// other indexes (idx.gone, idx.open_deadline) only count records that carry those
// fields, which the baseline's records do not.
const APP_INDEXES = {
  targets: { by_township: 'data.township' },
  rounds: { by_term: 'data.term' },
  groups: { by_round: 'data.round' },
  inspections: { by_round: 'data.round', by_target: 'data.target', by_group: 'data.group' },
  problems: { by_round: 'data.round' },
  rectifications: { by_problem: 'data.problem' },
  clues: { by_round: 'data.round' },
  recommendations: { by_round: 'data.round' },
  responses: { by_questionnaire: 'data.questionnaire' },
  paper_batches: { by_questionnaire: 'data.questionnaire' },
};
function done(text) {
  document.getElementById('done').textContent = text;
}
function download(value) {
  const blob = new Blob([JSON.stringify(value)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'baseline-export.json';
  a.click();
  done('exported');
}
