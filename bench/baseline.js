// Shared by the baseline pages: the record stores of the app, and how a page says
// it has finished (the harness waits for #done) or downloads an export.
'use strict';
const STORES = ['terms', 'targets', 'rounds', 'groups', 'inspections', 'problems', 'rectifications', 'clues',
  'recommendations', 'questionnaires', 'responses', 'paper_batches'];
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
