// 我的反映: the phone gets a one-time code; with it the page lists every case reported or joined with that
// phone, each linking to its tracking page. Nothing is kept in the browser: the list is asked for with the code.
import { createApp } from '/webjars/vue/dist/vue.esm-browser.prod.js';
import { api, time, TopBar, ApiError } from './common.js';

createApp({
  components: { TopBar },
  data() {
    return { phone: '', code: '', sent: false, cases: null, errors: {}, error: null, busy: false, wait: 0 };
  },
  methods: {
    async sendCode() {
      this.errors = {};
      this.error = null;
      this.busy = true;
      try {
        await api('/api/resident/mine/code', { method: 'POST', body: { phone: this.phone.trim() } });
        this.sent = true;
        this.wait = 60;
        const timer = setInterval(() => { if (--this.wait <= 0) clearInterval(timer); }, 1000);
      } catch (e) {
        this.errors = e instanceof ApiError ? e.fields : {};
        this.error = Object.keys(this.errors).length ? null : e.message;
      } finally {
        this.busy = false;
      }
    },
    async list() {
      this.errors = {};
      this.error = null;
      this.busy = true;
      try {
        this.cases = await api('/api/resident/mine/cases', { method: 'POST',
          body: { phone: this.phone.trim(), code: this.code.trim() } });
      } catch (e) {
        this.errors = e instanceof ApiError ? e.fields : {};
        this.error = Object.keys(this.errors).length ? null : e.message;
      } finally {
        this.busy = false;
      }
    },
    time,
  },
  template: `
  <top-bar title="我的反映" current="mine"></top-bar>
  <main class="page">
    <section class="card" v-if="cases === null">
      <h2>查看我反映过的问题</h2>
      <p class="small">输入反映问题时留下的手机号，我们会发送验证码。</p>
      <label>手机号<input v-model="phone" inputmode="tel" maxlength="11" placeholder="11 位手机号" data-test="phone"></label>
      <p class="error" v-if="errors.phone">{{ errors.phone }}</p>
      <button type="button" class="secondary" :disabled="busy || wait > 0" @click="sendCode" data-test="send-code">
        {{ wait > 0 ? wait + ' 秒后可重新获取' : (sent ? '重新获取验证码' : '获取验证码') }}</button>
      <template v-if="sent">
        <p class="note">验证码已发送，10 分钟内有效。</p>
        <label>验证码<input v-model="code" inputmode="numeric" maxlength="6" placeholder="6 位数字" data-test="code"></label>
        <p class="error" v-if="errors.code">{{ errors.code }}</p>
        <button type="button" class="primary" :disabled="busy" @click="list" data-test="list">查看</button>
      </template>
      <p class="error banner" v-if="error">{{ error }}</p>
    </section>
    <template v-else>
      <p class="small">手机号 {{ phone.slice(0, 3) }}****{{ phone.slice(-4) }} 共反映 {{ cases.length }} 件</p>
      <p class="note" v-if="!cases.length">这个手机号还没有反映过问题。</p>
      <a v-for="c in cases" :key="c.caseNumber" class="card case-link" :href="c.trackingPage" data-test="my-case">
        <span class="row"><b>{{ c.categoryName }}</b><span class="badge" :class="c.statusLabel === '已办结' ? 'closed' : 'open'">{{ c.statusLabel }}</span></span>
        <span class="small">{{ c.caseNumber }} · {{ time(c.receivedAt) }}<span v-if="c.joined"> · 我也遇到了</span></span>
      </a>
    </template>
  </main>`,
}).mount('#app');
