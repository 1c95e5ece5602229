// What the people page, the chat channels page and the set-password page share: calling the API, the language (the browser's first, then the EN / 中文
// switch), putting a language's texts into every [data-t] element, and a refusal of the people API
// ("English. / 中文。") in the page's language. Texts only ever go in as textContent.
(function () {
  'use strict';

  window.cadencePage = {
    browserLanguage: function () {
      return (navigator.language || 'en').toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en';
    },

    apply: function (texts, lang) {
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
      document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = texts[lang][el.getAttribute('data-t')]; });
      document.title = texts[lang].title;
      document.getElementById('lang-en').classList.toggle('active', lang === 'en');
      document.getElementById('lang-zh').classList.toggle('active', lang === 'zh');
    },

    localize: function (text, lang) {
      var parts = String(text).split(' / ');
      return parts.length === 2 && /[\u4e00-\u9fff]/.test(parts[1]) ? parts[lang === 'zh' ? 1 : 0] : text;
    },

    /**
     * A call of the product's API with the Tasklist's sign-in: resolves to {status, body} (body parsed JSON, or
     * {error: text}); options.json is sent as the JSON body.
     */
    api: function (url, options) {
      options = options || {};
      options.credentials = 'same-origin';
      options.headers = Object.assign({ 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' }, options.headers || {});
      if (options.json !== undefined) {
        options.body = JSON.stringify(options.json);
        options.headers['Content-Type'] = 'application/json';
      }
      return fetch(url, options).then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try { body = text ? JSON.parse(text) : null; } catch (e) { body = { error: text }; }
          return { status: response.status, body: body };
        });
      });
    },

    /** The refusal in an API answer {error, problems}, one problem a line. */
    refusal: function (answer, lang) {
      var b = answer.body || {};
      var self = window.cadencePage;
      return b.problems && b.problems.length ? b.problems.map(function (p) { return self.localize(p, lang); }).join('\n')
        : self.localize(b.error || ('HTTP ' + answer.status), lang);
    }
  };
}());
