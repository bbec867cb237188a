// What the two boards share: polling their JSON API without reloading the page, the time of the last update
// (hh:mm:ss in the district's zone), and a department's check-in light.
import { api } from './api.js';

const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit',
  second: '2-digit', hour12: false });

export function clockTime(instant) {
  return instant ? clock.format(new Date(instant)) : '—';
}

// Every 15 s by default; ?refresh=5 for a wall screen that wants it faster (never below 2 s).
export function refreshSeconds() {
  const asked = Number(new URLSearchParams(location.search).get('refresh'));
  return asked >= 2 ? asked : 15;
}

// A mixin: the component sets `path()` and gets `data`, `error`, `updatedAt`, and a poll that stops on unmount.
export const polling = {
  data() {
    return { data: null, error: null, updatedAt: null, refresh: refreshSeconds() };
  },
  mounted() {
    this.poll();
    this.timer = setInterval(() => this.poll(), this.refresh * 1000);
  },
  unmounted() {
    clearInterval(this.timer);
  },
  methods: {
    clockTime,
    async poll() {
      try {
        this.data = await api(this.path());
        this.updatedAt = this.data.updatedAt;
        this.error = null;
      } catch (e) {
        // keep what was shown: a wall screen should not go blank on one failed request
        this.error = e.message;
      }
    },
  },
};

// One department's check-in light, with its words (the colour is never the only sign).
export const Light = {
  props: ['d'],
  methods: { clockTime },
  template: `
    <span class="dept" :class="'light-' + d.light.toLowerCase()" :data-dept="d.code" :data-light="d.light"
          :title="d.checkInDue ? '报到期限 ' + clockTime(d.checkInDue) : ''">
      <span class="dot" aria-hidden="true"></span>
      <b>{{ d.name }}</b><span class="muted">（{{ d.role }}）</span>
      <span class="light-label">{{ d.lightLabel }}</span>
      <span class="muted" v-if="d.checkedInAt"> {{ clockTime(d.checkedInAt) }}</span>
      <span class="muted" v-else-if="d.timeLeft"> {{ d.timeLeft }}</span>
    </span>`,
};
