// 地图: the caller's grids from the registry with their names, and the caller's open cases as points coloured by
// how they stand (red overdue, orange emergency, blue handling, grey waiting), filterable. Tiles only when the
// server names a tile server (gridcase.map.tile-url); without one the grids are drawn on a blank background.
import * as L from '/webjars/leaflet/dist/leaflet-src.esm.js';
import { startPage } from './layout.js';
import { api } from './api.js';

const TONES = { red: '#dc2626', orange: '#f59e0b', blue: '#1d5fbf', grey: '#6b7280' };
const EMPTY = { category: '', status: '', street: '', OVERDUE: false, EMERGENCY: false };

function escape(text) {
  const div = document.createElement('div');
  div.textContent = text == null ? '' : String(text);
  return div.innerHTML;
}

startPage('map', {
  props: ['me'],
  data() {
    return { options: null, filters: { ...EMPTY }, result: null, error: null, grids: [] };
  },
  async mounted() {
    try {
      const [settings, grids, options] = await Promise.all([api('/api/workbench/map/settings'),
        api('/api/workbench/map/grids'), api('/api/workbench/options')]);
      this.options = options;
      this.grids = grids;
      this.$nextTick(() => this.draw(settings, grids));
    } catch (e) {
      this.error = e.message;
    }
  },
  unmounted() {
    if (this.map) {
      this.map.remove();
    }
  },
  computed: {
    streets() {
      const seen = new Map();
      this.grids.forEach(g => seen.set(g.streetCode, g.streetName));
      return [...seen].map(([code, name]) => ({ code, name }));
    },
  },
  methods: {
    draw(settings, grids) {
      // the map lives outside Vue's reactivity: Leaflet keeps its own state
      // fractional zoom fills the frame with the grids; no fading, so a popup is readable at once
      const map = L.map(this.$refs.map, { attributionControl: !!settings.tileUrl, zoomSnap: 0.25,
        fadeAnimation: false });
      if (settings.tileUrl) {
        L.tileLayer(settings.tileUrl, { attribution: settings.attribution || '', maxZoom: settings.maxZoom,
          subdomains: settings.subdomains.length ? settings.subdomains : 'abc' }).addTo(map);
      }
      const outlines = L.featureGroup(grids.map(grid => L.polygon(grid.outline,
        { color: '#1d5fbf', weight: 1.5, fillColor: '#1d5fbf', fillOpacity: 0.04 })
        .bindTooltip(escape(grid.name), { permanent: true, direction: 'center', className: 'grid-label' })
        .bindPopup(escape(grid.name) + '<br>' + escape(grid.communityName) + ' · ' + escape(grid.streetName))))
        .addTo(map);
      if (grids.length) {
        map.fitBounds(outlines.getBounds().pad(0.05));
      } else {
        map.setView([34.27, 108.9], 13);
      }
      this.points = L.layerGroup().addTo(map);
      this.map = map;
      this.load();
    },
    async load() {
      const params = new URLSearchParams();
      ['category', 'status', 'street'].forEach(name => this.filters[name] && params.set(name, this.filters[name]));
      const flags = ['OVERDUE', 'EMERGENCY'].filter(flag => this.filters[flag]);
      if (flags.length) {
        params.set('flags', flags.join(','));
      }
      try {
        this.result = await api('/api/workbench/map/cases?' + params);
        this.error = null;
      } catch (e) {
        this.error = e.message;
        return;
      }
      this.points.clearLayers();
      for (const c of this.result.cases) {
        const link = '/workbench/case.html?n=' + encodeURIComponent(c.caseNumber);
        L.circleMarker([c.lat, c.lon], { radius: c.emergency ? 9 : 7, color: '#fff', weight: 2,
          fillColor: TONES[c.tone], fillOpacity: 0.95, className: 'case-point case-' + c.caseNumber })
          .bindPopup('<b><a href="' + link + '">' + escape(c.caseNumber) + '</a></b><br>'
            + escape(c.categoryName) + '<br>' + escape(c.statusLabel)
            + (c.overdue ? ' · <span class="late">已超时</span>' : '') + (c.emergency ? ' · 应急' : '')
            + '<br><span class="muted">' + escape(c.address) + (c.approximate ? '（无坐标，标在网格内）' : '') + '</span>')
          .addTo(this.points);
      }
    },
    reset() {
      this.filters = { ...EMPTY };
      this.load();
    },
  },
  template: `
    <form class="card filters" @submit.prevent="load" v-if="options">
      <label>类别<select v-model="filters.category" id="filter-category"><option value="">全部</option>
        <option v-for="c in options.categories" :value="c.value">{{ c.label }}</option></select></label>
      <label>状态<select v-model="filters.status" id="filter-status"><option value="">全部在办</option>
        <option v-for="s in options.statuses.filter(s => s.value !== 'CLOSED')" :value="s.value">{{ s.label }}</option></select></label>
      <label v-if="streets.length > 1">街道<select v-model="filters.street" id="filter-street"><option value="">全部</option>
        <option v-for="s in streets" :value="s.code">{{ s.name }}</option></select></label>
      <label class="check"><input type="checkbox" v-model="filters.OVERDUE">已超时</label>
      <label class="check"><input type="checkbox" v-model="filters.EMERGENCY">应急</label>
      <button class="primary" type="submit">筛选</button>
      <button type="button" @click="reset">清空</button>
      <span class="map-legend muted"><span><i style="background:#dc2626"></i>已超时</span>
        <span><i style="background:#f59e0b"></i>应急</span><span><i style="background:#1d5fbf"></i>处置中</span>
        <span><i style="background:#6b7280"></i>待处置（受理、吹哨、报到等）</span></span>
    </form>
    <p v-if="error" class="error">{{ error }}</p>
    <p class="muted" id="map-count" v-if="result">在办工单 {{ result.total }} 件，地图上 {{ result.shown }} 件<span
      v-if="result.total > result.shown + result.withoutPlace">（只显示期限最近的 {{ result.shown }} 件）</span><span
      v-if="result.withoutPlace">，{{ result.withoutPlace }} 件尚无位置</span>；网格 {{ grids.length }} 个。</p>
    <div id="grid-map" ref="map"></div>`,
});
