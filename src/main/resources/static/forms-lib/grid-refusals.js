/*
 * grid-refusals.js: shows a server's refusal of a grid form at the rows it is about. Loaded by the Tasklist after
 * cadence-forms.js (scripts/cadence-forms-loader.js). When the Tasklist's Complete is refused (400), the form posts the same
 * decisions to its /check path, which answers 400 with {rows: {rowKey: ["中文 / English"]}, general: [...]}: each
 * problem is shown under its row (grid.row(rowKey)) in the person's language; what the person typed stays.
 */
(function () {
  'use strict';

  /**
   * form: what CadenceForms.start resolved with; grid: a CadenceForms.grid keyed by the row ids the server uses;
   * checkPath: the form's /check path; body(): the decisions as posted.
   */
  function showAtRows(form, grid, checkPath, body) {
    // the form SDK calls a handler with (camForm, [arguments of the event]): the error is the first argument. A
    // submission the form's own checks prevented is no refusal of the server: its problems stay as shown.
    form.camForm.on('submit-failed', function (self, args) {
      var error = args && args.length ? args[0] : self;
      if (!error || !error.message || error.message === 'camForm submission prevented') {
        return;
      }
      form.api(checkPath, {method: 'POST', body: body()}).then(function () {
        // the grid is fine: the refusal shown above the form stands
      }, function (refusal) {
        var answer = refusal.body || {};
        if (!answer.rows) {
          return;
        }
        CadenceForms.clearProblems(form.root);
        Object.keys(answer.rows).forEach(function (key) {
          answer.rows[key].forEach(function (message) {
            CadenceForms.showProblem(form.root, CadenceForms.inLanguage(message), grid.row(key) || null);
          });
        });
        (answer.general || []).forEach(function (message) {
          CadenceForms.showProblem(form.root, CadenceForms.inLanguage(message), null);
        });
      });
    });
  }

  /** Shows why a form could not open (no access, a failed read) in its brief, in the person's language. */
  function showOpenFailure(brief, error) {
    if (brief) {
      brief.textContent = window.CadenceForms ? CadenceForms.inLanguage(error.message) : String(error.message);
      brief.className = 'cf-problem';
    }
  }

  window.CadenceGridRefusals = {showAtRows: showAtRows, showOpenFailure: showOpenFailure};
})();
