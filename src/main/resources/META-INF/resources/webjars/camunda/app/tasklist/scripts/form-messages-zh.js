// gridcase: Camunda Forms (form-js) write their validation messages, the words they put in empty selects and
// lists ("Select", "Search", "No results") and their date picker (flatpickr) in English and offer no
// translation, so the Tasklist translates them where they appear. Loaded through config.js (customScripts) for
// Chinese only.
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, m => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, m => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, m => `至少填写 ${m[1]} 个字。`],
  [/^Field must have maximum length of (.+)\.$/, m => `最多填写 ${m[1]} 个字。`],
  [/^Field must match pattern (.+)\.$/, m => `格式不符合要求（${m[1]}）。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的电话号码（如 +8613800001234）。'],
];

function translate(item) {
  const text = item.textContent.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      item.textContent = chinese(match);
      return;
    }
  }
}

// Words form-js renders as text or placeholders. A text node's data is changed in place: form-js (Preact)
// keeps a reference to the node and updates it when a value is chosen.
const WORDS = new Map([
  ['Select', '请选择'],
  ['Search', '搜索'],
  ['No results', '无匹配项'],
  ['All values selected', '已全部选择'],
]);

/** The root itself if it matches, and what matches below it. */
function within(root, selector) {
  return [...(root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
}

function translateWords(root) {
  within(root, '.fjs-select-display, .fjs-dropdownlist-empty').forEach(element => {
    element.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE && WORDS.has(node.data.trim())) {
        node.data = WORDS.get(node.data.trim());
      }
    });
  });
  within(root, '.fjs-form input[placeholder]').forEach(input => {
    const chinese = WORDS.get(input.getAttribute('placeholder'));
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

function translateAll(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach(translate);
  translateWords(root);
}

// flatpickr's own Chinese (its l10n "zh"), given as defaults to every date picker form-js opens. The bundled
// flatpickr sets window.flatpickr when it loads, which may be after this script.
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  },
  months: {
    shorthand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  time_24hr: true,
};

function localize(flatpickr) {
  if (flatpickr && typeof flatpickr.localize === 'function') {
    flatpickr.localize(FLATPICKR_ZH);
  }
}

if (window.flatpickr) {
  localize(window.flatpickr);
} else {
  let loaded;
  Object.defineProperty(window, 'flatpickr', {
    configurable: true,
    get: () => loaded,
    set: value => {
      loaded = value;
      localize(value);
    },
  });
}

new MutationObserver(mutations => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData' && WORDS.has(mutation.target.data.trim())) {
      const parent = mutation.target.parentElement;
      if (parent && parent.closest('.fjs-select-display, .fjs-dropdownlist-empty')) {
        mutation.target.data = WORDS.get(mutation.target.data.trim());
      }
      continue;
    }
    const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
    if (target) {
      translateAll(target.closest('.fjs-form-field-error') ? target.closest('.fjs-form-field-error') : target);
    }
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true,
  attributeFilter: ['placeholder'] });
