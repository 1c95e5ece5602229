// Calls /api with the Tasklist sign-in (session cookie; X-Requested-With so the API answers 401 instead of a
// sign-in page) and the page's header: language switch, sign-in notice, errors.
import {t, language, setLanguage, translatePage} from '../dashboard/i18n.js';
import {localize} from './texts.js';

const HEADERS = {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'};

export class SignInNeeded extends Error {
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || ('HTTP ' + status));
    this.status = status;
    this.body = body;
  }

  /** The refusal in the page's language, one problem a line. */
  text() {
    const problems = this.body && this.body.problems;
    return problems && problems.length ? problems.map(localize).join('\n') : localize(this.message);
  }
}

export async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {credentials: 'same-origin', ...options,
      headers: {...HEADERS, ...(options.body ? {'Content-Type': 'application/json'} : {}), ...(options.headers || {})}});
  } catch (e) {
    throw new ApiError(0, {error: t('error.network', {message: e.message})});
  }
  if (response.status === 401) {
    throw new SignInNeeded();
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

export const $ = id => document.getElementById(id);

/** Shows one of the page's states: signin, error, content or loading. */
export function show(which) {
  ['signin', 'error', 'content', 'loading'].forEach(id => {
    $(id).hidden = id !== which;
  });
}

export function failed(e) {
  if (e instanceof SignInNeeded) {
    show('signin');
    return;
  }
  $('error-text').textContent = e instanceof ApiError ? e.text() : String(e && e.message || e);
  show('error');
}

/** Wires the EN / 中文 switch: translates the page's fixed labels, then calls render for the rest. */
export function languageSwitch(titleKey, render) {
  const apply = () => {
    translatePage();
    document.title = t(titleKey);
    $('lang-en').classList.toggle('active', language() === 'en');
    $('lang-zh').classList.toggle('active', language() === 'zh');
  };
  document.querySelectorAll('.lang button').forEach(button => button.addEventListener('click', () => {
    setLanguage(button.dataset.lang);
    apply();
    render();
  }));
  apply();
}
