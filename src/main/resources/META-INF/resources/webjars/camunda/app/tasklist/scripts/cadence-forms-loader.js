// A Tasklist plugin (loaded by customScripts in config.js) that renders nothing: it loads the shared code of the
// embedded forms (forms/*.html) once, before the Tasklist starts (the Tasklist imports every custom script before it
// bootstraps). So every form's cam-script finds CadenceForms (cadence-forms.js), CadenceGridRefusals
// (grid-refusals.js) and CommitCallForm (commit-call.js) ready and starts with one line, CadenceForms.start(camForm),
// instead of a loader block of its own. Imported as modules, the files are read as UTF-8 whatever the Tasklist
// page's encoding, so their Chinese texts stay readable.
import '/forms-lib/cadence-forms.js';
import '/forms-lib/grid-refusals.js';
import '/forms-lib/commit-call.js';

export default [];
