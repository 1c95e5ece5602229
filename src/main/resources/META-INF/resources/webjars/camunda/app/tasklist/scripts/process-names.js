// A Tasklist plugin (loaded by customScripts in config.js) that renders nothing itself: the processes' names are
// stored as "中文 / English" (bpmn/*.bpmn, process name), and the Tasklist shows them on every task card and above
// the open task. This shows the part in the page's language ("经理的周汇总" in Chinese, "Weekly roll-up of one
// manager" in English), also after the person's language switches the page, as task names already are.
import {language, onLanguage} from './cadence-i18n.js';

const SELECTOR = '.process-definition, .case-definition';
const HAN = /[\u4e00-\u9fff]/;
const original = new WeakMap();   // text node -> the name as the Tasklist wrote it

/** "中文 / English" in one language; any other text as it is. */
export function inLanguage(text, lang) {
  const cut = text.indexOf(' / ');
  if (cut < 0 || !HAN.test(text.substring(0, cut))) {
    return text;
  }
  const lead = text.match(/^\s*/)[0];
  const trail = text.match(/\s*$/)[0];
  const both = text.trim();
  const at = both.indexOf(' / ');
  return lead + (lang === 'zh' ? both.substring(0, at) : both.substring(at + 3)) + trail;
}

function translateNode(node, lang) {
  const shown = node.nodeValue;
  let source = original.get(node);
  // the Tasklist wrote a new value (another task in the same element): that is the source now
  if (source === undefined || (shown !== inLanguage(source, 'zh') && shown !== inLanguage(source, 'en'))) {
    source = shown;
    original.set(node, source);
  }
  const wanted = inLanguage(source, lang);
  if (wanted !== shown) {
    node.nodeValue = wanted;
  }
}

function translateAll(root, lang) {
  const elements = root.querySelectorAll ? root.querySelectorAll(SELECTOR) : [];
  elements.forEach(element => {
    element.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE && node.nodeValue.trim() !== '') {
        translateNode(node, lang);
      }
    });
  });
}

let observing = false;

function observe() {
  if (observing || !document.body) {
    return;
  }
  observing = true;
  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(() => {
        scheduled = false;
        translateAll(document, language());
      });
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}

export default {
  id: 'cadence-process-names',
  pluginPoint: 'tasklist.navbar.action',
  priority: 2,
  render: () => {
    observe();
    onLanguage(lang => translateAll(document, lang));
  }
};
