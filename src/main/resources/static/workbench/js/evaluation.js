// 考核总览: the headline rates of a period (this year by default) as tiles, each with its numerator and denominator
// (its sample) and its definition as a tooltip; every measure in a table below; the trend per sub-period in a
// chart. Every number opens the cases behind it.
import { startPage } from './layout.js';
import { api } from './api.js';
import { PeriodPicker, CasesPanel, ExportButtons, periodParams, initialPeriod, value, chart } from './evaluation-common.js';

const HEADLINE = ['CLOSURE_RATE', 'ON_TIME_RATE', 'RESPONSE_RATE', 'SOLVED_RATE', 'SATISFACTION_RATE', 'REOPEN_RATE'];
const COUNTS = ['RECEIVED', 'CLOSED'];
const TREND_RATES = ['CLOSURE_RATE', 'ON_TIME_RATE', 'RESPONSE_RATE', 'SOLVED_RATE', 'SATISFACTION_RATE', 'REOPEN_RATE'];

startPage('evaluation', {
  props: ['me'],
  components: { PeriodPicker, CasesPanel, ExportButtons },
  data() {
    return { period: initialPeriod(), unit: new URLSearchParams(location.search).get('unit') || '', units: [],
      definitions: {}, overview: null, error: null, behind: null };
  },
  async mounted() {
    try {
      const [measures, options] = await Promise.all([api('/api/evaluation/measures'), api('/api/workbench/options')]);
      measures.forEach(m => { this.definitions[m.measure] = m; });
      this.units = options.units;
    } catch (e) {
      this.error = e.message;
    }
    await this.load();
  },
  computed: {
    params() {
      const params = periodParams(this.period);
      if (this.unit) {
        params.set('unit', this.unit);
      }
      return params;
    },
    url() {
      return '/api/evaluation/overview?' + this.params;
    },
    byMeasure() {
      const found = {};
      (this.overview ? this.overview.figures : []).forEach(f => { found[f.measure] = f; });
      return found;
    },
    tiles() {
      return [...HEADLINE, ...COUNTS].map(m => this.byMeasure[m]).filter(Boolean);
    },
    others() {
      return (this.overview ? this.overview.figures : []).filter(f => f.value !== undefined);
    },
  },
  methods: {
    value,
    async load() {
      try {
        this.overview = await api(this.url);
        this.error = null;
      } catch (e) {
        this.error = e.message;
        return;
      }
      this.$nextTick(() => this.drawTrend());
    },
    tip(measure) {
      const d = this.definitions[measure];
      return d ? d.definition + '（' + d.countedBy + '）' : '';
    },
    isRate(f) {
      return f.unit !== '件';
    },
    /** The cases behind a number of the period (or of one sub-period, from–to). */
    open(f, part, from, to) {
      if (f.measure === 'MEDIATION_RATE' || f.measure === 'CHECK_IN_MINUTES_P90') {
        return;
      }
      const params = new URLSearchParams(this.params);
      if (from) {
        params.set('period', 'CUSTOM');
        params.delete('date');
        params.set('from', from);
        params.set('to', to);
      }
      this.behind = { measure: f.measure, part, params: params.toString(),
        label: f.label + (part === 'denominator' ? ' · 分母' : this.isRate(f) ? ' · 分子' : '') };
    },
    drawTrend() {
      if (!this.overview || !this.$refs.trend) {
        return;
      }
      const points = this.overview.trend;
      const pick = (p, m) => p.figures.find(f => f.measure === m);
      const daily = this.overview.period.step === 'DAY';
      const labels = points.map(p => daily ? p.from.slice(5) : p.from.slice(0, 7));
      const series = [{ name: '受理量', type: 'bar', yAxisIndex: 1, itemStyle: { color: '#c7d7ee' },
        data: points.map(p => pick(p, 'RECEIVED').value) }];
      TREND_RATES.forEach(m => series.push({ name: this.byMeasure[m].label, type: 'line', connectNulls: false,
        data: points.map(p => pick(p, m).value) }));
      const instance = chart(this.$refs.trend, {
        tooltip: { trigger: 'axis' }, legend: { top: 0 },
        grid: { left: 50, right: 60, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: labels },
        yAxis: [{ type: 'value', name: '%', min: 0, max: 100 }, { type: 'value', name: '件', splitLine: { show: false } }],
        series,
      });
      instance.off('click');
      instance.on('click', event => {
        // a click on a sub-period's bar or point lists that sub-period's cases of that measure
        const measure = event.seriesIndex === 0 ? 'RECEIVED' : TREND_RATES[event.seriesIndex - 1];
        const from = points[event.dataIndex].from;
        const next = points[event.dataIndex + 1];
        const to = next ? dayBefore(next.from) : this.overview.period.to;
        this.open(pick(points[event.dataIndex], measure), 'numerator', from, to);
      });
    },
  },
  template: `
    <form class="card filters" @submit.prevent="load">
      <period-picker v-model="period" @change="load"></period-picker>
      <label>单位<select id="filter-unit" v-model="unit" @change="load"><option value="">全部（本人权限内）</option>
        <option v-for="u in units" :value="u.value">{{ u.level === 'GRID' ? '　　' : u.level === 'COMMUNITY' ? '　' : '' }}{{ u.label }}</option></select></label>
      <span class="muted" v-if="overview">{{ overview.period.kindLabel }}：{{ overview.period.from }} 至 {{ overview.period.to }}</span>
      <export-buttons :url="url"></export-buttons>
    </form>
    <p v-if="error" class="error">{{ error }}</p>
    <div class="eval-layout" v-if="overview">
      <div class="eval-main">
        <section class="tiles" id="tiles">
          <div v-for="f in tiles" :key="f.measure" class="tile" :data-measure="f.measure" :title="tip(f.measure)">
            <div class="tile-label">{{ f.label }} <span class="info">?</span></div>
            <button type="button" class="tile-value num" @click="open(f, 'numerator')">{{ value(f) }}</button>
            <div class="tile-sample" v-if="isRate(f)">样本
              <button type="button" class="num numerator" @click="open(f, 'numerator')">{{ f.numerator }}</button> /
              <button type="button" class="num denominator" @click="open(f, 'denominator')">{{ f.denominator }}</button></div>
            <div class="tile-sample" v-else>{{ definitions[f.measure] ? definitions[f.measure].countedBy : '' }}</div>
          </div>
        </section>
        <section class="card"><h2>趋势（按{{ overview.period.step === 'DAY' ? '日' : '月' }}，点击柱或点查看该期间工单）</h2>
          <div ref="trend" class="trend-chart" id="trend-chart"></div></section>
        <section class="card"><h2>全部指标</h2>
          <table id="all-measures">
            <thead><tr><th>指标</th><th class="r">数值</th><th class="r">分子</th><th class="r">分母（样本）</th><th>计入期间</th></tr></thead>
            <tbody><tr v-for="f in others" :key="f.measure" :data-measure="f.measure">
              <td :title="tip(f.measure)">{{ f.label }} <span class="info">?</span></td>
              <td class="r">{{ value(f) }}</td>
              <td class="r"><button v-if="f.numerator !== null && f.measure !== 'MEDIATION_RATE'" type="button" class="num numerator" @click="open(f, 'numerator')">{{ f.numerator }}</button><span v-else>—</span></td>
              <td class="r"><button v-if="isRate(f) && f.measure !== 'MEDIATION_RATE'" type="button" class="num denominator" @click="open(f, 'denominator')">{{ f.denominator }}</button><span v-else>—</span></td>
              <td class="muted">{{ definitions[f.measure] ? definitions[f.measure].countedBy : '' }}</td></tr></tbody>
          </table>
        </section>
      </div>
      <cases-panel :query="behind" @close="behind = null"></cases-panel>
    </div>`,
});

function dayBefore(isoDay) {
  const d = new Date(isoDay + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
