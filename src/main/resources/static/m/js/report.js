// 我要反映: category (two levels, or search), description, photos, the place (phone's location, a tap on the
// map, and an address in words), optional name and phone, consent; nearby open reports of the same category are
// offered to join (我也遇到了) before a new case is opened through the intake API (POST /api/cases).
import { createApp } from '/webjars/vue/dist/vue.esm-browser.prod.js';
import * as L from '/webjars/leaflet/dist/leaflet-src.esm.js';
import { api, query, time, TopBar, ApiError } from './common.js';
import { MAX_PHOTOS, shrink, upload } from './photos.js';

function randomKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return 'm-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

createApp({
  components: { TopBar },
  data() {
    return {
      categories: [], group: null, search: '', category: null,
      description: '', address: '', lat: null, lon: null, locating: false, locateError: null,
      photos: [], photosUnavailable: false, uploading: 0,
      name: '', phone: '', consent: false,
      grid: query('grid'), errors: {}, error: null, busy: false,
      nearby: [], joined: null, opened: null, key: randomKey(),
    };
  },
  computed: {
    groups() {
      return [...new Set(this.categories.map(c => c.group))];
    },
    shown() {
      const words = this.search.trim();
      if (words) {
        return this.categories.filter(c => c.name.includes(words) || c.group.includes(words));
      }
      return this.group ? this.categories.filter(c => c.group === this.group) : [];
    },
  },
  async mounted() {
    try {
      const [categories, grids] = await Promise.all([api('/api/resident/categories'), api('/api/resident/grids')]);
      this.categories = categories;
      this.drawMap(grids);
    } catch (e) {
      this.error = e.message;
    }
  },
  methods: {
    choose(category) {
      this.category = category;
      this.search = '';
      this.findNearby();
    },
    drawMap(grids) {
      const map = L.map(this.$refs.map, { attributionControl: false });
      const drawn = grids.filter(g => g.points.length);
      const layers = drawn.map(g => L.polygon(g.points, { color: g.code === this.grid ? '#c2410c' : '#1d5fbf',
        weight: g.code === this.grid ? 3 : 1, fillOpacity: 0.06 }).bindTooltip(g.name).addTo(map));
      const home = layers[drawn.findIndex(g => g.code === this.grid)];
      const fit = () => {
        // the container's size as laid out now: a map that measured itself too early clips every outline away
        map.invalidateSize();
        if (home) {
          map.fitBounds(home.getBounds().pad(0.3));
        } else if (layers.length) {
          map.fitBounds(L.featureGroup(layers).getBounds());
        } else {
          map.setView([34.27, 108.9], 13);
        }
      };
      fit();
      requestAnimationFrame(fit);
      map.on('click', event => this.place(event.latlng.lat, event.latlng.lng));
      this.map = map;
    },
    place(lat, lon) {
      this.lat = Math.round(lat * 1e6) / 1e6;
      this.lon = Math.round(lon * 1e6) / 1e6;
      if (this.marker) {
        this.marker.setLatLng([this.lat, this.lon]);
      } else {
        this.marker = L.circleMarker([this.lat, this.lon], { radius: 9, color: '#c2410c', fillOpacity: 0.8 })
          .addTo(this.map);
      }
      delete this.errors.lat;
      this.findNearby();
    },
    locate() {
      if (!navigator.geolocation) {
        this.locateError = '此手机不支持定位，请在地图上点选位置';
        return;
      }
      this.locating = true;
      this.locateError = null;
      navigator.geolocation.getCurrentPosition(position => {
        this.locating = false;
        this.place(position.coords.latitude, position.coords.longitude);
        this.map.setView([this.lat, this.lon], 17);
      }, () => {
        this.locating = false;
        this.locateError = '无法获取当前位置，请在地图上点选位置';
      }, { enableHighAccuracy: true, timeout: 10000 });
    },
    async findNearby() {
      if (!this.category || this.lat == null) {
        this.nearby = [];
        return;
      }
      try {
        const params = new URLSearchParams({ category: this.category.code, lat: this.lat, lon: this.lon });
        this.nearby = await api('/api/resident/nearby?' + params);
      } catch (e) {
        this.nearby = [];
      }
    },
    async addPhotos(event) {
      const files = Array.from(event.target.files || []);
      event.target.value = '';
      for (const file of files.slice(0, MAX_PHOTOS - this.photos.length)) {
        const photo = { preview: URL.createObjectURL(file), url: null, failed: null };
        this.photos.push(photo);
        this.uploading++;
        try {
          const stored = await upload(await shrink(file));
          if (stored) {
            photo.url = stored.url;
          } else {
            this.photosUnavailable = true;
          }
        } catch (e) {
          photo.failed = e.message;
        } finally {
          this.uploading--;
        }
      }
    },
    removePhoto(index) {
      URL.revokeObjectURL(this.photos[index].preview);
      this.photos.splice(index, 1);
    },
    async join(c) {
      this.busy = true;
      this.error = null;
      try {
        this.joined = await api('/api/resident/cases/' + encodeURIComponent(c.caseNumber) + '/co-reporters', {
          method: 'POST', body: { name: this.name || null, phone: this.phone || null } });
        window.scrollTo(0, 0);
      } catch (e) {
        this.error = e.message;
        this.errors = e instanceof ApiError ? e.fields : {};
      } finally {
        this.busy = false;
      }
    },
    check() {
      const errors = {};
      if (!this.category) errors.category = '请选择问题类型';
      if (!this.description.trim()) errors.description = '请描述遇到的问题';
      if (!this.address.trim()) errors.address = '请填写地址，例如小区、楼号、路口';
      if (!this.consent) errors.consent = '请阅读并同意信息使用说明';
      // a photo still on its way would be left out of the report
      if (this.uploading) errors.photoLinks = '照片还在上传，请稍候再提交';
      return errors;
    },
    async submit() {
      this.errors = this.check();
      this.error = null;
      if (Object.keys(this.errors).length) {
        this.error = '还有内容需要填写，见标红处';
        return;
      }
      this.busy = true;
      const body = {
        category: this.category.code, description: this.description.trim(), address: this.address.trim(),
        lat: this.lat, lon: this.lon, reporterName: this.name.trim() || null, reporterPhone: this.phone.trim() || null,
        channel: 'RESIDENT_APP', photoLinks: this.photos.filter(p => p.url).map(p => p.url),
      };
      if (this.grid && /^\d{15}$/.test(this.grid)) {
        body.gridCode = this.grid;
        body.channelSource = 'grid:' + this.grid;
      }
      try {
        this.opened = await api('/api/cases', { method: 'POST', body, headers: { 'Idempotency-Key': this.key } });
        window.scrollTo(0, 0);
      } catch (e) {
        this.errors = e instanceof ApiError ? e.fields : {};
        // the fields' own messages stand beside them; the banner only points there
        this.error = Object.keys(this.errors).length ? '还有内容需要修改，见标红处' : e.message;
      } finally {
        this.busy = false;
      }
    },
    again() {
      location.href = '/m/report' + (this.grid ? '?grid=' + encodeURIComponent(this.grid) : '');
    },
    time,
  },
  template: `
  <top-bar title="我要反映" current="report"></top-bar>
  <main class="page">
    <section v-if="opened" class="card done" data-test="opened">
      <h2>已收到您的反映</h2>
      <p>工单编号</p>
      <p class="number" data-test="case-number">{{ opened.caseNumber }}</p>
      <p>请保存下面的链接，随时查看办理进展：</p>
      <a class="button" :href="opened.trackingPage" data-test="tracking-page">查看办理进展</a>
      <p class="small link">{{ opened.trackingPage }}</p>
      <button class="plain" @click="again">再反映一个问题</button>
    </section>
    <section v-else-if="joined" class="card done" data-test="joined">
      <h2>已加入该诉求</h2>
      <p>工单 <b>{{ joined.caseNumber }}</b> 现有 {{ joined.reporterCount }} 位居民反映，办理进展会同样告知您。</p>
      <a class="button" :href="joined.trackingPage" data-test="tracking-page">查看办理进展</a>
      <p class="small link">{{ joined.trackingPage }}</p>
    </section>
    <form v-else @submit.prevent="submit" novalidate>
      <p v-if="grid" class="note">您正在通过网格二维码反映问题，问题会转给本网格处理。</p>
      <section class="card" :class="{ invalid: errors.category }">
        <h2>1. 问题类型</h2>
        <div v-if="category" class="chosen">
          <span data-test="chosen-category">{{ category.group }} · {{ category.name }}</span>
          <button type="button" class="plain" @click="category = null; nearby = []">更改</button>
        </div>
        <template v-else>
          <input type="search" v-model="search" placeholder="搜索，如：路灯、井盖、噪音" aria-label="搜索问题类型">
          <div v-if="!search.trim()" class="chips">
            <button type="button" v-for="g in groups" :key="g" :class="{ on: g === group }" @click="group = g">{{ g }}</button>
          </div>
          <ul class="options">
            <li v-for="c in shown" :key="c.code"><button type="button" @click="choose(c)">{{ c.name }}
              <small v-if="search.trim()">{{ c.group }}</small></button></li>
            <li v-if="search.trim() && !shown.length" class="small">没有找到，请换个说法或从上面的大类中选</li>
          </ul>
        </template>
        <p class="error" v-if="errors.category">{{ errors.category }}</p>
      </section>

      <section class="card" :class="{ invalid: errors.description }">
        <h2>2. 问题描述</h2>
        <textarea v-model="description" rows="4" maxlength="4000" placeholder="发生了什么？持续多久了？"></textarea>
        <p class="error" v-if="errors.description">{{ errors.description }}</p>
      </section>

      <section class="card" :class="{ invalid: errors.photoLinks }">
        <h2>3. 照片 <small>（可不传，最多 {{ 9 }} 张）</small></h2>
        <div class="photos">
          <figure v-for="(p, i) in photos" :key="p.preview">
            <img :src="p.preview" alt="照片">
            <button type="button" class="remove" @click="removePhoto(i)" aria-label="删除照片">×</button>
            <figcaption v-if="p.failed" class="error">{{ p.failed }}</figcaption>
          </figure>
          <label v-if="photos.length < 9" class="add-photo">＋<input type="file" accept="image/*" multiple @change="addPhotos"></label>
        </div>
        <p class="small" v-if="uploading">正在上传照片…</p>
        <p class="note" v-if="photosUnavailable" data-test="photos-unavailable">照片服务暂不可用，可以不带照片提交，工作人员会到现场查看。</p>
        <p class="error" v-if="errors.photoLinks">{{ errors.photoLinks }}</p>
      </section>

      <section class="card" :class="{ invalid: errors.address || errors.lat || errors.gridCode }">
        <h2>4. 位置</h2>
        <button type="button" class="secondary" @click="locate" :disabled="locating">{{ locating ? '正在定位…' : '使用我的当前位置' }}</button>
        <p class="small">或在地图上点一下问题所在的位置</p>
        <div ref="map" class="map" data-test="map"></div>
        <p class="small" v-if="lat != null" data-test="point">已选位置：{{ lat.toFixed(5) }}, {{ lon.toFixed(5) }}</p>
        <p class="error" v-if="locateError">{{ locateError }}</p>
        <label>地址 <span class="required">必填</span>
          <input v-model="address" maxlength="200" placeholder="如：牡丹庄园小区3号楼2单元"></label>
        <p class="error" v-if="errors.address">{{ errors.address }}</p>
        <p class="error" v-if="errors.lat || errors.lon">{{ errors.lat || errors.lon }}</p>
        <p class="error" v-if="errors.gridCode">{{ errors.gridCode }}</p>
      </section>

      <section v-if="nearby.length" class="card nearby" data-test="nearby">
        <h2>附近已有相同问题</h2>
        <p class="small">以下诉求在您所选位置附近，且正在办理。如果是同一个问题，点“我也遇到了”即可跟进，不必重复反映。</p>
        <article v-for="c in nearby" :key="c.caseNumber" class="nearby-case">
          <div class="photos small-photos" v-if="c.photoLinks.length">
            <img v-for="link in c.photoLinks.slice(0, 3)" :key="link" :src="link" alt="现场照片">
          </div>
          <p><b>{{ c.categoryName }}</b> · <span class="status">{{ c.statusLabel }}</span></p>
          <p class="small">约 {{ c.distanceMeters }} 米 · {{ time(c.receivedAt) }} 受理 · {{ c.reporterCount }} 位居民反映</p>
          <button type="button" class="secondary" :disabled="busy" @click="join(c)" data-test="join">我也遇到了</button>
        </article>
      </section>

      <section class="card" :class="{ invalid: errors.reporterName || errors.reporterPhone || errors.phone || errors.name }">
        <h2>5. 联系方式 <small>（可不填）</small></h2>
        <label>称呼<input v-model="name" maxlength="50" placeholder="如：王女士"></label>
        <p class="error" v-if="errors.reporterName || errors.name">{{ errors.reporterName || errors.name }}</p>
        <label>手机号<input v-model="phone" inputmode="tel" maxlength="13" placeholder="留下号码，便于回访告知结果"></label>
        <p class="error" v-if="errors.reporterPhone || errors.phone">{{ errors.reporterPhone || errors.phone }}</p>
      </section>

      <section class="card consent" :class="{ invalid: errors.consent }">
        <label class="check"><input type="checkbox" v-model="consent" data-test="consent">
          <span>我同意：所填内容和照片只用于办理本诉求和回访；电话号码仅负责回访的工作人员可见，不对外公开。</span></label>
        <p class="error" v-if="errors.consent">{{ errors.consent }}</p>
      </section>
      <p class="error banner" v-if="error" data-test="error">{{ error }}</p>
      <button type="submit" class="primary" :disabled="busy || uploading > 0">{{ busy ? '正在提交…' : '提交反映' }}</button>
      <p class="small center">情况紧急请直接拨打 12345 或 110</p>
    </form>
  </main>`,
}).mount('#app');
