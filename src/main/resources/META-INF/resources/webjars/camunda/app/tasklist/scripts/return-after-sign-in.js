// A Tasklist plugin (loaded by customScripts in config.js) that renders nothing visible: a page of the product that
// needs the Tasklist's sign-in (the dashboard) notes in this tab's sessionStorage where the person came from when they
// follow its sign-in link; once signed in, the Tasklist sends them back there. Only a path of this site is followed,
// and only a note of the last 15 minutes (a Tasklist opened later in the same tab stays the Tasklist).
import {me} from './cadence-i18n.js';

const KEY = 'cadence.returnTo';
const FRESH_MS = 15 * 60 * 1000;

/** A path on this site ("/dashboard/?person=x"), not "//other.site" nor "https://...": anything else is ignored. */
function safe(path) {
  return typeof path === 'string' && /^\/(?![\/\\])/.test(path) && !path.startsWith('/camunda/') ? path : null;
}

function noted() {
  try {
    const note = JSON.parse(window.sessionStorage.getItem(KEY) || 'null');
    return note && Date.now() - Number(note.at) < FRESH_MS ? safe(note.path) : null;
  } catch (e) {
    return null;
  }
}

export default {
  id: 'cadence-return-after-sign-in',
  pluginPoint: 'tasklist.navbar.action',
  priority: 5,
  render: () => {
    // the header's actions are rendered once a person is signed in
    me().then(person => {
      const target = noted();
      if (person) {
        window.sessionStorage.removeItem(KEY);
        if (target) {
          window.location.assign(target);
        }
      }
    });
  }
};
