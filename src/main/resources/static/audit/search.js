// The auditors' search: cases by number, street, department (by name or code), period and flags; each opens its
// replay.
'use strict';

let page = 0;
// Each search numbers itself; an answer that arrives after a newer search was sent is dropped, so the page's first,
// unfiltered search cannot overwrite the results of the one the auditor asked for.
let latest = 0;

async function search() {
  const mine = ++latest;
  const form = new FormData(document.getElementById('search'));
  const query = new URLSearchParams();
  for (const [name, value] of form.entries()) {
    if (value) {
      query.append(name, value);
    }
  }
  query.set('page', page);
  const message = document.getElementById('message');
  message.textContent = '';
  try {
    const found = await fetchJson('/api/audit/cases?' + query);
    if (mine !== latest) {
      return;
    }
    useTimeZone(found.timeZone);
    const rows = document.getElementById('results');
    rows.replaceChildren(...found.content.map(row));
    const pages = Math.max(found.totalPages, 1);
    document.getElementById('total').textContent = '共 ' + found.totalElements + ' 件，第 ' + (found.page + 1)
      + ' / ' + pages + ' 页';
    document.getElementById('previous').disabled = found.page === 0;
    document.getElementById('next').disabled = found.page + 1 >= pages;
  } catch (e) {
    if (mine === latest) {
      message.textContent = '查询失败：' + e.message;
    }
  }
}

function row(c) {
  const tr = el('tr');
  const number = encodeURIComponent(c.caseNumber);
  tr.append(el('td', c.caseNumber), el('td', c.categoryName), el('td', c.statusLabel), el('td', c.streetName),
    el('td', c.departmentNames.join('、')), el('td', formatTime(c.receivedAt)));
  const actions = el('td', null, { class: 'links' });
  actions.append(el('a', '回放', { href: c.replayUrl }),
    el('a', '报告 PDF', { href: '/api/audit/cases/' + number + '/report.pdf' }),
    el('a', 'CSV', { href: '/api/audit/cases/' + number + '/timeline.csv' }));
  tr.append(actions);
  return tr;
}

/** The streets and departments as suggestions while typing (any part of a name, or a code, is accepted too). */
async function suggestions() {
  try {
    const options = await fetchJson('/api/audit/search-options');
    document.getElementById('streets').replaceChildren(...options.streets.map(name => el('option', null,
      { value: name })));
    document.getElementById('departments').replaceChildren(...options.departments.map(name => el('option', null,
      { value: name })));
  } catch (ignored) { /* typing still works without suggestions */ }
}

document.getElementById('search').addEventListener('submit', event => {
  event.preventDefault();
  page = 0;
  search();
});
document.getElementById('previous').addEventListener('click', () => { page--; search(); });
document.getElementById('next').addEventListener('click', () => { page++; search(); });
suggestions();
search();
