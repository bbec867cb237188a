// The workbench's calls to its own API and to the Camunda webapps' login. Every call says it comes from the
// pages (X-Requested-With: no Basic login prompt on a 401) and sends the workbench's CSRF token on changes.
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || ('请求失败（' + status + '）'));
    this.status = status;
    this.problem = problem;
  }
}

async function token() {
  if (!csrfToken) {
    csrfToken = (await sessionState()).csrfToken;
  }
  return csrfToken;
}

export async function sessionState() {
  const answer = await fetch('/api/workbench/session', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  return answer.json();
}

export async function api(path, options = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' };
  const init = { method: options.method || 'GET', headers };
  if (init.method !== 'GET') {
    headers['X-GRIDCASE-WB-XSRF'] = await token();
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const answer = await fetch(path, init);
  const text = await answer.text();
  const body = text ? JSON.parse(text) : null;
  if (!answer.ok) {
    throw new ApiError(answer.status, body);
  }
  return body;
}

// Camunda's login and logout want the webapps' own CSRF token (kept in the session; its cookie is for /camunda).
async function camundaToken() {
  const probe = await fetch('/camunda/api/admin/auth/user/default');
  return probe.headers.get('X-XSRF-TOKEN') || (await sessionState()).camundaCsrfToken;
}

/** Signs in through the Tasklist's login, so the same session serves the Tasklist and the workbench. */
export async function signIn(username, password) {
  const answer = await fetch('/camunda/api/admin/auth/user/default/login/tasklist', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': await camundaToken() },
    body: new URLSearchParams({ username, password }),
  });
  if (answer.ok) {
    return null;
  }
  if (answer.status === 429) {
    const problem = await answer.json().catch(() => null);
    return (problem && problem.detail) || '登录尝试过多，请稍后再试';
  }
  if (answer.status === 403) {
    return '该账号无权使用 Tasklist 和工单中心';
  }
  return '用户名或密码错误（连续输错 10 次账号将被暂时锁定）';
}

/** Signs out of the Camunda webapps, and so of the workbench too. */
export async function signOut() {
  await fetch('/camunda/api/admin/auth/user/default/logout', {
    method: 'POST', headers: { 'X-XSRF-TOKEN': await camundaToken() },
  });
}
