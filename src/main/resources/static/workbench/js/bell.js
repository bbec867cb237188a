// The bell in the top bar of every workbench page: the number of unread in-app messages (the caller's and their
// groups'), refreshed every 30 seconds (?refresh=N: every N, as the boards take it) and when the page comes back
// into view; a click opens the list, unread first,
// each with its case link and local time. Reads only the notification module's API (/api/notifications).
import { api } from './api.js';
import { time, query } from './format.js';

const REFRESH_MS = (Number(query('refresh')) || 30) * 1000;
const PAGE_SIZE = 20;

export const Bell = {
  data() {
    return { unread: 0, open: false, messages: [], total: 0, page: 0, loading: false, failure: null, timer: null };
  },
  async mounted() {
    await this.count();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
    document.addEventListener('visibilitychange', this.onVisible);
  },
  unmounted() {
    clearInterval(this.timer);
    document.removeEventListener('visibilitychange', this.onVisible);
  },
  methods: {
    time,
    onVisible() {
      if (document.visibilityState === 'visible') {
        this.refresh();
      }
    },
    async refresh() {
      await this.count();
      if (this.open) {
        await this.load(0);
      }
    },
    async count() {
      try {
        this.unread = (await api('/api/notifications/unread-count')).unread;
      } catch (e) {
        // a lost session shows on the next action; the bell keeps its last count
      }
    },
    async load(page) {
      this.loading = true;
      this.failure = null;
      try {
        const answer = await api('/api/notifications/inbox?page=' + page + '&size=' + PAGE_SIZE);
        this.messages = page === 0 ? answer.messages : this.messages.concat(answer.messages);
        this.total = answer.total;
        this.unread = answer.unread;
        this.page = page;
      } catch (e) {
        this.failure = e.message;
      } finally {
        this.loading = false;
      }
    },
    async toggle() {
      this.open = !this.open;
      if (this.open) {
        await this.load(0);
      }
    },
    async read(message) {
      if (message.readAt) {
        return;
      }
      try {
        await api('/api/notifications/' + message.id + '/read', { method: 'POST' });
        message.readAt = new Date().toISOString();
        this.unread = Math.max(0, this.unread - 1);
      } catch (e) {
        this.failure = e.message;
      }
    },
    caseLink(message) {
      return '/workbench/case.html?n=' + encodeURIComponent(message.caseNumber);
    },
  },
  template: `
    <div class="bell-wrap">
      <button type="button" id="bell" class="bell" @click="toggle" :aria-expanded="open"
              :title="unread ? unread + ' 条未读消息' : '站内消息'">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg>
        <span class="bell-count" id="bell-count" v-if="unread">{{ unread > 99 ? '99+' : unread }}</span>
      </button>
      <div class="bell-panel" id="bell-panel" v-if="open">
        <div class="bell-head"><strong>站内消息</strong><span class="muted">未读 {{ unread }} 条 · 共 {{ total }} 条</span></div>
        <p v-if="failure" class="error">{{ failure }}</p>
        <p v-else-if="!loading && messages.length === 0" class="muted bell-empty">暂无消息</p>
        <ul class="bell-list">
          <li v-for="m in messages" :key="m.id" :class="{ unread: !m.readAt }" data-test="bell-message">
            <div class="bell-meta">
              <span class="bell-dot" v-if="!m.readAt" title="未读"></span>
              <a v-if="m.caseNumber" :href="caseLink(m)" @click="read(m)">{{ m.caseNumber }}</a>
              <span class="muted">发给{{ m.recipientName }} · {{ time(m.sentAt) }}</span>
            </div>
            <div class="bell-text">{{ m.text }}</div>
            <button type="button" class="bell-read" v-if="!m.readAt" @click="read(m)">标为已读</button>
          </li>
        </ul>
        <button type="button" class="bell-more" v-if="messages.length < total" :disabled="loading"
                @click="load(page + 1)">更多</button>
      </div>
    </div>`,
};
