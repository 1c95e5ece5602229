// A Tasklist plugin (plugin point tasklist.navbar.action, loaded by customScripts in config.js): the product's pages
// in the Tasklist's header, labelled in the page's language (the person's after sign-in, see person-language.js;
// before that the browser's):
// - everyone: the sales dashboard (/dashboard/), "My deals" (/deals/: a rep's own, a manager's team's) and
//   "Notifications" (/chat/: mail, the team's chat group or both);
// - managers and administrators: the import page (/import/);
// - administrators: the people page (/people/: people, reporting lines, quotas).
// One plugin for all of them, so that they sit on one line (user-styles.css) and switch language together.
import {me, onLanguage} from './cadence-i18n.js';

const TEXTS = {
  en: {dashboard: ['Dashboard', 'Sales dashboard: forecast, quota, commit accuracy, funnel'],
    deals: ['My deals', 'My deals by stage, as a board and a list; each deal edited in place'],
    imports: ['Import', 'Import accounts, contacts and deals from CSV files'],
    people: ['People', 'People, reporting lines and quotas'],
    chat: ['Notifications', 'How I am told: mail, chat or both']},
  zh: {dashboard: ['仪表板', '销售仪表板：预测、配额、承诺准确率、漏斗'],
    deals: ['我的商机', '按阶段查看我的商机（看板和列表），可直接修改每个商机'],
    imports: ['导入', '从 CSV 文件导入客户、联系人和商机'],
    people: ['人员', '人员、汇报关系与配额'],
    chat: ['通知', '通知方式：邮件、聊天群或两者']}
};

/** Each link: its key in TEXTS, address, class (the browser tests find it by it), glyph, who sees it. */
const LINKS = [
  ['dashboard', '/dashboard/', 'cadence-dashboard-link', 'glyphicon-stats', () => true],
  ['deals', '/deals/', 'cadence-deals-link', 'glyphicon-briefcase', () => true],
  ['imports', '/import/', 'cadence-import-link', 'glyphicon-import', person => person.role === 'MANAGER' || person.role === 'ADMIN'],
  ['people', '/people/', 'cadence-people-link', 'glyphicon-user', person => person.role === 'ADMIN'],
  ['chat', '/chat/', 'cadence-chat-link', 'glyphicon-comment', person => person.role !== 'NONE']
];

function link(href, className, icon) {
  const a = document.createElement('a');
  a.href = href;
  a.className = 'cadence-link ' + className;
  const glyph = document.createElement('span');
  glyph.className = 'glyphicon ' + icon;
  glyph.setAttribute('aria-hidden', 'true');
  a.appendChild(glyph);
  a.appendChild(document.createTextNode(''));
  return a;
}

export default {
  id: 'cadence-links',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: node => {
    const shown = LINKS.map(([key, href, className, icon, visible]) => {
      const a = link(href, className, icon);
      // the dashboard and "My deals" at once (the pages ask for sign-in themselves); the rest once the person is known
      if (key !== 'dashboard' && key !== 'deals') {
        a.style.display = 'none';
      }
      node.appendChild(a);
      return {key, a, visible};
    });
    onLanguage(lang => {
      const t = TEXTS[lang] || TEXTS.en;
      shown.forEach(({key, a}) => {
        a.title = t[key][1];
        a.lastChild.textContent = ' ' + t[key][0];
      });
    });
    me().then(person => {
      if (person) {
        shown.filter(({visible}) => visible(person)).forEach(({a}) => { a.style.display = ''; });
      }
    });
  }
};
