// gridcase: Chinese by default, English on request (see ../../gridcase/locale.js).
import { locale, locales, installLanguageSwitch } from '../../gridcase/locale.js';

installLanguageSwitch();
const zh = locale === 'zh';

export default {
  app: {
    name: zh ? '任务列表' : 'Tasklist',
    vendor: zh ? '网格治理' : 'gridcase'
  },
  // form-js validation messages in Chinese (see the script)
  customScripts: zh ? ['scripts/form-messages-zh'] : [],
  locales,
  // 添加备注 writes the comment on the case too, so it is among the case's notes (CaseNotes) and on every form
  assignProcessInstanceIdToTaskComment: true,
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
