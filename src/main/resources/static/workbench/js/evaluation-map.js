// 考核地图: the caller's grids (the workbench map's outlines, no tiles) coloured by volume or by a chosen rate for the
// period, with a legend; a grid's popup gives its figures with their samples, each number opening its cases.
import * as L from '/webjars/leaflet/dist/leaflet-src.esm.js';
import { startPage } from './layout.js';
import { api } from './api.js';
import { PeriodPicker, CasesPanel, ExportButtons, periodParams, initialPeriod, value } from './evaluation-common.js';

// what a grid can be coloured by; lowerIsBetter: the darker red the higher
const MEASURES = [
  { measure: 'RECEIVED', label: '受理量' },
  { measure: 'CLOSURE_RATE', label: '办结率' },
  { measure: 'ON_TIME_RATE', label: '按期办结率' },
  { measure: 'SOLVED_RATE', label: '解决率' },
  { measure: 'SATISFACTION_RATE', label: '满意率' },
  { measure: 'REOPEN_RATE', label: '重办率', lowerIsBetter: true },
  { measure: 'UNRESOLVED_RATE', label: '未解决率', lowerIsBetter: true },
  { measure: 'REPEAT_RATE', label: '重复诉求', lowerIsBetter: true },
];
const POPUP = ['RECEIVED', 'CLOSED', 'CLOSURE_RATE', 'ON_TIME_RATE', 'SOLVED_RATE', 'SATISFACTION_RATE', 'REOPEN_RATE',
  'REPEAT_RATE'];
const VOLUME = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
// worst to best
const RATE = ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#2166ac'];
const RATE_BREAKS = [60, 75, 85, 95];
const NO_SAMPLE = '#e5e7eb';

function escape(text) {
  const div = document.createElement('div');
  div.textContent = text == null ? '' : String(text);
  return div.innerHTML;
}

/** The legend of the volume classes that hold a whole number of cases: "1 件", "2–5 件". */
function volumeLegend(max, volumeClass) {
  const ranges = [];
  for (let v = 1; v <= max; v++) {
    const k = volumeClass(v);
    if (ranges[k]) {
      ranges[k].hi = v;
    } else {
      ranges[k] = { lo: v, hi: v };
    }
  }
  return [{ colour: NO_SAMPLE, text: '0 件' }, ...ranges.map((r, k) => r && { colour: VOLUME[k],
    text: (r.lo === r.hi ? r.lo : r.lo + '–' + r.hi) + ' 件' }).filter(Boolean)];
}

startPage('evaluation-map', {
  props: ['me'],
  components: { PeriodPicker, CasesPanel, ExportButtons },
  data() {
    return { period: initialPeriod(), by: 'RECEIVED', measures: MEASURES, grids: [], breakdown: null, error: null,
      behind: null, legend: [] };
  },
  async mounted() {
    try {
      this.grids = await api('/api/workbench/map/grids');
      this.$nextTick(() => this.draw());
    } catch (e) {
      this.error = e.message;
    }
  },
  watch: {
    // the cases panel takes room beside the map: Leaflet measures its box again
    behind() {
      this.$nextTick(() => this.map && this.map.invalidateSize());
    },
  },
  unmounted() {
    if (this.map) {
      this.map.remove();
    }
  },
  computed: {
    url() {
      const params = periodParams(this.period);
      params.set('dimension', 'GRID');
      return '/api/evaluation/breakdown?' + params;
    },
  },
  methods: {
    draw() {
      // Leaflet keeps its own state, outside Vue's reactivity; a plain outline view, no tiles
      const map = L.map(this.$refs.map, { attributionControl: false, zoomSnap: 0.25, fadeAnimation: false });
      this.layers = {};
      const group = L.featureGroup(this.grids.map(grid => {
        const polygon = L.polygon(grid.outline, { color: '#475569', weight: 1, fillOpacity: 0.75,
          fillColor: NO_SAMPLE, className: 'grid-' + grid.code })
          .bindTooltip(escape(grid.name), { permanent: true, direction: 'center', className: 'grid-label' });
        this.layers[grid.code] = polygon;
        return polygon;
      })).addTo(map);
      if (this.grids.length) {
        map.fitBounds(group.getBounds().pad(0.05));
      } else {
        map.setView([34.27, 108.9], 13);
      }
      // the popup's numbers are links built as text; one listener opens the cases behind any of them
      this.$refs.map.addEventListener('click', event => {
        const link = event.target.closest('a.popup-num');
        if (link) {
          event.preventDefault();
          this.open(link.dataset.grid, link.dataset.measure, link.dataset.part, link.dataset.label);
        }
      });
      this.map = map;
      this.load();
    },
    async load() {
      try {
        this.breakdown = await api(this.url);
        this.error = null;
      } catch (e) {
        this.error = e.message;
        return;
      }
      this.colour();
    },
    figuresOf(code) {
      const row = this.breakdown.rows.find(r => r.key === code);
      const found = {};
      (row ? row.figures : []).forEach(f => { found[f.measure] = f; });
      return found;
    },
    colour() {
      const chosen = MEASURES.find(m => m.measure === this.by);
      const volume = this.by === 'RECEIVED';
      const max = Math.max(1, ...this.breakdown.rows.filter(r => r.key).map(r =>
        (r.figures.find(f => f.measure === 'RECEIVED') || {}).value || 0));
      // five classes of volume from 1 to the busiest grid's; 0 is "no case"
      const volumeClass = v => Math.min(4, Math.max(0, Math.ceil(v * 5 / max) - 1));
      for (const grid of this.grids) {
        const f = this.figuresOf(grid.code)[this.by];
        let fill = NO_SAMPLE;
        if (f && f.value !== null && !(volume && f.value === 0)) {
          let index = volume ? volumeClass(f.value) : RATE_BREAKS.findIndex(b => f.value < b);
          index = index < 0 ? 4 : index;
          fill = volume ? VOLUME[index] : chosen.lowerIsBetter ? RATE[4 - index] : RATE[index];
        }
        const layer = this.layers[grid.code];
        layer.setStyle({ fillColor: fill });
        layer.getElement() && layer.getElement().setAttribute('data-fill', fill);
        layer.bindPopup(this.popup(grid));
      }
      this.legend = volume ? volumeLegend(max, volumeClass)
        : [{ colour: NO_SAMPLE, text: '无样本' }, ...RATE.map((c, i) => ({
          colour: chosen.lowerIsBetter ? RATE[4 - i] : c,
          text: i === 0 ? '< ' + RATE_BREAKS[0] + '%' : i === 4 ? '≥ ' + RATE_BREAKS[3] + '%'
            : RATE_BREAKS[i - 1] + '–' + RATE_BREAKS[i] + '%' }))];
    },
    popup(grid) {
      const figures = this.figuresOf(grid.code);
      const link = (f, part, text) => '<a href="#" class="popup-num" data-grid="' + escape(grid.code)
        + '" data-measure="' + f.measure + '" data-part="' + part + '" data-label="' + escape(f.label) + '">'
        + escape(text) + '</a>';
      const rows = POPUP.map(m => {
        const f = figures[m];
        if (!f) {
          return '<tr><td>' + m + '</td><td>—</td></tr>';
        }
        const sample = f.unit === '件' ? link(f, 'numerator', value(f))
          : escape(value(f)) + ' <span class="muted">(' + link(f, 'numerator', f.numerator) + '/'
            + link(f, 'denominator', f.denominator) + ')</span>';
        return '<tr data-measure="' + m + '"><td>' + escape(f.label) + '</td><td>' + sample + '</td></tr>';
      }).join('');
      return '<b>' + escape(grid.name) + '</b><br><span class="muted">' + escape(grid.communityName) + ' · '
        + escape(grid.streetName) + '</span><table class="grid-figures">' + rows + '</table>';
    },
    open(grid, measure, part, label) {
      const params = periodParams(this.period);
      params.set('dimension', 'GRID');
      params.set('key', grid);
      const name = (this.grids.find(g => g.code === grid) || {}).name || grid;
      this.behind = { measure, part, params: params.toString(),
        label: name + ' · ' + label + (part === 'denominator' ? ' · 分母' : '') };
    },
  },
  template: `
    <form class="card filters" @submit.prevent="load">
      <period-picker v-model="period" @change="load"></period-picker>
      <label>着色<select id="colour-by" v-model="by" @change="colour"><option v-for="m in measures" :value="m.measure">{{ m.label }}</option></select></label>
      <span class="choropleth-legend" id="legend"><span v-for="l in legend"><i :style="{ background: l.colour }"></i> {{ l.text }}</span></span>
      <export-buttons :url="url"></export-buttons>
    </form>
    <p v-if="error" class="error">{{ error }}</p>
    <p class="muted" id="map-note" v-if="breakdown">{{ breakdown.period.from }} 至 {{ breakdown.period.to }}；网格 {{ grids.length }} 个；点击网格查看其指标及样本，点击数字列出工单。</p>
    <div class="eval-layout">
      <div class="eval-main"><div id="evaluation-map" ref="map"></div></div>
      <cases-panel :query="behind" @close="behind = null"></cases-panel>
    </div>`,
});
