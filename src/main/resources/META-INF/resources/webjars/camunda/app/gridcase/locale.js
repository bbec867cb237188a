// gridcase: the webapps speak Simplified Chinese (zh) to every user; English (en) on request.
// Camunda 7.24 has no language menu: it takes the browser's first language if availableLocales lists it,
// and fallbackLocale otherwise. So each app's config.js offers one locale: zh, unless this browser chose
// English (the link at the foot of every page, or ?lang=en; ?lang=zh switches back). The choice is kept in
// this browser's localStorage and shared by Tasklist, Cockpit, Admin and the welcome page.
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

export const locale = chosenLocale();

/** The locales part of an app's configuration. */
export const locales = { availableLocales: [locale], fallbackLocale: locale };

/** Puts "English" (or "中文") at the foot of the page; a click switches and reloads. */
export function installLanguageSwitch() {
  const add = () => {
    // the footer's right-hand column (Camunda's version), which every app shows
    const footer = document.querySelector('footer .row > div:last-child') || document.querySelector('footer');
    if (!footer || document.querySelector('.gridcase-language')) {
      return;
    }
    const link = document.createElement('a');
    link.className = 'gridcase-language';
    link.href = '';
    link.style.marginLeft = '1em';
    link.textContent = locale === 'zh' ? 'English' : '中文';
    link.addEventListener('click', event => {
      event.preventDefault();
      window.localStorage.setItem(LOCALE_KEY, locale === 'zh' ? 'en' : 'zh');
      window.location.reload();
    });
    footer.appendChild(link);
  };
  const start = () => {
    new MutationObserver(add).observe(document.body, { childList: true, subtree: true });
    add();
  };
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}
