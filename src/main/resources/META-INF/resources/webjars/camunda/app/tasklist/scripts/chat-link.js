// A Tasklist plugin (plugin point tasklist.navbar.action, loaded by customScripts in config.js): for everyone signed
// in, a link to the chat channels page (/chat/) in the Tasklist's header, where a person chooses mail, chat or both
// (and administrators set the teams' robots), in the browser's language.
const chinese = String((navigator.languages && navigator.languages[0]) || navigator.language || '').toLowerCase().startsWith('zh');

export default {
  id: 'cadence-chat-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 185,
  render: node => {
    fetch('/api/me/notification-channels', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .then(mine => {
        if (!mine) {
          return;
        }
        const link = document.createElement('a');
        link.href = '/chat/';
        link.className = 'cadence-chat-link';
        link.title = chinese ? '通知方式：邮件、聊天群或两者' : 'How I am told: mail, chat or both';
        const icon = document.createElement('span');
        icon.className = 'glyphicon glyphicon-comment';
        icon.setAttribute('aria-hidden', 'true');
        link.appendChild(icon);
        link.appendChild(document.createTextNode(' ' + (chinese ? '通知' : 'Notifications')));
        node.appendChild(link);
      })
      .catch(() => {});
  }
};
