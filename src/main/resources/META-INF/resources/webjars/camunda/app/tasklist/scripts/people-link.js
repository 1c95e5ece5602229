// A Tasklist plugin (plugin point tasklist.navbar.action, loaded by customScripts in config.js): for administrators,
// a link to the people page (/people/) in the Tasklist's header, beside the dashboard's, in the browser's language.
const chinese = String((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase().startsWith('zh');

export default {
  id: 'cadence-people-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 190,
  render: node => {
    fetch('/api/people/me', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .then(me => {
        if (!me || !me.administrator) {
          return;
        }
        const link = document.createElement('a');
        link.href = '/people/';
        link.className = 'cadence-people-link';
        link.title = chinese ? '人员、汇报关系与配额' : 'People, reporting lines and quotas';
        const icon = document.createElement('span');
        icon.className = 'glyphicon glyphicon-user';
        icon.setAttribute('aria-hidden', 'true');
        link.appendChild(icon);
        link.appendChild(document.createTextNode(' ' + (chinese ? '人员' : 'People')));
        node.appendChild(link);
      })
      .catch(() => {});
  }
};
