// A Tasklist plugin (loaded by customScripts in config.js) that renders nothing visible: after "Complete" the Tasklist
// itself only closes the form. This shows a short notice in the Tasklist's own notification area, in the page's
// language ("已提交" / "Submitted"), when the server has accepted the completion (a refusal shows the Tasklist's error).
import {language} from './cadence-i18n.js';

const TEXTS = {
  en: {status: 'Submitted', message: 'The task is completed.'},
  zh: {status: '已提交', message: '任务已完成。'}
};
const COMPLETION = /\/task\/[^/?]+\/(submit-form|complete)(\?|$)/;

function notifications() {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector();
  return injector ? injector.get('Notifications') : null;
}

function confirm() {
  const service = notifications();
  if (service) {
    const text = TEXTS[language()] || TEXTS.en;
    service.addMessage({status: text.status, message: text.message, duration: 5000, exclusive: false});
  }
}

// every request of the Tasklist goes through XMLHttpRequest: watch the completions
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && COMPLETION.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        confirm();
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

export default {
  id: 'cadence-complete-confirmation',
  pluginPoint: 'tasklist.navbar.action',
  priority: 1,
  render: () => {
  }
};
