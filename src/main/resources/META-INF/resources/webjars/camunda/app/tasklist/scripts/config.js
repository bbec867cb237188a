// gridcase: the webapps speak Simplified Chinese (zh) to every user; English (en) only on request.
// Camunda 7.24 has no language menu: it takes the browser's first language if availableLocales lists it,
// and fallbackLocale otherwise. So a single locale is offered: zh, unless this browser once opened a
// webapp with ?lang=en (?lang=zh switches back). The choice is kept in this browser's localStorage and
// shared by Tasklist, Cockpit, Admin and the welcome page.
const LOCALE_KEY = 'gridcase.locale';

function chosenLocale() {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'zh' || requested === 'en') {
      window.localStorage.setItem(LOCALE_KEY, requested);
    }
    return window.localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

const locale = chosenLocale();
const zh = locale === 'zh';

export default {
  app: {
    name: zh ? '任务列表' : 'Tasklist',
    vendor: zh ? '网格治理' : 'gridcase'
  },
  // form-js validation messages in Chinese (see the script)
  customScripts: zh ? ['scripts/form-messages-zh'] : [],
  locales: {
    availableLocales: [locale],
    fallbackLocale: locale
  },
  // Camunda's default keyboard shortcuts, kept; their descriptions appear in the shortcut help.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: zh ? '认领当前选中的任务' : 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: zh ? '将焦点移到第一个过滤器' : 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: zh ? '将焦点移到任务列表的第一个任务' : 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: zh ? '将焦点移到任务表单的第一个输入框' : 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: zh ? '打开“启动流程”对话框' : 'opens the start process modal dialog'
    }
  }
};
