// The chat channels page: my own choice of mail, chat or both (anyone signed in) and, for administrators, the teams'
// group robots (WeCom, DingTalk, Feishu) and everyone's choice. Uses the Tasklist's sign-in; every text from the server
// is shown with textContent, never as HTML. The robots' addresses and secrets come back masked and are never shown in full.
(function () {
  'use strict';

  /** An instant as the browser's local "yyyy-MM-dd HH:mm". */
  function when(instant) {
    var d = new Date(instant);
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return isNaN(d.getTime()) ? String(instant) : d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' '
      + two(d.getHours()) + ':' + two(d.getMinutes());
  }

  var TEXTS = {
    en: {
      title: 'Chat channels', tasklist: 'Tasklist', peopleLink: 'People and quotas',
      signin: 'Please sign in to the Tasklist first; this page uses its sign-in.', signinLink: 'Sign in to the Tasklist',
      mineTitle: 'How I am told',
      mineIntro: 'Reminders, missing reports, escalations and approvals waiting reach you by mail, in your team\'s chat group, or both.',
      channels: 'Channels', MAIL: 'Mail', CHAT: 'Chat', BOTH: 'Mail and chat', save: 'Save',
      intro: 'Each team can have one group robot of WeCom (企业微信), DingTalk (钉钉) or Feishu (飞书). A person who chose chat is told through the robot of their manager\'s team (or the nearest team above that has one); without a robot they are mailed.',
      robotsTitle: 'Team robots', team: 'Team (manager)', app: 'App', webhook: 'Webhook address', secret: 'Signing secret',
      updated: 'Changed', WECOM: 'WeCom (企业微信)', DINGTALK: 'DingTalk (钉钉)', FEISHU: 'Feishu (飞书)',
      robotFormTitle: 'Set a team\'s robot', clearSecret: 'Remove the stored secret',
      keepHint: 'Leave the address or the secret empty to keep the stored one; they are never shown again in full.',
      peopleTitle: 'Everyone\'s channels', person: 'Person', reachedBy: 'Reached by the robot of',
      none: 'no robot: mailed', noSecret: 'none', edit: 'Edit', remove: 'Remove', choose: '(choose)',
      saved: 'Saved.', removed: 'Robot removed.', confirmRemove: function (name) { return 'Remove the robot of ' + name + '\'s team?'; },
      by: function (r) { return when(r.updatedAt) + ' · ' + r.updatedBy; },
      mineRobot: function (p) { return p.robotTeamId ? 'Your chat posts go to the ' + TEXTS.en[p.robotKind] + ' robot of ' + p.robotTeamId + '\'s team.'
        : 'Your team has no chat robot yet: you are mailed whatever you choose.'; }
    },
    zh: {
      title: '聊天渠道', tasklist: '任务列表', peopleLink: '人员与配额',
      signin: '请先登录任务列表；本页面使用任务列表的登录。', signinLink: '登录任务列表',
      mineTitle: '我的通知方式',
      mineIntro: '提醒、未提交报告、升级通报和待审批事项可以通过邮件、团队聊天群或两者同时通知您。',
      channels: '通知方式', MAIL: '邮件', CHAT: '聊天群', BOTH: '邮件和聊天群', save: '保存',
      intro: '每个团队可以设置一个企业微信（WeCom）、钉钉（DingTalk）或飞书（Feishu）群机器人。选择聊天群通知的人员通过其经理团队的机器人（或上级最近一个设置了机器人的团队）接收通知；没有机器人时改发邮件。',
      robotsTitle: '团队机器人', team: '团队（经理）', app: '应用', webhook: 'Webhook 地址', secret: '签名密钥',
      updated: '修改时间', WECOM: '企业微信（WeCom）', DINGTALK: '钉钉（DingTalk）', FEISHU: '飞书（Feishu）',
      robotFormTitle: '设置团队机器人', clearSecret: '删除已保存的密钥',
      keepHint: '地址或密钥留空则保留已保存的值；保存后不再完整显示。',
      peopleTitle: '所有人员的通知方式', person: '人员', reachedBy: '通过以下团队的机器人',
      none: '无机器人：发邮件', noSecret: '无', edit: '编辑', remove: '删除', choose: '（请选择）',
      saved: '已保存。', removed: '已删除机器人。', confirmRemove: function (name) { return '删除 ' + name + ' 团队的机器人？'; },
      by: function (r) { return when(r.updatedAt) + ' · ' + r.updatedBy; },
      mineRobot: function (p) { return p.robotTeamId ? '您的聊天通知发送到 ' + p.robotTeamId + ' 团队的' + TEXTS.zh[p.robotKind] + '机器人。'
        : '您的团队尚未设置聊天机器人：无论如何选择，都会发邮件通知您。'; }
    }
  };

  var page = window.cadencePage;
  var lang = page.browserLanguage();
  var $ = function (id) { return document.getElementById(id); };
  var robots = [];
  var people = [];
  var managers = [];
  var mine = null;
  var lastMessage = null;

  function t(key) { return TEXTS[lang][key]; }

  var api = page.api;

  function say(text, isError) {
    $('error').textContent = isError ? text : '';
    $('error').hidden = !isError || !text;
    $('message').textContent = isError ? '' : text;
    $('message').hidden = isError || !text;
  }

  function sayKey(key) { say(t(key)); lastMessage = key; }

  function failed(answer) {
    if (answer.status === 401) { $('signin').hidden = false; $('content').hidden = true; return; }
    say(page.refusal(answer, lang), true);
  }

  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  function button(parent, text, onClick, className) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = className || 'secondary';
    b.textContent = text;
    b.addEventListener('click', onClick);
    parent.appendChild(b);
    return b;
  }

  function nameOf(id) {
    var p = people.find(function (x) { return x.personId === id; });
    return p ? p.name : (id || '');
  }

  function renderMine() {
    if (!mine) { return; }
    $('mine-channels').value = mine.channels;
    $('mine-robot').textContent = t('mineRobot')(mine);
  }

  function renderRobots() {
    var body = $('robots').querySelector('tbody');
    clear(body);
    robots.forEach(function (r) {
      var row = document.createElement('tr');
      row.setAttribute('data-team', r.teamId);
      cell(row, r.teamName + ' (' + r.teamId + ')');
      cell(row, t(r.kind));
      cell(row, r.webhookUrl).className = 'mono';
      cell(row, r.secretSet ? r.secretHint : t('noSecret'));
      cell(row, t('by')(r));
      var actions = cell(row, '');
      button(actions, t('edit'), function () {
        $('r-team').value = r.teamId;
        $('r-kind').value = r.kind;
        $('r-url').value = '';
        $('r-secret').value = '';
        $('r-clear').checked = false;
        $('r-url').focus();
      });
      button(actions, t('remove'), function () {
        if (!window.confirm(t('confirmRemove')(r.teamName))) { return; }
        api('/api/chat-channels/' + encodeURIComponent(r.teamId), { method: 'DELETE' }).then(function (answer) {
          if (answer.status !== 204) { failed(answer); return; }
          sayKey('removed');
          loadAdmin();
        });
      }, 'secondary danger');
      body.appendChild(row);
    });
  }

  function renderTeams() {
    var select = $('r-team');
    var chosen = select.value;
    clear(select);
    var o = document.createElement('option');
    o.value = '';
    o.textContent = t('choose');
    select.appendChild(o);
    managers.forEach(function (m) {
      var option = document.createElement('option');
      option.value = m.login;
      option.textContent = m.name + ' (' + m.login + ')';
      select.appendChild(option);
    });
    select.value = chosen;
  }

  function renderPeople() {
    var body = $('people').querySelector('tbody');
    clear(body);
    people.forEach(function (p) {
      var row = document.createElement('tr');
      row.setAttribute('data-person', p.personId);
      cell(row, p.name + ' (' + p.personId + ')');
      var choice = cell(row, '');
      var select = document.createElement('select');
      ['MAIL', 'CHAT', 'BOTH'].forEach(function (value) {
        var option = document.createElement('option');
        option.value = value;
        option.textContent = t(value);
        select.appendChild(option);
      });
      select.value = p.channels;
      select.setAttribute('aria-label', t('channels') + ': ' + p.name);
      select.addEventListener('change', function () {
        api('/api/notification-channels/' + encodeURIComponent(p.personId), { method: 'PUT', json: { channels: select.value } })
          .then(function (answer) {
            if (answer.status !== 200) { failed(answer); select.value = p.channels; return; }
            p.channels = answer.body.channels;
            sayKey('saved');
          });
      });
      choice.appendChild(select);
      cell(row, p.robotTeamId ? nameOf(p.robotTeamId) + ' · ' + t(p.robotKind) : t('none'));
      body.appendChild(row);
    });
  }

  function applyLanguage() {
    page.apply(TEXTS, lang);
    renderMine();
    renderRobots();
    renderTeams();
    renderPeople();
    if (lastMessage) { say(t(lastMessage)); }
  }

  function loadAdmin() {
    return Promise.all([api('/api/chat-channels'), api('/api/notification-channels'), api('/api/people')]).then(function (answers) {
      if (answers[0].status === 403) { $('admin').hidden = true; return; }
      if (answers[0].status !== 200) { failed(answers[0]); return; }
      robots = answers[0].body;
      people = answers[1].status === 200 ? answers[1].body : [];
      managers = answers[2].status === 200 ? answers[2].body.filter(function (p) { return p.active && p.role === 'MANAGER'; }) : [];
      $('admin').hidden = false;
      applyLanguage();
    });
  }

  function load() {
    api('/api/me/notification-channels').then(function (answer) {
      if (answer.status === 401) { failed(answer); return; }
      $('content').hidden = false;
      if (answer.status === 200) { mine = answer.body; } else { failed(answer); }
      applyLanguage();
      loadAdmin();
    });
  }

  $('lang-en').addEventListener('click', function () { lang = 'en'; applyLanguage(); });
  $('lang-zh').addEventListener('click', function () { lang = 'zh'; applyLanguage(); });

  $('mine-form').addEventListener('submit', function (event) {
    event.preventDefault();
    api('/api/me/notification-channels', { method: 'PUT', json: { channels: $('mine-channels').value } }).then(function (answer) {
      if (answer.status !== 200) { failed(answer); return; }
      mine = answer.body;
      renderMine();
      sayKey('saved');
      loadAdmin();
    });
  });

  $('robot-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var team = $('r-team').value;
    api('/api/chat-channels/' + encodeURIComponent(team), { method: 'PUT', json: {
      kind: $('r-kind').value, webhookUrl: $('r-url').value, secret: $('r-secret').value, clearSecret: $('r-clear').checked
    } }).then(function (answer) {
      if (answer.status !== 200) { failed(answer); return; }
      $('r-url').value = '';
      $('r-secret').value = '';
      $('r-clear').checked = false;
      sayKey('saved');
      loadAdmin();
    });
  });

  page.apply(TEXTS, lang);
  load();
}());
