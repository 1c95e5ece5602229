/*
 * commit-call.js: the grid of the manager's Monday commit call (forms/run-commit-call.html) and of the roll-up
 * review of the levels above (forms/review-rollup.html). Built on cadence-forms.js (CadenceForms).
 *
 * When the form opens it reads the call's lines from GET /api/cadence/call-tasks/{taskId} (the call's manager and
 * those above them; 403 for anyone else): one row per direct report, any number. The person's name stays in
 * sight (sticky column), flags are words in the person's language, the adjusted commit and upside and the
 * reason are typed in the row, and the team totals follow what is typed. Complete posts only the decisions:
 * `adjustments` [{personId, commit, upside, reason}] for the changed rows and `callNotes`, as transient
 * variables. The server checks them again (RollupService.submit); a refusal is shown at the rows it concerns (the
 * same decisions posted to /api/cadence/call-tasks/{taskId}/check answer each problem by the person's id, see
 * grid-refusals.js), with everything typed kept. Beside the forecasts, never in them: each line's and the team's
 * small deals in progress (open out-of-funnel deals); the key deals of the month in the person's language.
 */
(function () {
  'use strict';

  if (window.CommitCallForm) {
    return;
  }

  var STATUS = {
    ON_TIME: ['按时提交', 'On time', 'ok'],
    LATE: ['迟交', 'Late', 'warn'],
    MISSED: ['未提交', 'Missed', 'bad'],
    DUE: ['待提交', 'Not yet in', 'warn'],
    NOT_ASKED: ['未要求', 'Not asked', 'muted']
  };

  function addStyles() {
    if (!document.querySelector('link[data-commit-call]')) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/forms-lib/commit-call.css';
      link.setAttribute('data-commit-call', 'true');
      document.head.appendChild(link);
    }
  }

  /** cadence-forms.js, loaded with this file by the Tasklist (scripts/cadence-forms-loader.js). */
  function library() {
    return window.CadenceForms ? Promise.resolve(window.CadenceForms)
      : Promise.reject(new Error('cadence-forms.js is not loaded'));
  }

  /** Starts the form; the element .cc-call names the first column (rep or team) in data-line-zh / data-line-en. */
  function start(camForm) {
    addStyles();
    return library().then(function (CF) {
      return CF.start(camForm).then(function (form) {
        return build(CF, camForm, form);
      });
    });
  }

  function build(CF, camForm, form) {
    var t = form.t;
    var el = CF.el;
    var root = form.root;
    var area = root.querySelector('.cc-call');
    var options = {lineZh: area.getAttribute('data-line-zh'), lineEn: area.getAttribute('data-line-en')};
    var state = {lines: null, inputs: {}, grid: null, limits: null};
    var notes = el('textarea', {id: 'cc-notes', 'class': 'form-control', rows: '3', maxlength: '4000'});
    var dashboard = el('a', {href: '/dashboard/', target: '_blank', rel: 'noopener'}, t('打开销售仪表板', 'Open the sales dashboard'));
    area.parentNode.insertBefore(el('div', {'class': 'form-group cc-notes'},
      el('label', {'for': 'cc-notes'}, t('电话会记录', 'Notes of the call')), notes, el('p', null, dashboard)), area.nextSibling);

    function money(value) {
      return CF.number(value, 2);
    }

    function badge(kind, text, title) {
      return el('span', {'class': 'cc-badge cc-' + kind, title: title || null}, text);
    }

    function statusBadge(status) {
      var s = STATUS[status] || [status, status, 'muted'];
      return badge(s[2], t(s[0], s[1]));
    }

    function flagBadges(row) {
      if (!row.callFlags || !row.callFlags.length) {
        return el('span', {'class': 'cc-none'}, t('无', 'none'));
      }
      return el('span', {'class': 'cc-flags'}, row.callFlags.map(function (flag) {
        return badge(flag.code === 'NO_REPORT' ? 'bad' : 'warn', t(flag.zh, flag.en));
      }));
    }

    /** Open out-of-funnel deals: "2 · 50,000" (how many, their amount), or a dash when there are none. */
    function smallDeals(small, key) {
      var none = !small || !small.count;
      return el('span', {'class': none ? 'cc-none' : null, 'data-small': key}, none ? '—'
        : String(small.count) + ' · ' + money(small.amount));
    }

    /** A key deal in the person's language: amount, name, stage, owner, close date (overdue marked). */
    function keyDeal(deal) {
      var stage = t(deal.stageNameZh, deal.stageName);
      return el('li', {'data-deal': String(deal.id)}, el('b', null, money(deal.amount)), ' ' + deal.name + ' ',
        el('span', {'class': 'cf-sub'}, t('（' + stage + '，' + deal.owner + '，预计 ' + deal.expectedCloseDate + ' 成交）',
          '(' + stage + ', ' + deal.owner + ', closes ' + deal.expectedCloseDate + ')')),
        deal.overdue ? badge('bad', t('已逾期', 'overdue')) : null);
    }

    /**
     * A rep's reliability beside the commit (issue 16): the median actual / commit over the last completed weeks and
     * the commit it suggests, labelled as a suggestion; nothing is typed into the row or applied. A line without it
     * (a team's) shows a dash; too few weeks with a commit read "not enough history".
     */
    function reliabilityCell(r, key) {
      if (!r) {
        return el('span', {'class': 'cc-none', 'data-reliability': key}, '—');
      }
      var weeks = t(r.window + ' 周中 ' + r.weeks + ' 周有承诺', r.weeks + ' of ' + r.window + ' weeks with a commit');
      if (!r.enough) {
        return el('span', {'class': 'cc-none', 'data-reliability': key,
          title: t('至少需要 ' + r.minWeeks + ' 周', 'at least ' + r.minWeeks + ' weeks are needed')},
          t('历史不足', 'Not enough history'), el('span', {'class': 'cf-sub'}, weeks));
      }
      var suggestion = r.suggestedCommit === null || r.suggestedCommit === undefined ? null
        : el('span', {'class': 'cf-sub cc-suggestion', title: t('仅为建议，不会应用到任何数字', 'A suggestion only: never applied to any figure')},
          t('建议承诺 ', 'suggested commit ') + money(r.suggestedCommit));
      return el('span', {'data-reliability': key}, el('b', null, r.percent), el('span', {'class': 'cf-sub'}, weeks), suggestion);
    }

    function pair(value, of) {
      return [money(value), el('span', {'class': 'cf-sub'}, t('挑战目标 ', 'stretch ') + money(of))];
    }

    function amountInput(row, key, label) {
      var input = el('input', {type: 'text', inputmode: 'decimal', 'class': 'cf-amount', value: money(row[key]),
        'aria-label': t(label[0], label[1]) + ' – ' + row.person, 'data-field': key});
      input.addEventListener('input', refresh);
      return input;
    }

    function reasonInput(row) {
      var input = el('input', {type: 'text', 'class': 'cc-reason', maxlength: String(state.limits.reasonMaxLength),
        placeholder: t('调整时必填', 'required when adjusting'),
        'aria-label': t('调整原因', 'Reason for the adjustment') + ' – ' + row.person, 'data-field': 'reason'});
      input.addEventListener('input', refresh);
      return input;
    }

    /** What a row's inputs say now: the typed numbers (null when not a number) and whether it is adjusted. */
    function read(row) {
      var inputs = state.inputs[row.personId];
      var commit = CF.parseNumber(inputs.commit.value);
      var upside = CF.parseNumber(inputs.upside.value);
      var reason = inputs.reason.value.trim();
      var changed = commit === null || upside === null || commit !== Number(row.commit) || upside !== Number(row.upside);
      return {commit: commit, upside: upside, reason: reason, adjusted: changed || reason !== ''};
    }

    function refresh() {
      var commit = 0;
      var upside = 0;
      var adjusted = 0;
      state.lines.rows.forEach(function (row) {
        var now = read(row);
        commit += now.commit === null ? Number(row.commit) : now.commit;
        upside += now.upside === null ? Number(row.upside) : now.upside;
        var tr = state.grid.row(row.personId);
        tr.classList.toggle('cc-adjusted', now.adjusted);
        if (now.adjusted) {
          adjusted++;
        }
      });
      root.querySelector('[data-total=commit]').textContent = money(commit);
      root.querySelector('[data-total=upside]').textContent = money(upside);
      root.querySelector('[data-total=adjusted]').textContent = String(adjusted);
      var footCommit = root.querySelector('[data-foot=commit]');
      if (footCommit) {
        footCommit.textContent = money(commit);
        root.querySelector('[data-foot=upside]').textContent = money(upside);
      }
    }

    /** The checks of RollupService (Checks.money, the reason) in the browser: a bad row is shown before posting. */
    function problemsOf(row, now) {
      var problems = [];
      [['commit', now.commit, ['调整后的承诺', 'Adjusted commit']], ['upside', now.upside, ['调整后的潜在成交', 'Adjusted upside']]]
        .forEach(function (figure) {
          var label = t(figure[2][0], figure[2][1]);
          var typed = state.inputs[row.personId][figure[0]].value.trim();
          var value = figure[1];
          if (typed === '') {
            problems.push(t(label + '为必填项（没有时填 0）。', label + ' is required (0 when there is none).'));
          } else if (value === null) {
            problems.push(t(label + '必须是数字，而不是“' + typed + '”。', label + " must be a number, got '" + typed + "'."));
          } else if (value < 0) {
            problems.push(t(label + '必须为 0 或以上。', label + ' must be zero or more.'));
          } else if (value > Number(state.limits.maxAmount)) {
            problems.push(t(label + '太大：最多 ' + money(state.limits.maxAmount) + '。', label + ' is too large: at most '
              + money(state.limits.maxAmount) + '.'));
          } else if ((String(value).split('.')[1] || '').length > state.limits.decimals) {
            problems.push(t(label + '最多只能有两位小数。', label + ' may have at most two decimals.'));
          }
        });
      if (now.reason === '') {
        problems.push(t('调整原因为必填项。', 'A reason for the adjustment is required.'));
      }
      return problems;
    }

    function collect() {
      if (!state.lines) {
        return {problems: [{message: t('电话会的数字尚未加载，无法提交。', 'The figures of the call are not loaded: it cannot be submitted.')}]};
      }
      var adjustments = [];
      var problems = [];
      state.lines.rows.forEach(function (row) {
        var now = read(row);
        if (!now.adjusted) {
          return;
        }
        var rowProblems = problemsOf(row, now);
        if (rowProblems.length) {
          problems.push({message: row.person + (form.language === 'zh' ? '：' : ': ') + rowProblems.join(' '), target: state.grid.row(row.personId)});
        } else {
          adjustments.push({personId: row.personId, commit: String(now.commit), upside: String(now.upside), reason: now.reason});
        }
      });
      return {
        variables: {adjustments: adjustments, callNotes: notes.value},
        problems: problems,
        rows: state.grid.rows(),
        rowName: function (tr) {
          return tr.getAttribute('data-name');
        }
      };
    }

    function render(lines) {
      state.lines = lines;
      state.limits = lines.limits;
      lines.rows.forEach(function (row) {
        state.inputs[row.personId] = {
          commit: amountInput(row, 'commit', ['调整后的承诺', 'Adjusted commit']),
          upside: amountInput(row, 'upside', ['调整后的潜在成交', 'Adjusted upside']),
          reason: reasonInput(row)
        };
      });
      var reliability = {};
      (lines.reliability || []).forEach(function (r) {
        reliability[r.personId] = r;
      });
      var columns = [
        {key: 'person', zh: options.lineZh, en: options.lineEn, cell: function (row) {
          return [row.person, el('span', {'class': 'cf-sub'}, row.personId)];
        }},
        {key: 'flags', zh: '警示', en: 'Flags', cell: flagBadges},
        {key: 'status', zh: '报告', en: 'Report', cell: function (row) {
          return statusBadge(row.status);
        }},
        {key: 'raw', zh: '所报承诺 / 潜在成交', en: 'Reported commit / upside', numeric: true, cell: function (row) {
          return [money(row.rawCommit), el('span', {'class': 'cf-sub'}, t('潜在成交 ', 'upside ') + money(row.rawUpside))];
        }},
        {key: 'reliability', zh: '可靠度（实际/承诺中位数）与建议承诺', en: 'Reliability (median actual / commit) and suggested commit',
          numeric: true, cell: function (row) {
            return reliabilityCell(reliability[row.personId], row.personId);
          }},
        {key: 'commit', zh: '承诺（可调整）', en: 'Commit (adjust)', numeric: true, cell: function (row) {
          var earlier = row.adjustedBy ? el('span', {'class': 'cf-sub cc-earlier'},
            t('已调整：', 'adjusted: ') + row.adjustmentReason) : null;
          return [state.inputs[row.personId].commit, earlier];
        }},
        {key: 'upside', zh: '潜在成交（可调整）', en: 'Upside (adjust)', numeric: true, cell: function (row) {
          return state.inputs[row.personId].upside;
        }},
        {key: 'reason', zh: '调整原因', en: 'Reason', cell: function (row) {
          return state.inputs[row.personId].reason;
        }},
        {key: 'lastWeek', zh: '上周 实际 / 承诺', en: 'Last week actual / commit', numeric: true, cell: function (row) {
          return [money(row.lastWeekActual) + ' / ' + (row.lastWeekCommit === null ? '—' : money(row.lastWeekCommit)),
            el('span', {'class': 'cf-sub'}, t('准确率 ', 'accuracy ') + (row.accuracy || '—'))];
        }},
        {key: 'linearity', zh: '线性度', en: 'Linearity', numeric: true, cell: function (row) {
          return row.linearity || '—';
        }},
        {key: 'month', zh: '月度预测', en: 'Month forecast', numeric: true, cell: function (row) {
          return pair(row.monthForecast, row.monthStretch);
        }},
        {key: 'quarter', zh: '季度预测', en: 'Quarter forecast', numeric: true, cell: function (row) {
          return pair(row.quarterForecast, row.quarterStretch);
        }},
        {key: 'unfulfilled', zh: '未履行订单', en: 'Unfulfilled orders', numeric: true, cell: function (row) {
          return row.unfulfilledShare || '—';
        }},
        {key: 'small', zh: '进行中的小额商机（不计入预测）', en: 'Small deals in progress (in no forecast)', numeric: true,
          cell: function (row) {
            return smallDeals(row.smallDealsInProgress, row.personId);
          }}
      ];
      if (!(lines.reliability || []).length) {
        // the roll-up review of the levels above: its lines are teams, whose reliability is not measured
        columns = columns.filter(function (column) {
          return column.key !== 'reliability';
        });
      }
      var footer = el('tr', null, columns.map(function (column, c) {
        if (c === 0) {
          return el('th', {scope: 'row'}, t('团队合计', 'Team total'));
        }
        if (column.key === 'commit') {
          return el('td', {'class': 'cf-num', 'data-foot': 'commit'});
        }
        if (column.key === 'upside') {
          return el('td', {'class': 'cf-num', 'data-foot': 'upside'});
        }
        if (column.key === 'small') {
          return el('td', {'class': 'cf-num', 'data-foot': 'small'}, smallDeals(lines.smallDealsInProgress, 'team'));
        }
        return el('td');
      }));
      state.grid = CF.grid(columns, lines.rows, {
        key: function (row) {
          return row.personId;
        },
        footer: footer,
        label: {zh: '团队各行', en: 'The lines of the team'}
      });
      lines.rows.forEach(function (row) {
        state.grid.row(row.personId).setAttribute('data-name', row.person);
      });
      var missing = lines.rows.filter(function (row) {
        return row.status !== 'ON_TIME' && row.status !== 'LATE';
      }).length;
      var flagged = lines.rows.filter(function (row) {
        return row.callFlags && row.callFlags.length;
      }).length;
      var summary = el('div', {'class': 'cf-totals'},
        el('span', {'class': 'cf-figure'}, t('周 ', 'Week ') + lines.cycleKey + ' – ' + lines.manager),
        el('span', {'class': 'cf-figure'}, t('团队承诺 ', 'Team commit '), el('b', {'data-total': 'commit'})),
        el('span', {'class': 'cf-figure'}, t('潜在成交 ', 'Upside '), el('b', {'data-total': 'upside'}),
          el('span', {'class': 'cc-note'}, t('（不计入承诺）', ' (never in the commit)'))),
        el('span', {'class': 'cf-figure'}, t('本次调整 ', 'Adjusted now '), el('b', {'data-total': 'adjusted'})),
        el('span', {'class': 'cf-figure' + (missing ? ' cf-bad' : '')}, t('未提交 ', 'Not in ') + missing + ' / ' + lines.rows.length),
        el('span', {'class': 'cf-figure' + (flagged ? ' cf-bad' : '')}, t('有警示 ', 'Flagged ') + flagged));
      var small = lines.smallDealsInProgress || {count: 0, amount: 0};
      var smallLine = el('p', {'class': 'cc-small', 'data-total': 'small'}, small.count
        ? t('进行中的小额商机（漏斗外，不计入任何预测）：' + small.count + ' 个，共 ' + money(small.amount),
          'Small deals in progress (out of the funnel, in no forecast): ' + small.count + ', ' + money(small.amount))
        : t('进行中的小额商机（漏斗外）：无', 'Small deals in progress (out of the funnel): none'));
      area.appendChild(summary);
      area.appendChild(smallLine);
      area.appendChild(state.grid.element);
      if (lines.keyDeals && lines.keyDeals.length) {
        area.appendChild(el('details', {'class': 'cc-deals'}, el('summary', null, t('本月重点商机（' + lines.keyDeals.length + '）',
          'Key deals this month (' + lines.keyDeals.length + ')')), el('ul', null, lines.keyDeals.map(keyDeal))));
      }
      dashboard.setAttribute('href', '/dashboard/?person=' + encodeURIComponent(lines.managerId));
      refresh();
    }

    form.onSubmit(collect);
    // a refusal of the server (Complete answered 400): the same decisions checked again by /check, whose answer
    // names each problem's row by the person's id; each is shown under its row, everything typed stays
    CadenceGridRefusals.showAtRows(form, {row: function (key) {
      return state.grid ? state.grid.row(key) : null;
    }}, '/api/cadence/call-tasks/' + encodeURIComponent(camForm.taskId) + '/check', function () {
      var decided = collect();
      return {adjustments: decided.variables ? decided.variables.adjustments : [], callNotes: notes.value};
    });
    area.appendChild(el('p', {'class': 'cc-loading'}, t('正在加载团队的数字……', 'Loading the team\'s figures…')));
    return form.api('/api/cadence/call-tasks/' + encodeURIComponent(camForm.taskId)).then(function (lines) {
      area.removeChild(area.querySelector('.cc-loading'));
      render(lines);
      return form;
    }, function (error) {
      area.removeChild(area.querySelector('.cc-loading'));
      var message = error.status === 403
        ? t('只有该电话会的经理及其上级可以查看这些数字。', 'Only the call\'s manager and the managers above them may see these figures.')
        : CF.inLanguage(error.message);
      CF.showProblem(root, message, null);
      return form;
    });
  }

  window.CommitCallForm = {start: start};
})();
