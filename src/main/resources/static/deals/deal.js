// One deal (/api/deals/{id}): its terms, edited in place by the owner (PATCH, one field at a time; a refusal is shown
// beside the field with the rep's value kept), its stage history, evidence, every change, comments, open tasks and mails.
import {t, language} from '../dashboard/i18n.js';
import {amount, dateTime, el, clear, fillTable} from '../dashboard/format.js';
import {localize, stageName} from './texts.js';
import {api, $, show, failed, languageSwitch, ApiError} from './api.js';

const id = new URLSearchParams(location.search).get('id');
const state = {page: null, editing: null, errors: {}, saved: null};

const FIELDS = [
  {key: 'amount', label: 'field.amount', input: 'text', value: d => d.amount, show: d => amount(d.amount) + ' ' + d.currency},
  {key: 'closeDate', label: 'field.closeDate', input: 'date', value: d => d.closeDate, show: d => d.closeDate},
  {key: 'probability', label: 'field.probability', input: 'number', value: d => d.probability, show: d => d.probability + '%'},
  {key: 'nextStep', label: 'field.nextStep', input: 'text', value: d => d.nextStep || '', show: d => d.nextStep || t('field.none')}
];

function name(login) {
  return (state.page.names && state.page.names[login]) || login || '';
}

function stage(code) {
  return stageName(state.page.stages.find(s => s.code === code)) || code || '';
}

function render() {
  const p = state.page;
  if (!p) {
    return;
  }
  const d = p.deal;
  document.title = d.name + ' · ' + t('deal.title');
  $('deal-name').textContent = d.name;
  const c = t('colon');
  clear($('deal-meta')).append(t('deal.account') + c + d.accountName + ' · ' + t('deal.owner') + c + d.ownerName + ' · '
    + t('deal.stage') + c + stageName(p.stage) + ' · ' + t('deal.status') + c + t('status.' + d.status),
  d.overdue ? el('span', {class: 'tag overdue'}, t('overdue')) : '', !d.inFunnel ? el('span', {class: 'tag small', title: t('small.title')}, t('small')) : '');
  $('terms-hint').textContent = p.canEdit ? t('terms.hint') : t('terms.readOnly');
  renderTerms();
  renderTasks();
  renderComments();
  fillTable($('table-changes'), [
    {key: 'changedAt', label: t('change.when'), format: c => dateTime(c.changedAt)},
    {key: 'changedBy', label: t('change.who'), format: c => name(c.changedBy)},
    {key: 'field', label: t('change.field'), format: c => t('field.' + camel(c.field))},
    {key: 'oldValue', label: t('change.old'), format: c => valueText(c.field, c.oldValue)},
    {key: 'newValue', label: t('change.new'), format: c => valueText(c.field, c.newValue)}
  ], [...p.changes].reverse(), {emptyText: t('changes.none')});
  fillTable($('table-history'), [
    {key: 'changedAt', label: t('change.when'), format: h => dateTime(h.changedAt)},
    {key: 'fromStage', label: t('history.from'), format: h => stage(h.fromStage)},
    {key: 'toStage', label: t('history.to'), format: h => stage(h.toStage)},
    {key: 'probability', label: t('col.probability'), className: 'num', format: h => h.probability + '%'},
    {key: 'changedBy', label: t('change.who'), format: h => name(h.changedBy)},
    {key: 'note', label: t('history.note'), format: h => noteText(h.note)}
  ], p.stageHistory, {emptyText: t('table.empty')});
  fillTable($('table-evidence'), [
    {key: 'stageCode', label: t('col.stage'), format: e => stage(e.stageCode)},
    {key: 'outcome', label: t('evidence.outcome'), format: e => (language() === 'zh' && e.outcomeZh ? e.outcomeZh : e.outcome)},
    {key: 'evidence', label: t('evidence.text')},
    {key: 'recordedBy', label: t('change.who'), format: e => name(e.recordedBy)},
    {key: 'recordedAt', label: t('change.when'), format: e => dateTime(e.recordedAt)}
  ], p.evidence, {emptyText: t('evidence.none')});
  const mails = clear($('mails'));
  p.mails.forEach(m => mails.appendChild(el('li', {},
    el('div', {}, el('strong', {}, m.subject)), el('div', {class: 'hint'}, t('mail.to') + t('colon') + name(m.recipientId) + ' · ' + dateTime(m.createdAt)))));
  if (!p.mails.length) {
    mails.appendChild(el('li', {class: 'muted'}, t('mails.none')));
  }
  document.body.dataset.loaded = String(d.id);
}

/** The product's own notes of the stage history in the page's language; a person's words as they wrote them. */
function noteText(note) {
  if (!note) {
    return '';
  }
  let m;
  if ((m = /^Opened from lead (\d+)$/.exec(note))) {
    return t('note.opened', {lead: m[1]});
  }
  if ((m = /^Approved(?:: ([\s\S]*))?$/.exec(note))) {
    return m[1] ? t('note.approvedWith', {comment: m[1]}) : t('note.approved');
  }
  if (note === 'Small deal won (out of funnel)') {
    return t('note.smallWon');
  }
  if ((m = /^No-go: ([\s\S]*)$/.exec(note))) {
    return t('note.noGo', {reason: m[1]});
  }
  return localize(note);
}

function camel(field) {
  return {AMOUNT: 'amount', CLOSE_DATE: 'closeDate', PROBABILITY: 'probability', NEXT_STEP: 'nextStep'}[field];
}

function valueText(field, value) {
  if (value === null || value === undefined) {
    return '—';
  }
  return field === 'AMOUNT' ? amount(value) : field === 'PROBABILITY' ? value + '%' : value;
}

function renderTerms() {
  const p = state.page;
  const terms = clear($('terms'));
  for (const field of FIELDS) {
    const dd = el('dd', {id: 'term-' + field.key});
    if (state.editing === field.key) {
      const input = el('input', {id: 'input-' + field.key, type: field.input, class: field.key === 'nextStep' ? 'wide' : null,
        'aria-label': t(field.label)});
      input.value = state.draft ?? field.value(p.deal);
      input.addEventListener('keydown', e => {
        if (e.key === 'Enter') { e.preventDefault(); save(field.key, input.value); }
        if (e.key === 'Escape') { cancel(); }
      });
      dd.append(input, el('button', {type: 'button', class: 'primary', id: 'save-' + field.key,
        onclick: () => save(field.key, input.value)}, t('save')),
      el('button', {type: 'button', class: 'secondary', onclick: cancel}, t('cancel')));
      setTimeout(() => input.focus(), 0);
    } else {
      const value = el('span', {id: 'value-' + field.key, class: p.canEdit ? 'editable' : null}, field.show(p.deal));
      if (p.canEdit) {
        value.tabIndex = 0;
        value.title = t('edit');
        value.addEventListener('click', () => edit(field.key));
        value.addEventListener('keydown', e => e.key === 'Enter' && edit(field.key));
      }
      dd.appendChild(value);
    }
    if (field.key === 'probability') {
      dd.appendChild(el('span', {class: 'hint'}, t('field.cap', {cap: p.stage.probabilityCap, stage: stageName(p.stage)})));
    }
    if (state.errors[field.key]) {
      dd.appendChild(el('span', {class: 'field-error', id: 'error-' + field.key, role: 'alert'}, state.errors[field.key]));
    }
    if (state.saved === field.key) {
      dd.appendChild(el('span', {class: 'ok', role: 'status'}, t('saved')));
    }
    terms.append(el('dt', {}, t(field.label)), dd);
  }
}

function edit(key) {
  state.editing = key;
  state.draft = null;
  state.errors = {};
  state.saved = null;
  renderTerms();
}

function cancel() {
  state.editing = null;
  state.draft = null;
  state.errors = {};
  renderTerms();
}

async function save(key, value) {
  try {
    state.page = await api('/api/deals/' + id, {method: 'PATCH', body: JSON.stringify({[key]: value})});
    state.editing = null;
    state.draft = null;
    state.errors = {};
    state.saved = key;
    render();
  } catch (e) {
    if (!(e instanceof ApiError)) {
      failed(e);
      return;
    }
    state.draft = value;   // the rep's value stays in the field, with the reason beside it
    state.errors = {[key]: e.text()};
    state.saved = null;
    renderTerms();
  }
}

function renderTasks() {
  const p = state.page;
  const list = clear($('tasks'));
  p.openTasks.forEach(task => list.appendChild(el('li', {},
    el('a', {href: task.link, class: 'task-link', dataset: {task: task.id}}, task.name),
    el('div', {class: 'hint'}, t('tasks.assignee') + t('colon') + (task.assignee ? name(task.assignee) : '—') + ' · ' + dateTime(task.created)))));
  if (!p.openTasks.length) {
    list.appendChild(el('li', {class: 'muted'}, t('tasks.none')));
  }
  const requests = clear($('requests'));
  p.advanceRequests.forEach(r => requests.appendChild(el('li', {},
    t('request.line', {from: stage(r.fromStage), to: stage(r.toStage), probability: r.claimedProbability,
      status: t('request.status.' + r.status)}),
    el('div', {class: 'hint'}, t('request.approver', {name: name(r.approverId)}) + (r.decisionComment ? ' · ' + r.decisionComment : '')))));
  if (!p.advanceRequests.length) {
    requests.appendChild(el('li', {class: 'muted'}, t('table.empty')));
  }
}

function renderComments() {
  const p = state.page;
  const list = clear($('comments'));
  p.comments.forEach(c => list.appendChild(el('li', {},
    el('div', {}, c.body), el('div', {class: 'hint'}, name(c.authorId) + ' · ' + dateTime(c.createdAt)))));
  if (!p.comments.length) {
    list.appendChild(el('li', {class: 'muted'}, t('comments.none')));
  }
  $('comment-text').placeholder = t('comments.placeholder');
  $('comment-form').hidden = !p.canComment;
}

$('comment-form').addEventListener('submit', async event => {
  event.preventDefault();   // the page's CSP allows no inline handler: the form must not navigate
  try {
    state.page = await api('/api/deals/' + id + '/comments', {method: 'POST', body: JSON.stringify({body: $('comment-text').value})});
    $('comment-text').value = '';
    $('comment-error').hidden = true;
    render();
  } catch (e) {
    if (!(e instanceof ApiError)) {
      failed(e);
      return;
    }
    $('comment-error').textContent = e.text();
    $('comment-error').hidden = false;
  }
});

async function load() {
  show('loading');
  try {
    state.page = await api('/api/deals/' + encodeURIComponent(id || ''));
    show('content');
    render();
  } catch (e) {
    failed(e);
  }
}

languageSwitch('deal.title', render);
load();
