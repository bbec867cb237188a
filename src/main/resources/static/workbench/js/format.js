// Times as the district reads them (Asia/Shanghai), whatever the browser's own zone.
const ZONE = 'Asia/Shanghai';
const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export function time(instant) {
  return instant ? dateTime.format(new Date(instant)).replace(/\//g, '-') : '—';
}

export function today(offsetDays = 0) {
  const date = new Date(Date.now() + offsetDays * 86400000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE }).format(date);
}

export function query(name) {
  return new URLSearchParams(location.search).get(name);
}
