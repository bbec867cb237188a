// 热线查询: the 12345 desk finds a case by number or the caller's phone.
import { startPage } from './layout.js';

startPage('hotline', {
  props: ['me'],
  template: `<section class="card"><h2>热线查询</h2></section>`,
});
