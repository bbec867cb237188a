// The replay page: the diagram of the exact version a case ran on, and a step control over its timeline. The
// state shown at each step comes from the server, computed from the recorded history up to that step.
'use strict';

// Variable changes are most of a timeline (a form writes several at once), and each happens in the same
// transaction as a step shown anyway (the completion that wrote it, the decision that set it); the state panel
// shows every variable as it then was. So the step control skips them unless the auditor asks for them.

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
    useTimeZone(replay.timeZone);
    document.getElementById('case-number').textContent = replay.caseNumber;
    document.getElementById('version').textContent = '流程“' + (replay.processName || replay.processDefinitionKey)
      + '”第 ' + replay.version + ' 版';
    document.getElementById('version').title = replay.processDefinitionId;
    exports();
    const svg = await fetch(replay.diagramUrl);
    document.getElementById('diagram').innerHTML = await svg.text(); // our own SVG, text already escaped
    renderSteps();
    await show(walked().pop());
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
    tr.append(el('td', index), el('td', formatTime(step.at)), el('td', step.activityName || ''),
      el('td', step.label), el('td', step.actorName || ''), el('td', step.text || '', { class: 'details' }));
    tr.addEventListener('click', () => show(index));
    return tr;
  });
  document.getElementById('step-rows').replaceChildren(...rows);
  filterVariables();
}

/** The steps the control walks: all, or all but the variable-only ones. */
function walked() {
  const skip = document.getElementById('skip-variables').checked;
  return steps.map((step, index) => index).filter(index => !skip || steps[index].kind !== 'VARIABLE');
}

/** The walked step before (-1) or after (+1) the current one. */
function neighbour(direction) {
  const order = walked();
  const found = direction < 0 ? order.filter(index => index < current).pop()
    : order.find(index => index > current);
  return found === undefined ? current : found;
}

async function show(index) {
  if (index < 0 || index >= steps.length) {
    return;
  }
  current = index;
  const order = walked();
  const position = order.indexOf(index);
  document.getElementById('slider').value = position < 0 ? order.filter(i => i < index).length : position;
  document.getElementById('first').disabled = document.getElementById('previous').disabled = index <= order[0];
  document.getElementById('last').disabled = document.getElementById('next').disabled
    = index >= order[order.length - 1];
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
      + (t.assignee ? '由 ' + t.assigneeName + ' 办理' : '待认领（' + t.candidateGroupNames.join('、') + '）')
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
  state.shownVariables.forEach(variable => {
    const tr = el('tr', null, { 'data-variable': variable.name });
    tr.append(el('td', variable.label, { title: variable.name }), el('td', variable.value, { class: 'details' }));
    table.append(tr);
  });
  const dd = el('dd');
  dd.append(table);
  children.push(dd);
  list.replaceChildren(...children);
}

function filterVariables() {
  const skip = document.getElementById('skip-variables').checked;
  document.querySelectorAll('#step-rows tr[data-kind="VARIABLE"]').forEach(tr => {
    tr.style.display = skip ? 'none' : '';
  });
  const order = walked();
  document.getElementById('slider').max = order.length - 1;
}

function fail(text) {
  document.getElementById('message').textContent = text;
}

document.getElementById('first').addEventListener('click', () => show(walked()[0]));
document.getElementById('previous').addEventListener('click', () => show(neighbour(-1)));
document.getElementById('next').addEventListener('click', () => show(neighbour(1)));
document.getElementById('last').addEventListener('click', () => show(walked().pop()));
document.getElementById('slider').addEventListener('input', event => show(walked()[Number(event.target.value)]));
document.getElementById('skip-variables').addEventListener('change', () => {
  filterVariables();
  show(current);
});
document.addEventListener('keydown', event => {
  if (event.target.tagName === 'INPUT' && event.target.type !== 'range') {
    return;
  }
  if (event.key === 'ArrowLeft') {
    show(neighbour(-1));
  } else if (event.key === 'ArrowRight') {
    show(neighbour(1));
  }
});
open();
