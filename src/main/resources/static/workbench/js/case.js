// 工单详情: one case on one screen: the report and its place, where it stands, departments, steps, notes,
// notifications, escalations, urges, consultation meetings (the consultation module's API), a dispute's mediation (the
// mediation module's API); buttons 去 Tasklist 办理, 添加备注, 催办 and (supervisors) 督办.
import { startPage } from './layout.js';
import { api } from './api.js';
import { time, query } from './format.js';
import { drawPlace } from './map.js';

startPage('case', {
  props: ['me'],
  data() {
    return { c: null, meetings: [], mediation: null, error: null, message: null, failure: null, note: '', urgeWords: '', reason: '',
      showNote: false, showUrge: false, showSupervise: false, busy: false };
  },
  async mounted() {
    await this.load();
  },
  methods: {
    time,
    signedLinks(a) {
      return (a.signedCopyLinks || '').split(/\s+/).filter(l => l);
    },
    outcomeLabel(s) {
      return { CONTINUE: '继续调解', AGREEMENT: '达成协议', NO_AGREEMENT: '调解不成' }[s.outcome] || s.outcome;
    },
    async load() {
      try {
        this.c = await api('/api/workbench/cases/' + encodeURIComponent(query('n') || ''));
        document.title = this.c.report.caseNumber + ' · 工单中心';
        // the meetings come from the consultation module's own API, scoped like the case; none is the usual case
        this.meetings = await api('/api/cases/' + encodeURIComponent(this.c.report.caseNumber) + '/meetings')
          .catch(() => []);
        // only disputes have a mediation record: any other case answers 404, and shows nothing
        this.mediation = await api('/api/cases/' + encodeURIComponent(this.c.report.caseNumber) + '/mediation')
          .catch(() => null);
        this.$nextTick(() => {
          if (!this.map && this.$refs.map) {
            this.map = drawPlace(this.$refs.map, this.c.report.gridOutline, this.c.report.lat, this.c.report.lon,
              this.me.tileUrl);
          }
        });
      } catch (e) {
        this.error = e.message;
      }
    },
    async act(path, body, done) {
      this.busy = true;
      this.failure = null;
      try {
        await api('/api/workbench/cases/' + encodeURIComponent(this.c.report.caseNumber) + path,
          { method: 'POST', body });
        this.message = done;
        this.showNote = this.showUrge = this.showSupervise = false;
        this.note = this.urgeWords = this.reason = '';
        await this.load();
      } catch (e) {
        this.failure = e.message;
      } finally {
        this.busy = false;
      }
    },
    addNote() { this.act('/notes', { text: this.note }, '备注已添加'); },
    urge() { this.act('/urges', { words: this.urgeWords }, '已催办，办理方将收到提醒'); },
    supervise() { this.act('/supervision', { reason: this.reason }, '已发起督办，督办任务已进入 Tasklist 的“督办”'); },
  },
  template: `
    <p v-if="error" class="error">{{ error }}</p>
    <template v-else-if="c">
      <section class="card">
        <h2><span id="case-number">{{ c.report.caseNumber }}</span> · {{ c.report.categoryName }}
          <span class="badge" :class="c.report.urgency === 'ROUTINE' ? 'grey' : 'red'">{{ c.report.urgencyLabel }}</span>
          <span v-for="f in c.standing.flags" :class="['badge', f.tone]">{{ f.label }}</span></h2>
        <div class="actions">
          <a v-for="t in c.openTasks.filter(t => t.tasklistUrl)" :key="t.id" :href="t.tasklistUrl">
            <button type="button" class="primary">去 Tasklist 办理：{{ t.step }}</button></a>
          <button v-if="c.actions.note" type="button" @click="showNote = !showNote">添加备注</button>
          <button v-if="c.actions.urge" type="button" class="warn" @click="showUrge = !showUrge">催办</button>
          <button v-if="c.actions.supervise" type="button" class="warn" @click="showSupervise = !showSupervise">督办</button>
        </div>
        <p v-if="message" class="ok" id="action-message">{{ message }}</p>
        <p v-if="failure" class="error" id="action-failure">{{ failure }}</p>
        <form v-if="showNote" @submit.prevent="addNote"><label>备注<textarea v-model="note" rows="2" maxlength="2000" required></textarea></label>
          <button class="primary" :disabled="busy">保存备注</button></form>
        <form v-if="showUrge" @submit.prevent="urge"><label>催办留言（可选）<textarea v-model="urgeWords" rows="2" maxlength="200"></textarea></label>
          <button class="warn" :disabled="busy">确认催办</button></form>
        <form v-if="showSupervise" @submit.prevent="supervise"><label>督办原因<textarea v-model="reason" rows="2" maxlength="500" required></textarea></label>
          <button class="warn" :disabled="busy">确认督办</button></form>
      </section>
      <div class="grid2">
        <section class="card">
          <h2>诉求</h2>
          <dl class="facts">
            <dt>诉求内容</dt><dd id="case-description">{{ c.report.description }}</dd>
            <dt>地址</dt><dd>{{ c.report.address }}</dd>
            <dt>所在网格</dt><dd>{{ c.report.streetName }} · {{ c.report.communityName }} · {{ c.report.gridName }}</dd>
            <dt>来源</dt><dd>{{ c.report.channelLabel }}<span v-if="c.report.openedBy">（{{ c.report.openedBy }} 受理）</span></dd>
            <dt>诉求人</dt><dd>{{ c.report.reporterName || '—' }} {{ c.report.reporterPhone || '' }}</dd>
            <dt>反映人数</dt><dd id="reporter-count">{{ 1 + c.report.coReporters }} 位居民<span class="muted" v-if="c.report.coReporters">（诉求人及 {{ c.report.coReporters }} 位「我也遇到了」）</span></dd>
            <dt>受理时间</dt><dd>{{ time(c.report.receivedAt) }}</dd>
            <dt>照片</dt><dd class="photos"><template v-for="(p, i) in c.report.photoLinks" :key="p">
              <a v-if="c.report.pictures.includes(p)" :href="p" target="_blank" rel="noopener noreferrer"><img class="photo" :src="p" :alt="'照片 ' + (i + 1)" loading="lazy" referrerpolicy="no-referrer"></a>
              <a v-else :href="p" target="_blank" rel="noopener noreferrer" title="外部链接，点击后在新窗口打开">照片 {{ i + 1 }}（外部链接）</a>
            </template><span v-if="!c.report.photoLinks.length">无</span></dd>
            <template v-if="c.stepPhotos.length"><dt>处置照片</dt><dd class="photos" id="step-photos">
              <figure v-for="p in c.stepPhotos" :key="p.url" class="step-photo"><a :href="p.url" target="_blank" rel="noopener noreferrer"><img class="photo" :src="p.thumbnailUrl" :alt="p.stage || '照片'" loading="lazy"></a>
              <figcaption>{{ p.stage || '照片' }} · {{ p.attachedBy || '—' }} · {{ time(p.attachedAt) }}</figcaption></figure>
            </dd></template>
            <dt>位置</dt><dd>{{ c.report.lat != null ? c.report.lat.toFixed(5) + ', ' + c.report.lon.toFixed(5) : '—' }}</dd>
          </dl>
        </section>
        <section class="card">
          <h2>位置</h2>
          <div id="map" ref="map"></div>
        </section>
      </div>
      <div class="grid2">
        <section class="card">
          <h2>办理情况</h2>
          <dl class="facts">
            <dt>状态</dt><dd id="case-status">{{ c.standing.statusLabel }}</dd>
            <dt>当前环节</dt><dd>{{ c.standing.steps.join('、') || '—' }}</dd>
            <dt>当前办理</dt><dd id="case-holders">{{ c.standing.holders.join('；') || '—' }}</dd>
            <dt>期限</dt><dd>{{ time(c.standing.deadline) }} <span :class="c.standing.timeLeft === '已超时' ? 'late' : 'muted'">{{ c.standing.timeLeft }}</span></dd>
            <dt>主办部门</dt><dd>{{ c.standing.leadDepartment || '—' }}</dd>
            <dt>办理结果</dt><dd>{{ c.standing.handlingResult || '—' }}</dd>
            <dt>回访</dt><dd id="return-visits"><span v-if="!c.returnVisits.length">—</span>
              <div v-for="r in c.returnVisits" :key="r.round">第 {{ r.round }} 轮 · {{ r.by }}：{{ r.resolution || '—' }}，{{ r.satisfaction || '—' }} <span class="muted">{{ time(r.at) }}</span></div></dd>
            <dt>重办 / 退单 / 延期</dt><dd>{{ c.standing.reopenCount }} / {{ c.standing.returnCount }} / {{ c.standing.extensionCount }}</dd>
            <dt>催办</dt><dd id="urge-count">{{ c.urgeCount }} 次</dd>
            <dt v-if="c.supervision">手动督办</dt><dd v-if="c.supervision">{{ c.supervision.requestedBy }} {{ time(c.supervision.requestedAt) }}：{{ c.supervision.reason }}</dd>
          </dl>
          <h2 style="margin-top:12px">待办环节</h2>
          <table><thead><tr><th>环节</th><th>办理方</th><th>期限</th><th></th></tr></thead><tbody>
            <tr v-for="t in c.openTasks" :key="t.id"><td>{{ t.step }}</td><td>{{ t.holder }}</td>
              <td>{{ time(t.due) }} <span class="muted">{{ t.timeLeft }}</span></td>
              <td><a v-if="t.tasklistUrl" :href="t.tasklistUrl">去 Tasklist 办理</a></td></tr>
            <tr v-if="!c.openTasks.length"><td colspan="4" class="muted">无</td></tr>
          </tbody></table>
        </section>
        <section class="card">
          <h2>召集部门</h2>
          <table><thead><tr><th>部门</th><th>角色</th><th>报到期限</th><th>报到</th></tr></thead><tbody>
            <tr v-for="d in c.departments"><td>{{ d.name }}</td><td>{{ d.role }}</td><td>{{ time(d.checkInDue) }}</td>
              <td><span :class="d.checkIn.includes('超时') ? 'late' : ''">{{ d.checkIn }}</span>
                <div class="muted" v-if="d.checkedInAt">{{ time(d.checkedInAt) }} {{ d.checkedInBy }} {{ d.checkInNote }}</div></td></tr>
            <tr v-if="!c.departments.length"><td colspan="4" class="muted">未召集部门</td></tr>
          </tbody></table>
        </section>
      </div>
      <section class="card" v-if="mediation" id="mediation">
        <h2>矛盾纠纷调解</h2>
        <dl class="facts">
          <dt>当事人</dt><dd>{{ mediation.assessment.parties || '—' }}</dd>
          <dt>风险等级</dt><dd><span :class="mediation.assessment.highRisk ? 'late' : ''">{{ mediation.assessment.riskLabel || '—' }}
            <template v-if="mediation.assessment.mayTurnViolent">· 可能激化为暴力冲突</template>
            <template v-if="mediation.assessment.mayTurnCollective">· 可能引发群体性事件</template>
            <template v-if="mediation.assessment.highRisk">（已通报街道和派出所）</template></span></dd>
          <dt>调解员</dt><dd>{{ mediation.assessment.mediatorName || '待确定' }}
            {{ mediation.assessment.mediationLevel === 'STREET' ? '（街道人民调解委员会）' : mediation.assessment.mediationLevel ? '（社区人民调解委员会）' : '' }}</dd>
        </dl>
        <h2 style="margin-top:12px">调解记录（{{ mediation.sessions.length }} 次）</h2>
        <table id="mediation-sessions"><thead><tr><th>时间</th><th>地点</th><th>到场</th><th>方法</th><th>陈述与共识</th><th>结果</th></tr></thead><tbody>
          <tr v-for="s in mediation.sessions"><td class="muted" style="white-space:nowrap">{{ time(s.heldAt || s.recordedAt) }}</td>
            <td>{{ s.place }}</td><td>{{ s.partiesPresent }}</td><td>{{ s.method }}</td>
            <td>{{ s.statements }}<div class="muted" v-if="s.agreed">共识：{{ s.agreed }}</div><div class="muted" v-if="s.nextStep">下一步：{{ s.nextStep }}</div></td>
            <td>{{ outcomeLabel(s) }}<div class="muted" v-if="s.guidanceReason">{{ s.guidanceReason }}</div></td></tr>
          <tr v-if="!mediation.sessions.length"><td colspan="6" class="muted">尚无调解记录</td></tr>
        </tbody></table>
        <h2 style="margin-top:12px">调解协议书</h2>
        <table id="mediation-agreements"><tbody>
          <tr v-for="(a, i) in mediation.agreements" :key="a.id"><td class="muted" style="white-space:nowrap">{{ time(a.recordedAt) }}</td>
            <td><div style="white-space:pre-line">{{ a.parties }}</div><div style="white-space:pre-line">{{ a.terms }}</div>
              <a v-if="i === mediation.agreements.length - 1" :href="'/api/cases/' + encodeURIComponent(c.report.caseNumber) + '/mediation/agreement.pdf'" target="_blank">调解协议书 PDF</a>
              <template v-for="(l, j) in signedLinks(a)"> · <a :href="l" target="_blank" rel="noopener noreferrer">签字件 {{ j + 1 }}</a></template></td>
            <td>履行回访：<span v-if="a.performed === null" class="muted">待回访</span>
              <span v-else :class="a.performed ? '' : 'late'">{{ a.performed ? '已履行' : '未履行，重新调解' }}</span>
              <div class="muted" v-if="a.followUpNote">{{ time(a.followedUpAt) }} {{ a.followUpNote }}</div></td></tr>
          <tr v-if="!mediation.agreements.length"><td class="muted">尚未达成协议</td></tr>
        </tbody></table>
      </section>
      <div class="grid2">
        <section class="card">
          <h2>办理经过</h2>
          <table><tbody><tr v-for="s in c.steps"><td class="muted" style="white-space:nowrap">{{ time(s.at) }}</td><td>{{ s.what }}</td><td>{{ s.who || '' }}</td></tr></tbody></table>
        </section>
        <section class="card">
          <h2>备注</h2>
          <p v-if="!c.worksOn" class="muted">该工单不由您经办，不显示备注和通知。</p>
          <table id="notes"><tbody><tr v-for="n in c.notes"><td class="muted" style="white-space:nowrap">{{ time(n.time) }}</td><td style="white-space:nowrap">{{ n.author }}</td><td>{{ n.text }}</td></tr></tbody></table>
          <h2 style="margin-top:12px">催办记录</h2>
          <table id="urges"><tbody><tr v-for="u in c.urges"><td class="muted" style="white-space:nowrap">{{ time(u.urgedAt) }}</td><td>{{ u.urgedByName }} 催办 {{ u.step }}（{{ u.holder }}）</td><td>{{ u.words || '' }}</td></tr>
            <tr v-if="!c.urges.length"><td class="muted">无</td></tr></tbody></table>
        </section>
      </div>
      <section class="card" id="meetings" v-if="meetings.length">
        <h2>协商议事会</h2>
        <div v-for="m in meetings" class="meeting">
          <p><b>{{ m.subject }}</b> · {{ time(m.meetingAt) }} {{ m.place || '' }}
            <span class="badge" :class="m.concludedAt ? 'blue' : 'orange'">{{ m.concludedAt ? '各方承诺均已落实' : (m.recordedAt ? '承诺落实中' : '待开会') }}</span></p>
          <p class="muted">邀请：{{ m.invitedParties.join('、') }}<template v-if="m.residentRepresentatives">；居民代表：{{ m.residentRepresentatives }}</template></p>
          <p v-if="m.attendees">参会人员：{{ m.attendees }}</p>
          <p v-if="m.minutes">会议纪要：{{ m.minutes }}</p>
          <table v-if="m.commitments.length"><thead><tr><th>责任单位</th><th>承诺内容</th><th>完成期限</th><th>状态</th></tr></thead><tbody>
            <tr v-for="k in m.commitments"><td>{{ k.partyName }}</td><td>{{ k.task }}</td><td class="muted" style="white-space:nowrap">{{ time(k.deadline) }}</td>
              <td><span class="badge" :class="k.late ? 'red' : (k.state === 'ACCEPTED' ? 'blue' : 'grey')">{{ k.stateLabel }}{{ k.late ? ' · 逾期' : '' }}</span></td></tr>
          </tbody></table>
        </div>
      </section>
      <div class="grid2">
        <section class="card">
          <h2>已发通知</h2>
          <table id="notifications"><tbody><tr v-for="m in c.notifications"><td class="muted" style="white-space:nowrap">{{ time(m.sentAt) }}</td><td>{{ m.recipient }}</td><td>{{ m.text }}</td></tr>
            <tr v-if="!c.notifications.length"><td class="muted">无</td></tr></tbody></table>
          <h2 style="margin-top:12px">投递记录</h2>
          <table id="deliveries"><tbody><tr v-for="d in c.deliveries"><td class="muted" style="white-space:nowrap">{{ time(d.at) }}</td><td>{{ d.channelLabel }}</td><td>{{ d.address }}</td><td :class="{ muted: d.outcome !== '失败' }">{{ d.outcome }}<span v-if="d.attempt > 1">（第 {{ d.attempt }} 次）</span><span v-if="d.error">：{{ d.error }}</span></td></tr>
            <tr v-if="!c.deliveries.length"><td class="muted">无</td></tr></tbody></table>
        </section>
        <section class="card">
          <h2>升级记录</h2>
          <table><tbody><tr v-for="e in c.escalations"><td class="muted">{{ time(e.at) }}</td><td>{{ e.stage }} {{ e.rung }}</td><td>{{ e.departmentName || '' }}</td><td>通知 {{ e.notified }}</td></tr>
            <tr v-if="!c.escalations.length"><td class="muted">无</td></tr></tbody></table>
        </section>
      </div>
    </template>`,
});
