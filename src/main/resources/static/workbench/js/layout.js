// The one layout of the workbench: top bar 工单中心 with the user's name, the navigation, the bell (站内消息),
// links to the Tasklist, 退出; and the sign-in form when nobody is signed in. A page is a Vue component given the signed-in user (me).
import { createApp } from '/webjars/vue/dist/vue.esm-browser.prod.js';
import { api, signIn, signOut, ApiError } from './api.js';
import { Bell } from './bell.js';

// Pages of the navigation; `show(me)` decides who sees an entry (absent: everyone).
export const NAV = [
  { key: 'list', label: '工单列表', href: '/workbench/' },
  { key: 'hotline', label: '热线查询', href: '/workbench/hotline.html' },
  { key: 'street-board', label: '街道看板', href: '/workbench/street-board.html', show: me => me.supervisor || me.groups.includes('区领导小组') || me.views.some(v => v.key.startsWith('street-')) },
  { key: 'district-board', label: '区级看板', href: '/workbench/district-board.html', show: me => me.supervisor || me.groups.includes('区领导小组') },
  { key: 'map', label: '地图', href: '/workbench/map.html' },
  // the evaluation's pages: everyone sees them, each figure counted over the caller's own cases
  { key: 'evaluation', label: '考核总览', href: '/workbench/evaluation.html' },
  { key: 'departments', label: '部门考评', href: '/workbench/departments.html' },
  { key: 'hotspots', label: '热点', href: '/workbench/hotspots.html' },
  { key: 'evaluation-map', label: '考核地图', href: '/workbench/evaluation-map.html' },
  { key: 'notifications', label: '通知投递', href: '/workbench/notifications.html', show: me => me.admin },
];

export const TASKLIST = '/camunda/app/tasklist/default/';

export function startPage(key, page) {
  const Shell = {
    components: { page, bell: Bell },
    data() {
      return { me: null, checking: true, failure: null, nav: NAV, current: key, tasklist: TASKLIST,
        username: '', password: '', loginError: null, busy: false };
    },
    async mounted() {
      await this.load();
    },
    methods: {
      async load() {
        this.checking = true;
        try {
          this.me = await api('/api/workbench/me');
        } catch (e) {
          this.me = null;
          this.failure = e instanceof ApiError && e.status === 401 ? null : e.message;
        } finally {
          this.checking = false;
        }
      },
      async logIn() {
        this.busy = true;
        this.loginError = await signIn(this.username, this.password);
        this.busy = false;
        if (!this.loginError) {
          this.password = '';
          await this.load();
        }
      },
      async logOut() {
        await signOut();
        location.href = '/workbench/';
      },
      visible(item) {
        return !item.show || item.show(this.me);
      },
    },
    template: `
      <header class="topbar">
        <h1>工单中心</h1>
        <nav v-if="me">
          <a v-for="item in nav" v-show="visible(item)" :key="item.key" :href="item.href"
             :class="{ active: item.key === current }">{{ item.label }}</a>
        </nav>
        <div class="user" v-if="me">
          <bell></bell>
          <a :href="tasklist">Tasklist</a>
          <span id="user-name" :title="me.userId">{{ me.name }}<span v-if="me.role" class="muted">（{{ me.role }}{{ me.unit ? ' · ' + me.unit : '' }}）</span></span>
          <button type="button" @click="logOut">退出</button>
        </div>
      </header>
      <main>
        <p v-if="checking" class="muted">正在加载…</p>
        <p v-else-if="failure" class="error">{{ failure }}</p>
        <form v-else-if="!me" class="card login" @submit.prevent="logIn">
          <h2>登录工单中心</h2>
          <p class="muted">与 Tasklist 使用同一账号，登录一次即可同时使用两者。</p>
          <label for="login-user">用户名</label>
          <input id="login-user" v-model="username" autocomplete="username" required>
          <label for="login-password">密码</label>
          <input id="login-password" v-model="password" type="password" autocomplete="current-password" required>
          <p v-if="loginError" class="error">{{ loginError }}</p>
          <button class="primary" type="submit" :disabled="busy">登录</button>
        </form>
        <page v-else :me="me"></page>
      </main>`,
  };
  createApp(Shell).mount('#app');
}
