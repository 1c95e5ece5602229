// A Tasklist plugin (plugin point tasklist.navbar.action, loaded by customScripts in config.js): links to the
// sales dashboard, to "My deals" (/deals/: a rep's own, a manager's team's) and, for managers and administrators, to the import page in the Tasklist's header, labelled
// in the page's language (the person's after sign-in, see person-language.js; before that the browser's).
import {me, onLanguage} from './cadence-i18n.js';

const TEXTS = {
  en: {dashboard: 'Dashboard', dashboardTitle: 'Sales dashboard: forecast, quota, commit accuracy, funnel',
    imports: 'Import', importsTitle: 'Import accounts, contacts and deals from CSV files',
    deals: 'My deals', dealsTitle: 'My deals by stage, as a board and a list; each deal edited in place'},
  zh: {dashboard: '仪表板', dashboardTitle: '销售仪表板：预测、配额、承诺准确率、漏斗',
    imports: '导入', importsTitle: '从 CSV 文件导入客户、联系人和商机',
    deals: '我的商机', dealsTitle: '按阶段查看我的商机（看板和列表），可直接修改每个商机'}
};

function link(href, className, icon) {
  const a = document.createElement('a');
  a.href = href;
  a.className = className;
  const glyph = document.createElement('span');
  glyph.className = 'glyphicon ' + icon;
  glyph.setAttribute('aria-hidden', 'true');
  a.appendChild(glyph);
  a.appendChild(document.createTextNode(''));
  return a;
}

export default {
  id: 'cadence-dashboard-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: node => {
    const dashboard = link('/dashboard/', 'cadence-dashboard-link', 'glyphicon-stats');
    const deals = link('/deals/', 'cadence-deals-link', 'glyphicon-briefcase');
    deals.style.marginLeft = '15px';
    const imports = link('/import/', 'cadence-import-link', 'glyphicon-import');
    imports.style.display = 'none';
    imports.style.marginLeft = '15px';
    node.appendChild(dashboard);
    node.appendChild(deals);
    node.appendChild(imports);
    onLanguage(lang => {
      const t = TEXTS[lang] || TEXTS.en;
      dashboard.title = t.dashboardTitle;
      dashboard.lastChild.textContent = ' ' + t.dashboard;
      deals.title = t.dealsTitle;
      deals.lastChild.textContent = ' ' + t.deals;
      imports.title = t.importsTitle;
      imports.lastChild.textContent = ' ' + t.imports;
    });
    me().then(person => {
      if (person && (person.role === 'MANAGER' || person.role === 'ADMIN')) {
        imports.style.display = '';
      }
    });
  }
};
