// Every label of the dashboard in English and Simplified Chinese. t('key', {name: value}) fills {name}.
const MESSAGES = {
  en: {
    'app.title': 'Sales dashboard',
    'link.tasklist': 'Tasklist',
    'chart.noData': 'No data yet',
    'threshold.target': 'target {threshold}',
    'loading': 'Loading…',
    'signin.title': 'Please sign in',
    'signin.text': 'The dashboard uses your Camunda Tasklist sign-in. Sign in to the Tasklist in this browser, then come back.',
    'signin.link': 'Sign in (you come back here)',
    'signin.retry': 'I have signed in: reload',
    'error.title': 'The dashboard cannot be shown',
    'error.http': 'The server answered {status}: {message}',
    'error.network': 'The server cannot be reached: {message}',
    'csv.export': 'Export CSV',
    'table.show': 'Table',
    'table.empty': 'Nothing to show yet.',
    'role.REP': 'Rep', 'role.MANAGER': 'Manager', 'role.ADMIN': 'Administrator', 'role.FINANCE': 'Finance',
    'meta.team': '{role}, level {level}: figures of the whole team',
    'meta.person': '{role}, level {level}: own figures',
    'period': 'As of {asOf} · week {week} · month {month} · quarter {quarter} · amounts in {currency}',
    'crumb.root': 'Start',
    'flag.OK': 'On track', 'flag.LOW': 'Low', 'flag.HIGH': 'High', 'flag.GOOD': 'Good', 'flag.NONE': 'Not computable',
    'flag.forecast.LOW': 'Needs more pipeline',
    'flag.compliance.LOW': 'Reports missing or late',
    'flag.unfulfilled.HIGH': 'Too many unpaid orders',
    'kpi.quota': 'Quarter quota', 'kpi.stretch': 'Stretch target', 'kpi.booked': 'Booked this quarter',
    'kpi.forecast': 'Forecast (weighted pipeline)', 'kpi.coverage': 'Pipeline coverage',
    'kpi.weeklyProgress': 'Weekly progress', 'kpi.commitAccuracy': 'Commit accuracy (last week)',
    'kpi.linearity': 'Linearity of weekly commits', 'kpi.pipelineGrowth': 'Pipeline growth (month)',
    'kpi.commitGrowth': 'Commit growth (month)', 'kpi.unfulfilledShare': 'Unfulfilled orders',
    'kpi.compliance': 'Report compliance (quarter)',
    'kpi.quota.explain': 'Stretch {stretch} = {stretchPct} of quota',
    'kpi.booked.explain': 'Won this quarter, out-of-funnel sales included; {pct} of quota',
    'kpi.noQuota': 'No quota set for this quarter',
    'kpi.pipelineThisQuarter': 'Pipeline this quarter', 'kpi.pipelineAllOpen': 'Pipeline, all open',
    'kpi.smallDeals': 'Small deals in progress',
    'kpi.smallDeals.explain': 'Open deals out of the funnel (count · amount): in no forecast, pipeline or coverage; they count as sales once won',
    'kpi.unfulfilledShareAllTime': 'Unfulfilled orders (all time)',
    'scope.PIPELINE_THIS_QUARTER': 'Open funnel deals closing by quarter end',
    'scope.PIPELINE_ALL_OPEN': 'All open funnel deals, any close date',
    'scope.WON_THIS_QUARTER': 'Deals won this quarter',
    'scope.WON_ALL_TIME': 'All deals ever won',
    'scope.LAST_WEEK': 'Last completed week',
    'scope.MONTH_TO_DATE': 'Weeks of this month so far',
    'scope.QUARTER_TO_DATE': 'Reports of this quarter so far',
    'col.smallDeals': 'Small deals in progress', 'col.pipelineAllOpen': 'Pipeline (all open)',
    'growth.pipelineAllOpen': 'Pipeline (all open)',
    'col.inStage': 'Still in stage', 'col.stuckDays': 'Stuck ≥ {days} days',
    'col.companyInStage': 'Company still in stage', 'col.companyStuckDays': 'Company stuck ≥ {days} days',
    'explain.forecast': 'weighted pipeline {weighted} vs remaining quota {remainingQuota} (quota {quota} − booked {booked}); gap {gap}',
    'explain.coverage': 'pipeline {openPipeline} / remaining target {remainingTarget} = {value} ({threshold})',
    'explain.weeklyProgress': '(this week: forecast {thisWeekForecast} + sales {thisWeekCumulativeSales} − last week: forecast {lastWeekForecast} + sales {lastWeekCumulativeSales}) / quarter quota {quarterQuota} = {value} ({threshold})',
    'explain.commitAccuracy': 'actual {actual} / commit {commit} = {value} ({threshold})',
    'explain.linearity': 'weekly commits {commits} / linear share {linearShare} ({weeks} weeks × {weeklyShare}) = {value} ({threshold})',
    'explain.growth': '(this month {thisMonth} − last month {lastMonth}) / last month {lastMonth} = {value} ({threshold})',
    'explain.unfulfilledShare': 'unfulfilled {unfulfilled} / orders {orders} = {value} ({threshold})',
    'explain.compliance': 'on time {onTime} / due {due} (late {late}, missing {missing}) = {value} ({threshold})',
    'explain.none': 'Cannot be computed: {missing} missing.',
    'explain.noneEmpty': 'Cannot be computed: nothing to divide by yet.',
    'threshold.good': 'good', 'threshold.remainingQuota': 'remaining quota',
    'input.quota': 'quota', 'input.remainingQuota': 'remaining quota', 'input.remainingTarget': 'remaining target',
    'input.lastWeekForecast': "last week's forecast", 'input.lastWeekCumulativeSales': "last week's sales",
    'input.quarterQuota': 'quarter quota', 'input.commit': 'commit', 'input.lastMonth': 'last month',
    'input.thisMonth': 'this month', 'input.weeklyShare': 'weekly share', 'input.orders': 'orders', 'input.due': 'reports due',
    'input.weighted': 'weighted pipeline', 'input.booked': 'booked', 'input.thisWeekForecast': "this week's forecast",
    'input.thisWeekCumulativeSales': "this week's sales", 'input.actual': 'actual', 'input.commits': 'weekly commits',
    'input.weeks': 'weeks', 'input.linearShare': 'linear share', 'input.openPipeline': 'open pipeline',
    'input.snapshotId': "last week's snapshot",
    'input.unfulfilled': 'unfulfilled orders', 'input.onTime': 'on time', 'input.late': 'late', 'input.missing': 'missing',
    'targets.title': 'Forecast vs quota vs stretch',
    'targets.hint': 'Click a person in the chart or the table to drill down; the path above leads back up.',
    'targets.hintRep': 'Own figures (no one reports to this person).',
    'col.name': 'Name', 'col.role': 'Role', 'col.quota': 'Quota', 'col.stretch': 'Stretch', 'col.booked': 'Booked',
    'col.forecast': 'Forecast', 'col.coverage': 'Coverage', 'col.commitAccuracy': 'Commit accuracy',
    'col.needsMorePipeline': 'Needs more pipeline', 'col.open': 'Drill down',
    'yes': 'yes', 'no': 'no', 'open': 'Open',
    'series.booked': 'Booked', 'series.forecast': 'Forecast (weighted)', 'series.quota': 'Quota', 'series.stretch': 'Stretch',
    'accuracy.title': 'Commit accuracy, last 13 weeks',
    'accuracy.hint': 'Actual booked / commit per week; the shaded band is 95%-110%.',
    'accuracy.band': 'Band {threshold}',
    'col.week': 'Week', 'col.weekStart': 'Week start', 'col.commit': 'Commit', 'col.actual': 'Actual',
    'col.accuracy': 'Accuracy', 'col.flag': 'Flag',
    'series.accuracy': 'Accuracy', 'series.commit': 'Commit', 'series.actual': 'Actual',
    'growth.title': 'Coverage and month-over-month growth',
    'growth.hint': 'Pipeline and commit this month vs last month; growth under 5% is low, 10% is good.',
    'growth.pipeline': 'Pipeline', 'growth.commitRow': 'Commit',
    'col.measure': 'Measure', 'col.lastMonth': 'Last month', 'col.thisMonth': 'This month', 'col.growth': 'Growth',
    'funnel.title': 'Funnel: this view vs company average',
    'funnel.person': 'This view', 'funnel.company': 'Company',
    'funnel.overall': 'Win rate {pw} vs company {cw} · average deal {pd} vs {cd} · sales cycle {pc} vs {cc} days · won {won} of {closed} closed',
    'col.stage': 'Stage', 'col.winRate': 'Stage win rate', 'col.entered': 'Entered', 'col.converted': 'Converted',
    'col.lost': 'Lost', 'col.stuck': 'Stuck', 'col.avgDays': 'Avg days',
    'col.companyEntered': 'Company entered', 'col.companyConverted': 'Company converted', 'col.companyLost': 'Company lost',
    'col.companyStuck': 'Company stuck', 'col.companyAvgDays': 'Company avg days',
    'compliance.title': 'Report compliance per cycle',
    'compliance.hint': 'Reports submitted on time, late and missing; 100% on time is the rule.',
    'col.cycle': 'Cycle', 'col.cadence': 'Cadence', 'col.due': 'Due', 'col.onTime': 'On time', 'col.late': 'Late',
    'col.missing': 'Missing', 'col.openReports': 'Not yet due', 'col.rate': 'On-time rate',
    'series.onTime': 'On time', 'series.late': 'Late', 'series.missing': 'Missing', 'series.rate': 'On-time rate',
    'backtest.title': 'Which forecast has been right for this team',
    'backtest.hint': 'Back-test of {name}, weeks from {from} to before {to}: each week\'s forecast of its quarter against what was booked by the quarter\'s end; the commit against the week\'s bookings. Lower bars are better.',
    'backtest.axis': 'Mean absolute % error',
    'backtest.tip': 'error {ape}, bias {bias} ({weeks} weeks)',
    'backtest.ape': 'Absolute percentage error (APE)',
    'backtest.ape.explain': '|forecast − actual| / actual of each week, averaged over the weeks of the quarter (or of all four quarters in the table).',
    'backtest.bias': 'Bias',
    'backtest.bias.explain': '(forecast − actual) / actual averaged the same way: above zero the method forecast too much, below zero too little.',
    'method.CONFIGURED': 'Configured rates', 'method.LEARNED': 'Learned rates', 'method.CLAIMED': 'Claimed probabilities', 'method.COMMIT': 'Commit',
    'method.CONFIGURED.explain': 'booked so far + each open deal closing this quarter × its stage\'s win rate in the stage model (today\'s forecast).',
    'method.LEARNED.explain': 'the same with the win rate this team\'s own closed deals showed at that stage, known at that week, pulled towards the configured rate while the deals are few.',
    'method.CLAIMED.explain': 'the same with the probability the rep entered on the deal.',
    'method.COMMIT.explain': 'what the team committed for the week, against what it booked in that week.',
    'forecasts.hint': 'Quarter {quarter}: the three forecasts of the open pipeline closing this quarter, with the quarter\'s bookings so far; "{method}" is the forecast used elsewhere.',
    'forecasts.chosen': 'The forecast',
    'forecasts.commit': 'Commit (this week)', 'forecasts.booked': 'Booked this quarter',
    'col.method': 'Method', 'col.apeOf': 'Error {quarter}', 'col.apeAll': 'Error, 4 quarters', 'col.bias': 'Bias', 'col.weeks': 'Weeks',
    'cadence.WEEKLY_COMMIT': 'Weekly commit', 'cadence.WEEKLY_ROLLUP': 'Weekly roll-up', 'cadence.MONTHLY_FORECAST': 'Monthly forecast',
    'cadence.QUARTERLY_REVIEW': 'Quarterly review',
    'meetings.title': 'Meeting compliance (this quarter)',
    'meetings.hint': 'Meetings of this view held by their due time, late and not held; still open ones are not yet due.',
    'col.meeting': 'Meeting', 'col.held': 'Held on time', 'col.notHeld': 'Not held', 'col.heldRate': 'Held on time rate',
    'meeting.ONE_ON_ONE': '1:1 meeting', 'meeting.TEAM': 'Team meeting', 'meeting.BUSINESS': 'Monthly business meeting',
    'meeting.QBR': 'Quarterly business review', 'meeting.KICKOFF': 'Yearly kick-off', 'meeting.total': 'All meetings',
    'categories.title': 'Forecast categories',
    'categories.hint': 'Cycle {cycleKey}: commit ⊂ upside or better ⊂ pipeline; raw as submitted, own adjustment, adjusted by the level above, final roll-up.',
    'categories.none': 'No weekly commit cycle yet.',
    'col.commitRaw': 'Commit raw', 'col.commitOwn': 'Commit own adj.', 'col.commitAbove': 'Commit adj. above',
    'col.commitFinal': 'Commit final', 'col.upsideRaw': 'Upside+ raw', 'col.upsideOwn': 'Upside+ own adj.',
    'col.upsideAbove': 'Upside+ adj. above', 'col.upsideFinal': 'Upside+ final', 'col.pipeline': 'Pipeline', 'total': 'Total',
    'changes.title': 'What changed in the pipeline',
    'changes.from': 'From snapshot', 'changes.to': 'To', 'changes.live': 'Live pipeline (now)',
    'changes.take': 'Take a snapshot now', 'changes.taken': 'Snapshot taken.',
    'changes.none': 'No snapshot yet: take one now to compare later.',
    'changes.summary': 'Open pipeline {start} → {end}; {stageMoved} deals changed stage.',
    'snapshot.kind.WEEKLY': 'weekly', 'snapshot.kind.SUBMISSION': 'submission', 'snapshot.kind.MANUAL': 'manual',
    'snapshot.kind.HISTORY': 'reconstructed from imported history',
    'wf.START': 'Start', 'wf.END': 'End', 'wf.NEW': 'New', 'wf.PULLED_IN': 'Pulled in', 'wf.AMOUNT_UP': 'Amount up',
    'wf.AMOUNT_DOWN': 'Amount down', 'wf.PUSHED_OUT': 'Pushed out', 'wf.WON': 'Won', 'wf.LOST': 'Lost', 'wf.STAGE_MOVED': 'Stage moved',
    'col.deal': 'Deal', 'col.owner': 'Owner', 'col.categories': 'Changes', 'col.fromAmount': 'Amount before',
    'col.toAmount': 'Amount after', 'col.fromStage': 'Stage before', 'col.toStage': 'Stage after',
    'col.fromClose': 'Close before', 'col.toClose': 'Close after', 'col.count': 'Deals', 'col.amount': 'Effect'
  },
  zh: {
    'app.title': '销售仪表板',
    'link.tasklist': '任务列表',
    'chart.noData': '暂无数据',
    'threshold.target': '目标 {threshold}',
    'loading': '加载中…',
    'signin.title': '请先登录',
    'signin.text': '仪表板使用您在 Camunda 任务列表中的登录。请在此浏览器中登录任务列表，然后返回本页。',
    'signin.link': '登录（登录后回到本页）',
    'signin.retry': '已登录：重新加载',
    'error.title': '无法显示仪表板',
    'error.http': '服务器返回 {status}：{message}',
    'error.network': '无法连接服务器：{message}',
    'csv.export': '导出 CSV',
    'table.show': '表格',
    'table.empty': '暂无数据。',
    'role.REP': '销售代表', 'role.MANAGER': '经理', 'role.ADMIN': '管理员', 'role.FINANCE': '财务',
    'meta.team': '{role}，第 {level} 级：整个团队的数据',
    'meta.person': '{role}，第 {level} 级：个人数据',
    'period': '截至 {asOf} · 第 {week} 周 · {month} 月 · {quarter} 季度 · 金额单位 {currency}',
    'crumb.root': '起点',
    'flag.OK': '正常', 'flag.LOW': '偏低', 'flag.HIGH': '偏高', 'flag.GOOD': '良好', 'flag.NONE': '无法计算',
    'flag.forecast.LOW': '需要更多商机',
    'flag.compliance.LOW': '有报告缺交或迟交',
    'flag.unfulfilled.HIGH': '未完成订单过多',
    'kpi.quota': '季度配额', 'kpi.stretch': '挑战目标', 'kpi.booked': '本季度已成交',
    'kpi.forecast': '预测（加权商机）', 'kpi.coverage': '商机覆盖率',
    'kpi.weeklyProgress': '每周进度', 'kpi.commitAccuracy': '承诺准确率（上周）',
    'kpi.linearity': '每周承诺的线性度', 'kpi.pipelineGrowth': '商机月增长',
    'kpi.commitGrowth': '承诺月增长', 'kpi.unfulfilledShare': '未完成订单占比',
    'kpi.compliance': '报告提交合规率（本季度）',
    'kpi.quota.explain': '挑战目标 {stretch} = 配额的 {stretchPct}',
    'kpi.booked.explain': '本季度赢单，含漏斗外销售；占配额 {pct}',
    'kpi.noQuota': '本季度未设定配额',
    'kpi.pipelineThisQuarter': '本季度商机', 'kpi.pipelineAllOpen': '全部未结商机',
    'kpi.smallDeals': '进行中的小单',
    'kpi.smallDeals.explain': '漏斗外的未结商机（个数 · 金额）：不计入预测、商机和覆盖率；赢单后计入销售',
    'kpi.unfulfilledShareAllTime': '未完成订单占比（全部历史）',
    'scope.PIPELINE_THIS_QUARTER': '本季度末前预计成交的漏斗内未结商机',
    'scope.PIPELINE_ALL_OPEN': '全部漏斗内未结商机，不限成交日期',
    'scope.WON_THIS_QUARTER': '本季度赢单',
    'scope.WON_ALL_TIME': '历史全部赢单',
    'scope.LAST_WEEK': '上一个完整周',
    'scope.MONTH_TO_DATE': '本月至今各周',
    'scope.QUARTER_TO_DATE': '本季度至今的报告',
    'col.smallDeals': '进行中的小单', 'col.pipelineAllOpen': '商机（全部未结）',
    'growth.pipelineAllOpen': '商机（全部未结）',
    'col.inStage': '仍在本阶段', 'col.stuckDays': '停滞 ≥ {days} 天',
    'col.companyInStage': '公司仍在本阶段', 'col.companyStuckDays': '公司停滞 ≥ {days} 天',
    'explain.forecast': '加权商机 {weighted}，剩余配额 {remainingQuota}（配额 {quota} − 已成交 {booked}）；差距 {gap}',
    'explain.coverage': '商机 {openPipeline} / 剩余目标 {remainingTarget} = {value}（{threshold}）',
    'explain.weeklyProgress': '（本周：预测 {thisWeekForecast} + 销售 {thisWeekCumulativeSales} − 上周：预测 {lastWeekForecast} + 销售 {lastWeekCumulativeSales}）/ 季度配额 {quarterQuota} = {value}（{threshold}）',
    'explain.commitAccuracy': '实际 {actual} / 承诺 {commit} = {value}（{threshold}）',
    'explain.linearity': '每周承诺合计 {commits} / 线性份额 {linearShare}（{weeks} 周 × {weeklyShare}）= {value}（{threshold}）',
    'explain.growth': '（本月 {thisMonth} − 上月 {lastMonth}）/ 上月 {lastMonth} = {value}（{threshold}）',
    'explain.unfulfilledShare': '未完成 {unfulfilled} / 订单 {orders} = {value}（{threshold}）',
    'explain.compliance': '按时 {onTime} / 应交 {due}（迟交 {late}，缺交 {missing}）= {value}（{threshold}）',
    'explain.none': '无法计算：缺少{missing}。',
    'explain.noneEmpty': '无法计算：尚无可除的数据。',
    'threshold.good': '良好', 'threshold.remainingQuota': '剩余配额',
    'input.quota': '配额', 'input.remainingQuota': '剩余配额', 'input.remainingTarget': '剩余目标',
    'input.lastWeekForecast': '上周预测', 'input.lastWeekCumulativeSales': '上周销售',
    'input.quarterQuota': '季度配额', 'input.commit': '承诺', 'input.lastMonth': '上月数据',
    'input.thisMonth': '本月数据', 'input.weeklyShare': '每周份额', 'input.orders': '订单', 'input.due': '应交报告',
    'input.weighted': '加权商机', 'input.booked': '已成交', 'input.thisWeekForecast': '本周预测',
    'input.thisWeekCumulativeSales': '本周销售', 'input.actual': '实际', 'input.commits': '每周承诺',
    'input.weeks': '周数', 'input.linearShare': '线性份额', 'input.openPipeline': '未结商机',
    'input.snapshotId': '上周快照',
    'input.unfulfilled': '未完成订单', 'input.onTime': '按时', 'input.late': '迟交', 'input.missing': '缺交',
    'targets.title': '预测 vs 配额 vs 挑战目标',
    'targets.hint': '点击图表或表格中的人员可逐级下钻；上方路径可返回上级。',
    'targets.hintRep': '个人数据（无下属）。',
    'col.name': '姓名', 'col.role': '角色', 'col.quota': '配额', 'col.stretch': '挑战目标', 'col.booked': '已成交',
    'col.forecast': '预测', 'col.coverage': '覆盖率', 'col.commitAccuracy': '承诺准确率',
    'col.needsMorePipeline': '需要更多商机', 'col.open': '下钻',
    'yes': '是', 'no': '否', 'open': '查看',
    'series.booked': '已成交', 'series.forecast': '预测（加权）', 'series.quota': '配额', 'series.stretch': '挑战目标',
    'accuracy.title': '承诺准确率（最近 13 周）',
    'accuracy.hint': '每周实际成交 / 承诺；阴影区间为 95%-110%。',
    'accuracy.band': '区间 {threshold}',
    'col.week': '周', 'col.weekStart': '周起始日', 'col.commit': '承诺', 'col.actual': '实际',
    'col.accuracy': '准确率', 'col.flag': '标记',
    'series.accuracy': '准确率', 'series.commit': '承诺', 'series.actual': '实际',
    'growth.title': '覆盖率与月环比增长',
    'growth.hint': '本月与上月的商机和承诺；增长低于 5% 为偏低，达到 10% 为良好。',
    'growth.pipeline': '商机', 'growth.commitRow': '承诺',
    'col.measure': '指标', 'col.lastMonth': '上月', 'col.thisMonth': '本月', 'col.growth': '增长',
    'funnel.title': '销售漏斗：当前视图 vs 公司平均',
    'funnel.person': '当前视图', 'funnel.company': '公司',
    'funnel.overall': '赢单率 {pw}，公司 {cw} · 平均单笔 {pd}，公司 {cd} · 销售周期 {pc} 天，公司 {cc} 天 · 已关闭 {closed} 个中赢单 {won} 个',
    'col.stage': '阶段', 'col.winRate': '阶段赢率', 'col.entered': '进入', 'col.converted': '转化',
    'col.lost': '丢单', 'col.stuck': '停滞', 'col.avgDays': '平均天数',
    'col.companyEntered': '公司进入', 'col.companyConverted': '公司转化', 'col.companyLost': '公司丢单',
    'col.companyStuck': '公司停滞', 'col.companyAvgDays': '公司平均天数',
    'compliance.title': '各周期报告提交合规率',
    'compliance.hint': '按时、迟交和缺交的报告；规则是 100% 按时提交。',
    'col.cycle': '周期', 'col.cadence': '节奏', 'col.due': '应交', 'col.onTime': '按时', 'col.late': '迟交',
    'col.missing': '缺交', 'col.openReports': '未到期', 'col.rate': '按时率',
    'series.onTime': '按时', 'series.late': '迟交', 'series.missing': '缺交', 'series.rate': '按时率',
    'backtest.title': '哪种预测对这个团队最准',
    'backtest.hint': '{name} 的回测，{from} 起至 {to} 前的各周：每周对所在季度的预测与季度末实际成交相比；承诺与当周成交相比。柱越低越准。',
    'backtest.axis': '平均绝对百分比误差',
    'backtest.tip': '误差 {ape}，偏差 {bias}（{weeks} 周）',
    'backtest.ape': '绝对百分比误差（APE）',
    'backtest.ape.explain': '每周的 |预测 − 实际| / 实际，按季度内各周取平均（表中为四个季度的平均）。',
    'backtest.bias': '偏差',
    'backtest.bias.explain': '（预测 − 实际）/ 实际，同样取平均：大于零表示预测偏高，小于零表示偏低。',
    'method.CONFIGURED': '配置赢率', 'method.LEARNED': '学习赢率', 'method.CLAIMED': '销售填报概率', 'method.COMMIT': '承诺',
    'method.CONFIGURED.explain': '已成交 + 本季度内预计成交的每个未结商机 × 阶段模型中该阶段的赢率（即现行预测）。',
    'method.LEARNED.explain': '同上，但用本团队已关闭商机在该阶段实际表现出的赢率（只用当周已知的结果），商机少时向配置赢率收缩。',
    'method.CLAIMED.explain': '同上，但用销售在商机上填报的赢单概率。',
    'method.COMMIT.explain': '团队当周的承诺，与当周实际成交相比。',
    'forecasts.hint': '{quarter} 季度：本季度内预计成交的未结商机的三种预测，以及本季度至今的成交；“{method}”是其他页面使用的预测。',
    'forecasts.chosen': '当前采用',
    'forecasts.commit': '承诺（本周）', 'forecasts.booked': '本季度已成交',
    'col.method': '方法', 'col.apeOf': '{quarter} 误差', 'col.apeAll': '四个季度误差', 'col.bias': '偏差', 'col.weeks': '周数',
    'cadence.WEEKLY_COMMIT': '每周承诺', 'cadence.WEEKLY_ROLLUP': '每周汇总', 'cadence.MONTHLY_FORECAST': '月度预测',
    'cadence.QUARTERLY_REVIEW': '季度回顾',
    'meetings.title': '会议合规（本季度）',
    'meetings.hint': '当前视图的会议按时召开、迟记录和未召开的次数；尚未到期的计为未到期。',
    'col.meeting': '会议', 'col.held': '按时召开', 'col.notHeld': '未召开', 'col.heldRate': '按时召开率',
    'meeting.ONE_ON_ONE': '一对一会议', 'meeting.TEAM': '团队会议', 'meeting.BUSINESS': '月度业务会议',
    'meeting.QBR': '季度业务评审会', 'meeting.KICKOFF': '年度启动会', 'meeting.total': '全部会议',
    'categories.title': '预测类别',
    'categories.hint': '周期 {cycleKey}：承诺 ⊂ 上行及以上 ⊂ 商机；原始提交、本人调整、上级调整、最终汇总。',
    'categories.none': '尚无每周承诺周期。',
    'col.commitRaw': '承诺 原始', 'col.commitOwn': '承诺 本人调整', 'col.commitAbove': '承诺 上级调整',
    'col.commitFinal': '承诺 最终', 'col.upsideRaw': '上行+ 原始', 'col.upsideOwn': '上行+ 本人调整',
    'col.upsideAbove': '上行+ 上级调整', 'col.upsideFinal': '上行+ 最终', 'col.pipeline': '商机', 'total': '合计',
    'changes.title': '商机变化',
    'changes.from': '起始快照', 'changes.to': '对比', 'changes.live': '实时商机（现在）',
    'changes.take': '立即拍摄快照', 'changes.taken': '已拍摄快照。',
    'changes.none': '尚无快照：现在拍摄一个，以便日后对比。',
    'changes.summary': '未结商机 {start} → {end}；{stageMoved} 个商机阶段发生变化。',
    'snapshot.kind.WEEKLY': '每周', 'snapshot.kind.SUBMISSION': '提交时', 'snapshot.kind.MANUAL': '手动',
    'snapshot.kind.HISTORY': '由导入的历史重建',
    'wf.START': '起始', 'wf.END': '结束', 'wf.NEW': '新增', 'wf.PULLED_IN': '提前', 'wf.AMOUNT_UP': '金额增加',
    'wf.AMOUNT_DOWN': '金额减少', 'wf.PUSHED_OUT': '推迟', 'wf.WON': '赢单', 'wf.LOST': '丢单', 'wf.STAGE_MOVED': '阶段变化',
    'col.deal': '商机', 'col.owner': '负责人', 'col.categories': '变化', 'col.fromAmount': '之前金额',
    'col.toAmount': '之后金额', 'col.fromStage': '之前阶段', 'col.toStage': '之后阶段',
    'col.fromClose': '之前结单日', 'col.toClose': '之后结单日', 'col.count': '商机数', 'col.amount': '影响'
  }
};

const STORAGE_KEY = 'cadence.dashboard.lang';
let current = initialLanguage();

function initialLanguage() {
  const stored = safeStorage(() => localStorage.getItem(STORAGE_KEY));
  if (stored === 'en' || stored === 'zh') {
    return stored;
  }
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  return String(languages[0]).toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function safeStorage(action) {
  try {
    return action();
  } catch (e) {
    return null;
  }
}

export function language() {
  return current;
}

/** The locale for numbers and dates. */
export function locale() {
  return current === 'zh' ? 'zh-CN' : 'en-US';
}

export function setLanguage(lang) {
  current = lang === 'zh' ? 'zh' : 'en';
  safeStorage(() => localStorage.setItem(STORAGE_KEY, current));
}

export function has(key) {
  return Object.prototype.hasOwnProperty.call(MESSAGES[current], key);
}

export function t(key, params) {
  const text = has(key) ? MESSAGES[current][key] : (MESSAGES.en[key] ?? key);
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Translates the static labels of the page (elements with data-i18n) and the page's language. */
export function translatePage(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  root.querySelectorAll('[data-i18n]').forEach(el => {
    el.textContent = t(el.dataset.i18n);
  });
}

export const KEYS = {en: Object.keys(MESSAGES.en), zh: Object.keys(MESSAGES.zh)};

/** Adds (or replaces) texts for another page that shares these ones (the deals pages): {en: {...}, zh: {...}}. */
export function addMessages(extra) {
  Object.assign(MESSAGES.en, extra.en || {});
  Object.assign(MESSAGES.zh, extra.zh || {});
}
