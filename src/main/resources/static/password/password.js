// Sets a new person's password with the one-time link of their mail (#token=...): no sign-in needed.
// The token stays in the address's fragment, which the browser never sends to a server on its own.
(function () {
  'use strict';

  var TEXTS = {
    en: {
      title: 'Set your password', checking: 'Checking your link…', 'for': 'Login:', password: 'New password',
      repeat: 'Repeat it', rule: 'At least 12 characters. The link works once.', save: 'Set password',
      done: 'Your password is set.', signin: 'Sign in to the Tasklist', mismatch: 'The two passwords differ.',
      noToken: 'This address has no link token: open the link of your mail.'
    },
    zh: {
      title: '设置密码', checking: '正在检查链接…', 'for': '登录名：', password: '新密码',
      repeat: '再次输入', rule: '至少 12 个字符。此链接仅可使用一次。', save: '设置密码',
      done: '密码已设置。', signin: '登录任务列表', mismatch: '两次输入的密码不一致。',
      noToken: '此地址中没有链接令牌：请打开邮件中的链接。'
    }
  };

  var page = window.cadencePage;
  var lang = page.browserLanguage();
  var $ = function (id) { return document.getElementById(id); };
  var lastAnswer = null;   // the last refusal, shown again in the other language
  var token = (/(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(location.hash) || [])[1];

  function t(key) { return TEXTS[lang][key]; }

  function applyLanguage() {
    page.apply(TEXTS, lang);
    if (lastAnswer) { showError(message(lastAnswer)); }
  }

  function showError(text) {
    $('error').textContent = text;
    $('error').hidden = !text;
  }

  function post(url, body) {
    return fetch(url, { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body) }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) { return { status: response.status, body: json }; });
    });
  }


  function message(answer) {
    return page.refusal(answer, lang);
  }

  $('lang-en').addEventListener('click', function () { lang = 'en'; applyLanguage(); });
  $('lang-zh').addEventListener('click', function () { lang = 'zh'; applyLanguage(); });
  $('form').addEventListener('submit', function (event) {
    event.preventDefault();
    showError('');
    if ($('password').value !== $('repeat').value) { showError(t('mismatch')); return; }
    $('save').disabled = true;
    post('/api/password', { token: token, password: $('password').value }).then(function (answer) {
      $('save').disabled = false;
      if (answer.status !== 200) { lastAnswer = answer; showError(message(answer)); return; }
      lastAnswer = null;
      $('form').hidden = true;
      $('done').hidden = false;
      history.replaceState(null, '', location.pathname);
    });
  });
  applyLanguage();
  if (!token) {
    $('checking').hidden = true;
    showError(t('noToken'));
  } else {
    post('/api/password/check', { token: token }).then(function (answer) {
      $('checking').hidden = true;
      if (answer.status !== 200) { lastAnswer = answer; showError(message(answer)); return; }
      $('login').textContent = answer.body.login;
      $('form').hidden = false;
    });
  }
}());
