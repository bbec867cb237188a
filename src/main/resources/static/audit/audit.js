// Shared by the auditors' pages: calls to /api/audit with the browser's Basic login, problems shown in Chinese.
'use strict';

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try {
      const problem = await response.json();
      const fields = (problem.errors || []).map(e => e.field + '：' + e.message).join('；');
      detail = (problem.title || problem.detail || detail) + (fields ? '（' + fields + '）' : '');
    } catch (ignored) { /* not a problem document */ }
    throw new Error(detail);
  }
  return response.json();
}

// Times in the district's zone (gridcase.time-zone), which every answer of the audit API names; the browser's own
// zone is never used, so that an auditor elsewhere reads the times the district lived.
let timeFormat = null;

function useTimeZone(zone) {
  if (!timeFormat || timeFormat.resolvedOptions().timeZone !== zone) {
    timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  }
}

function formatTime(instant) {
  return instant && timeFormat ? timeFormat.format(new Date(instant)) : '';
}

/** An element with text content (never HTML: everything shown comes from users' input). */
function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}
