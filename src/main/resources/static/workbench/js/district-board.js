// 区级看板: open emergencies, everything overdue now and red-carded cases across the district, counted per street
// and per department; refreshed in place.
import { startPage } from './layout.js';
import { time } from './format.js';
import { polling, Light } from './board.js';

// every step past its limit in red, as the board counts it overdue (BoardCases.reasons); an emergency in orange
const REASON_TONE = {
  '应急': 'orange', '吹哨超时': 'red', '定位超时': 'red', '响应超时': 'red', '报到超时': 'red', '处置超时': 'red',
  '回访超时': 'red', '调解超时': 'red', '承诺逾期': 'red', '红牌': 'red'
};

startPage('district-board', {
  props: ['me'],
  mixins: [polling],
  components: { Light },
  methods: {
    time,
    path() {
      return '/api/workbench/boards/district';
    },
    tone(reason) {
      return REASON_TONE[reason] || 'grey';
    },
    width(n) {
      const max = Math.max(1, ...this.data.byStreet.concat(this.data.byDepartment)
        .map(c => Math.max(c.emergencies, c.overdue, c.redCards)));
      return (n / max * 80) + 'px';
    },
  },
  template: `
    <p v-if="error" class="error" id="board-error">{{ error }}</p>
    <template v-if="data">
      <section class="card board-head">
        <h2>区级看板</h2>
        <div class="counters">
          <span class="counter orange" id="count-emergencies"><span class="n">{{ data.emergencies }}</span>在办应急</span>
          <span class="counter red" id="count-overdue"><span class="n">{{ data.overdue }}</span>已超时</span>
          <span class="counter red" id="count-red-cards"><span class="n">{{ data.redCarded }}</span>红牌</span>
        </div>
        <span class="updated muted" id="updated">更新于 {{ clockTime(updatedAt) }}（每 {{ refresh }} 秒自动刷新）</span>
      </section>
      <div class="grid2">
        <section class="card">
          <h2>按街道</h2>
          <table class="counts" id="by-street">
            <thead><tr><th>街道</th><th>应急</th><th>超时</th><th>红牌</th></tr></thead>
            <tbody>
              <tr v-for="s in data.byStreet" :key="s.code"><td>{{ s.name }}</td>
                <td class="num">{{ s.emergencies }}<span class="bar orange" :style="{ width: width(s.emergencies) }"></span></td>
                <td class="num">{{ s.overdue }}<span class="bar" :style="{ width: width(s.overdue) }"></span></td>
                <td class="num">{{ s.redCards }}<span class="bar dark" :style="{ width: width(s.redCards) }"></span></td></tr>
              <tr v-if="!data.byStreet.length"><td colspan="4" class="muted">无</td></tr>
            </tbody>
          </table>
        </section>
        <section class="card">
          <h2>按部门</h2>
          <table class="counts" id="by-department">
            <thead><tr><th>部门</th><th>应急</th><th>超时</th><th>红牌</th></tr></thead>
            <tbody>
              <tr v-for="d in data.byDepartment" :key="d.code"><td>{{ d.name }}</td>
                <td class="num">{{ d.emergencies }}<span class="bar orange" :style="{ width: width(d.emergencies) }"></span></td>
                <td class="num">{{ d.overdue }}<span class="bar" :style="{ width: width(d.overdue) }"></span></td>
                <td class="num">{{ d.redCards }}<span class="bar dark" :style="{ width: width(d.redCards) }"></span></td></tr>
              <tr v-if="!data.byDepartment.length"><td colspan="4" class="muted">无</td></tr>
            </tbody>
          </table>
          <p class="muted">部门的“超时”：本部门逾期未报到，或由其主办的处置已过期限。</p>
        </section>
      </div>
      <section class="card">
        <p class="muted">超时按期限即时计算（报到、处置期限已过且未完成），不等待升级定时器。<span v-if="data.truncated">
          工单过多：每类只列出期限最近的 200 件，计数为全部。</span></p>
        <table id="board">
          <thead><tr><th>编号</th><th>原因</th><th>类别 / 地址</th><th>街道</th><th>状态</th><th>期限</th><th>部门报到</th></tr></thead>
          <tbody>
            <tr v-for="c in data.cases" :key="c.caseNumber" :class="{ overdue: c.overdue }" :data-case="c.caseNumber">
              <td><a :href="'/workbench/case.html?n=' + encodeURIComponent(c.caseNumber)">{{ c.caseNumber }}</a></td>
              <td><span v-for="r in c.reasons" :class="['badge', tone(r)]">{{ r }}</span></td>
              <td>{{ c.categoryName }}<div class="muted">{{ c.address }}</div></td>
              <td>{{ c.streetName || '未定位' }}</td>
              <td>{{ c.statusLabel }}</td>
              <td><span v-if="c.deadline">{{ time(c.deadline) }}</span><span v-else class="muted">—</span>
                <div v-if="c.timeLeft" :class="c.timeLeft === '已超时' ? 'late' : 'muted'">{{ c.timeLeft }}</div></td>
              <td><light v-for="d in c.departments" :key="d.code" :d="d"></light></td>
            </tr>
            <tr v-if="!data.cases.length"><td colspan="7" class="muted">全区暂无应急、超时或红牌工单</td></tr>
          </tbody>
        </table>
      </section>
    </template>`,
});
