// 热线查询: the 12345 desk opens a case for a caller and reads its number back, sees the cases it just took, and
// answers "where is my case, who has it, when is it due" by case number or the caller's phone.
import { startPage } from './layout.js';
import { api } from './api.js';
import { time } from './format.js';

const REPORT = { category: '', description: '', address: '', gridCode: '', reporterName: '', reporterPhone: '' };

startPage('hotline', {
  props: ['me'],
  data() {
    return { options: null, report: { ...REPORT }, opened: null, openError: null, busy: false, recent: [],
      number: '', phone: '', found: null, lookupError: null };
  },
  computed: {
    categories() { return this.options ? this.options.categories.filter(c => c.level === 'leaf') : []; },
    grids() { return this.options ? this.options.units.filter(u => u.level === 'GRID') : []; },
  },
  async mounted() {
    this.options = await api('/api/workbench/options');
    await this.loadRecent();
  },
  methods: {
    time,
    async loadRecent() {
      if (this.me.hotline) {
        this.recent = (await api('/api/workbench/cases?openedByMe=true&size=5')).items;
      }
    },
    async open() {
      this.busy = true;
      this.openError = null;
      try {
        const body = { channel: 'HOTLINE_12345' };
        for (const [name, value] of Object.entries(this.report)) {
          if (value.trim()) {
            body[name] = value.trim();
          }
        }
        this.opened = await api('/api/cases', { method: 'POST', body });
        this.report = { ...REPORT };
        await this.loadRecent();
      } catch (e) {
        this.openError = e.problem && e.problem.errors
          ? e.problem.errors.map(err => err.field + '：' + err.message).join('；') : e.message;
      } finally {
        this.busy = false;
      }
    },
    async lookUp() {
      this.lookupError = null;
      this.found = null;
      try {
        if (this.number.trim()) {
          const c = await api('/api/workbench/cases/' + encodeURIComponent(this.number.trim()));
          this.found = [{ caseNumber: c.report.caseNumber, categoryName: c.report.categoryName,
            address: c.report.address, statusLabel: c.standing.statusLabel, steps: c.standing.steps,
            holders: c.standing.holders, deadline: c.standing.deadline, timeLeft: c.standing.timeLeft,
            flags: c.standing.flags, receivedAt: c.report.receivedAt }];
        } else {
          this.found = (await api('/api/workbench/lookup?phone=' + encodeURIComponent(this.phone.trim()))).items;
        }
      } catch (e) {
        this.lookupError = e.problem && e.problem.errors
          ? e.problem.errors.map(err => err.message).join('；') : e.message;
      }
    },
  },
  template: `
    <div class="grid2">
      <section class="card">
        <h2>查询工单</h2>
        <form class="filters" @submit.prevent="lookUp">
          <label>工单编号<input v-model="number" size="18" placeholder="如 TM-20251009-0042"></label>
          <span class="muted">或</span>
          <label>来电号码<input v-model="phone" size="13" placeholder="完整号码"></label>
          <button class="primary" type="submit">查询</button>
        </form>
        <p v-if="lookupError" class="error">{{ lookupError }}</p>
        <p v-if="found && !found.length" class="muted">没有找到该号码反映的工单</p>
        <div v-for="c in found || []" :key="c.caseNumber" class="card lookup-result" style="margin-top:10px">
          <h2><a :href="'/workbench/case.html?n=' + encodeURIComponent(c.caseNumber)">{{ c.caseNumber }}</a> · {{ c.categoryName }}
            <span v-for="f in c.flags" :class="['badge', f.tone]">{{ f.label }}</span></h2>
          <dl class="facts">
            <dt>受理时间</dt><dd>{{ time(c.receivedAt) }}　{{ c.address }}</dd>
            <dt>办到哪里</dt><dd class="where">{{ c.statusLabel }}<span v-if="c.steps.length">（{{ c.steps.join('、') }}）</span></dd>
            <dt>谁在办理</dt><dd class="who">{{ c.holders.join('；') || '—' }}</dd>
            <dt>何时办结</dt><dd class="when">{{ c.deadline ? time(c.deadline) : '—' }} <span class="muted">{{ c.timeLeft }}</span></dd>
          </dl>
        </div>
      </section>
      <section class="card" v-if="me.hotline">
        <h2>新建工单</h2>
        <div v-if="opened" class="opened">
          <p>已受理，请向来电人读出工单编号：</p>
          <p class="big-number" id="opened-number">{{ opened.caseNumber }}</p>
        </div>
        <form @submit.prevent="open" v-if="options">
          <div class="filters">
            <label>类别<select v-model="report.category" required><option value="">请选择</option>
              <option v-for="c in categories" :value="c.value">{{ c.label }}</option></select></label>
            <label>所在网格<select v-model="report.gridCode" required><option value="">请选择</option>
              <option v-for="g in grids" :value="g.value">{{ g.label }}</option></select></label>
            <label>来电人<input v-model="report.reporterName" size="8"></label>
            <label>来电号码<input v-model="report.reporterPhone" size="13"></label>
          </div>
          <label>地址<input v-model="report.address" style="width:100%;box-sizing:border-box" required></label>
          <label>诉求内容<textarea v-model="report.description" rows="3" required></textarea></label>
          <p v-if="openError" class="error">{{ openError }}</p>
          <button class="primary" type="submit" :disabled="busy">受理</button>
        </form>
        <h2 style="margin-top:14px">我刚受理的</h2>
        <table id="recent"><tbody>
          <tr v-for="r in recent" :key="r.caseNumber"><td><a :href="'/workbench/case.html?n=' + encodeURIComponent(r.caseNumber)">{{ r.caseNumber }}</a></td>
            <td>{{ time(r.receivedAt) }}</td><td>{{ r.categoryName }}</td><td>{{ r.statusLabel }}</td></tr>
          <tr v-if="!recent.length"><td class="muted">暂无</td></tr>
        </tbody></table>
      </section>
    </div>`,
});
