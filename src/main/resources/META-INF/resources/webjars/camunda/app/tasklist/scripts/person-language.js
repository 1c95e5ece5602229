// A Tasklist plugin (loaded by customScripts in config.js) that renders nothing visible: once a person has signed
// in, it switches the Tasklist (its own texts, locales/zh.json or en.json) to the person's language.
import {me, setLanguage} from './cadence-i18n.js';

function translateService() {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector();
  return injector ? injector.get('$translate') : null;
}

export default {
  id: 'cadence-person-language',
  pluginPoint: 'tasklist.navbar.action',
  priority: 10,
  render: () => {
    me().then(person => {
      if (!person || (person.language !== 'zh' && person.language !== 'en')) {
        return;
      }
      const translate = translateService();
      if (translate && translate.use() !== person.language) {
        translate.use(person.language);
      }
      setLanguage(person.language);
    });
  }
};
