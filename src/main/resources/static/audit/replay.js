// The replay page: the diagram of the exact version a case ran on, and a step control over its timeline. The
// state shown at each step comes from the server, computed from the recorded history up to that step.
'use strict';

const caseNumber = new URLSearchParams(window.location.search).get('case');
const base = '/api/audit/cases/' + encodeURIComponent(caseNumber || '');
let steps = [];
let current = 0;

async function open() {
  if (!caseNumber) {
    fail('缺少参数 case（工单编号）');
    return;
  }
  try {
    const replay = await fetchJson(base + '/replay');
    steps = replay.steps;
    document.getElementById('case-number').textContent = replay.caseNumber;
    document.getElementById('version').textContent = '流程 ' + replay.processDefinitionKey + ' 第 '
      + replay.version + ' 版（' + replay.processDefinitionId + '）';
    exports();
    const svg = await fetch(replay.diagramUrl);
    document.getElementById('diagram').innerHTML = await svg.text(); // our own SVG, text already escaped
    const slider = document.getElementById('slider');
    slider.max = steps.length - 1;
    renderSteps();
    await show(steps.length - 1);
  } catch (e) {
    fail('无法打开工单回放：' + e.message);
  }
}

function exports() {
  const links = document.getElementById('exports');
  links.append(el('a', '打印报告（PDF）', { href: base + '/report.pdf' }),
    el('a', '时间线 CSV', { href: base + '/timeline.csv' }),
    el('a', '时间线 JSON', { href: base + '/timeline.json' }),
    el('a', '完整性检查', { href: base + '/integrity' }));
}

function renderSteps() {
  const rows = steps.map((step, index) => {
    const tr = el('tr', null, { 'data-step': index, 'data-kind': step.kind });
    tr.append(el('td', index), el('td', formatTime(step.at)), el('td', step.label), el('td', step.actor || ''),
      el('td', details(step.details), { class: 'details' }));
    tr.addEventListener('click', () => show(index));
    return tr;
  });
  document.getElementById('step-rows').replaceChildren(...rows);
  filterVariables();
}

function details(map) {
  return Object.entries(map || {}).map(([key, value]) =>
    key + '=' + (typeof value === 'object' ? JSON.stringify(value) : value)).join('; ');
}

async function show(index) {
  if (index < 0 || index >= steps.length) {
    return;
  }
  current = index;
  document.getElementById('slider').value = index;
  document.getElementById('position').textContent = '第 ' + index + ' / ' + (steps.length - 1) + ' 步';
  document.querySelectorAll('#step-rows tr').forEach(tr => {
    const step = Number(tr.dataset.step);
    tr.classList.toggle('current', step === index);
    tr.classList.toggle('later', step > index);
  });
  const row = document.querySelector('#step-rows tr.current');
  if (row && row.style.display !== 'none') {
    row.scrollIntoView({ block: 'nearest' });
  }
  try {
    const state = await fetchJson(base + '/replay/steps/' + index);
    if (state.step === current) {
      highlight(state);
      describe(state);
    }
  } catch (e) {
    fail('无法读取第 ' + index + ' 步：' + e.message);
  }
}

function highlight(state) {
  const taken = new Set(state.taken);
  const active = new Set(state.activeActivities.map(id => id.replace('#multiInstanceBody', '')));
  document.querySelectorAll('#diagram [data-element-id]').forEach(element => {
    const id = element.getAttribute('data-element-id');
    element.classList.toggle('taken', taken.has(id));
    element.classList.toggle('active', active.has(id));
  });
}

function describe(state) {
  const list = document.getElementById('state');
  const entries = [
    ['时间', formatTime(state.at)],
    ['状态', state.statusLabel || '（尚未记录）'],
    ['待办任务', state.openTasks.length === 0 ? '无' : state.openTasks.map(t => t.name + '：'
      + (t.assignee ? '由 ' + t.assignee + ' 办理' : '待认领（' + t.candidateGroups.join('、') + '）')
      + (t.due ? '，期限 ' + formatTime(t.due) : '')).join('\n')],
    ['计时', state.timers.length === 0 ? '无' : state.timers.map(t => t.name + '：' + formatTime(t.due)).join('\n')],
  ];
  const children = [];
  entries.forEach(([term, value]) => {
    children.push(el('dt', term));
    const dd = el('dd', value);
    dd.style.whiteSpace = 'pre-line';
    children.push(dd);
  });
  children.push(el('dt', '变量'));
  const table = el('table');
  Object.entries(state.variables).forEach(([name, value]) => {
    const tr = el('tr');
    tr.append(el('td', name), el('td', typeof value === 'object' ? JSON.stringify(value) : value,
      { class: 'details' }));
    table.append(tr);
  });
  const dd = el('dd');
  dd.append(table);
  children.push(dd);
  list.replaceChildren(...children);
}

function filterVariables() {
  const show = document.getElementById('show-variables').checked;
  document.querySelectorAll('#step-rows tr[data-kind="VARIABLE"]').forEach(tr => {
    tr.style.display = show ? '' : 'none';
  });
}

function fail(text) {
  document.getElementById('message').textContent = text;
}

document.getElementById('first').addEventListener('click', () => show(0));
document.getElementById('previous').addEventListener('click', () => show(current - 1));
document.getElementById('next').addEventListener('click', () => show(current + 1));
document.getElementById('last').addEventListener('click', () => show(steps.length - 1));
document.getElementById('slider').addEventListener('input', event => show(Number(event.target.value)));
document.getElementById('show-variables').addEventListener('change', filterVariables);
document.addEventListener('keydown', event => {
  if (event.target.tagName === 'INPUT' && event.target.type !== 'range') {
    return;
  }
  if (event.key === 'ArrowLeft') {
    show(current - 1);
  } else if (event.key === 'ArrowRight') {
    show(current + 1);
  }
});
open();
