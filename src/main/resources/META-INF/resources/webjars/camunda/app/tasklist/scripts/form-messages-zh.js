// gridcase: Camunda Forms (form-js) write their validation messages in English and offer no translation, so
// the Tasklist translates them where they appear. Loaded through config.js (customScripts) for Chinese only.
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

function translateAll(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach(translate);
}

new MutationObserver(mutations => {
  for (const mutation of mutations) {
    const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
    if (target) {
      translateAll(target.closest('.fjs-form-field-error') ? target.closest('.fjs-form-field-error') : target);
    }
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });
