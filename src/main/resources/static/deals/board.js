// "My deals": the deals the person may see (/api/deals) as a board by stage and as a sortable, filterable list with
// totals in the base currency. The view, filters and sort live in the page's address so a link keeps them.
import {t, language} from '../dashboard/i18n.js';
import {amount, el, clear, fillTable, download} from '../dashboard/format.js';
import {stageName} from './texts.js';
import {api, $, show, failed, languageSwitch} from './api.js';

const params = new URLSearchParams(location.search);
const state = {
  data: null,
  view: params.get('view') === 'list' ? 'list' : 'board',
  sort: params.get('sort') || 'closeDate',
  direction: params.get('dir') === 'desc' ? -1 : 1
};

const COLUMNS = () => [
  {key: 'name', label: t('col.deal'), format: d => (d.id ? el('a', {href: 'deal.html?id=' + d.id}, d.name) : d.name)},
  {key: 'accountName', label: t('col.account')},
  {key: 'ownerName', label: t('col.owner')},
  {key: 'stageCode', label: t('col.stage'), format: d => stageName(stageOf(d.stageCode)), csv: d => stageName(stageOf(d.stageCode))},
  {key: 'baseAmount', label: t('col.amount') + ' (' + state.data.baseCurrency + ')', className: 'num',
    format: d => (d.baseAmount === null ? '' : amount(d.baseAmount))},
  {key: 'probability', label: t('col.probability'), className: 'num', format: d => (d.probability === null ? '' : d.probability + '%')},
  {key: 'weighted', label: t('col.weighted'), className: 'num', format: d => (d.weighted === null ? '' : amount(d.weighted))},
  {key: 'closeDate', label: t('col.close'), format: d => d.closeDate ? el('span', {}, d.closeDate, tags(d)) : ''},
  {key: 'nextStep', label: t('col.nextStep')},
  {key: 'status', label: t('col.status'), format: d => (d.status ? t('status.' + d.status) : ''), csv: d => d.status}
];

function stageOf(code) {
  return state.data.stages.find(s => s.code === code);
}

function tags(d) {
  return [d.overdue ? el('span', {class: 'tag overdue', title: t('overdue.title')}, t('overdue')) : null,
    !d.inFunnel ? el('span', {class: 'tag small', title: t('small.title')}, t('small')) : null];
}

function filtered() {
  const text = $('filter-text').value.trim().toLowerCase();
  const stage = $('filter-stage').value;
  const owner = $('filter-owner').value;
  const status = $('filter-status').value;
  const overdue = $('filter-overdue').checked;
  return state.data.deals.filter(d => (!text || [d.name, d.accountName, d.ownerName, d.nextStep].some(v => v && v.toLowerCase().includes(text)))
    && (!stage || d.stageCode === stage) && (!owner || d.ownerId === owner) && (!status || d.status === status)
    && (!overdue || d.overdue));
}

function sorted(deals) {
  const key = state.sort;
  const collator = new Intl.Collator(language() === 'zh' ? 'zh-CN' : 'en');
  return [...deals].sort((a, b) => {
    const x = a[key], y = b[key];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (typeof x === 'number' ? x - y : collator.compare(String(x), String(y))) * state.direction;
  });
}

function sum(deals, key) {
  return deals.reduce((total, d) => total + Number(d[key] || 0), 0);
}

function render() {
  if (!state.data) {
    return;
  }
  const v = state.data.viewer;
  $('heading').textContent = v.team ? t('deals.teamTitle') : t('deals.title');
  $('page-title').textContent = $('heading').textContent;
  document.title = $('heading').textContent;
  $('viewer').textContent = v.name;
  $('owner-filter').hidden = !v.team;
  fillSelect('filter-stage', state.data.stages.map(s => [s.code, stageName(s)]));
  const owners = [...new Map(state.data.deals.map(d => [d.ownerId, d.ownerName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  fillSelect('filter-owner', owners);
  fillSelect('filter-status', ['OPEN', 'WON', 'LOST'].map(s => [s, t('status.' + s)]));
  $('filter-text').placeholder = t('filter.search');
  $('tab-board').classList.toggle('active', state.view === 'board');
  $('tab-list').classList.toggle('active', state.view === 'list');
  $('board').hidden = state.view !== 'board';
  $('list').hidden = state.view !== 'list';
  const deals = sorted(filtered());
  const pipeline = deals.filter(d => d.inFunnel);
  $('totals').textContent = t('totals', {count: deals.length, amount: amount(sum(deals, 'baseAmount')),
    weighted: amount(sum(pipeline, 'weighted')), currency: state.data.baseCurrency});
  if (state.view === 'board') {
    renderBoard(deals);
  } else {
    renderList(deals);
  }
  document.body.dataset.loaded = 'true';
}

function fillSelect(id, options) {
  const select = $(id);
  const chosen = select.dataset.initial !== undefined ? select.dataset.initial : select.value;
  delete select.dataset.initial;
  clear(select);
  select.appendChild(el('option', {value: ''}, t('filter.all')));
  options.forEach(([value, label]) => select.appendChild(el('option', {value}, label)));
  select.value = options.some(([value]) => value === chosen) ? chosen : '';
}

function renderBoard(deals) {
  const board = clear($('board'));
  const status = $('filter-status').value;
  const stages = state.data.stages.filter(s => (status ? (status === 'OPEN' ? s.kind === 'OPEN' : s.kind === status) : true));
  for (const stage of stages) {
    const inStage = deals.filter(d => d.stageCode === stage.code);
    const column = el('section', {class: 'column', dataset: {stage: stage.code}},
      el('h3', {}, stageName(stage) + ' · ' + stage.winRate + '%'),
      el('p', {class: 'sum'}, t('board.column', {count: inStage.length, amount: amount(sum(inStage, 'baseAmount'))})));
    inStage.forEach(d => column.appendChild(card(d)));
    if (!inStage.length) {
      column.appendChild(el('p', {class: 'muted hint'}, t('board.empty')));
    }
    board.appendChild(column);
  }
}

function card(d) {
  return el('a', {class: 'deal-card', href: 'deal.html?id=' + d.id, dataset: {deal: String(d.id)}},
    el('div', {class: 'name'}, d.name),
    el('div', {class: 'meta'}, d.accountName + (state.data.viewer.team ? ' · ' + d.ownerName : '')),
    el('div', {class: 'meta'}, el('span', {class: 'money'}, amount(d.amount) + ' ' + d.currency), ' · ' + d.probability + '% · ',
      d.closeDate, tags(d)),
    d.nextStep ? el('div', {class: 'meta'}, t('col.nextStep') + t('colon') + d.nextStep) : null);
}

function renderList(deals) {
  const columns = COLUMNS();
  const pipeline = deals.filter(d => d.inFunnel);
  fillTable($('table-deals'), columns, deals, {
    emptyText: t('table.empty'),
    footer: {name: t('total') + ' (' + deals.length + ')', baseAmount: sum(deals, 'baseAmount'), weighted: sum(pipeline, 'weighted'),
      accountName: '', ownerName: '', stageCode: null, probability: null, closeDate: null, nextStep: '', status: null}
  });
  $('table-deals').querySelectorAll('thead th').forEach((th, i) => {
    const key = columns[i].key;
    th.classList.add('sortable');
    th.tabIndex = 0;
    if (key === state.sort) {
      th.setAttribute('aria-sort', state.direction > 0 ? 'ascending' : 'descending');
    }
    const sortBy = () => {
      state.direction = state.sort === key ? -state.direction : 1;
      state.sort = key;
      remember();
      render();
    };
    th.addEventListener('click', sortBy);
    th.addEventListener('keydown', e => e.key === 'Enter' && sortBy());
  });
}

function remember() {
  const q = new URLSearchParams();
  q.set('view', state.view);
  q.set('sort', state.sort);
  q.set('dir', state.direction > 0 ? 'asc' : 'desc');
  history.replaceState(null, '', '?' + q.toString());
}

async function load() {
  show('loading');
  try {
    state.data = await api('/api/deals');
    show('content');
    render();
  } catch (e) {
    failed(e);
  }
}

$('filters').addEventListener('submit', e => e.preventDefault());   // Enter in the search field filters, never reloads
$('filter-status').dataset.initial = params.get('status') ?? 'OPEN';
['filter-text', 'filter-stage', 'filter-owner', 'filter-status', 'filter-overdue'].forEach(id =>
  $(id).addEventListener('input', render));
$('tab-board').addEventListener('click', () => { state.view = 'board'; remember(); render(); });
$('tab-list').addEventListener('click', () => { state.view = 'list'; remember(); render(); });
$('csv').addEventListener('click', () => download('deals.csv', $('table-deals').csv()));
languageSwitch('deals.title', render);
load();
