// The deals pages' texts in English and Simplified Chinese, added to the dashboard's (whose language switch,
// number formats and shared words they reuse). A refusal of the API reads "中文 / English": localize() picks one.
import {addMessages, language} from '../dashboard/i18n.js';

addMessages({
  en: {
    'deals.title': 'My deals', 'deals.teamTitle': "My team's deals", 'deal.title': 'Deal',
    'link.dashboard': 'Dashboard', 'link.deals': 'My deals',
    'signin.text': 'The deals use your Camunda Tasklist sign-in. Sign in to the Tasklist in this browser, then come back.',
    'error.title': 'The deals cannot be shown',
    'view.board': 'Board', 'view.list': 'List',
    'filter.search': 'Search deal, account or owner', 'filter.stage': 'Stage', 'filter.owner': 'Owner',
    'filter.status': 'Status', 'filter.all': 'All', 'filter.overdue': 'Overdue only',
    'status.OPEN': 'Open', 'status.WON': 'Won', 'status.LOST': 'Lost',
    'col.deal': 'Deal', 'col.account': 'Account', 'col.owner': 'Owner', 'col.stage': 'Stage', 'col.amount': 'Amount',
    'col.probability': 'Probability', 'col.weighted': 'Weighted', 'col.close': 'Expected close', 'col.nextStep': 'Next step',
    'col.status': 'Status', 'total': 'Total',
    'totals': '{count} deals · amount {amount} · weighted {weighted} ({currency})',
    'board.column': '{count} · {amount}', 'board.empty': 'No deal in this stage.',
    'small': 'small deal', 'small.title': 'Out of the funnel: in no forecast or pipeline figure',
    'overdue': 'overdue', 'overdue.title': 'Still open after its expected close date',
    'deal.owner': 'Owner', 'deal.account': 'Account', 'deal.stage': 'Stage', 'deal.status': 'Status',
    'terms.title': 'Terms', 'terms.hint': 'Click a value to change it; Enter saves, Esc cancels. Every change is kept.',
    'terms.readOnly': 'Only the owner changes the terms of an open deal; you may comment below.',
    'field.amount': 'Amount', 'field.closeDate': 'Expected close date', 'field.probability': 'Probability',
    'field.nextStep': 'Next step', 'field.cap': 'at most {cap}% in {stage}', 'field.none': '(none yet)',
    'edit': 'Change', 'save': 'Save', 'cancel': 'Cancel', 'saved': 'Saved.',
    'changes.title': 'Changes', 'changes.none': 'No change yet.',
    'change.when': 'When', 'change.who': 'Who', 'change.field': 'Field', 'change.old': 'Before', 'change.new': 'After',
    'history.title': 'Stage history', 'history.from': 'From', 'history.to': 'To', 'history.note': 'Note',
    'evidence.title': 'Evidence', 'evidence.outcome': 'Outcome', 'evidence.text': 'Evidence', 'evidence.none': 'No evidence yet.',
    'requests.title': 'Advance requests', 'request.status.PENDING': 'waiting', 'request.status.APPROVED': 'approved',
    'request.status.REJECTED': 'rejected', 'request.status.CANCELLED': 'cancelled',
    'request.line': '{from} → {to} at {probability}%: {status}', 'request.approver': 'decides: {name}',
    'tasks.title': 'Open tasks', 'tasks.none': 'No open task on this deal.', 'tasks.open': 'Open in the Tasklist',
    'tasks.assignee': 'Assignee',
    'mails.title': 'Mails about it', 'mails.none': 'No mail about this deal.', 'mail.to': 'To',
    'comments.title': 'Comments', 'comments.none': 'No comment yet.', 'comments.add': 'Add comment',
    'comments.placeholder': 'A comment for the owner and the team', 'back': '← All deals', 'colon': ': ',
    'note.opened': 'Opened from lead {lead}', 'note.approved': 'Approved', 'note.approvedWith': 'Approved: {comment}',
    'note.smallWon': 'Small deal won (out of funnel)', 'note.noGo': 'No-go: {reason}'
  },
  zh: {
    'deals.title': '我的商机', 'deals.teamTitle': '我团队的商机', 'deal.title': '商机',
    'link.dashboard': '仪表板', 'link.deals': '我的商机',
    'signin.text': '商机页面使用您的 Camunda 任务列表登录。请先在此浏览器中登录任务列表，然后返回。',
    'error.title': '无法显示商机',
    'view.board': '看板', 'view.list': '列表',
    'filter.search': '搜索商机、客户或负责人', 'filter.stage': '阶段', 'filter.owner': '负责人',
    'filter.status': '状态', 'filter.all': '全部', 'filter.overdue': '仅逾期',
    'status.OPEN': '进行中', 'status.WON': '赢单', 'status.LOST': '丢单',
    'col.deal': '商机', 'col.account': '客户', 'col.owner': '负责人', 'col.stage': '阶段', 'col.amount': '金额',
    'col.probability': '赢率', 'col.weighted': '加权金额', 'col.close': '预计成交日期', 'col.nextStep': '下一步',
    'col.status': '状态', 'total': '合计',
    'totals': '{count} 个商机 · 金额 {amount} · 加权 {weighted}（{currency}）',
    'board.column': '{count} 个 · {amount}', 'board.empty': '此阶段没有商机。',
    'small': '小单', 'small.title': '漏斗外：不计入预测和商机数据',
    'overdue': '逾期', 'overdue.title': '已过预计成交日期仍未关闭',
    'deal.owner': '负责人', 'deal.account': '客户', 'deal.stage': '阶段', 'deal.status': '状态',
    'terms.title': '商机条款', 'terms.hint': '点击数值即可修改；回车保存，Esc 取消。每次修改都会被记录。',
    'terms.readOnly': '只有负责人可以修改进行中商机的条款；您可以在下方评论。',
    'field.amount': '金额', 'field.closeDate': '预计成交日期', 'field.probability': '赢率',
    'field.nextStep': '下一步', 'field.cap': '“{stage}”阶段最多 {cap}%', 'field.none': '（尚未填写）',
    'edit': '修改', 'save': '保存', 'cancel': '取消', 'saved': '已保存。',
    'changes.title': '修改记录', 'changes.none': '尚无修改。',
    'change.when': '时间', 'change.who': '修改人', 'change.field': '字段', 'change.old': '修改前', 'change.new': '修改后',
    'history.title': '阶段历史', 'history.from': '从', 'history.to': '到', 'history.note': '备注',
    'evidence.title': '证据', 'evidence.outcome': '成果', 'evidence.text': '证据', 'evidence.none': '尚无证据。',
    'requests.title': '推进申请', 'request.status.PENDING': '待审批', 'request.status.APPROVED': '已批准',
    'request.status.REJECTED': '已驳回', 'request.status.CANCELLED': '已取消',
    'request.line': '{from} → {to}，赢率 {probability}%：{status}', 'request.approver': '审批人：{name}',
    'tasks.title': '进行中的任务', 'tasks.none': '此商机没有进行中的任务。', 'tasks.open': '在任务列表中打开',
    'tasks.assignee': '处理人',
    'mails.title': '相关邮件', 'mails.none': '没有关于此商机的邮件。', 'mail.to': '收件人',
    'comments.title': '评论', 'comments.none': '尚无评论。', 'comments.add': '添加评论',
    'comments.placeholder': '写给负责人和团队的评论', 'back': '← 全部商机', 'colon': '：',
    'note.opened': '由线索 {lead} 转为商机', 'note.approved': '已批准', 'note.approvedWith': '已批准：{comment}',
    'note.smallWon': '小单赢单（漏斗外）', 'note.noGo': '不推进（No-go）：{reason}'
  }
});

/** "中文 / English" (or "English / 中文"): the part in the page's language; any other text as it is. */
export function localize(text) {
  const parts = String(text ?? '').split(' / ');
  if (parts.length !== 2) {
    return String(text ?? '');
  }
  const han = /[\u4e00-\u9fff]/;
  const zh = han.test(parts[0]) ? parts[0] : han.test(parts[1]) ? parts[1] : null;
  if (zh === null) {
    return String(text);
  }
  const en = zh === parts[0] ? parts[1] : parts[0];
  return language() === 'zh' ? zh : en;
}

/** A stage's name in the page's language. */
export function stageName(stage) {
  return stage ? (language() === 'zh' && stage.nameZh ? stage.nameZh : stage.name) : '';
}
