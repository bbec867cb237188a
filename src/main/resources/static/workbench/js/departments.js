// 部门考评 (协调响应评价): a month's table per department, lead and assisting apart, with the three rates and their
// samples, the composite score under the administrator's weights, the rank (不参与排名 below the minimum sample),
// 红黑榜 as two lists, and whether the month is closed (frozen). The rates' numbers open the cases behind them.
import { startPage } from './layout.js';
import { api } from './api.js';
import { time } from './format.js';
import { CasesPanel, ExportButtons, rate } from './evaluation-common.js';

startPage('departments', {
  props: ['me'],
  components: { CasesPanel, ExportButtons },
  data() {
    return { month: new URLSearchParams(location.search).get('month') || '', table: null, error: null,
      behind: null, busy: false };
  },
  async mounted() {
    await this.load();
  },
  computed: {
    url() {
      return '/api/evaluation/departments' + (this.month ? '?month=' + this.month : '?');
    },
    roles() {
      if (!this.table) {
        return [];
      }
      return [
        { key: 'lead', label: '主办部门', rows: this.table.lead, red: this.table.leadRedList, black: this.table.leadBlackList },
        { key: 'assisting', label: '协办部门', rows: this.table.assisting, red: this.table.assistingRedList,
          black: this.table.assistingBlackList },
      ];
    },
  },
  methods: {
    rate,
    time,
    async load() {
      try {
        this.table = await api(this.url);
        this.month = this.table.month;
        this.error = null;
      } catch (e) {
        this.error = e.message;
      }
    },
    /** The cases behind one of a department's rates in the month: the breakdown's row of that role. */
    open(row, measure, part, label) {
      const params = new URLSearchParams({ period: 'MONTH', date: this.table.month + '-01',
        dimension: row.lead ? 'LEAD_DEPARTMENT' : 'ASSISTING_DEPARTMENT', key: row.departmentCode });
      this.behind = { measure, part, params: params.toString(),
        label: row.departmentName + (row.lead ? '（主办）' : '（协办）') + ' · ' + label };
    },
    /** The cases behind 工单数: those the department was summoned to in that role in the month. */
    openCases(row) {
      const params = new URLSearchParams({ department: row.departmentCode, role: row.lead ? 'LEAD' : 'ASSISTING' });
      this.behind = { path: '/api/evaluation/departments/' + this.table.month + '/cases', params: params.toString(),
        label: row.departmentName + (row.lead ? '（主办）' : '（协办）') + ' · 工单数' };
    },
    async close() {
      if (!confirm('关账后该月考核结果冻结，以后工单的变化不再改写。确定关账 ' + this.table.month + '？')) {
        return;
      }
      this.busy = true;
      try {
        this.table = await api('/api/evaluation/departments/' + this.table.month + '/close', { method: 'POST', body: {} });
      } catch (e) {
        this.error = e.message;
      } finally {
        this.busy = false;
      }
    },
  },
  template: `
    <form class="card filters" @submit.prevent="load">
      <label>月份<input id="month" type="month" v-model="month" @change="load"></label>
      <span v-if="table" id="frozen-state">
        <span v-if="table.frozen" class="state frozen">已关账 · {{ table.closedBy }} 于 {{ time(table.closedAt) }} 冻结</span>
        <span v-else class="state open">未关账 · 按当前数据计算，关账前仍会变化</span>
      </span>
      <button v-if="table && !table.frozen && me.admin" type="button" class="warn" :disabled="busy" @click="close">关账</button>
      <span class="muted" v-if="table">权重：响应率 {{ table.settings.responseWeight }} / 解决率 {{ table.settings.solvedWeight }}
        / 满意率 {{ table.settings.satisfactionWeight }}；工单少于 {{ table.settings.minimumCases }} 件不参与排名</span>
      <export-buttons :url="url"></export-buttons>
      <span class="exports"><a class="export-pdf" :href="'/api/evaluation/departments/report.pdf' + (month ? '?month=' + month : '')">月报 PDF</a></span>
    </form>
    <p v-if="error" class="error">{{ error }}</p>
    <p v-if="table && table.frozen" class="muted">表中数字为关账时冻结的结果；点击数字列出的是这些工单现在的情况。</p>
    <div class="eval-layout" v-if="table">
      <div class="eval-main">
        <section v-for="role in roles" :key="role.key" class="card" :id="'table-' + role.key">
          <h2>{{ role.label }}（{{ table.month }}）</h2>
          <div class="boards">
            <div class="red-list" :id="'red-' + role.key"><h3>红榜</h3>
              <ol v-if="role.red.length"><li v-for="r in role.red" :key="r.departmentCode">{{ r.departmentName }}　<b>{{ r.score }}</b> 分</li></ol>
              <p v-else class="muted">无参与排名的部门</p></div>
            <div class="black-list" :id="'black-' + role.key"><h3>黑榜</h3>
              <ol v-if="role.black.length"><li v-for="r in role.black" :key="r.departmentCode">{{ r.departmentName }}　<b>{{ r.score }}</b> 分</li></ol>
              <p v-else class="muted">参与排名的部门不足四个，不设黑榜</p></div>
          </div>
          <table class="dept-table">
            <thead><tr><th>名次</th><th>部门</th><th class="r" title="该月被召集（此角色）的工单数，参与排名的最低样本按此计">工单数</th>
              <th class="r" title="按时报到的召集 ÷ 已有结果的召集">响应率（按时/已有结果）</th>
              <th class="r" title="回访答“解决”的 ÷ 回访有答复的；部分解决不算解决">解决率（解决/有答复）</th>
              <th class="r" title="（满意+基本满意）÷ 有评价的；未评价不计入">满意率（满意/有评价）</th>
              <th class="r">未评价</th>
              <th class="r" title="本月召集该部门（此角色）的工单上，升级链指向该部门的预警、升级、红牌次数（括号内为每百件）；不计入综合得分">预警 / 升级 / 红牌（每百件）</th>
              <th class="r">综合得分</th></tr></thead>
            <tbody>
              <tr v-for="r in role.rows" :key="r.departmentCode" :data-dept="r.departmentCode" :class="{ unranked: !r.ranked }">
                <td>{{ r.ranked ? r.place : '不参与排名' }}</td>
                <td class="dept-name">{{ r.departmentName }}</td>
                <td class="r"><button type="button" class="num cases" @click="openCases(r)">{{ r.cases }}</button></td>
                <td class="r">{{ rate(r.responseRate) }}
                  <span class="muted">(<button type="button" class="num" @click="open(r, 'RESPONSE_RATE', 'numerator', '按时报到')">{{ r.onTime }}</button>/<button type="button" class="num" @click="open(r, 'RESPONSE_RATE', 'denominator', '已有结果的召集')">{{ r.settled }}</button>)</span></td>
                <td class="r">{{ rate(r.solvedRate) }}
                  <span class="muted">(<button type="button" class="num" @click="open(r, 'SOLVED_RATE', 'numerator', '解决')">{{ r.resolved }}</button>/<button type="button" class="num" @click="open(r, 'SOLVED_RATE', 'denominator', '回访有答复')">{{ r.answered }}</button>)</span></td>
                <td class="r">{{ rate(r.satisfactionRate) }}
                  <span class="muted">(<button type="button" class="num" @click="open(r, 'SATISFACTION_RATE', 'numerator', '满意')">{{ r.satisfied }}</button>/<button type="button" class="num" @click="open(r, 'SATISFACTION_RATE', 'denominator', '有评价')">{{ r.rated }}</button>)</span></td>
                <td class="r">{{ r.unrated }}</td>
                <td class="r ladder">{{ r.warnings }} / {{ r.escalations }} / {{ r.redCards }}
                  <span class="muted" v-if="r.cases">({{ r.warningsPer100 }} / {{ r.escalationsPer100 }} / {{ r.redCardsPer100 }})</span></td>
                <td class="r"><b>{{ r.score === null ? '—' : r.score }}</b></td>
              </tr>
              <tr v-if="!role.rows.length"><td colspan="9" class="muted">该月没有{{ role.label }}的召集或办结工单</td></tr>
            </tbody>
          </table>
        </section>
      </div>
      <cases-panel :query="behind" @close="behind = null"></cases-panel>
    </div>`,
});
