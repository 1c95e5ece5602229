/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// The Tasklist's configuration (Camunda 7.24's own default, overridden by this file on the classpath) with these
// additions: customScripts loads scripts/cadence-links.js, which puts links to the product's pages into the
// Tasklist's header (dashboard, my deals, notifications; the import page for managers and administrators, the people
// page for administrators), and scripts/person-language.js, which switches the
// Tasklist to the signed-in person's language (person.language); before sign-in the browser's language decides.
// scripts/cadence-forms-loader.js loads the shared code of the embedded forms (/forms-lib/) before the Tasklist starts.
// scripts/return-after-sign-in.js sends a person who came from the dashboard's sign-in link (a note in sessionStorage)
// back there once signed in; scripts/complete-confirmation.js shows "已提交 / Submitted" after a task is completed;
// scripts/process-names.js shows a process's name ("中文 / English" in the models) in the page's language only.
// locales: Simplified Chinese (locales/zh.json) and English; a browser in any other language reads English.
export default {
  customScripts: ['scripts/cadence-links', 'scripts/person-language', 'scripts/return-after-sign-in',
    'scripts/complete-confirmation', 'scripts/process-names', 'scripts/cadence-forms-loader'],

  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },

  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
