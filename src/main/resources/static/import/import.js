// The CSV import page: choose a type and a file, dry run, read the bad rows, import, watch the progress.
// Every text from the server or the file is shown with textContent, never as HTML.
(function () {
  'use strict';

  var TEXTS = {
    en: {
      title: 'Import from CSV', tasklist: 'Tasklist', dashboard: 'Dashboard',
      intro: 'Bring in accounts, contacts and opportunities, and a team\'s history (stage history, orders and payments, past weekly commits), from spreadsheets saved as CSV (UTF-8). A dry run checks every row and stores nothing; an import stores everything or, if any row is bad, nothing.',
      type: 'What the file holds', accounts: 'Accounts', contacts: 'Contacts', opportunities: 'Opportunities',
      people: 'People (administrators)', quotas: 'Quotas (administrators)',
      template: 'Download the template', file: 'CSV file', dryRun: 'Dry run', 'import': 'Import',
      line: 'Line', column: 'Column', reason: 'Reason', chooseFile: 'Choose a CSV file first.',
      QUEUED: 'Waiting to start', VALIDATING: 'Checking the rows', IMPORTING: 'Storing the rows',
      VALIDATED: 'Dry run: every row is valid, nothing was stored', REJECTED: 'Bad rows found: nothing was stored',
      DONE: 'Imported', FAILED: 'The import failed: nothing was stored', ABANDONED: 'The import stopped: nothing was stored',
      rows: function (j) { return j.rowsValidated + ' / ' + j.rowsTotal + ' rows checked' + (j.dryRun ? '' : ', ' + j.rowsImported + ' stored'); },
      forbidden: 'Only managers (for their team) and administrators may import.',
      stage_history: 'Stage history of the deals', orders: 'Orders and payments', commits: 'Past weekly commits',
      withDeals: 'A deal\'s history comes in one import with the deal: add the opportunities file (and, when the deals are on new accounts, the accounts file); the history names each deal by its ref. Orders and payments may also name won deals imported before (by their ref or name): then no opportunities file is needed.',
      dealsFile: 'Opportunities file', accountsFile: 'Accounts file (optional)',
      salesforce: 'Salesforce data export', sfIntro: 'The files of a Salesforce data export as they come (User, Account, Opportunity, OpportunityHistory). Owners are matched to people by e-mail: add the team first. Choose the stage of this product each of your stage names stands for.',
      sfFieldHistory: '(when there is no OpportunityHistory.csv)', sfMapping: 'Your stage names and the stage of the active model each one stands for',
      sfName: 'Salesforce stage', sfUsed: 'Used', sfStage: 'Stage here', sfChoose: '— choose —', sfNeedOpportunity: 'Choose Opportunity.csv first.',
      sfUsedText: function (n) { return n.opportunities + ' deals, ' + n.historyRows + ' history rows'; },
      salesforce_user: 'User.csv', salesforce_account: 'Account.csv', salesforce_opportunity: 'Opportunity.csv',
      salesforce_opportunity_history: 'OpportunityHistory.csv', salesforce_opportunity_field_history: 'OpportunityFieldHistory.csv'
    },
    zh: {
      title: '从 CSV 导入', tasklist: '任务列表', dashboard: '仪表板',
      intro: '从保存为 CSV（UTF-8）的电子表格导入客户、联系人和商机，以及团队的历史（阶段历史、订单与付款、以往的每周承诺）。试运行会检查每一行，但不保存任何数据；正式导入要么全部保存，要么（只要有一行有错）什么都不保存。',
      type: '文件内容', accounts: '客户', contacts: '联系人', opportunities: '商机',
      people: '人员（管理员）', quotas: '配额（管理员）',
      template: '下载模板', file: 'CSV 文件', dryRun: '试运行', 'import': '导入',
      line: '行', column: '列', reason: '原因', chooseFile: '请先选择一个 CSV 文件。',
      QUEUED: '等待开始', VALIDATING: '正在检查各行', IMPORTING: '正在保存各行',
      VALIDATED: '试运行：所有行均有效，未保存任何数据', REJECTED: '发现错误行：未保存任何数据',
      DONE: '导入完成', FAILED: '导入失败：未保存任何数据', ABANDONED: '导入已中断：未保存任何数据',
      rows: function (j) { return '已检查 ' + j.rowsValidated + ' / ' + j.rowsTotal + ' 行' + (j.dryRun ? '' : '，已保存 ' + j.rowsImported + ' 行'); },
      forbidden: '只有经理（为其团队）和管理员可以导入。',
      stage_history: '商机阶段历史', orders: '订单与付款', commits: '以往的每周承诺',
      withDeals: '商机的历史须与商机在同一次导入中：请添加商机文件（商机属于新客户时，再添加客户文件）；历史文件用商机编号指明每个商机。订单与付款也可指明此前已导入的赢单商机（按编号或名称）：此时无需商机文件。',
      dealsFile: '商机文件', accountsFile: '客户文件（可选）',
      salesforce: 'Salesforce 数据导出', sfIntro: 'Salesforce 数据导出的原始文件（User、Account、Opportunity、OpportunityHistory）。负责人按邮箱对应到人员：请先添加团队。请为每个销售阶段名称选择本系统中对应的阶段。',
      sfFieldHistory: '（没有 OpportunityHistory.csv 时）', sfMapping: '贵团队的阶段名称及其在当前阶段模型中对应的阶段',
      sfName: 'Salesforce 阶段', sfUsed: '使用次数', sfStage: '本系统阶段', sfChoose: '— 请选择 —', sfNeedOpportunity: '请先选择 Opportunity.csv。',
      sfUsedText: function (n) { return n.opportunities + ' 个商机，' + n.historyRows + ' 条历史'; },
      salesforce_user: 'User.csv', salesforce_account: 'Account.csv', salesforce_opportunity: 'Opportunity.csv',
      salesforce_opportunity_history: 'OpportunityHistory.csv', salesforce_opportunity_field_history: 'OpportunityFieldHistory.csv'
    }
  };

  var lang = (navigator.language || 'en').toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en';
  var $ = function (id) { return document.getElementById(id); };
  var lastJob = null;

  function t(key) { return TEXTS[lang][key]; }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = t(el.getAttribute('data-t')); });
    document.title = t('title');
    $('lang-en').classList.toggle('active', lang === 'en');
    $('lang-zh').classList.toggle('active', lang === 'zh');
    updateTemplateLink();
    if (lastJob) { show(lastJob); }
  }

  // history files refer to the deals of the same import: they are sent with the opportunities (and accounts) file
  var HISTORY = ['stage_history', 'orders', 'commits'];

  function updateTemplateLink() {
    var salesforce = $('type').value === 'salesforce';
    $('template').href = '/api/imports/templates/' + $('type').value + '?lang=' + lang;
    $('template').hidden = salesforce;
    $('file').parentNode.hidden = salesforce;
    $('salesforce').hidden = !salesforce;
    $('with-deals').hidden = HISTORY.indexOf($('type').value) < 0;
    if (stageNames) { showStages(stageNames); }
  }

  // a Salesforce export: its files by part name, and the team's stage names with a select each
  var SALESFORCE = { salesforce_user: 'sf-user', salesforce_account: 'sf-account', salesforce_opportunity: 'sf-opportunity',
    salesforce_opportunity_history: 'sf-history', salesforce_opportunity_field_history: 'sf-field-history' };
  var stageNames = null;
  var chosen = {};

  function salesforceForm() {
    var form = new FormData();
    Object.keys(SALESFORCE).forEach(function (part) {
      var file = $(SALESFORCE[part]).files[0];
      if (file) { form.append(part, file); }
    });
    return form;
  }

  function readStageNames() {
    showError('');
    if (!$('sf-opportunity').files[0]) { return; }
    api('/api/imports/salesforce/stages', { method: 'POST', body: salesforceForm() }).then(function (answer) {
      if (answer.status !== 200) {
        var problems = answer.body && answer.body.problems && answer.body.problems.length ? answer.body.problems : null;
        showError(problems ? problems.join('\n') : (answer.body && answer.body.error) || ('HTTP ' + answer.status));
        return;
      }
      stageNames = answer.body;
      stageNames.names.forEach(function (n) { if (!(n.name in chosen)) { chosen[n.name] = n.suggested || ''; } });
      showStages(stageNames);
    }).catch(function (e) { showError(String(e)); });
  }

  function showStages(names) {
    var body = $('sf-stages').querySelector('tbody');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    names.names.forEach(function (n) {
      var row = document.createElement('tr');
      var name = document.createElement('td');
      name.textContent = n.name;
      var used = document.createElement('td');
      used.textContent = t('sfUsedText')(n);
      var cell = document.createElement('td');
      var select = document.createElement('select');
      select.setAttribute('data-stage-name', n.name);
      var none = document.createElement('option');
      none.value = '';
      none.textContent = t('sfChoose');
      select.appendChild(none);
      names.stages.forEach(function (s) {
        var option = document.createElement('option');
        option.value = s.code;
        option.textContent = s.code + ' — ' + (lang === 'zh' ? s.nameZh : s.name);
        select.appendChild(option);
      });
      select.value = chosen[n.name] || '';
      select.addEventListener('change', function () { chosen[n.name] = select.value; });
      cell.appendChild(select);
      [name, used, cell].forEach(function (c) { row.appendChild(c); });
      body.appendChild(row);
    });
    $('sf-stages').hidden = names.names.length === 0;
  }

  function api(url, options) {
    options = options || {};
    options.credentials = 'same-origin';
    options.headers = Object.assign({ 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' }, options.headers || {});
    return fetch(url, options).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = { error: text }; }
        return { status: response.status, body: body };
      });
    });
  }

  function showError(text) {
    $('error').textContent = text;
    $('error').hidden = !text;
  }

  function show(job) {
    lastJob = job;
    $('result').hidden = false;
    $('progress').value = job.percent;
    $('percent').textContent = job.percent + '%';
    var status = $('status');
    status.textContent = t(job.status) + ' — ' + t('rows')(job);
    status.className = job.status === 'DONE' || job.status === 'VALIDATED' ? 'ok'
      : (job.finished ? 'bad' : '');
    $('message').textContent = (lang === 'zh' && job.messageZh) || job.message || '';
    var body = $('problems').querySelector('tbody');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    (job.problems || []).forEach(function (p) {
      var row = document.createElement('tr');
      [(job.types.length > 1 ? t(p.type) + ' ' : '') + p.line, p.column || '', (lang === 'zh' && p.reasonZh) || p.reason].forEach(function (value) {
        var cell = document.createElement('td');
        cell.textContent = value;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    $('problems').hidden = !(job.problems && job.problems.length);
  }

  function poll(id) {
    api('/api/imports/' + encodeURIComponent(id)).then(function (answer) {
      if (answer.status !== 200) { showError(answer.body && answer.body.error || ('HTTP ' + answer.status)); return; }
      show(answer.body);
      if (!answer.body.finished) { setTimeout(function () { poll(id); }, 500); } else { busy(false); }
    }).catch(function (e) { showError(String(e)); busy(false); });
  }

  function busy(on) {
    $('dry-run').disabled = on;
    $('import').disabled = on;
  }

  function run(dryRun) {
    showError('');
    if ($('type').value === 'salesforce') {
      if (!$('sf-opportunity').files[0] && !$('sf-account').files[0]) { showError(t('sfNeedOpportunity')); return; }
      var mapping = {};
      Object.keys(chosen).forEach(function (name) { if (chosen[name]) { mapping[name] = chosen[name]; } });
      var sf = salesforceForm();
      sf.append('stageMapping', JSON.stringify(mapping));
      send('/api/imports?dryRun=' + dryRun, sf);
      return;
    }
    var file = $('file').files[0];
    if (!file) { showError(t('chooseFile')); return; }
    var form = new FormData();
    var type = $('type').value;
    var url = '/api/imports?dryRun=' + dryRun;
    if (HISTORY.indexOf(type) >= 0) {
      form.append(type, file);
      if ($('deals-file').files[0]) { form.append('opportunities', $('deals-file').files[0]); }
      if ($('accounts-file').files[0]) { form.append('accounts', $('accounts-file').files[0]); }
    } else {
      form.append('file', file);
      url += '&type=' + encodeURIComponent(type);
    }
    send(url, form);
  }

  function send(url, form) {
    busy(true);
    api(url, { method: 'POST', body: form })
      .then(function (answer) {
        if (answer.status === 200 || answer.status === 202) {
          show(answer.body);
          if (!answer.body.finished) { poll(answer.body.id); } else { busy(false); }
          return;
        }
        busy(false);
        $('result').hidden = true;
        var problems = answer.body && answer.body.problems && answer.body.problems.length ? answer.body.problems : null;
        showError(answer.status === 403 ? t('forbidden')
          : (problems ? problems.join('\n') : (answer.body && answer.body.error) || ('HTTP ' + answer.status)));
      })
      .catch(function (e) { busy(false); showError(String(e)); });
  }

  $('lang-en').addEventListener('click', function () { lang = 'en'; applyLanguage(); });
  $('lang-zh').addEventListener('click', function () { lang = 'zh'; applyLanguage(); });
  $('type').addEventListener('change', updateTemplateLink);
  ['sf-opportunity', 'sf-history', 'sf-field-history'].forEach(function (id) { $(id).addEventListener('change', readStageNames); });
  $('dry-run').addEventListener('click', function () { run(true); });
  $('import').addEventListener('click', function () { run(false); });
  applyLanguage();
}());
