// A Tasklist plugin (plugin point tasklist.navbar.action, loaded by customScripts in config.js): a link to the
// sales dashboard in the Tasklist's header, labelled in the browser's language (English or Simplified Chinese).
const chinese = String((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase().startsWith('zh');

export default {
  id: 'cadence-dashboard-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: node => {
    const link = document.createElement('a');
    link.href = '/dashboard/';
    link.className = 'cadence-dashboard-link';
    link.title = chinese ? '销售仪表板：预测、配额、承诺准确率、漏斗' : 'Sales dashboard: forecast, quota, commit accuracy, funnel';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-stats';
    icon.setAttribute('aria-hidden', 'true');
    link.appendChild(icon);
    link.appendChild(document.createTextNode(' ' + (chinese ? '销售仪表板' : 'Dashboard')));
    node.appendChild(link);
  }
};
