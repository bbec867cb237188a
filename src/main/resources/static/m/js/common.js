// What every resident page shares: calls to the public API (errors as Chinese messages, per field when the
// server names one), times in the district's zone, and the page's top bar.
const ZONE = 'Asia/Shanghai';
const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export function time(instant) {
  return instant ? dateTime.format(new Date(instant)).replace(/\//g, '-') : '—';
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || ('请求失败（' + status + '），请稍后再试'));
    this.status = status;
    this.fields = {};
    for (const e of (problem && problem.errors) || []) {
      const field = String(e.field || '').replace(/\[\d+]$/, '');
      this.fields[field] = this.fields[field] ? this.fields[field] + '；' + e.message : e.message;
    }
  }
}

export async function api(path, options = {}) {
  const headers = { 'Accept': 'application/json', 'Accept-Language': 'zh-CN', ...(options.headers || {}) };
  const init = { method: options.method || 'GET', headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let answer;
  try {
    answer = await fetch(path, init);
  } catch (offline) {
    throw new ApiError(0, { detail: '网络不通，请检查网络后重试' });
  }
  const text = await answer.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (notJson) {
    body = null;
  }
  if (!answer.ok) {
    throw new ApiError(answer.status, body);
  }
  return body;
}

export function query(name) {
  return new URLSearchParams(location.search).get(name);
}

export const TopBar = {
  props: ['title', 'current'],
  template: `
    <header class="bar">
      <span class="brand">码上办</span>
      <span class="title">{{ title }}</span>
      <nav>
        <a href="/m/report" :class="{ on: current === 'report' }">我要反映</a>
        <a href="/m/mine" :class="{ on: current === 'mine' }">我的反映</a>
      </nav>
    </header>`,
};
