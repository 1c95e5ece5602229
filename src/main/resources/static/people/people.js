// The administrators' people page: people and reporting lines (add, edit, move, leave) and quotas per quarter.
// It uses the Tasklist's sign-in; every text from the server is shown with textContent, never as HTML.
(function () {
  'use strict';

  var TEXTS = {
    en: {
      title: 'People and quotas', tasklist: 'Tasklist', importLink: 'Import from CSV', chatLink: 'Chat channels',
      signin: 'Please sign in to the Tasklist first; this page uses its sign-in.', signinLink: 'Sign in to the Tasklist',
      forbidden: 'Only administrators manage people and quotas.',
      intro: 'Add the people of your team, set their managers, move them, let them go, and set their quotas. A new person gets a mail with a one-time link to set their password.',
      peopleTitle: 'People', showLeavers: 'Show people who left', login: 'Login', name: 'Name', role: 'Role', manager: 'Manager',
      jobTitle: 'Title', language: 'Language', email: 'E-mail', status: 'Status', active: 'Active', left: 'Left on ',
      edit: 'Edit', addTitle: 'Add a person', editTitle: 'Edit ', add: 'Add', save: 'Save', cancel: 'Cancel',
      REP: 'Rep', MANAGER: 'Manager', FINANCE: 'Finance', ADMIN: 'Administrator', noManager: '(nobody: top of the hierarchy)',
      changesTitle: 'Move or leave:', moveTo: 'New manager', move: 'Move', successor: 'Open work goes to',
      leave: 'Leaves the company', passwordLink: 'Mail a new password link', choose: '(choose)',
      quotasTitle: 'Quotas and stretch targets', period: 'Quarter', show: 'Show', quota: 'Quota', stretch: 'Stretch target',
      currency: 'Currency', source: 'Source', person: 'Person', setQuota: 'Set own quota',
      removeQuota: 'Remove own quota (use the sum of reports)',
      EXPLICIT: 'Own quota', SUM_OF_REPORTS: 'Sum of the reports', NONE: 'None',
      added: function (p) { return p.name + ' (' + p.login + ') was added; a mail with a link to set the password is on its way.'; },
      saved: function (p) { return 'Saved: ' + p.name + '.'; },
      moved: function (h) { return h.person.name + ' now reports to ' + (h.person.managerId || 'nobody') + '; handed over: '
        + h.tasks.length + ' task(s), ' + h.approvals + ' pending approval(s).'; },
      leftMsg: function (h) { return h.person.name + ' has left; their sign-in is locked. Handed over to ' + h.person.successorId + ': '
        + h.tasks.length + ' task(s), ' + h.openDeals + ' open deal(s), ' + h.openLeads + ' lead(s), ' + h.accounts + ' account(s).'; },
      confirmLeave: function (name) { return name + ' leaves the company: their open work goes to the chosen person and their sign-in is locked. Continue?'; },
      linkSent: 'A new link to set the password was mailed.', quotaSaved: 'Quota saved.', quotaRemoved: 'Own quota removed.'
    },
    zh: {
      title: '人员与配额', tasklist: '任务列表', importLink: '从 CSV 导入', chatLink: '聊天渠道',
      signin: '请先登录任务列表；本页面使用任务列表的登录。', signinLink: '登录任务列表',
      forbidden: '只有管理员可以管理人员和配额。',
      intro: '添加团队成员、设置其经理、调动、办理离职，并设置配额。新成员会收到一封邮件，其中包含一次性的设置密码链接。',
      peopleTitle: '人员', showLeavers: '显示已离职人员', login: '登录名', name: '姓名', role: '角色', manager: '经理',
      jobTitle: '职务', language: '语言', email: '邮箱', status: '状态', active: '在职', left: '离职于 ',
      edit: '编辑', addTitle: '添加人员', editTitle: '编辑：', add: '添加', save: '保存', cancel: '取消',
      REP: '销售代表', MANAGER: '经理', FINANCE: '财务', ADMIN: '管理员', noManager: '（无：最高层）',
      changesTitle: '调动或离职：', moveTo: '新经理', move: '调动', successor: '未完成工作交给',
      leave: '办理离职', passwordLink: '重新发送设置密码链接', choose: '（请选择）',
      quotasTitle: '配额与冲刺目标', period: '季度', show: '显示', quota: '配额', stretch: '冲刺目标',
      currency: '币种', source: '来源', person: '人员', setQuota: '设置本人配额',
      removeQuota: '删除本人配额（改用下属配额之和）',
      EXPLICIT: '本人配额', SUM_OF_REPORTS: '下属配额之和', NONE: '无',
      added: function (p) { return '已添加 ' + p.name + '（' + p.login + '）；设置密码的链接邮件正在发送。'; },
      saved: function (p) { return '已保存：' + p.name + '。'; },
      moved: function (h) { return h.person.name + ' 现在向 ' + (h.person.managerId || '无') + ' 汇报；已移交：'
        + h.tasks.length + ' 个任务，' + h.approvals + ' 个待审批。'; },
      leftMsg: function (h) { return h.person.name + ' 已离职，登录已锁定。已移交给 ' + h.person.successorId + '：'
        + h.tasks.length + ' 个任务，' + h.openDeals + ' 个进行中的商机，' + h.openLeads + ' 条线索，' + h.accounts + ' 个客户。'; },
      confirmLeave: function (name) { return name + ' 将离职：其未完成的工作交给所选人员，登录将被锁定。是否继续？'; },
      linkSent: '已重新发送设置密码的链接。', quotaSaved: '配额已保存。', quotaRemoved: '已删除本人配额。'
    }
  };

  var page = window.cadencePage;
  var lang = page.browserLanguage();
  var $ = function (id) { return document.getElementById(id); };
  var people = [];
  var quotas = [];
  var editing = null;   // login being edited, or null when adding
  var lastMessage = null;   // the last message of the page's own: [key, argument], shown again in the other language

  function t(key) { return TEXTS[lang][key]; }

  function applyLanguage() {
    page.apply(TEXTS, lang);
    if (editing) { $('form-title').textContent = t('editTitle') + nameOf(editing); $('save').textContent = t('save'); }
    renderPeople();
    renderQuotas();
    if (lastMessage) { sayKey(lastMessage[0], lastMessage[1]); }
  }

  function sayKey(key, argument) {
    var text = t(key);
    say(typeof text === 'function' ? text(argument) : text);
    lastMessage = [key, argument];
  }

  var api = page.api;

  function say(text, isError) {
    lastMessage = null;
    $('error').textContent = isError ? text : '';
    $('error').hidden = !isError || !text;
    $('message').textContent = isError ? '' : text;
    $('message').hidden = isError || !text;
  }


  function failed(answer) {
    if (answer.status === 401) { $('signin').hidden = false; $('content').hidden = true; return; }
    if (answer.status === 403) { say(t('forbidden'), true); return; }
    say(page.refusal(answer, lang), true);
  }

  function nameOf(login) {
    var p = people.find(function (x) { return x.login === login; });
    return p ? p.name : (login || '');
  }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }

  function option(select, value, text) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }

  function renderPeople() {
    var body = $('people').querySelector('tbody');
    clear(body);
    var showLeavers = $('show-leavers').checked;
    people.forEach(function (p) {
      if (!p.active && !showLeavers) { return; }
      var row = document.createElement('tr');
      row.dataset.login = p.login;
      if (!p.active) { row.className = 'left'; }
      if (p.login === editing) { row.className = 'selected'; }
      cell(row, p.login);
      cell(row, p.name);
      cell(row, t(p.role));
      cell(row, p.managerId ? nameOf(p.managerId) : '');
      cell(row, p.title);
      cell(row, p.language === 'en' ? 'English' : '中文');
      cell(row, p.email);
      cell(row, p.active ? t('active') : t('left') + p.leftOn);
      var actions = cell(row, '');
      if (p.active) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'edit secondary';
        button.textContent = t('edit');
        button.addEventListener('click', function () { startEdit(p.login); });
        actions.appendChild(button);
      }
      body.appendChild(row);
    });
    fillPersonSelects();
  }

  function fillPersonSelects() {
    var active = people.filter(function (p) { return p.active; });
    [['f-manager', true], ['move-manager', true], ['successor', false], ['q-person', false]].forEach(function (spec) {
      var select = $(spec[0]);
      var keep = select.value;
      clear(select);
      if (spec[1]) { option(select, '', t('noManager')); } else if (spec[0] === 'successor') { option(select, '', t('choose')); }
      active.forEach(function (p) {
        var sales = p.role === 'REP' || p.role === 'MANAGER';
        if (spec[0] === 'successor' && (p.login === editing || !sales)) { return; }
        if (spec[0] === 'q-person' && !sales) { return; }
        option(select, p.login, p.name + ' (' + p.login + ')');
      });
      select.value = keep;
      if (select.value !== keep) { select.value = select.options.length ? select.options[0].value : ''; }
    });
  }

  function renderQuotas() {
    var body = $('quotas').querySelector('tbody');
    clear(body);
    quotas.forEach(function (q) {
      if (q.role !== 'REP' && q.role !== 'MANAGER') { return; }   // quotas are for the sales people
      var row = document.createElement('tr');
      row.dataset.login = q.login;
      cell(row, q.name + ' (' + q.login + ')');
      cell(row, t(q.role));
      cell(row, q.quota == null ? '' : Number(q.quota).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'), 'number');
      cell(row, q.stretch == null ? '' : Number(q.stretch).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'), 'number');
      cell(row, q.currency);
      cell(row, t(q.source), 'source-' + q.source);
      body.appendChild(row);
    });
  }

  function loadPeople() {
    return api('/api/people').then(function (answer) {
      if (answer.status !== 200) { failed(answer); return; }
      people = answer.body;
      $('signin').hidden = true;
      $('content').hidden = false;
      renderPeople();
    });
  }

  function loadQuotas() {
    var period = $('period').value.trim();
    return api('/api/quotas' + (period ? '?period=' + encodeURIComponent(period) : '')).then(function (answer) {
      if (answer.status !== 200) { failed(answer); return; }
      quotas = answer.body;
      if (!period && quotas.length) { $('period').value = quotas[0].period; }
      renderQuotas();
    });
  }

  function reload() { return loadPeople().then(loadQuotas); }

  function startEdit(login) {
    var p = people.find(function (x) { return x.login === login; });
    editing = login;
    $('f-login').value = p.login;
    $('f-login').readOnly = true;
    $('f-name').value = p.name;
    $('f-email').value = p.email;
    $('f-role').value = p.role;
    $('f-title').value = p.title || '';
    $('f-language').value = p.language || 'zh';
    $('f-manager-label').hidden = true;
    $('form-title').textContent = t('editTitle') + p.name;
    $('save').textContent = t('save');
    $('cancel').hidden = false;
    $('changes').hidden = false;
    $('selected-name').textContent = p.name + ' (' + p.login + ')';
    renderPeople();
    $('move-manager').value = p.managerId || '';
    $('successor').value = '';
  }

  function stopEdit() {
    editing = null;
    $('person-form').reset();
    $('f-login').readOnly = false;
    $('f-manager-label').hidden = false;
    $('form-title').textContent = t('addTitle');
    $('save').textContent = t('add');
    $('cancel').hidden = true;
    $('changes').hidden = true;
    renderPeople();
  }

  function savePerson(event) {
    event.preventDefault();
    var request = {
      name: $('f-name').value, email: $('f-email').value, role: $('f-role').value,
      title: $('f-title').value, language: $('f-language').value
    };
    var call;
    if (editing) {
      call = api('/api/people/' + encodeURIComponent(editing), { method: 'PUT', json: request });
    } else {
      request.login = $('f-login').value.trim();
      request.managerId = $('f-manager').value || null;
      call = api('/api/people', { method: 'POST', json: request });
    }
    call.then(function (answer) {
      if (answer.status !== 200 && answer.status !== 201) { failed(answer); return; }
      var wasEditing = !!editing;
      stopEdit();
      reload().then(function () { sayKey(wasEditing ? 'saved' : 'added', answer.body); });
    });
  }

  function move() {
    api('/api/people/' + encodeURIComponent(editing) + '/move', { method: 'POST', json: { managerId: $('move-manager').value || null } })
      .then(function (answer) {
        if (answer.status !== 200) { failed(answer); return; }
        stopEdit();
        reload().then(function () { sayKey('moved', answer.body); });
      });
  }

  function leave() {
    if (!window.confirm(t('confirmLeave')(nameOf(editing)))) { return; }
    api('/api/people/' + encodeURIComponent(editing) + '/leave', { method: 'POST', json: { successorId: $('successor').value } })
      .then(function (answer) {
        if (answer.status !== 200) { failed(answer); return; }
        stopEdit();
        reload().then(function () { sayKey('leftMsg', answer.body); });
      });
  }

  function passwordLink() {
    api('/api/people/' + encodeURIComponent(editing) + '/password-link', { method: 'POST' }).then(function (answer) {
      if (answer.status !== 202) { failed(answer); return; }
      sayKey('linkSent');
    });
  }

  function quotaUrl() {
    return '/api/quotas/' + encodeURIComponent($('q-person').value) + '/' + encodeURIComponent($('period').value.trim());
  }

  function setQuota(event) {
    event.preventDefault();
    api(quotaUrl(), { method: 'PUT', json: { quota: $('q-quota').value.trim(), stretch: $('q-stretch').value.trim(),
      currency: $('q-currency').value.trim() || null } }).then(function (answer) {
      if (answer.status !== 200) { failed(answer); return; }
      loadQuotas().then(function () { sayKey('quotaSaved'); });
    });
  }

  function removeQuota() {
    api(quotaUrl(), { method: 'DELETE' }).then(function (answer) {
      if (answer.status !== 200) { failed(answer); return; }
      loadQuotas().then(function () { sayKey('quotaRemoved'); });
    });
  }

  $('lang-en').addEventListener('click', function () { lang = 'en'; applyLanguage(); });
  $('lang-zh').addEventListener('click', function () { lang = 'zh'; applyLanguage(); });
  $('show-leavers').addEventListener('change', renderPeople);
  $('person-form').addEventListener('submit', savePerson);
  $('cancel').addEventListener('click', stopEdit);
  $('move').addEventListener('click', move);
  $('leave').addEventListener('click', leave);
  $('password-link').addEventListener('click', passwordLink);
  $('load-quotas').addEventListener('click', loadQuotas);
  $('quota-form').addEventListener('submit', setQuota);
  $('remove-quota').addEventListener('click', removeQuota);
  applyLanguage();
  reload();
}());
