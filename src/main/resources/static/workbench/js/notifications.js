// 通知投递 (administrators): per channel how many messages were sent, failed and wait, with the median delay;
// the latest deliveries by status, and 重发 for one that failed after its last try. Reads /api/admin/notifications,
// the same API other clients use.
import { startPage } from './layout.js';
import { api } from './api.js';
import { time } from './format.js';

const STATUSES = [
  { key: 'FAILED', label: '失败' },
  { key: 'PENDING', label: '待发送' },
  { key: 'SENT', label: '已送达' },
  { key: '', label: '全部' },
];
const STATUS_LABELS = { FAILED: '失败', PENDING: '待发送', SENT: '已送达' };

startPage('notifications', {
  props: ['me'],
  data() {
    return { channels: [], deliveries: [], status: 'FAILED', statuses: STATUSES, error: null, notice: null,
      busy: null, loaded: false };
  },
  async mounted() {
    await this.load();
  },
  methods: {
    time,
    statusLabel(s) { return STATUS_LABELS[s] || s; },
    delay(seconds) {
      if (seconds === null || seconds === undefined) return '—';
      return seconds < 60 ? Math.round(seconds) + ' 秒' : seconds < 3600 ? Math.round(seconds / 60) + ' 分钟'
        : (seconds / 3600).toFixed(1) + ' 小时';
    },
    async load() {
      this.error = null;
      try {
        this.channels = await api('/api/admin/notifications/channels');
        this.deliveries = await api('/api/admin/notifications/deliveries'
          + (this.status ? '?status=' + this.status : ''));
      } catch (e) {
        this.error = e.status === 403 ? '只有系统管理员可以查看通知投递' : e.message;
      } finally {
        this.loaded = true;
      }
    },
    async show(status) {
      this.status = status;
      await this.load();
    },
    async resend(d) {
      this.busy = d.id;
      this.notice = null;
      this.error = null;
      try {
        await api('/api/admin/notifications/deliveries/' + d.id + '/resend', { method: 'POST' });
        this.notice = '已重新排队发送：' + (d.caseNumber || '') + ' ' + d.channelLabel + ' ' + d.address;
        await this.load();
      } catch (e) {
        this.error = e.message;
      } finally {
        this.busy = null;
      }
    },
  },
  template: `
    <p v-if="error" class="error" id="error">{{ error }}</p>
    <section class="card">
      <h2>各渠道发送情况</h2>
      <table id="channels">
        <thead><tr><th>渠道</th><th>状态</th><th>已送达</th><th>失败</th><th>待发送</th><th>送达时间中位数（近 7 天）</th></tr></thead>
        <tbody>
          <tr v-for="c in channels" :key="c.channel">
            <td>{{ c.label }} <span class="muted">{{ c.channel }}</span></td>
            <td><span :class="['badge', c.enabled ? 'blue' : 'grey']">{{ c.enabled ? '已启用' : '未启用' }}</span></td>
            <td>{{ c.sent }}</td>
            <td :class="{ late: c.failed > 0 }">{{ c.failed }}</td>
            <td>{{ c.pending }}</td>
            <td>{{ delay(c.medianDelaySeconds) }}</td>
          </tr>
        </tbody>
      </table>
    </section>
    <section class="card">
      <h2>投递记录</h2>
      <div class="tabs">
        <button v-for="s in statuses" :key="s.key" type="button" :class="{ active: status === s.key }"
                @click="show(s.key)">{{ s.label }}</button>
      </div>
      <p v-if="notice" class="ok" id="notice">{{ notice }}</p>
      <table id="deliveries">
        <thead><tr><th>工单</th><th>通知</th><th>渠道</th><th>接收方</th><th>状态</th><th>尝试次数</th><th>最近错误</th><th>创建</th><th>下次尝试 / 送达</th><th></th></tr></thead>
        <tbody>
          <tr v-for="d in deliveries" :key="d.id">
            <td><a v-if="d.caseNumber" :href="'/workbench/case.html?n=' + encodeURIComponent(d.caseNumber)">{{ d.caseNumber }}</a></td>
            <td>{{ d.templateLabel }}</td>
            <td>{{ d.channelLabel }}</td>
            <td>{{ d.address }}</td>
            <td :class="{ late: d.status === 'FAILED' }">{{ statusLabel(d.status) }}</td>
            <td>{{ d.attempts }}</td>
            <td class="muted">{{ d.lastError || '' }}</td>
            <td class="muted" style="white-space:nowrap">{{ time(d.createdAt) }}</td>
            <td class="muted" style="white-space:nowrap">{{ time(d.sentAt || d.nextAttemptAt) }}</td>
            <td><button v-if="d.status === 'FAILED'" type="button" class="primary" :disabled="busy === d.id"
                        @click="resend(d)">重发</button></td>
          </tr>
          <tr v-if="loaded && !deliveries.length"><td colspan="10" class="muted">无</td></tr>
        </tbody>
      </table>
    </section>`,
});
