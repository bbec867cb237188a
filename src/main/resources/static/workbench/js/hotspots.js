// 热点: communities (or grids) ranked by volume with their repeat requests, unresolved share (未解决 + 部分解决 of the
// answered return visits) and open cases past their limit, each with its twelve months of volume as a sparkline;
// and a before/after panel for a community from a chosen date (two windows of equal length): where to send
// 治理书记, and whether it worked. Every count opens the cases behind it.
import { startPage } from './layout.js';
import { api } from './api.js';
import { today } from './format.js';
import { PeriodPicker, CasesPanel, ExportButtons, periodParams, initialPeriod, rate, value, chart } from './evaluation-common.js';

startPage('hotspots', {
  props: ['me'],
  components: { PeriodPicker, CasesPanel, ExportButtons },
  data() {
    const q = new URLSearchParams(location.search);
    return { period: initialPeriod(), level: q.get('level') || 'COMMUNITY', list: null, error: null, behind: null,
      compareUnit: q.get('compare') || '', compareFrom: q.get('compareFrom') || today(-90), compareTo: '',
      comparison: null, compareError: null };
  },
  async mounted() {
    await this.load();
    if (this.compareUnit) {
      await this.compare();
    }
  },
  computed: {
    params() {
      const params = periodParams(this.period);
      params.set('level', this.level);
      return params;
    },
    url() {
      return '/api/evaluation/hotspots?' + this.params;
    },
    dimension() {
      return this.level === 'GRID' ? 'GRID' : 'COMMUNITY';
    },
  },
  methods: {
    rate,
    value,
    async load() {
      try {
        this.list = await api(this.url);
        this.error = null;
      } catch (e) {
        this.error = e.message;
      }
    },
    open(row, measure, part, label) {
      const params = periodParams(this.period);
      params.set('dimension', this.dimension);
      params.set('key', row.key);
      this.behind = { measure, part, params: params.toString(), label: row.name + ' · ' + label };
    },
    /** 超期在办 is no measure of the period: the open cases past their limit now, by their own address. */
    openOverdue(row) {
      const params = new URLSearchParams({ level: this.level, key: row.key });
      this.behind = { path: '/api/evaluation/hotspots/overdue', now: true, params: params.toString(),
        label: row.name + ' · 超期在办' };
    },
    spark(element, row) {
      if (!element) {
        return;
      }
      // Vue hands over the element before its table is in the page: draw once it is, with a size
      this.$nextTick(() => chart(element, {
        animation: false, grid: { left: 2, right: 2, top: 4, bottom: 4 },
        tooltip: { trigger: 'axis', formatter: ps => ps[0].name + '：' + ps[0].value + ' 件' },
        xAxis: { type: 'category', show: false, data: this.list.trendMonths.map(m => m.slice(0, 7)) },
        yAxis: { type: 'value', show: false, min: 0 },
        series: [{ type: 'line', data: row.trend, symbol: 'none', lineStyle: { width: 1.5, color: '#1d5fbf' },
          areaStyle: { color: '#e6f0ff' } }],
      }));
    },
    choose(row) {
      this.compareUnit = row.key;
      this.compare();
    },
    async compare() {
      if (!this.compareUnit || !this.compareFrom) {
        this.compareError = '请选择社区和起始日期';
        return;
      }
      const params = new URLSearchParams({ unit: this.compareUnit, from: this.compareFrom });
      if (this.compareTo) {
        params.set('to', this.compareTo);
      }
      try {
        this.comparison = await api('/api/evaluation/hotspots/compare?' + params);
        this.compareError = null;
      } catch (e) {
        this.compareError = e.message;
      }
    },
    figure(window, measure) {
      return window.figures.find(f => f.measure === measure);
    },
    openWindow(window, f, part, side) {
      const params = new URLSearchParams({ period: 'CUSTOM', from: window.period.from, to: window.period.to,
        unit: this.comparison.unit });
      this.behind = { measure: f.measure, part, params: params.toString(),
        label: this.comparison.unitName + ' · ' + side + ' · ' + f.label + (part === 'denominator' ? ' · 分母' : '') };
    },
    tone(change) {
      if (change.difference === null || change.difference === 0 || change.unit === '件') {
        // volumes are neither good nor bad in themselves
        return '';
      }
      // fewer reopened cases and fewer unresolved or repeated requests are better
      const lowerIsBetter = ['REOPEN_RATE', 'UNRESOLVED_RATE', 'REPEAT_RATE'].includes(change.measure);
      return (change.difference > 0) !== lowerIsBetter ? 'up' : 'down';
    },
    signed(change) {
      if (change.difference === null) {
        return '—（一侧无样本）';
      }
      const unit = change.unit === '%' ? ' 个百分点' : ' ' + change.unit;
      return (change.difference > 0 ? '+' : '') + change.difference + unit;
    },
  },
  template: `
    <form class="card filters" @submit.prevent="load">
      <period-picker v-model="period" @change="load"></period-picker>
      <label>层级<select id="level" v-model="level" @change="load"><option value="COMMUNITY">社区</option><option value="GRID">网格</option></select></label>
      <span class="muted" v-if="list">{{ list.period.from }} 至 {{ list.period.to }}，共 {{ list.total }} 个{{ list.levelLabel }}</span>
      <export-buttons :url="url"></export-buttons>
    </form>
    <p v-if="error" class="error">{{ error }}</p>
    <div class="eval-layout" v-if="list">
      <div class="eval-main">
        <section class="card">
          <h2>热点{{ list.levelLabel }}（按受理量排序）</h2>
          <table id="hotspots">
            <thead><tr><th>排名</th><th>{{ list.levelLabel }}</th>
              <th class="r" title="期间内受理的工单数">受理量</th>
              <th class="r" title="此前 30 天内同类工单在附近（100 米内）已有的">重复诉求</th>
              <th class="r" title="期间内办结工单中回访答“未解决”或“部分解决”的 ÷ 回访有答复的">未解决占比</th>
              <th class="r" title="现在仍在办、已超过办理时限的工单（当前数，不随期间变化）">超期在办</th>
              <th>近 12 个月受理量（{{ list.trendMonths[0].slice(0, 7) }} 起）</th><th></th></tr></thead>
            <tbody>
              <tr v-for="(row, i) in list.rows" :key="row.key" :data-unit="row.key">
                <td>{{ i + 1 }}</td>
                <td>{{ row.name }}<div class="muted">{{ row.parentName }}</div></td>
                <td class="r"><button type="button" class="num received" @click="open(row, 'RECEIVED', 'numerator', '受理量')">{{ row.received }}</button></td>
                <td class="r"><button type="button" class="num repeats" @click="open(row, 'REPEAT_RATE', 'numerator', '重复诉求')">{{ row.repeats }}</button>
                  <span class="muted">（{{ rate(row.repeatRate) }}）</span></td>
                <td class="r">{{ rate(row.unresolvedShare) }} <span class="muted">(<button type="button" class="num unresolved" @click="open(row, 'UNRESOLVED_RATE', 'numerator', '未解决及部分解决')">{{ row.unresolved }}</button>/<button type="button" class="num answered" @click="open(row, 'UNRESOLVED_RATE', 'denominator', '回访有答复')">{{ row.answered }}</button>)</span></td>
                <td class="r" :class="{ late: row.overdueOpen > 0 }"><button type="button" class="num overdue" @click="openOverdue(row)">{{ row.overdueOpen }}</button></td>
                <td><div class="spark" :ref="el => spark(el, row)"></div></td>
                <td><button v-if="level === 'COMMUNITY'" type="button" class="compare-this" @click="choose(row)">前后对比</button></td>
              </tr>
              <tr v-if="!list.rows.length"><td colspan="8" class="muted">期间内没有受理的工单</td></tr>
            </tbody>
          </table>
        </section>
        <section class="card" id="compare">
          <h2>前后对比（如选派治理书记前后）</h2>
          <form class="filters" @submit.prevent="compare">
            <label>社区代码<input id="compare-unit" v-model="compareUnit" placeholder="12 位社区代码" size="14"></label>
            <label>自（含）<input id="compare-from" type="date" v-model="compareFrom"></label>
            <label>至（含，空为今天）<input id="compare-to" type="date" v-model="compareTo"></label>
            <button class="primary" type="submit">对比</button>
          </form>
          <p v-if="compareError" class="error">{{ compareError }}</p>
          <template v-if="comparison">
            <p><b id="compare-name">{{ comparison.unitName }}</b>：之前 {{ comparison.before.period.from }} 至 {{ comparison.before.period.to }}，
              之后 {{ comparison.after.period.from }} 至 {{ comparison.after.period.to }}，各 {{ comparison.days }} 天</p>
            <table class="compare-table" id="compare-table">
              <thead><tr><th>指标</th><th class="r">之前（样本）</th><th class="r">之后（样本）</th><th class="r">变化</th></tr></thead>
              <tbody><tr v-for="c in comparison.changes" :key="c.measure" :data-measure="c.measure">
                <td>{{ c.label }}</td>
                <td class="r" v-for="side in [['before', '之前'], ['after', '之后']]">
                  <template v-if="figure(comparison[side[0]], c.measure).unit === '件'">
                    <button type="button" class="num" @click="openWindow(comparison[side[0]], figure(comparison[side[0]], c.measure), 'numerator', side[1])">{{ value(figure(comparison[side[0]], c.measure)) }}</button></template>
                  <template v-else>{{ value(figure(comparison[side[0]], c.measure)) }}
                    <span class="muted">(<button type="button" class="num" @click="openWindow(comparison[side[0]], figure(comparison[side[0]], c.measure), 'numerator', side[1])">{{ figure(comparison[side[0]], c.measure).numerator }}</button>/<button type="button" class="num" @click="openWindow(comparison[side[0]], figure(comparison[side[0]], c.measure), 'denominator', side[1])">{{ figure(comparison[side[0]], c.measure).denominator }}</button>)</span></template>
                </td>
                <td class="r" :class="tone(c)">{{ signed(c) }}</td>
              </tr></tbody>
            </table>
          </template>
        </section>
      </div>
      <cases-panel :query="behind" @close="behind = null"></cases-panel>
    </div>`,
});
