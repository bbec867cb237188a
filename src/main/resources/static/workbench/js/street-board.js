// 街道看板: the street's whistled cases with each summoned department's check-in light, refreshed in place.
import { startPage } from './layout.js';
import { time } from './format.js';
import { polling, Light } from './board.js';

startPage('street-board', {
  props: ['me'],
  mixins: [polling],
  components: { Light },
  data() {
    return { street: new URLSearchParams(location.search).get('street') || '' };
  },
  watch: {
    data(board) {
      if (board && !this.street) {
        this.street = board.streetCode;
      }
    },
  },
  methods: {
    time,
    path() {
      return '/api/workbench/boards/street' + (this.street ? '?street=' + encodeURIComponent(this.street) : '');
    },
    choose() {
      history.replaceState(null, '', '?street=' + encodeURIComponent(this.street));
      this.poll();
    },
  },
  template: `
    <p v-if="error" class="error">{{ error }}</p>
    <template v-if="data">
      <section class="card board-head">
        <h2>街道看板 · <span id="street-name">{{ data.streetName }}</span></h2>
        <label v-if="data.streets.length > 1">街道
          <select v-model="street" @change="choose" id="street-choice">
            <option v-for="s in data.streets" :value="s.code">{{ s.name }}</option>
          </select></label>
        <div class="counters">
          <span class="counter green"><span class="n">{{ data.lights.GREEN }}</span>已按时报到</span>
          <span class="counter orange"><span class="n">{{ data.lights.YELLOW }}</span>即将超时</span>
          <span class="counter red"><span class="n">{{ data.lights.RED }}</span>报到超时</span>
          <span class="counter grey"><span class="n">{{ data.lights.NONE }}</span>待报到</span>
        </div>
        <span class="updated muted" id="updated">更新于 {{ clockTime(updatedAt) }}（每 {{ refresh }} 秒自动刷新）</span>
      </section>
      <section class="card">
        <p class="muted">共 {{ data.cases.length }} 件吹哨工单（待吹哨、部门报到、处置中、重办）<span v-if="data.truncated">；
          工单过多，每个环节只显示期限最近的 100 件</span>。报到灯：绿＝按时报到，黄＝未报到且已过预警点（时限的 80%），
          红＝超时报到或逾期未报到，灰＝未到预警点。</p>
        <table id="board">
          <thead><tr><th>编号</th><th>类别 / 地址</th><th>状态</th><th>期限</th><th>部门报到</th></tr></thead>
          <tbody>
            <tr v-for="c in data.cases" :key="c.caseNumber" :class="{ overdue: c.overdue }" :data-case="c.caseNumber">
              <td><a :href="'/workbench/case.html?n=' + encodeURIComponent(c.caseNumber)">{{ c.caseNumber }}</a>
                <div><span v-for="f in c.flags" :class="['badge', f.tone]">{{ f.label }}</span></div></td>
              <td>{{ c.categoryName }}<div class="muted">{{ c.address }}<span v-if="c.gridName"> · {{ c.gridName }}</span></div></td>
              <td>{{ c.statusLabel }}</td>
              <td><span v-if="c.deadline">{{ time(c.deadline) }}</span><span v-else class="muted">—</span>
                <div v-if="c.timeLeft" :class="c.timeLeft === '已超时' ? 'late' : 'muted'">{{ c.timeLeft }}</div></td>
              <td><light v-for="d in c.departments" :key="d.code" :d="d"></light>
                <span v-if="!c.departments.length" class="muted">尚未召集部门</span></td>
            </tr>
            <tr v-if="!data.cases.length"><td colspan="5" class="muted">本街道暂无吹哨工单</td></tr>
          </tbody>
        </table>
      </section>
    </template>`,
});
