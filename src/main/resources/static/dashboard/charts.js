// ECharts options. Tooltips render as rich text on the canvas (renderMode 'richText'), never as HTML, so a
// name from the data (a person, a deal) cannot inject markup; axis and series labels are canvas text too.
import {t} from './i18n.js';
import {amount, percent, count} from './format.js';

export const COLORS = {
  booked: '#1f7a4d', forecast: '#2f6fde', quota: '#8a94a6', stretch: '#c9d1de',
  person: '#2f6fde', company: '#9aa8bf', ok: '#1f9d55', warn: '#d98e04', bad: '#d64545', none: '#a0a8b8',
  band: 'rgba(31,157,85,0.10)', up: '#1f9d55', down: '#d64545', base: '#5b6b86'
};

const FONT = {fontFamily: '-apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'};

function base() {
  return {
    textStyle: FONT,
    animationDuration: 400,
    grid: {left: 12, right: 16, top: 40, bottom: 8, containLabel: true},
    legend: {top: 4, icon: 'roundRect', itemWidth: 12, itemHeight: 10},
    tooltip: {trigger: 'axis', renderMode: 'richText', confine: true, axisPointer: {type: 'shadow'}}
  };
}

/** Braces would start a rich-text style in a label: keep names literal. */
export function plain(text) {
  return String(text ?? '').replace(/[{}|]/g, c => ({'{': '(', '}': ')', '|': '/'}[c]));
}

function axisTooltip(format) {
  return params => {
    const list = Array.isArray(params) ? params : [params];
    return [plain(list[0].name), ...list.filter(p => !p.seriesName.startsWith('_'))
      .map(p => plain(p.seriesName) + ': ' + format(p.value, p))].join('\n');
  };
}

export function targets(rows) {
  const option = base();
  option.xAxis = {type: 'category', data: rows.map(r => plain(r.name)), axisLabel: {interval: 0, overflow: 'truncate', width: 110}};
  option.yAxis = {type: 'value', axisLabel: {formatter: v => amount(v)}};
  option.tooltip.formatter = axisTooltip(v => amount(v));
  const bar = (key, color, data) => ({name: t('series.' + key), type: 'bar', data, itemStyle: {color, borderRadius: [3, 3, 0, 0]},
    barMaxWidth: 28, emphasis: {focus: 'series'}, cursor: 'pointer'});
  option.series = [
    bar('booked', COLORS.booked, rows.map(r => r.booked)),
    bar('forecast', COLORS.forecast, rows.map(r => r.forecast)),
    bar('quota', COLORS.quota, rows.map(r => r.quota)),
    bar('stretch', COLORS.stretch, rows.map(r => r.stretch))
  ];
  return option;
}

function parseBand(threshold) {
  const m = /(\d+(?:\.\d+)?)%\s*-\s*(\d+(?:\.\d+)?)%/.exec(threshold || '');
  return m ? [Number(m[1]) / 100, Number(m[2]) / 100] : [0.95, 1.10];
}

export function accuracy(weeks, threshold) {
  const [low, high] = parseBand(threshold);
  const option = base();
  option.xAxis = {type: 'category', data: weeks.map(w => w.week), axisLabel: {rotate: 45}};
  const top = Math.max(high + 0.2, ...weeks.map(w => (w.accuracy === null ? 0 : Number(w.accuracy) + 0.1)));
  option.grid.top = 48;
  option.yAxis = [
    {type: 'value', name: t('series.accuracy'), nameTextStyle: {align: 'left'}, min: 0, max: Math.ceil(top * 4) / 4, interval: 0.25,
      axisLabel: {formatter: v => percent(v, 0)}},
    {type: 'value', name: t('series.commit'), nameTextStyle: {align: 'right'}, min: 0, minInterval: 1,
      axisLabel: {formatter: v => amount(v)}, splitLine: {show: false}}
  ];
  option.tooltip.formatter = params => {
    const w = weeks[params[0].dataIndex];
    return [w.week + ' (' + w.weekStart + ')', t('series.commit') + ': ' + amount(w.commit),
      t('series.actual') + ': ' + amount(w.actual), t('series.accuracy') + ': ' + percent(w.accuracy) + ' · ' + t('flag.' + w.flag)].join('\n');
  };
  const pointColor = w => (w.flag === 'OK' ? COLORS.ok : w.flag === 'NONE' ? COLORS.none : w.flag === 'HIGH' ? COLORS.warn : COLORS.bad);
  option.series = [
    {name: t('series.commit'), type: 'bar', yAxisIndex: 1, data: weeks.map(w => w.commit), itemStyle: {color: COLORS.stretch}, barMaxWidth: 18},
    {name: t('series.actual'), type: 'bar', yAxisIndex: 1, data: weeks.map(w => w.actual), itemStyle: {color: COLORS.quota}, barMaxWidth: 18},
    {name: t('series.accuracy'), type: 'line', yAxisIndex: 0, connectNulls: false, symbolSize: 9, z: 5,
      lineStyle: {color: COLORS.forecast, width: 2}, itemStyle: {color: COLORS.forecast},
      data: weeks.map(w => ({value: w.accuracy, itemStyle: {color: pointColor(w)}})),
      markArea: {silent: true, itemStyle: {color: COLORS.band},
        label: {show: true, position: 'insideTopRight', color: COLORS.ok, formatter: t('accuracy.band', {threshold: threshold || '95%-110%'})},
        data: [[{yAxis: low}, {yAxis: high}]]},
      markLine: {silent: true, symbol: 'none', lineStyle: {color: COLORS.ok, type: 'dashed'}, label: {show: false},
        data: [{yAxis: low}, {yAxis: high}]}}
  ];
  return option;
}

export function growth(rows) {
  const option = base();
  option.xAxis = {type: 'category', data: rows.map(r => r.label)};
  option.yAxis = {type: 'value', axisLabel: {formatter: v => amount(v)}};
  option.tooltip.formatter = params => {
    const r = rows[params[0].dataIndex];
    return [r.label, t('col.lastMonth') + ': ' + amount(r.lastMonth), t('col.thisMonth') + ': ' + amount(r.thisMonth),
      t('col.growth') + ': ' + percent(r.growth) + ' · ' + r.flagText].join('\n');
  };
  option.series = [
    {name: t('col.lastMonth'), type: 'bar', data: rows.map(r => r.lastMonth), itemStyle: {color: COLORS.quota}, barMaxWidth: 40},
    {name: t('col.thisMonth'), type: 'bar', data: rows.map(r => ({value: r.thisMonth, itemStyle: {color: r.color}})),
      barMaxWidth: 40, label: {show: true, position: 'top', formatter: p => percent(rows[p.dataIndex].growth)}}
  ];
  return option;
}

export function funnel(stages) {
  const option = base();
  option.tooltip = {trigger: 'item', renderMode: 'richText', confine: true, formatter: p => {
    const s = stages[p.dataIndex];
    const f = p.seriesIndex === 0 ? s.person : s.company;
    return [plain(p.seriesName) + ' · ' + plain(s.name), t('col.entered') + ': ' + count(f.entered),
      t('col.converted') + ': ' + percent(f.convertedPct) + ' (' + count(f.converted) + ')',
      t('col.lost') + ': ' + percent(f.lostPct) + ' (' + count(f.lost) + ')', t('col.stuck') + ': ' + count(f.stuck),
      t('col.avgDays') + ': ' + (f.avgDays ?? '—')].join('\n');
  }};
  option.legend = {top: 4, data: [t('funnel.person'), t('funnel.company')]};
  const series = (name, pick, left, color) => {
    const max = Math.max(1, ...stages.map(s => pick(s).entered));
    return {name, type: 'funnel', sort: 'none', left, width: '44%', top: 40, bottom: 10, min: 0, max, minSize: '8%', gap: 2,
      itemStyle: {color, borderColor: '#fff', borderWidth: 1},
      label: {show: true, position: 'inside', color: '#fff', textBorderColor: 'rgba(15,25,45,0.75)', textBorderWidth: 3, formatter: p => {
        const f = pick(stages[p.dataIndex]);
        return plain(stages[p.dataIndex].name) + '  ' + count(f.entered) + ' · ' + percent(f.convertedPct, 0);
      }},
      data: stages.map((s, i) => ({name: plain(s.name), value: pick(s).entered,
        itemStyle: {color: color, opacity: 1 - i * (0.3 / Math.max(1, stages.length))}}))};
  };
  option.series = [
    series(t('funnel.person'), s => s.person, '4%', COLORS.person),
    series(t('funnel.company'), s => s.company, '52%', COLORS.base)
  ];
  return option;
}

export function compliance(cycles) {
  const option = base();
  option.xAxis = {type: 'category', data: cycles.map(c => c.cycleKey), axisLabel: {rotate: 45}};
  option.yAxis = [{type: 'value', minInterval: 1}, {type: 'value', min: 0, max: 1, axisLabel: {formatter: v => percent(v, 0)}, splitLine: {show: false}}];
  option.tooltip.formatter = params => {
    const c = cycles[params[0].dataIndex];
    return [c.cycleKey, t('series.onTime') + ': ' + c.onTime, t('series.late') + ': ' + c.late,
      t('series.missing') + ': ' + c.missing, t('series.rate') + ': ' + percent(c.rate)].join('\n');
  };
  const stack = (key, color) => ({name: t('series.' + key), type: 'bar', stack: 'reports', data: cycles.map(c => c[key]),
    itemStyle: {color}, barMaxWidth: 26});
  option.series = [stack('onTime', COLORS.ok), stack('late', COLORS.warn), stack('missing', COLORS.bad),
    {name: t('series.rate'), type: 'line', yAxisIndex: 1, data: cycles.map(c => c.rate), itemStyle: {color: COLORS.forecast}, symbolSize: 7}];
  return option;
}

/** Start, each category's signed effect, end: a waterfall from an invisible base under each step. */
export function waterfall(change) {
  const steps = change.waterfall || [];
  const labels = [t('wf.START'), ...steps.map(s => t('wf.' + s.category)), t('wf.END')];
  const baseData = [];
  const up = [];
  const down = [];
  let running = Number(change.startAmount);
  baseData.push(0);
  up.push({value: running, itemStyle: {color: COLORS.base}});
  down.push('-');
  for (const s of steps) {
    const a = Number(s.amount);
    const next = running + a;
    baseData.push(Math.min(running, next));
    if (a >= 0) {
      up.push(a);
      down.push('-');
    } else {
      up.push('-');
      down.push(-a);
    }
    running = next;
  }
  baseData.push(0);
  up.push({value: Number(change.endAmount), itemStyle: {color: COLORS.base}});
  down.push('-');
  const option = base();
  option.legend = {show: false};
  option.xAxis = {type: 'category', data: labels, axisLabel: {interval: 0}};
  option.yAxis = {type: 'value', axisLabel: {formatter: v => amount(v)}};
  option.tooltip.formatter = params => {
    const i = params[0].dataIndex;
    if (i === 0) {
      return labels[0] + ': ' + amount(change.startAmount);
    }
    if (i === labels.length - 1) {
      return labels[i] + ': ' + amount(change.endAmount);
    }
    const s = steps[i - 1];
    return labels[i] + ': ' + (s.amount >= 0 ? '+' : '') + amount(s.amount) + ' (' + t('col.count') + ' ' + count(s.count) + ')';
  };
  option.series = [
    {name: '_base', type: 'bar', stack: 'wf', data: baseData, itemStyle: {color: 'transparent'}, emphasis: {disabled: true},
      tooltip: {show: false}},
    {name: '+', type: 'bar', stack: 'wf', data: up, itemStyle: {color: COLORS.up}, barMaxWidth: 46,
      label: {show: true, position: 'top', formatter: p => (Number(p.value) ? amount(p.value) : '')}},
    {name: '−', type: 'bar', stack: 'wf', data: down, itemStyle: {color: COLORS.down}, barMaxWidth: 46,
      label: {show: true, position: 'bottom', formatter: p => (Number(p.value) ? '−' + amount(p.value) : '')}}
  ];
  return option;
}

export const METHOD_COLORS = {CONFIGURED: '#8a94a6', LEARNED: '#2f6fde', CLAIMED: '#d98e04', COMMIT: '#1f9d55'};

/**
 * Which forecast has been right (issue 16): per quarter, each method's and the commit's mean absolute percentage error
 * (bars; lower is better), the bias in the tooltip. quarters: [{quarter, methods: [{method, ape, bias, weeks}], commit}].
 */
export function backtest(quarters) {
  const option = base();
  option.grid.top = 48;
  option.xAxis = {type: 'category', data: quarters.map(q => q.quarter)};
  option.yAxis = {type: 'value', name: t('backtest.axis'), nameTextStyle: {align: 'left'}, min: 0, axisLabel: {formatter: v => percent(v, 0)}};
  const keys = ['CONFIGURED', 'LEARNED', 'CLAIMED', 'COMMIT'];
  const grade = (q, key) => (key === 'COMMIT' ? q.commit : (q.methods || []).find(m => m.method === key)) || {};
  option.tooltip.formatter = params => {
    const q = quarters[params[0].dataIndex];
    return [q.quarter, ...keys.map(key => {
      const g = grade(q, key);
      return t('method.' + key) + ': ' + t('backtest.tip', {ape: percent(g.ape), bias: signed(g.bias), weeks: g.weeks ?? 0});
    })].join('\n');
  };
  option.series = keys.map(key => ({name: t('method.' + key), type: 'bar', barMaxWidth: 22, itemStyle: {color: METHOD_COLORS[key],
    borderRadius: [3, 3, 0, 0]}, data: quarters.map(q => (grade(q, key).ape ?? null))}));
  return option;
}

/** A bias share with its sign: "+12.5%", "−3%". */
export function signed(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  return (Number(value) > 0 ? '+' : Number(value) < 0 ? '−' : '') + percent(Math.abs(Number(value)));
}
