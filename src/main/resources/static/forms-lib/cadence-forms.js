/*
 * cadence-forms.js: the shared code of the embedded forms in forms/*.html (grids of issue 13).
 *
 * How an embedded form uses it. The Tasklist loads this file (and grid-refusals.js, commit-call.js) once, before it
 * starts, as a module (read as UTF-8): its custom script scripts/cadence-forms-loader.js imports them, so a form never
 * loads them itself. The Tasklist runs a form's <script cam-script type="text/form-script"> with eval, with `camForm`
 * in scope; the styles (cadence-forms.css) are added by this file itself. Handlers of camForm.on(event, handler) are
 * called with (camForm, [the event's arguments]):
 *
 *   <script cam-script type="text/form-script">
 *     Promise.resolve().then(function () {
 *       return CadenceForms.start(camForm);            // the person's language, the form's data-zh/data-en texts
 *     }).then(function (form) {
 *       form.api('/api/...').then(...);                // rows from the product's API, with the Tasklist session
 *       form.onSubmit(function () { return {variables: {...}, problems: [...]}; });
 *     });
 *   </script>
 *
 * Conventions: texts a person reads come from t(zh, en) or from data-zh / data-en attributes of the markup (see
 * BilingualTextsTest); data is put into the page as text, never as HTML; a form posts only ids and decisions,
 * as transient variables (valueInfo {transient: true}) that the engine hands to the process glue of the task and
 * never stores; the server's refusal (400) is shown next to the row it names and the person's input stays.
 */
(function () {
  'use strict';

  if (window.CadenceForms) {
    return;
  }

  var LIB = '/forms-lib/';
  var language = null;
  var languageAsked = null;

  function browserLanguage() {
    var asked = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    return /^zh/i.test(asked) ? 'zh' : 'en';
  }

  /** The person's language ("zh" or "en"): theirs from /api/me/language, else the browser's. Asked once per page. */
  function loadLanguage() {
    if (!languageAsked) {
      languageAsked = api('/api/me/language').then(function (me) {
        return me && (me.language === 'zh' || me.language === 'en') ? me.language : browserLanguage();
      }, function () {
        return browserLanguage();
      }).then(function (found) {
        language = found;
        return found;
      });
    }
    return languageAsked;
  }

  /** The text in the person's language (the browser's until /api/me/language answered). */
  function t(zh, en) {
    return (language || browserLanguage()) === 'zh' ? zh : en;
  }

  function locale() {
    return (language || browserLanguage()) === 'zh' ? 'zh-CN' : 'en-US';
  }

  /** A number as people read it: 449,000 in both languages (digit groups of three, as Chinese business documents write amounts). */
  function number(value, digits) {
    if (value === null || value === undefined || value === '' || isNaN(Number(value))) {
      return '—';
    }
    return new Intl.NumberFormat(locale(), {maximumFractionDigits: digits === undefined ? 2 : digits}).format(Number(value));
  }

  /** What a person typed as a number ("449,000", "449 000", "449，000", full-width digits) or null when it is none. */
  function parseNumber(text) {
    if (text === null || text === undefined) {
      return null;
    }
    var plain = String(text).replace(/[\uFF10-\uFF19]/g, function (d) {
      return String.fromCharCode(d.charCodeAt(0) - 0xFF10 + 48);
    }).replace(/[\s,，]/g, '').replace(/．/g, '.');
    if (plain === '' || !/^-?\d+(\.\d+)?$/.test(plain)) {
      return null;
    }
    return Number(plain);
  }

  /**
   * fetch for the product's API with the Tasklist's session: same-origin credentials and the header the API
   * requires of a session call that changes something. A JSON body may be given as an object. Resolves with the
   * parsed JSON (or null); rejects with an Error carrying status and the server's message.
   */
  function api(path, options) {
    var init = Object.assign({credentials: 'same-origin'}, options || {});
    var headers = Object.assign({'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}, init.headers || {});
    if (init.body !== undefined && typeof init.body !== 'string') {
      init.body = JSON.stringify(init.body);
      headers['Content-Type'] = 'application/json';
    }
    init.headers = headers;
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch (e) {
          body = null;
        }
        if (!response.ok) {
          var message = (body && (body.message || body.error)) || t('请求失败（' + response.status + '）。', 'The request failed (' + response.status + ').');
          var error = new Error(message);
          error.status = response.status;
          error.body = body;
          throw error;
        }
        return body;
      });
    });
  }

  /** Creates an element; children are nodes or strings (text nodes): data never passes through innerHTML. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'class') {
        node.className = value;
      } else if (name.indexOf('on') === 0 && typeof value === 'function') {
        node.addEventListener(name.substring(2), value);
      } else if (name === 'value' || name === 'checked') {
        node[name] = value;
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) {
        append(node, c);
      });
    } else {
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  /** Fills every element with data-zh / data-en with the text of the person's language (data-*-title: its title). */
  function translate(root) {
    root.querySelectorAll('[data-zh]').forEach(function (node) {
      node.textContent = t(node.getAttribute('data-zh'), node.getAttribute('data-en'));
    });
    root.querySelectorAll('[data-zh-title]').forEach(function (node) {
      node.setAttribute('title', t(node.getAttribute('data-zh-title'), node.getAttribute('data-en-title')));
    });
  }

  /**
   * A grid: a table whose header row and first column (the row's name) stay in sight while it scrolls sideways
   * and down inside a 750 px Tasklist pane. columns: [{key, zh, en, cell(row, index) -> node or text, numeric,
   * width}]; the first column names the row. Returns {element, table, row(key), rows()}.
   */
  function grid(columns, rows, options) {
    options = options || {};
    var head = el('tr', null, columns.map(function (column) {
      return el('th', {'class': column.numeric ? 'cf-num' : null, scope: 'col',
        style: column.width ? 'min-width:' + column.width : null}, t(column.zh, column.en));
    }));
    var body = el('tbody');
    var byKey = {};
    rows.forEach(function (row, index) {
      var tr = el('tr', {'data-key': options.key ? options.key(row) : String(index)});
      columns.forEach(function (column, c) {
        var content = column.cell ? column.cell(row, index) : row[column.key];
        tr.appendChild(el(c === 0 ? 'th' : 'td', {'class': column.numeric ? 'cf-num' : null, scope: c === 0 ? 'row' : null}, content));
      });
      byKey[tr.getAttribute('data-key')] = tr;
      body.appendChild(tr);
    });
    var foot = options.footer ? el('tfoot', null, options.footer) : null;
    var table = el('table', {'class': 'cf-grid'}, el('thead', null, head), body, foot);
    var element = el('div', {'class': 'cf-grid-wrap', role: 'region', tabindex: '0',
      'aria-label': options.label ? t(options.label.zh, options.label.en) : null}, table);
    return {
      element: element,
      table: table,
      row: function (key) {
        return byKey[String(key)];
      },
      rows: function () {
        return Array.prototype.slice.call(body.rows);
      }
    };
  }

  /**
   * A text input for an amount in a grid row: the value as people read it (449,000; empty for none), what a person
   * types read by parseNumber ("449 000", full-width digits), formatted again (every decimal kept) when the field is left; onInput() after
   * each change (the running totals).
   */
  function amountInput(value, label, onInput) {
    var input = el('input', {type: 'text', 'class': 'cf-amount', inputmode: 'decimal',
      value: value === null || value === undefined ? '' : number(value), 'aria-label': label});
    if (onInput) {
      input.addEventListener('input', onInput);
    }
    input.addEventListener('blur', function () {
      var parsed = parseNumber(input.value);
      if (parsed !== null) {
        input.value = number(parsed, 10); // every decimal typed stays: a third one is refused, never rounded away
      }
    });
    return input;
  }

  /**
   * What a form's collect() returns about its grid rows, each {tr, name}: the rows' elements and rowName(tr), the name
   * a server's refusal uses for the row (so the refusal is shown at that row).
   */
  function namedRows(rows) {
    return {
      rows: rows.map(function (row) { return row.tr; }),
      rowName: function (tr) {
        var row = rows.filter(function (r) { return r.tr === tr; })[0];
        return row ? row.name : null;
      }
    };
  }

  /** Removes the problems shown in the form. */
  function clearProblems(root) {
    root.querySelectorAll('.cf-problem').forEach(function (node) {
      node.parentNode.removeChild(node);
    });
    root.querySelectorAll('.cf-invalid').forEach(function (node) {
      node.classList.remove('cf-invalid');
    });
  }

  /**
   * Shows a problem next to what it is about: a grid row (a line under it, the row marked), a field (the text
   * after it), or else the form's message area (an element with class cf-messages, or the top of the form).
   */
  function showProblem(root, message, target) {
    var text = el('div', {'class': 'cf-problem', role: 'alert'}, message);
    if (target && target.tagName === 'TR') {
      target.classList.add('cf-invalid');
      var line = el('tr', {'class': 'cf-problem'}, el('td', {colspan: String(target.cells.length)}, text));
      text.className = '';
      target.parentNode.insertBefore(line, target.nextSibling);
    } else if (target) {
      target.classList.add('cf-invalid');
      target.parentNode.insertBefore(text, target.nextSibling);
    } else {
      var area = root.querySelector('.cf-messages') || root;
      area.insertBefore(text, area.firstChild);
    }
    return text;
  }

  /**
   * The server's refusal, one or more problems "中文 / English" (ValidationTexts) joined by blanks: each problem in
   * the person's language, next to the row whose name (rowName(tr)) it mentions, the others above the form.
   */
  function showRefusal(root, message, rows, rowName) {
    problemsOf(message).forEach(function (problem) {
      var readable = inLanguage(problem);
      var placed = false;
      (rows || []).forEach(function (tr) {
        var name = rowName ? rowName(tr) : null;
        if (name && problem.indexOf(name) >= 0) {
          showProblem(root, readable, tr);
          placed = true;
        }
      });
      if (!placed) {
        showProblem(root, readable, null);
      }
    });
    var first = root.querySelector('.cf-problem');
    if (first && first.scrollIntoView) {
      first.scrollIntoView({block: 'nearest'});
    }
  }

  /** The problems of a refusal: a new one starts after an English sentence's end where a Chinese text begins. */
  function problemsOf(message) {
    return String(message || '').split(/(?<=[.!?)]) (?=[\u4e00-\u9fff“「第])/).filter(function (p) {
      return p.trim() !== '';
    });
  }

  /** "中文 / English" as one language (the person's); a message in one language stays as it is. */
  function inLanguage(message) {
    var text = String(message || '');
    var cut = text.indexOf(' / ');
    if (cut < 0 || !/[\u4e00-\u9fff]/.test(text.substring(0, cut))) {
      return text;
    }
    return t(text.substring(0, cut), text.substring(cut + 3));
  }

  function addStyles() {
    if (!document.querySelector('link[data-cadence-forms]')) {
      document.head.appendChild(el('link', {rel: 'stylesheet', href: LIB + 'cadence-forms.css', 'data-cadence-forms': 'true'}));
    }
  }

  /** The root element of an embedded form (camForm.formElement is a jQuery-like wrapper). */
  function rootOf(camForm) {
    var element = camForm.formElement;
    return element && element[0] ? element[0] : element;
  }

  /** A variable the form submits and the engine does not keep: valueInfo {transient: true}. */
  function setTransient(camForm, name, value) {
    var manager = camForm.variableManager;
    var text = typeof value === 'string' ? value : JSON.stringify(value);
    if (manager.variable(name)) {
      manager.variable(name).value = text;
      manager.variable(name).valueInfo = {transient: true};
    } else {
      manager.createVariable({name: name, type: 'String', value: text, valueInfo: {transient: true}, isDirty: true});
    }
  }

  /**
   * Starts a form: styles, the person's language, the markup's texts. Resolves with helpers bound to the form:
   * root, api, t, onSubmit(collect) where collect() returns {variables: {name: value}, problems: [{message, target}]}:
   * problems stop the submission and are shown; the variables are submitted as transient variables; a refusal
   * of the server is shown with showRefusal (rows and rowName from collect's result, if any).
   */
  function start(camForm) {
    addStyles();
    var root = rootOf(camForm);
    return loadLanguage().then(function () {
      root.classList.add('cf-form');
      root.setAttribute('lang', language === 'zh' ? 'zh-CN' : 'en');
      translate(root);
      var last = {rows: [], rowName: null};
      return {
        root: root,
        camForm: camForm,
        language: language,
        api: api,
        t: t,
        /** Reads what the form shows from the API: loaded(answer), or the reason it could not open (holder emptied). */
        load: function (path, loaded, holder) {
          return api(path).then(loaded, function (error) {
            if (holder) {
              holder.textContent = '';
            }
            showProblem(root, inLanguage(error.message), null);
          });
        },
        onSubmit: function (collect) {
          camForm.on('submit', function () {
            clearProblems(root);
            var result;
            try {
              result = collect() || {};
            } catch (e) {
              result = {problems: [{message: e.message}]};
            }
            last = {rows: result.rows || [], rowName: result.rowName || null};
            if (result.problems && result.problems.length) {
              camForm.submitPrevented = true;
              result.problems.forEach(function (p) {
                showProblem(root, p.message, p.target || null);
              });
              var first = root.querySelector('.cf-problem');
              if (first && first.scrollIntoView) {
                first.scrollIntoView({block: 'nearest'});
              }
              return;
            }
            Object.keys(result.variables || {}).forEach(function (name) {
              setTransient(camForm, name, result.variables[name]);
            });
          });
          // the form SDK calls a handler with (camForm, [arguments of the event]): the error is the first argument
          camForm.on('submit-failed', function (self, args) {
            var error = args && args.length ? args[0] : self;
            var message = error && error.message ? String(error.message) : '';
            if (message && message !== 'camForm submission prevented') {
              // the engine's REST API prefixes "Cannot submit task form <id>: " to the product's message
              showRefusal(root, message.replace(/^Cannot submit task form [^:]*: /, ''), last.rows, last.rowName);
            }
          });
        }
      };
    });
  }

  window.CadenceForms = {
    start: start,
    language: loadLanguage,
    t: t,
    number: number,
    parseNumber: parseNumber,
    api: api,
    el: el,
    grid: grid,
    amountInput: amountInput,
    namedRows: namedRows,
    translate: translate,
    showProblem: showProblem,
    showRefusal: showRefusal,
    clearProblems: clearProblems,
    inLanguage: inLanguage,
    problemsOf: problemsOf,
    setTransient: setTransient
  };
})();
