// gridcase: the webapps speak Simplified Chinese (zh) to every user; English (en) only on request.
// Camunda 7.24 has no language menu: it takes the browser's first language if availableLocales lists it,
// and fallbackLocale otherwise. So a single locale is offered: zh, unless this browser once opened a
// webapp with ?lang=en (?lang=zh switches back). The choice is kept in this browser's localStorage and
// shared by Tasklist, Cockpit, Admin and the welcome page.
const LOCALE_KEY = 'gridcase.locale';

function chosenLocale() {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (requested === 'zh' || requested === 'en') {
      window.localStorage.setItem(LOCALE_KEY, requested);
    }
    return window.localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

const locale = chosenLocale();

export default {
  locales: {
    availableLocales: [locale],
    fallbackLocale: locale
  }
};
