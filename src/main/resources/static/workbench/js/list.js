// 工单列表: the caller's cases (filled in by the case list; the foundation opens a case by its number).
import { startPage } from './layout.js';

startPage('list', {
  props: ['me'],
  data() {
    return { number: '' };
  },
  methods: {
    open() {
      location.href = '/workbench/case.html?n=' + encodeURIComponent(this.number.trim());
    },
  },
  template: `
    <section class="card">
      <h2>打开工单</h2>
      <form class="filters" @submit.prevent="open">
        <label>工单编号<input v-model="number" required></label>
        <button class="primary" type="submit">打开</button>
      </form>
    </section>`,
});
