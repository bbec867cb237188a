// 诉求进展 (/m/cases/{n}?token=): what the tracking link opens. The case's stages as a timeline in plain words and
// local times, the departments at work, the deadline, the result; the rate form once the case may be rated
// (canRate in the intake's tracking JSON, for the reporter's own token).
import { createApp } from '/webjars/vue/dist/vue.esm-browser.prod.js';
import { api, query, time, TopBar, ApiError } from './common.js';

const STAGE_WORDS = {
  RECEIVED: '已收到您的反映', ON_THE_SPOT: '网格员正在现场处理', WHISTLED: '街道正在召集相关部门',
  CHECKING_IN: '相关部门正在报到', HANDLING: '正在办理', FEEDBACK: '已办理，正在告知结果',
  RETURN_VISIT: '回访评价', REOPENED: '重新办理', CLOSED: '已办结',
};
const RESOLUTION = { RESOLVED: '已解决', PARTIALLY: '部分解决', UNRESOLVED: '未解决' };
const SATISFACTION = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', UNSATISFIED: '不满意', NO_RESPONSE: '未评价' };

const caseNumber = decodeURIComponent(location.pathname.split('/').pop());
const token = query('token') || '';

createApp({
  components: { TopBar },
  data() {
    return { c: null, error: null, canRate: false, rating: { resolution: '', satisfaction: '', comment: '' },
      reporter: false, ratedBy: null, ratingErrors: {}, ratingError: null, rated: false, busy: false, RESOLUTION, SATISFACTION };
  },
  computed: {
    lead() {
      return this.c.departments.filter(d => d.lead).map(d => d.name);
    },
    assisting() {
      return this.c.departments.filter(d => !d.lead).map(d => d.name);
    },
  },
  async mounted() {
    await this.load();
  },
  methods: {
    async load() {
      try {
        this.c = await api('/api/resident/cases/' + encodeURIComponent(caseNumber) + '?token=' + encodeURIComponent(token));
      } catch (e) {
        this.error = e.message;
        return;
      }
      try {
        // the rating belongs to the intake's tracking view; a co-reporter's token does not open it, so no form
        const view = await api('/api/cases/' + encodeURIComponent(caseNumber) + '?token=' + encodeURIComponent(token));
        this.canRate = view.canRate === true;
        this.ratedBy = view.ratedBy;
        this.reporter = true;
      } catch (e) {
        this.canRate = false;
      }
    },
    words(stage) {
      return STAGE_WORDS[stage.status] || stage.label;
    },
    async rate() {
      this.ratingErrors = {};
      if (!this.rating.resolution) this.ratingErrors.resolution = '请选择问题是否解决';
      if (!this.rating.satisfaction) this.ratingErrors.satisfaction = '请选择是否满意';
      if (Object.keys(this.ratingErrors).length) return;
      this.busy = true;
      try {
        await api('/api/cases/' + encodeURIComponent(caseNumber) + '/rating?token=' + encodeURIComponent(token),
          { method: 'POST', body: { ...this.rating, comment: this.rating.comment.trim() || null } });
        this.rated = true;
        // the rating moved the case on (closed, or back to handling): show where it stands now
        await this.load();
      } catch (e) {
        this.ratingError = e.message;
        this.ratingErrors = e instanceof ApiError ? e.fields : {};
      } finally {
        this.busy = false;
      }
    },
    time,
  },
  template: `
  <top-bar title="办理进展" current="track"></top-bar>
  <main class="page">
    <p class="error banner" v-if="error" data-test="error">{{ error }}</p>
    <template v-if="c">
      <section class="card">
        <p class="small">工单编号</p>
        <p class="number" data-test="case-number">{{ c.caseNumber }}</p>
        <p class="status-line"><span class="badge" :class="c.status === 'CLOSED' ? 'closed' : 'open'" data-test="status">{{ c.statusLabel }}</span>
          <span class="small">{{ c.categoryName }}</span></p>
        <p>{{ c.description }}</p>
        <p class="small">{{ c.address }}</p>
        <p class="small" v-if="c.reporterPhone">回访电话：{{ c.reporterPhone }}</p>
        <p class="small" data-test="reporters">共 {{ c.reporterCount }} 位居民反映此问题</p>
        <div class="photos" v-if="c.photoLinks.length"><img v-for="p in c.photoLinks" :key="p" :src="p" alt="照片"></div>
      </section>
      <p class="note" v-if="rated" data-test="rated">{{ c.status === 'CLOSED' ? '感谢您的评价，工单已办结。' : '感谢您的评价。问题将重新办理，办好后会再请您评价。' }}</p>
      <p class="note" v-if="reporter && c.status === 'RETURN_VISIT'" data-test="call-pending">评价时限已过，社区将电话回访</p>
      <section class="card" v-if="c.departments.length || c.handlingDue">
        <h2>谁在办</h2>
        <p v-if="lead.length">主办：{{ lead.join('、') }}</p>
        <p v-if="assisting.length">协办：{{ assisting.join('、') }}</p>
        <p v-if="c.handlingDue && c.status !== 'CLOSED'">办理期限：{{ time(c.handlingDue) }}</p>
      </section>
      <section class="card" v-if="c.handlingResult || c.resolution">
        <h2>办理结果</h2>
        <p v-if="c.handlingResult" data-test="result">{{ c.handlingResult }}</p>
        <p v-if="c.resolution" class="small" data-test="result-rating">{{ ratedBy === 'REPORTER' ? '您的评价' : '社区回访' }}：{{ RESOLUTION[c.resolution] || c.resolution }}<span v-if="c.satisfaction">，{{ SATISFACTION[c.satisfaction] || c.satisfaction }}</span></p>
      </section>
      <section class="card">
        <h2>办理经过</h2>
        <ol class="timeline" data-test="timeline">
          <li v-for="(s, i) in c.stages.slice().reverse()" :key="i" :class="{ now: i === 0 }">
            <span class="what">{{ words(s) }}</span>
            <span class="when">{{ time(s.enteredAt) }}</span>
          </li>
        </ol>
      </section>
      <section class="card" v-if="canRate" data-test="rate">
        <h2>请评价办理结果</h2>
        <p>问题解决了吗？</p>
        <div class="chips"><button type="button" v-for="(label, key) in RESOLUTION" :key="key" :class="{ on: rating.resolution === key }" @click="rating.resolution = key">{{ label }}</button></div>
        <p class="error" v-if="ratingErrors.resolution">{{ ratingErrors.resolution }}</p>
        <p>您对办理满意吗？</p>
        <div class="chips"><button type="button" v-for="key in ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED']" :key="key" :class="{ on: rating.satisfaction === key }" @click="rating.satisfaction = key">{{ SATISFACTION[key] }}</button></div>
        <p class="error" v-if="ratingErrors.satisfaction">{{ ratingErrors.satisfaction }}</p>
        <label>想说的话（可不填）<textarea v-model="rating.comment" rows="3" maxlength="500"></textarea></label>
        <p class="error" v-if="ratingErrors.comment">{{ ratingErrors.comment }}</p>
        <p class="error banner" v-if="ratingError">{{ ratingError }}</p>
        <button class="primary" :disabled="busy" @click="rate">提交评价</button>
      </section>
    </template>
    <p v-else-if="!error" class="small center">正在加载…</p>
  </main>`,
}).mount('#app');
