// Shared by the Tasklist's custom scripts: the language the page is in ("zh" or "en") and a way to switch it.
// Before sign-in the browser's first language decides (as the Tasklist itself does); after sign-in the person's
// language from /api/me/language (the Tasklist's session is accepted by /api).
const listeners = [];
let current = String((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase().startsWith('zh')
  ? 'zh' : 'en';
let person = null;

export function language() {
  return current;
}

/** Calls back now and whenever the language changes. */
export function onLanguage(callback) {
  listeners.push(callback);
  callback(current);
}

/** The signed-in person ({language, role}), fetched once per page. */
export function me() {
  if (!person) {
    person = fetch('/api/me/language', {credentials: 'same-origin', headers: {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'}})
      .then(response => (response.ok ? response.json() : null))
      .catch(() => null);
  }
  return person;
}

export function setLanguage(lang) {
  current = lang === 'zh' ? 'zh' : 'en';
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach(callback => callback(current));
}
