// What the evaluation pages share: the period picker (月/季/年/自定义, this year by default), the figures' numbers
// that open the cases behind them (/api/evaluation/cases, a side panel with links to the case page), the 导出
// buttons (the same API URL with format=csv / xlsx) and small formatting helpers. Every figure comes from
// /api/evaluation, which counts only the caller's cases.
import { api } from './api.js';
import { time, today } from './format.js';

/** The period's query parameters from the picker's state. */
export function periodParams(p) {
  const params = new URLSearchParams();
  if (p.kind === 'MONTH') {
    params.set('period', 'MONTH');
    params.set('date', p.month + '-01');
  } else if (p.kind === 'QUARTER') {
    params.set('period', 'QUARTER');
    params.set('date', p.year + '-' + String((p.quarter - 1) * 3 + 1).padStart(2, '0') + '-01');
  } else if (p.kind === 'YEAR') {
    params.set('period', 'YEAR');
    params.set('date', p.year + '-01-01');
  } else {
    params.set('period', 'CUSTOM');
    params.set('from', p.from);
    params.set('to', p.to);
  }
  return params;
}

/** This year, or what the address asks for (?period=&date= / from= to=), so a page can be linked to. */
export function initialPeriod() {
  const q = new URLSearchParams(location.search);
  const now = today();
  const date = q.get('date') || now;
  const p = { kind: (q.get('period') || 'YEAR').toUpperCase(), year: Number(date.slice(0, 4)),
    month: date.slice(0, 7), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1,
    from: q.get('from') || now.slice(0, 8) + '01', to: q.get('to') || now };
  if (!['MONTH', 'QUARTER', 'YEAR', 'CUSTOM'].includes(p.kind)) {
    p.kind = 'YEAR';
  }
  return p;
}

export const PeriodPicker = {
  props: ['modelValue'],
  emits: ['update:modelValue', 'change'],
  computed: {
    p() {
      return this.modelValue;
    },
    years() {
      const now = Number(today().slice(0, 4));
      return [0, 1, 2, 3, 4, 5].map(i => now - i);
    },
  },
  methods: {
    changed() {
      this.$emit('update:modelValue', { ...this.p });
      this.$emit('change');
    },
  },
  template: `
    <label>期间<select id="period-kind" v-model="p.kind" @change="changed">
      <option value="MONTH">月</option><option value="QUARTER">季</option>
      <option value="YEAR">年</option><option value="CUSTOM">自定义</option></select></label>
    <label v-if="p.kind === 'MONTH'">月份<input id="period-month" type="month" v-model="p.month" @change="changed"></label>
    <label v-if="p.kind === 'QUARTER' || p.kind === 'YEAR'">年份<select id="period-year" v-model.number="p.year" @change="changed">
      <option v-for="y in years" :value="y">{{ y }} 年</option></select></label>
    <label v-if="p.kind === 'QUARTER'">季度<select id="period-quarter" v-model.number="p.quarter" @change="changed">
      <option v-for="q in [1, 2, 3, 4]" :value="q">第 {{ q }} 季度</option></select></label>
    <template v-if="p.kind === 'CUSTOM'">
      <label>自<input id="period-from" type="date" v-model="p.from" @change="changed"></label>
      <label>至<input id="period-to" type="date" v-model="p.to" @change="changed"></label>
    </template>`,
};

/** A figure's value as read: a rate with %, a count as it is, "—" when there is nothing to count. */
export function value(figure) {
  if (!figure || figure.value === null || figure.value === undefined) {
    return '—';
  }
  if (figure.unit === '%') {
    return figure.value.toFixed(2) + '%';
  }
  return figure.unit === '件' ? String(Math.round(figure.value)) : figure.value + ' ' + figure.unit;
}

export function rate(v) {
  return v === null || v === undefined ? '—' : v.toFixed(2) + '%';
}

/** Links to the same table as CSV and Excel: the API answers them with format=csv / xlsx. */
export const ExportButtons = {
  props: ['url'],
  computed: {
    csv() {
      return this.url + (this.url.includes('?') ? '&' : '?') + 'format=csv';
    },
    xlsx() {
      return this.url + (this.url.includes('?') ? '&' : '?') + 'format=xlsx';
    },
  },
  template: `<span class="exports">导出 <a class="export-csv" :href="csv">CSV</a> <a class="export-xlsx" :href="xlsx">Excel</a></span>`,
};

/**
 * The cases behind a number, in a panel at the side: {measure, part, label, params} where params are the
 * figure's own query (period, filters, dimension and key). A page at a time, newest first.
 */
export const CasesPanel = {
  props: ['query'],
  emits: ['close'],
  data() {
    return { result: null, error: null, page: 0 };
  },
  watch: {
    query: { handler() { this.page = 0; this.load(); }, immediate: true },
  },
  methods: {
    time,
    async load() {
      if (!this.query) {
        return;
      }
      // a measure's numerator or denominator; or a number that is no measure's (超期在办, a department's 工单数),
      // listed by its own address
      const params = new URLSearchParams(this.query.params);
      if (!this.query.path) {
        params.set('measure', this.query.measure);
        params.set('part', this.query.part || 'numerator');
      }
      params.set('page', this.page);
      params.set('size', 50);
      try {
        this.result = await api((this.query.path || '/api/evaluation/cases') + '?' + params);
        this.error = null;
      } catch (e) {
        this.error = e.message;
      }
    },
    go(delta) {
      this.page += delta;
      this.load();
    },
    link(n) {
      return '/workbench/case.html?n=' + encodeURIComponent(n);
    },
  },
  template: `
    <aside class="cases-panel card" v-if="query" id="cases-panel">
      <div class="panel-head"><h2>{{ query.label }}</h2><button type="button" @click="$emit('close')" title="关闭">✕</button></div>
      <p v-if="error" class="error">{{ error }}</p>
      <template v-if="result">
        <p class="muted" id="cases-total">{{ result.label }}<template v-if="result.measure">（{{ result.part === 'denominator' ? '分母' : '分子' }}）</template>{{ query.now ? '（现在）' : ' ' + result.period.from + ' 至 ' + result.period.to }}，共 {{ result.total }} 件</p>
        <table>
          <thead><tr><th>工单号</th><th>类别</th><th>状态</th><th>受理时间</th><th>主办部门</th></tr></thead>
          <tbody>
            <tr v-for="c in result.cases" :key="c.caseNumber" class="case-row">
              <td><a :href="link(c.caseNumber)">{{ c.caseNumber }}</a></td><td>{{ c.categoryName }}</td>
              <td>{{ c.statusLabel }}</td><td>{{ time(c.receivedAt) }}</td><td>{{ c.leadDepartment || '—' }}</td>
            </tr>
          </tbody>
        </table>
        <div class="pager" v-if="result.total > result.size">
          <button type="button" :disabled="page === 0" @click="go(-1)">上一页</button>
          <span>第 {{ page + 1 }} / {{ Math.ceil(result.total / result.size) }} 页</span>
          <button type="button" :disabled="(page + 1) * result.size >= result.total" @click="go(1)">下一页</button>
        </div>
      </template>
    </aside>`,
};

/** ECharts from its WebJar (a plain script in the page's head, window.echarts); charts resize with the window. */
export function chart(element, option) {
  const instance = window.echarts.getInstanceByDom(element) || window.echarts.init(element);
  instance.resize(); // its box may have been laid out only since it was made
  instance.setOption(option, true);
  if (!element.dataset.resizes) {
    element.dataset.resizes = '1';
    window.addEventListener('resize', () => instance.resize());
  }
  return instance;
}
