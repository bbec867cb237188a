// 工单列表: the caller's cases, by saved view (tabs) or by the filters, a page at a time.
import { startPage } from './layout.js';
import { api } from './api.js';
import { time } from './format.js';

const EMPTY = { number: '', phone: '', address: '', category: '', status: '', from: '', to: '', unit: '',
  department: '', lead: '', open: false, actedByMe: false, openedByMe: false, sort: 'received',
  OVERDUE: false, NEAR_DUE: false, ESCALATED: false, EMERGENCY: false, REOPENED: false, RETURNED: false };
const FLAGS = [['OVERDUE', '已超时'], ['NEAR_DUE', '即将超时'], ['ESCALATED', '已升级'], ['EMERGENCY', '应急'],
  ['REOPENED', '重办'], ['RETURNED', '退单']];

startPage('list', {
  props: ['me'],
  data() {
    // the view asked for (?view=), else the caller's own unit, else what the caller opened (hotline), else all
    const views = this.me.views;
    const view = views.find(v => v.key === new URLSearchParams(location.search).get('view'))
      || views.find(v => /^(grid|community|street|dept)-/.test(v.key)) || views.find(v => v.key === 'opened')
      || views[0];
    return { view: view.key, filters: { ...EMPTY }, options: null, result: null, error: null, page: 0,
      flags: FLAGS, loading: false };
  },
  async mounted() {
    this.options = await api('/api/workbench/options');
    this.choose(this.me.views.find(v => v.key === this.view));
  },
  methods: {
    time,
    choose(view) {
      this.view = view.key;
      this.filters = { ...EMPTY };
      for (const [name, value] of Object.entries(view.params)) {
        if (name === 'flags') {
          value.split(',').forEach(flag => { this.filters[flag] = true; });
        } else {
          this.filters[name] = value === 'true' ? true : value;
        }
      }
      this.page = 0;
      this.load();
    },
    filtered() {
      this.view = null;
      this.page = 0;
      this.load();
    },
    reset() {
      this.filters = { ...EMPTY };
      this.filtered();
    },
    async load() {
      const params = new URLSearchParams();
      const flags = FLAGS.map(([key]) => key).filter(key => this.filters[key]);
      for (const [name, value] of Object.entries(this.filters)) {
        if (value && !FLAGS.some(([key]) => key === name)) {
          params.set(name, value);
        }
      }
      if (flags.length) {
        params.set('flags', flags.join(','));
      }
      params.set('page', this.page);
      params.set('size', 20);
      this.loading = true;
      try {
        this.result = await api('/api/workbench/cases?' + params);
        this.error = null;
      } catch (e) {
        this.error = e.message;
      } finally {
        this.loading = false;
      }
    },
    go(page) {
      this.page = page;
      this.load();
    },
    open(row) {
      location.href = '/workbench/case.html?n=' + encodeURIComponent(row.caseNumber);
    },
    unitLabel(unit) {
      return { STREET: '街道', COMMUNITY: '社区', GRID: '网格' }[unit.level] + ' · ' + unit.label;
    },
  },
  template: `
    <div class="tabs" role="tablist">
      <button v-for="v in me.views" :key="v.key" type="button" role="tab" :class="{ active: v.key === view }"
              @click="choose(v)">{{ v.label }}</button>
    </div>
    <form class="card filters" @submit.prevent="filtered" v-if="options">
      <label>工单编号<input v-model="filters.number" placeholder="编号或开头" size="16"></label>
      <label>诉求人电话<input v-model="filters.phone" size="12"></label>
      <label>地址包含<input v-model="filters.address" size="14"></label>
      <label>类别<select v-model="filters.category"><option value="">全部</option>
        <option v-for="c in options.categories" :value="c.value">{{ c.label }}</option></select></label>
      <label>状态<select v-model="filters.status"><option value="">全部</option>
        <option v-for="s in options.statuses" :value="s.value">{{ s.label }}</option></select></label>
      <label>受理日期从<input type="date" v-model="filters.from"></label>
      <label>至<input type="date" v-model="filters.to"></label>
      <label>单元<select v-model="filters.unit"><option value="">全部</option>
        <option v-for="u in options.units" :value="u.value">{{ unitLabel(u) }}</option></select></label>
      <label>部门<select v-model="filters.department"><option value="">全部</option>
        <option v-for="d in options.departments" :value="d.value">{{ d.label }}</option></select></label>
      <label>主办部门<select v-model="filters.lead"><option value="">全部</option>
        <option v-for="d in options.departments" :value="d.value">{{ d.label }}</option></select></label>
      <label>排序<select v-model="filters.sort"><option value="received">受理时间（新的在前）</option>
        <option value="deadline">期限（最近的在前）</option></select></label>
      <label class="check"><input type="checkbox" v-model="filters.open">仅在办</label>
      <label class="check"><input type="checkbox" v-model="filters.actedByMe">我经手的</label>
      <label class="check" v-for="[key, label] in flags" :key="key"><input type="checkbox" v-model="filters[key]">{{ label }}</label>
      <button class="primary" type="submit">查询</button>
      <button type="button" @click="reset">清空</button>
    </form>
    <p v-if="error" class="error">{{ error }}</p>
    <section class="card" v-if="result">
      <p class="muted">共 {{ result.total }} 件<span v-if="loading">，正在加载…</span></p>
      <table id="cases">
        <thead><tr><th>编号</th><th>类别</th><th>地址</th><th>状态 / 环节</th><th>当前办理</th><th>期限</th><th>标记</th></tr></thead>
        <tbody>
          <tr v-for="row in result.items" :key="row.caseNumber" class="row" @click="open(row)">
            <td><a :href="'/workbench/case.html?n=' + encodeURIComponent(row.caseNumber)">{{ row.caseNumber }}</a>
              <div class="muted">{{ time(row.receivedAt) }}</div></td>
            <td>{{ row.categoryName }}</td>
            <td>{{ row.address }}<div class="muted">{{ row.streetName }}</div></td>
            <td>{{ row.statusLabel }}<div class="muted" v-if="row.steps.length">{{ row.steps.join('、') }}</div></td>
            <td>{{ row.holders.join('；') || '—' }}</td>
            <td><span v-if="row.deadline">{{ time(row.deadline) }}</span><span v-else>—</span>
              <div :class="row.timeLeft === '已超时' ? 'late' : 'muted'" v-if="row.timeLeft">{{ row.timeLeft }}</div></td>
            <td><span v-for="f in row.flags" :class="['badge', f.tone]">{{ f.label }}</span></td>
          </tr>
          <tr v-if="!result.items.length"><td colspan="7" class="muted">没有符合条件的工单</td></tr>
        </tbody>
      </table>
      <div class="pager" v-if="result.totalPages > 1">
        <button type="button" :disabled="result.page === 0" @click="go(result.page - 1)">上一页</button>
        <span>第 {{ result.page + 1 }} / {{ result.totalPages }} 页</span>
        <button type="button" :disabled="result.page + 1 >= result.totalPages" @click="go(result.page + 1)">下一页</button>
      </div>
    </section>`,
});
