// How each figure reads: its value, its flag (colour and words) and the sum it was computed from.
import {t, has} from './i18n.js';
import {amount, count, percent} from './format.js';

const COUNT_INPUTS = new Set(['weeks', 'onTime', 'late', 'missing', 'due']);
const RATIO_INPUTS = new Set(['target']);
const TEMPLATE = {pipelineGrowth: 'explain.growth', commitGrowth: 'explain.growth', unfulfilledShareAllTime: 'explain.unfulfilledShare'};
// The inputs each figure is computed from: one the API leaves out counts as missing (null).
const INPUTS = {
  forecast: ['weighted', 'quota', 'booked', 'remainingQuota', 'gap'],
  weeklyProgress: ['thisWeekForecast', 'thisWeekCumulativeSales', 'lastWeekForecast', 'lastWeekCumulativeSales', 'quarterQuota'],
  commitAccuracy: ['commit', 'actual'],
  linearity: ['commits', 'weeks', 'weeklyShare', 'linearShare'],
  coverage: ['openPipeline', 'remainingTarget'],
  pipelineGrowth: ['thisMonth', 'lastMonth'],
  commitGrowth: ['thisMonth', 'lastMonth'],
  unfulfilledShare: ['unfulfilled', 'orders'],
  unfulfilledShareAllTime: ['unfulfilled', 'orders'],
  compliance: ['onTime', 'late', 'missing', 'due']
};

/** The severity of a flag for the colour: a high share of unfulfilled orders is bad, a high accuracy only a warning. */
export function flagClass(key, flag) {
  switch (flag) {
    case 'OK': return 'flag-ok';
    case 'GOOD': return 'flag-good';
    case 'LOW': return 'flag-bad';
    case 'HIGH': return key === 'unfulfilledShare' || key === 'unfulfilledShareAllTime' ? 'flag-bad' : 'flag-warn';
    default: return 'flag-none';
  }
}

export function flagText(key, flag) {
  const special = {forecast: 'flag.forecast.', compliance: 'flag.compliance.', unfulfilledShare: 'flag.unfulfilled.',
    unfulfilledShareAllTime: 'flag.unfulfilled.'}[key];
  return special && has(special + flag) ? t(special + flag) : t('flag.' + (flag || 'NONE'));
}

export function valueText(key, figure) {
  if (!figure || figure.value === null || figure.value === undefined) {
    return '—';
  }
  return key === 'forecast' ? amount(figure.value) : percent(figure.value);
}

export function threshold(text) {
  return (text || '')
    .replace(/remaining quota/g, t('threshold.remainingQuota'))
    .replace(/\bgood\b/g, t('threshold.good'));
}

function input(name, value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (COUNT_INPUTS.has(name)) {
    return count(value);
  }
  if (RATIO_INPUTS.has(name)) {
    return percent(value);
  }
  return amount(value);
}

/** "pipeline 1,620,000 / remaining target 1,000,000 = 162% (target > 150%)", or why it cannot be computed. */
export function explanation(key, figure) {
  if (!figure) {
    return '';
  }
  const inputs = {};
  (INPUTS[key] || []).forEach(name => {
    inputs[name] = null;
  });
  Object.assign(inputs, figure.inputs || {});
  if (figure.value === null || figure.value === undefined) {
    const missing = Object.entries(inputs).filter(([name, v]) => (v === null || v === undefined) && name !== 'gap')
      .map(([name]) => (has('input.' + name) ? t('input.' + name) : name));
    return missing.length ? t('explain.none', {missing: missing.join(', ')}) : t('explain.noneEmpty');
  }
  // "(target > 150%)": the threshold reads as what the figure should reach, not as a second value
  const params = {value: valueText(key, figure),
    threshold: figure.threshold ? t('threshold.target', {threshold: threshold(figure.threshold)}) : ''};
  for (const [name, v] of Object.entries(inputs)) {
    params[name] = input(name, v);
  }
  return t(TEMPLATE[key] || 'explain.' + key, params);
}
