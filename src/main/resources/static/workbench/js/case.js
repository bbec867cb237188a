// 工单详情: one case on one page.
import { startPage } from './layout.js';
import { api } from './api.js';
import { time, query } from './format.js';

startPage('case', {
  props: ['me'],
  data() {
    return { item: null, error: null };
  },
  async mounted() {
    try {
      this.item = await api('/api/workbench/cases/' + encodeURIComponent(query('n') || ''));
    } catch (e) {
      this.error = e.message;
    }
  },
  methods: { time },
  template: `
    <p v-if="error" class="error">{{ error }}</p>
    <section v-else-if="item" class="card">
      <h2 id="case-number">{{ item.caseNumber }} · {{ item.categoryName }}</h2>
      <dl class="facts">
        <dt>状态</dt><dd id="case-status">{{ item.statusLabel }}</dd>
        <dt>地址</dt><dd>{{ item.address }}</dd>
        <dt>诉求</dt><dd>{{ item.description }}</dd>
        <dt>受理时间</dt><dd>{{ time(item.receivedAt) }}</dd>
      </dl>
    </section>`,
});
