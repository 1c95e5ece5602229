// The manager's dashboard: reads /api/metrics and /api/snapshots with the Tasklist sign-in (session cookie,
// X-Requested-With so the API knows it is this page) and draws the figures, charts and tables.
import {t, language, setLanguage, translatePage} from './i18n.js';
import {amount, count, percent, days, dateTime, el, clear, fillTable, download} from './format.js';
import {explanation, flagClass, flagText, valueText} from './explain.js';
import * as charts from './charts.js';

const HEADERS = {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'};
const FIGURES = ['forecast', 'coverage', 'weeklyProgress', 'commitAccuracy', 'linearity', 'pipelineGrowth', 'commitGrowth',
  'unfulfilledShare', 'unfulfilledShareAllTime', 'compliance'];

class SignInNeeded extends Error {
}

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const state = {
  person: new URLSearchParams(location.search).get('person') || null,
  trail: [],          // [{id, name}] the people above the current one, as the manager drilled down
  data: null,         // what the API answered for the current person (re-rendered on a language switch)
  snapshots: [],
  changes: null
};

const $ = id => document.getElementById(id);

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {credentials: 'same-origin', ...options, headers: {...HEADERS, ...(options.headers || {})}});
  } catch (e) {
    throw new ApiError(0, e.message);
  }
  if (response.status === 401) {
    throw new SignInNeeded();
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, (body && (body.error || body.message)) || response.statusText);
  }
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== null && v !== undefined && v !== '') {
      q.set(k, v);
    }
  });
  const s = q.toString();
  return s ? '?' + s : '';
}

/** A section's own failure is shown in it; the rest of the page still works. */
async function optional(promise) {
  try {
    return {value: await promise};
  } catch (e) {
    if (e instanceof SignInNeeded) {
      throw e;
    }
    return {error: e};
  }
}

// --- loading ---------------------------------------------------------------------------------

async function load() {
  show('loading');
  try {
    const person = state.person;
    const overview = await api('/api/metrics/overview' + query({person}));
    const id = overview.personId;
    const [trend, funnel, compliance, categories, snapshots, meetings, forecasts, backtest] = await Promise.all([
      optional(api('/api/metrics/accuracy-trend' + query({person: id, weeks: 13}))),
      optional(api('/api/metrics/funnel' + query({person: id}))),
      optional(api('/api/metrics/compliance' + query({person: id, cycles: 13}))),
      optional(api('/api/metrics/categories' + query({person: id}))),
      optional(api('/api/snapshots' + query({person: id, limit: 20}))),
      optional(api('/api/meetings/compliance' + query(Object.assign({person: id}, quarterRange(overview.quarter))))),
      optional(api('/api/forecasting/forecasts' + query({person: id}))),
      optional(api('/api/forecasting/backtest' + query({person: id, quarters: 4})))
    ]);
    state.data = {overview, trend, funnel, compliance, categories, meetings, forecasts, backtest};
    state.snapshots = snapshots.value || [];
    state.snapshotError = snapshots.error;
    state.changes = null;
    state.changesLoaded = false;
    show('content'); // first: a chart drawn in a hidden element has no size
    render();
    await loadChanges();
    document.body.dataset.loadedPerson = id;
  } catch (e) {
    failed(e);
  }
}

/**
 * What changed from the snapshot picked (none picked: the week's baseline the API chooses, the newest weekly snapshot,
 * so a snapshot taken by hand does not replace the week's view) to the snapshot picked or the live pipeline.
 */
async function loadChanges(from, to) {
  const id = state.data.overview.personId;
  let fromId = from;
  state.changesTo = to;
  state.changesLoaded = true;
  state.changes = null;
  state.changesError = null;
  if (state.snapshots.length) {
    const result = await optional(api('/api/snapshots/changes' + query({person: id, from: fromId, to})));
    state.changes = result.value || null;
    state.changesError = result.error;
    if (state.changes && state.changes.from) {
      fromId = state.changes.from.id;
    }
  }
  state.changesFrom = fromId;
  renderChanges(fromId, to);
}

function failed(e) {
  if (e instanceof SignInNeeded) {
    $('signin-link').href = '/camunda/app/tasklist/';
    show('signin');
    return;
  }
  $('error-text').textContent = e.status ? t('error.http', {status: e.status, message: e.message}) : t('error.network', {message: e.message});
  show('error');
}

function show(which) {
  ['loading', 'signin', 'error', 'content'].forEach(id => {
    $(id).hidden = id !== which;
  });
}

// --- navigation (drill-down and breadcrumb) ------------------------------------------------

function drillDown(child) {
  const o = state.data.overview;
  state.trail = [...state.trail, {id: o.personId, name: o.name}];
  go(child.personId);
}

function goUp(index) {
  const target = state.trail[index];
  state.trail = state.trail.slice(0, index);
  go(target.id);
}

function go(personId) {
  state.person = personId;
  history.pushState({person: personId, trail: state.trail}, '', query({person: personId}) || location.pathname);
  load();
}

window.addEventListener('popstate', e => {
  state.person = (e.state && e.state.person) || new URLSearchParams(location.search).get('person');
  state.trail = (e.state && e.state.trail) || [];
  load();
});

// --- rendering --------------------------------------------------------------------------------

function render() {
  translatePage();
  document.querySelectorAll('.lang button').forEach(b => b.classList.toggle('active', b.dataset.lang === language()));
  const {overview} = state.data;
  renderHeading(overview);
  renderKpis(overview);
  renderTargets(overview);
  renderForecasting(state.data.forecasts, state.data.backtest);
  renderAccuracy(state.data.trend, overview);
  renderGrowth(overview);
  renderFunnel(state.data.funnel);
  renderCompliance(state.data.compliance);
  renderMeetings(state.data.meetings);
  renderCategories(state.data.categories);
  if (state.changesLoaded) {
    renderChanges(state.changesFrom, state.changesTo);
  }
}

function roleText(role) {
  return t('role.' + role);
}

function renderHeading(o) {
  const crumbs = $('breadcrumb');
  clear(crumbs);
  crumbs.hidden = !state.trail.length;
  state.trail.forEach((p, i) => {
    crumbs.append(el('a', {href: query({person: p.id}) || '#', onclick: e => {
      e.preventDefault();
      goUp(i);
    }}, p.name), el('span', {class: 'sep', 'aria-hidden': 'true'}, '›'));
  });
  crumbs.append(el('span', {class: 'current', 'aria-current': 'page'}, o.name));
  $('person-name').textContent = o.name;
  $('person-meta').textContent = t(o.team ? 'meta.team' : 'meta.person', {role: roleText(o.role), level: o.level});
  $('period').textContent = t('period', {asOf: o.asOf, week: o.week, month: o.month, quarter: o.quarter, currency: o.currency});
}

function card(label, value, {flagKey, flag, explain, testId, scope}) {
  const badge = flag ? el('span', {class: 'flag ' + flagClass(flagKey, flag)}, flagText(flagKey, flag)) : null;
  const scopeLine = scope ? el('p', {class: 'scope'}, t('scope.' + scope)) : null;
  return el('article', {class: 'kpi' + (flag ? ' ' + flagClass(flagKey, flag) : ''), dataset: {figure: testId}},
    el('h3', {}, label), scopeLine, el('div', {class: 'kpi-value'}, value), badge, el('p', {class: 'explain'}, explain || ''));
}

/** Open out-of-funnel deals: "3 · 90,000". */
function smallDeals(s) {
  return s ? count(s.count) + ' · ' + amount(s.amount) : '—';
}

function renderKpis(o) {
  const box = clear($('kpis'));
  const ratio = (a, b) => (a === null || b === null || Number(b) === 0 ? null : Number(a) / Number(b));
  box.append(
    card(t('kpi.quota'), amount(o.quota), {testId: 'quota', explain: o.quota === null ? t('kpi.noQuota') : ''}),
    card(t('kpi.stretch'), amount(o.stretch), {testId: 'stretch',
      explain: o.stretch === null ? '' : t('kpi.quota.explain', {stretch: amount(o.stretch), stretchPct: percent(ratio(o.stretch, o.quota))})}),
    card(t('kpi.booked'), amount(o.booked), {testId: 'booked', explain: t('kpi.booked.explain', {pct: percent(ratio(o.booked, o.quota))})}));
  const p = o.pipeline || {};
  box.append(
    card(t('kpi.pipelineThisQuarter'), amount(p.thisQuarter), {testId: 'pipelineThisQuarter', scope: 'PIPELINE_THIS_QUARTER'}),
    card(t('kpi.pipelineAllOpen'), amount(p.allOpen), {testId: 'pipelineAllOpen', scope: 'PIPELINE_ALL_OPEN'}),
    card(t('kpi.smallDeals'), smallDeals(p.smallDealsInProgress), {testId: 'smallDealsInProgress', explain: t('kpi.smallDeals.explain')}));
  for (const key of FIGURES) {
    const f = o[key];
    box.append(card(t('kpi.' + key), valueText(key, f), {flagKey: key, flag: f ? f.flag : 'NONE', explain: explanation(key, f), testId: key,
      scope: f && f.scope}));
  }
}

function targetRows(o) {
  if (o.children && o.children.length) {
    return o.children;
  }
  return [{personId: o.personId, name: o.name, role: o.role, team: o.team, quota: o.quota, stretch: o.stretch, booked: o.booked,
    forecast: o.forecast ? o.forecast.value : null, coverage: o.coverage ? o.coverage.value : null,
    commitAccuracy: o.commitAccuracy ? o.commitAccuracy.value : null, needsMorePipeline: o.forecast && o.forecast.flag === 'LOW',
    smallDealsInProgress: o.pipeline ? o.pipeline.smallDealsInProgress : null}];
}

function renderTargets(o) {
  const rows = targetRows(o);
  const drillable = o.children && o.children.length > 0;
  $('targets-hint').textContent = drillable ? t('targets.hint') : t('targets.hintRep');
  const chart = draw('chart-targets', charts.targets(rows));
  chart.off('click');
  if (drillable) {
    chart.on('click', p => drillDown(rows[p.dataIndex]));
  }
  const flagCell = (key, value, bad) => (value === null || value === undefined ? '—'
    : el('span', {class: 'flag ' + (bad ? 'flag-bad' : 'flag-ok')}, percent(value)));
  fillTable($('table-children'), [
    {key: 'name', label: t('col.name'), format: r => (drillable ? el('span', {class: 'drill'}, r.name, el('span', {class: 'chev', 'aria-hidden': 'true'}, ' ›')) : r.name)},
    {key: 'role', label: t('col.role'), format: r => roleText(r.role)},
    {key: 'quota', label: t('col.quota'), className: 'num', format: r => amount(r.quota)},
    {key: 'stretch', label: t('col.stretch'), className: 'num', format: r => amount(r.stretch)},
    {key: 'booked', label: t('col.booked'), className: 'num', format: r => amount(r.booked)},
    {key: 'forecast', label: t('col.forecast'), className: 'num', format: r => amount(r.forecast)},
    {key: 'coverage', label: t('col.coverage'), className: 'num', format: r => flagCell('coverage', r.coverage, r.coverage !== null && r.coverage < 1.5)},
    {key: 'commitAccuracy', label: t('col.commitAccuracy'), className: 'num',
      format: r => flagCell('commitAccuracy', r.commitAccuracy, r.commitAccuracy !== null && (r.commitAccuracy < 0.95 || r.commitAccuracy > 1.10))},
    {key: 'needsMorePipeline', label: t('col.needsMorePipeline'), csv: r => (r.needsMorePipeline ? t('yes') : t('no')),
      format: r => (r.needsMorePipeline ? el('span', {class: 'flag flag-bad'}, t('flag.forecast.LOW')) : t('no'))},
    {key: 'smallDealsInProgress', label: t('col.smallDeals'), className: 'num', format: r => smallDeals(r.smallDealsInProgress)}
  ], rows, {onRowClick: drillable ? r => drillDown(r) : null, emptyText: t('table.empty')});
}

function sectionError(sectionId, result) {
  const section = $(sectionId);
  section.querySelectorAll('.section-error').forEach(n => n.remove());
  if (result && result.error) {
    section.appendChild(el('p', {class: 'section-error'}, t('error.http', {status: result.error.status, message: result.error.message})));
    return true;
  }
  return false;
}

/**
 * The three forecasts of this quarter side by side with the week's commit (the one the setting makes "the forecast"
 * marked), and the back-test of the team in view (its branch): each method's and the commit's error per quarter.
 */
function renderForecasting(forecasts, backtest) {
  const box = clear($('forecasts'));
  if (!sectionError('section-forecasting', forecasts)) {
    const f = forecasts.value;
    $('forecasts-hint').textContent = t('forecasts.hint', {quarter: f.quarter, method: t('method.' + f.method)});
    const kpi = (key, value, testId, chosen) => el('article', {class: 'kpi' + (chosen ? ' the-forecast' : ''), dataset: {forecast: testId}},
      el('h3', {}, t(key)), el('div', {class: 'kpi-value'}, amount(value)),
      chosen ? el('span', {class: 'flag flag-ok'}, t('forecasts.chosen')) : null);
    box.append(kpi('method.CONFIGURED', f.configured, 'CONFIGURED', f.method === 'CONFIGURED'),
      kpi('method.LEARNED', f.learned, 'LEARNED', f.method === 'LEARNED'),
      kpi('method.CLAIMED', f.claimed, 'CLAIMED', f.method === 'CLAIMED'),
      kpi('forecasts.commit', f.commit, 'COMMIT', false), kpi('forecasts.booked', f.booked, 'BOOKED', false));
  }
  if (!backtest || (backtest.error && sectionError('section-forecasting', backtest))) {
    return;
  }
  const team = (backtest.value.teams || [])[0] || {quarters: [], methods: []};
  $('backtest-hint').textContent = t('backtest.hint', {name: team.name || '', from: backtest.value.from, to: backtest.value.to});
  draw('chart-backtest', charts.backtest(team.quarters || []));
  const rows = ['CONFIGURED', 'LEARNED', 'CLAIMED', 'COMMIT'].map(key => {
    const overall = key === 'COMMIT' ? team.commit : (team.methods || []).find(m => m.method === key);
    const row = {method: key, ape: overall ? overall.ape : null, bias: overall ? overall.bias : null, weeks: overall ? overall.weeks : 0};
    (team.quarters || []).forEach(q => {
      const g = key === 'COMMIT' ? q.commit : (q.methods || []).find(m => m.method === key);
      row[q.quarter] = g ? g.ape : null;
    });
    return row;
  });
  fillTable($('table-backtest'), [
    {key: 'method', label: t('col.method'), csv: r => t('method.' + r.method), format: r => t('method.' + r.method)},
    ...(team.quarters || []).map(q => ({key: q.quarter, label: t('col.apeOf', {quarter: q.quarter}), className: 'num',
      format: r => percent(r[q.quarter])})),
    {key: 'ape', label: t('col.apeAll'), className: 'num strong', format: r => percent(r.ape)},
    {key: 'bias', label: t('col.bias'), className: 'num', format: r => charts.signed(r.bias)},
    {key: 'weeks', label: t('col.weeks'), className: 'num', format: r => count(r.weeks)}
  ], rows, {emptyText: t('table.empty')});
}

function renderAccuracy(result, o) {
  if (sectionError('section-accuracy', result)) {
    return;
  }
  const weeks = result.value.weeks || [];
  draw('chart-accuracy', charts.accuracy(weeks, o.commitAccuracy && o.commitAccuracy.threshold));
  fillTable($('table-accuracy'), [
    {key: 'week', label: t('col.week')},
    {key: 'weekStart', label: t('col.weekStart')},
    {key: 'commit', label: t('col.commit'), className: 'num', format: r => amount(r.commit)},
    {key: 'actual', label: t('col.actual'), className: 'num', format: r => amount(r.actual)},
    {key: 'accuracy', label: t('col.accuracy'), className: 'num', format: r => percent(r.accuracy)},
    {key: 'flag', label: t('col.flag'), csv: r => t('flag.' + r.flag),
      format: r => el('span', {class: 'flag ' + flagClass('commitAccuracy', r.flag)}, t('flag.' + r.flag))}
  ], weeks, {emptyText: t('table.empty')});
}

function renderGrowth(o) {
  const row = (labelKey, key) => {
    const f = o[key] || {inputs: {}};
    const color = {GOOD: charts.COLORS.ok, LOW: charts.COLORS.bad}[f.flag] || charts.COLORS.forecast;
    return {label: t(labelKey), lastMonth: f.inputs.lastMonth ?? null, thisMonth: f.inputs.thisMonth ?? null, growth: f.value,
      flag: f.flag, flagText: flagText(key, f.flag), color, key, explain: explanation(key, f)};
  };
  const rows = [row('growth.pipelineAllOpen', 'pipelineGrowth'), row('growth.commitRow', 'commitGrowth')];
  draw('chart-growth', charts.growth(rows));
  fillTable($('table-growth'), [
    {key: 'label', label: t('col.measure')},
    {key: 'lastMonth', label: t('col.lastMonth'), className: 'num', format: r => amount(r.lastMonth)},
    {key: 'thisMonth', label: t('col.thisMonth'), className: 'num', format: r => amount(r.thisMonth)},
    {key: 'growth', label: t('col.growth'), className: 'num', format: r => percent(r.growth)},
    {key: 'flagText', label: t('col.flag'), format: r => el('span', {class: 'flag ' + flagClass(r.key, r.flag)}, r.flagText)}
  ], rows);
}

function renderFunnel(result) {
  if (sectionError('section-funnel', result)) {
    return;
  }
  const f = result.value;
  // the stage names in the page's language: the stage model's Chinese name where it has one (the English name kept
  // apart, so that a render after switching the language back shows English again)
  f.stages = (f.stages || []).map(s => {
    const nameEn = s.nameEn || s.name;
    return {...s, nameEn, name: language() === 'zh' && s.nameZh ? s.nameZh : nameEn};
  });
  const p = f.person || {};
  const c = f.company || {};
  $('funnel-overall').textContent = t('funnel.overall', {pw: percent(p.winRate), cw: percent(c.winRate), pd: amount(p.avgDealSize),
    cd: amount(c.avgDealSize), pc: days(p.cycleDays), cc: days(c.cycleDays), won: count(p.won), closed: count(p.closed)});
  draw('chart-funnel', charts.funnel(f.stages || []));
  const pctCount = (pct, n) => percent(pct) + ' (' + count(n) + ')';
  fillTable($('table-funnel'), [
    {key: 'name', label: t('col.stage')},
    {key: 'winRate', label: t('col.winRate'), className: 'num', format: r => r.winRate + ' %'},
    {key: 'person.entered', label: t('col.entered'), className: 'num', format: r => count(r.person.entered)},
    {key: 'person.convertedPct', label: t('col.converted'), className: 'num', format: r => pctCount(r.person.convertedPct, r.person.converted)},
    {key: 'person.lostPct', label: t('col.lost'), className: 'num', format: r => pctCount(r.person.lostPct, r.person.lost)},
    {key: 'person.inStage', label: t('col.inStage'), className: 'num', format: r => count(r.person.inStage)},
    {key: 'person.stuck', label: t('col.stuckDays', {days: f.stuckDays}), className: 'num', format: r => count(r.person.stuck)},
    {key: 'person.avgDays', label: t('col.avgDays'), className: 'num', format: r => days(r.person.avgDays)},
    {key: 'company.entered', label: t('col.companyEntered'), className: 'num sep-left', format: r => count(r.company.entered)},
    {key: 'company.convertedPct', label: t('col.companyConverted'), className: 'num', format: r => pctCount(r.company.convertedPct, r.company.converted)},
    {key: 'company.lostPct', label: t('col.companyLost'), className: 'num', format: r => pctCount(r.company.lostPct, r.company.lost)},
    {key: 'company.inStage', label: t('col.companyInStage'), className: 'num', format: r => count(r.company.inStage)},
    {key: 'company.stuck', label: t('col.companyStuckDays', {days: f.stuckDays}), className: 'num', format: r => count(r.company.stuck)},
    {key: 'company.avgDays', label: t('col.companyAvgDays'), className: 'num', format: r => days(r.company.avgDays)}
  ], f.stages || [], {emptyText: t('table.empty')});
}

function renderCompliance(result) {
  if (sectionError('section-compliance', result)) {
    return;
  }
  const cycles = result.value.cycles || [];
  draw('chart-compliance', charts.compliance(cycles));
  fillTable($('table-compliance'), [
    {key: 'cycleKey', label: t('col.cycle')},
    {key: 'cadence', label: t('col.cadence'), format: r => t('cadence.' + r.cadence)},
    {key: 'due', label: t('col.due'), className: 'num'},
    {key: 'onTime', label: t('col.onTime'), className: 'num'},
    {key: 'late', label: t('col.late'), className: 'num'},
    {key: 'missing', label: t('col.missing'), className: 'num'},
    {key: 'open', label: t('col.openReports'), className: 'num', format: r => count(r.open ?? 0)},
    {key: 'rate', label: t('col.rate'), className: 'num', format: r => percent(r.rate)}
  ], cycles, {emptyText: t('table.empty')});
}

/** The quarter "2026-Q4" as the dates [from, to) of /api/meetings/compliance. */
function quarterRange(quarter) {
  const [year, q] = String(quarter).split('-Q').map(Number);
  const pad = m => String(m).padStart(2, '0');
  const from = year + '-' + pad((q - 1) * 3 + 1) + '-01';
  const to = q === 4 ? (year + 1) + '-01-01' : year + '-' + pad(q * 3 + 1) + '-01';
  return {from, to};
}

function renderMeetings(result) {
  if (sectionError('section-meetings', result)) {
    return;
  }
  const byKind = result.value.byKind || {};
  const rows = Object.keys(byKind).map(kind => Object.assign({kind}, byKind[kind]));
  rows.push(Object.assign({kind: 'total'}, result.value.total));
  fillTable($('table-meetings'), [
    {key: 'kind', label: t('col.meeting'), format: r => t('meeting.' + r.kind)},
    {key: 'held', label: t('col.held'), className: 'num'},
    {key: 'late', label: t('col.late'), className: 'num'},
    {key: 'notHeld', label: t('col.notHeld'), className: 'num'},
    {key: 'open', label: t('col.openReports'), className: 'num'},
    {key: 'ratePercent', label: t('col.heldRate'), className: 'num', format: r => r.ratePercent == null ? '—' : r.ratePercent + '%'}
  ], rows, {emptyText: t('table.empty')});
}

function renderCategories(result) {
  const table = $('table-categories');
  if (result.error && result.error.status === 404) {
    $('categories-hint').textContent = t('categories.none');
    fillTable(table, [{key: 'name', label: t('col.name')}], [], {emptyText: t('table.empty')});
    return;
  }
  if (sectionError('section-categories', result)) {
    return;
  }
  const v = result.value;
  $('categories-hint').textContent = t('categories.hint', {cycleKey: v.cycleKey});
  const bucket = (b, k) => (b && b[k] !== null && b[k] !== undefined ? b[k] : null);
  const cols = [{key: 'name', label: t('col.name')}];
  for (const [cat, prefix] of [['commit', 'col.commit'], ['upside', 'col.upside']]) {
    for (const [k, suffix] of [['raw', 'Raw'], ['own', 'Own'], ['adjustedAbove', 'Above'], ['final', 'Final']]) {
      cols.push({key: cat + '.' + k, label: t(prefix + suffix), className: 'num' + (k === 'final' ? ' strong' : ''),
        format: r => amount(bucket(r[cat], k))});
    }
  }
  cols.push({key: 'pipeline', label: t('col.pipelineAllOpen'), className: 'num', format: r => amount(r.pipeline)});
  cols.push({key: 'smallDealsInProgress', label: t('col.smallDeals'), className: 'num', format: r => smallDeals(r.smallDealsInProgress)});
  fillTable(table, cols, v.rows || [], {emptyText: t('table.empty'), footer: {name: t('total'), ...v.total}});
}

function renderChanges(fromId, toId) {
  const from = $('snapshot-from');
  const to = $('snapshot-to');
  clear(from);
  clear(to);
  const label = s => dateTime(s.takenAt) + ' · ' + t('snapshot.kind.' + s.kind) + (s.cycleKey ? ' ' + s.cycleKey : '');
  state.snapshots.forEach(s => from.appendChild(el('option', {value: String(s.id)}, label(s))));
  to.appendChild(el('option', {value: ''}, t('changes.live')));
  state.snapshots.forEach(s => to.appendChild(el('option', {value: String(s.id)}, label(s))));
  if (fromId !== undefined && fromId !== null) {
    from.value = String(fromId);
  }
  to.value = toId ? String(toId) : '';
  const o = state.data.overview;
  $('snapshot-take').hidden = !(o.team || o.role === 'ADMIN');
  const summary = $('changes-summary');
  const section = 'section-changes';
  $(section).querySelectorAll('.section-error').forEach(n => n.remove());
  if (state.changesError || state.snapshotError) {
    sectionError(section, {error: state.changesError || state.snapshotError});
  }
  const c = state.changes;
  if (!c) {
    summary.textContent = state.snapshots.length ? '' : t('changes.none');
    draw('chart-waterfall', charts.waterfall({startAmount: 0, endAmount: 0, waterfall: []}));
    fillTable($('table-changes'), changeColumns(), [], {emptyText: t('table.empty')});
    return;
  }
  summary.textContent = t('changes.summary', {start: amount(c.startAmount), end: amount(c.endAmount), stageMoved: count(c.stageMoved)});
  draw('chart-waterfall', charts.waterfall(c));
  fillTable($('table-changes'), changeColumns(), c.changes || [], {emptyText: t('table.empty')});
}

/** A stage code as the page's language names it (the funnel's stages); WON and LOST as the waterfall names them. */
function stageName(code) {
  if (!code) {
    return '';
  }
  const funnel = state.data && state.data.funnel && state.data.funnel.value;
  const stage = ((funnel && funnel.stages) || []).find(s => s.code === code);
  if (stage) {
    return language() === 'zh' && stage.nameZh ? stage.nameZh : stage.name;
  }
  return code === 'WON' || code === 'LOST' ? t('wf.' + code) : code;
}

/** A change's owner by name (the API names them in ownerNames), the login when the name is unknown. */
function ownerName(row) {
  return ((state.changes && state.changes.ownerNames) || {})[row.owner] || row.owner;
}

function changeColumns() {
  return [
    {key: 'name', label: t('col.deal')},
    {key: 'owner', label: t('col.owner'), format: ownerName, csv: ownerName},
    {key: 'categories', label: t('col.categories'), format: r => (r.categories || []).map(k => t('wf.' + k)).join(', ')},
    {key: 'fromAmount', label: t('col.fromAmount'), className: 'num', format: r => amount(r.fromAmount)},
    {key: 'toAmount', label: t('col.toAmount'), className: 'num', format: r => amount(r.toAmount)},
    {key: 'fromStage', label: t('col.fromStage'), format: r => stageName(r.fromStage), csv: r => stageName(r.fromStage)},
    {key: 'toStage', label: t('col.toStage'), format: r => stageName(r.toStage), csv: r => stageName(r.toStage)},
    {key: 'fromClose', label: t('col.fromClose')},
    {key: 'toClose', label: t('col.toClose')}
  ];
}

// --- charts -----------------------------------------------------------------------------------

function draw(id, option) {
  const node = $(id);
  const chart = echarts.getInstanceByDom(node) || echarts.init(node, null, {renderer: 'canvas'});
  const empty = !hasData(option);
  node.dataset.empty = String(empty);
  chart.setOption(empty ? noData(option) : option, true);
  return chart;
}

/** Whether any shown series holds a value other than nothing or zero ('_' series are helpers, as the waterfall's base). */
function hasData(option) {
  return (option.series || []).filter(s => !String(s.name || '').startsWith('_'))
    .flatMap(s => s.data || [])
    .map(v => (v !== null && typeof v === 'object' ? v.value : v))
    .some(v => v !== null && v !== undefined && v !== '-' && Number(v) !== 0 && !Number.isNaN(Number(v)));
}

/** A chart without data says so ("No data yet" / "暂无数据") instead of showing empty axes. */
function noData(option) {
  const hide = axis => (Array.isArray(axis) ? axis.map(a => ({...a, show: false})) : axis && {...axis, show: false});
  return {...option, xAxis: hide(option.xAxis), yAxis: hide(option.yAxis), legend: {show: false}, tooltip: {show: false},
    series: (option.series || []).map(s => ({...s, markArea: undefined, markLine: undefined, label: {show: false}})),
    title: {text: t('chart.noData'), left: 'center', top: 'middle', textStyle: {color: '#8a94a6', fontSize: 15, fontWeight: 'normal'}}};
}

window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach(n => {
  const chart = echarts.getInstanceByDom(n);
  if (chart) {
    chart.resize();
  }
}));

// --- controls ---------------------------------------------------------------------------------

document.querySelectorAll('.lang button').forEach(button => button.addEventListener('click', () => {
  setLanguage(button.dataset.lang);
  if (state.data) {
    render();
  } else {
    translatePage();
  }
  document.querySelectorAll('.lang button').forEach(b => b.classList.toggle('active', b.dataset.lang === language()));
}));

document.querySelectorAll('button.csv').forEach(button => button.addEventListener('click', () => {
  const table = $(button.dataset.table);
  if (table && table.csv) {
    const who = state.data ? state.data.overview.personId : 'dashboard';
    const asOf = state.data ? state.data.overview.asOf : '';
    download(button.dataset.table.replace(/^table-/, '') + '-' + who + '-' + asOf + '.csv', table.csv());
  }
}));

$('signin-retry').addEventListener('click', () => load());
// the Tasklist's sign-in brings the person back here (scripts/return-after-sign-in.js of the Tasklist reads this
// tab's note once the person has signed in)
$('signin-link').addEventListener('click', () => {
  sessionStorage.setItem('cadence.returnTo', JSON.stringify({path: location.pathname + location.search, at: Date.now()}));
});
$('snapshot-from').addEventListener('change', () => loadChanges($('snapshot-from').value, $('snapshot-to').value || undefined));
$('snapshot-to').addEventListener('change', () => loadChanges($('snapshot-from').value, $('snapshot-to').value || undefined));
$('snapshot-take').addEventListener('click', async () => {
  try {
    await api('/api/snapshots', {method: 'POST'});
    const id = state.data.overview.personId;
    state.snapshots = await api('/api/snapshots' + query({person: id, limit: 20}));
    await loadChanges(state.changesFrom, state.changesTo); // the view compared so far stays, the new snapshot is listed
  } catch (e) {
    failed(e);
  }
});

translatePage();
document.querySelectorAll('.lang button').forEach(b => b.classList.toggle('active', b.dataset.lang === language()));
if (history.state && history.state.trail) {
  state.trail = history.state.trail;
}
load();
