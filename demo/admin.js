// The Belbo admin UI embedding the help widget through the ES module build: the host drives
// language and theme, and listens to the widget's events. Query parameters for screenshots:
// ?help=open&article=<id>&lang=en&theme=dark
import { FEEDBACK_SCALES, isLowRating } from '/dist/esm/define.js';

const LABELS = {
  de: {
    search: 'Suchen',
    searchPlaceholder: 'Kunden, Termine, Leistungen …',
    language: 'Sprache',
    darkMode: 'Dunkles Design',
    help: 'Hilfe',
    mainNav: 'Hauptnavigation',
    navCalendar: 'Kalender',
    navCustomers: 'Kunden',
    navServices: 'Leistungen',
    navStaff: 'Mitarbeiter',
    navBooking: 'Online-Buchung',
    navBilling: 'Rechnungen',
    navSettings: 'Einstellungen',
    navFeedback: 'Hilfe-Feedback',
    plan: 'Tarif Team · 4 Kalender',
    weekTitle: 'KW 39 · 21.–27. September 2026',
    today: 'Heute',
    view: 'Ansicht',
    day: 'Tag',
    week: 'Woche',
    month: 'Monat',
    newAppointment: '+ Termin',
    logTitle: 'Widget-Ereignisse',
    logHint: '(vom Host empfangen)',
    logEmpty: 'Noch keine Ereignisse. Öffnen Sie die Hilfe mit „?“.',
    helpTitle: 'Hilfe',
    allArticles: 'Alle Hilfeartikel ({count})',
    close: 'Schließen',
    articles: 'Hilfeartikel',
    supportTitle: 'Das tut uns leid. Sollen wir helfen?',
    supportText: 'Beschreiben Sie kurz, was gefehlt hat. Unser Support meldet sich innerhalb eines Werktags.',
    supportContext: 'Artikel: {title} · Bewertung {rating} von {max}',
    supportMessage: 'Ihre Nachricht',
    supportCancel: 'Nicht jetzt',
    supportSend: 'An den Support senden',
    days: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
    pageTitle: 'Kalender · Belbo',
  },
  en: {
    search: 'Search',
    searchPlaceholder: 'Customers, appointments, services …',
    language: 'Language',
    darkMode: 'Dark theme',
    help: 'Help',
    mainNav: 'Main navigation',
    navCalendar: 'Calendar',
    navCustomers: 'Customers',
    navServices: 'Services',
    navStaff: 'Staff',
    navBooking: 'Online booking',
    navBilling: 'Invoices',
    navSettings: 'Settings',
    navFeedback: 'Help feedback',
    plan: 'Team plan · 4 calendars',
    weekTitle: 'Week 39 · 21–27 September 2026',
    today: 'Today',
    view: 'View',
    day: 'Day',
    week: 'Week',
    month: 'Month',
    newAppointment: '+ Appointment',
    logTitle: 'Widget events',
    logHint: '(received by the host)',
    logEmpty: 'No events yet. Open the help with “?”.',
    helpTitle: 'Help',
    allArticles: 'All help articles ({count})',
    close: 'Close',
    articles: 'Help articles',
    supportTitle: 'Sorry about that. Can we help?',
    supportText: 'Tell us briefly what was missing. Our support team replies within one working day.',
    supportContext: 'Article: {title} · rated {rating} of {max}',
    supportMessage: 'Your message',
    supportCancel: 'Not now',
    supportSend: 'Send to support',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    pageTitle: 'Calendar · Belbo',
  },
};

// Used until the content index has loaded (and if it cannot be loaded).
const FALLBACK_ARTICLES = [
  { id: 'online-buchung-einrichten', de: 'Online-Buchung einrichten', en: 'Setting up online booking' },
  { id: 'terminerinnerungen-per-sms-und-e-mail', de: 'Terminerinnerungen per SMS und E-Mail', en: 'Appointment reminders by text and email' },
  { id: 'kalender-synchronisieren', de: 'Kalender synchronisieren', en: 'Syncing your calendar' },
  { id: 'rechnung-und-zahlungsarten', de: 'Rechnung und Zahlungsarten', en: 'Invoices and payment methods' },
  { id: 'versandte-email-nicht-im-postfach', de: 'Versandte E-Mail nicht im Postfach', en: 'Sent email not in the inbox' },
];

const APPOINTMENTS = [
  { day: 0, start: 9, end: 10, title: 'Haarschnitt', who: 'Lena Vogt', color: '#6d5ce7' },
  { day: 0, start: 11.5, end: 12.5, title: 'Farbe & Schnitt', who: 'Jonas Berg', color: '#0ea5a4' },
  { day: 1, start: 8.5, end: 9.5, title: 'Beratung', who: 'Aylin Demir', color: '#f59e0b' },
  { day: 1, start: 13, end: 15, title: 'Strähnen', who: 'Mia Schulz', color: '#ec4899' },
  { day: 2, start: 10, end: 11, title: 'Bartpflege', who: 'Tom Krüger', color: '#3b82f6' },
  { day: 2, start: 15.5, end: 16.5, title: 'Haarschnitt', who: 'Sara Lind', color: '#6d5ce7' },
  { day: 3, start: 9, end: 11, title: 'Hochsteckfrisur', who: 'Nora Hahn', color: '#ec4899' },
  { day: 3, start: 14, end: 15, title: 'Haarschnitt', who: 'Paul Weiß', color: '#6d5ce7' },
  { day: 4, start: 8, end: 9, title: 'Waschen & Föhnen', who: 'Emma Roth', color: '#10b981' },
  { day: 4, start: 12, end: 13.5, title: 'Farbe & Schnitt', who: 'Ben Koch', color: '#0ea5a4' },
  { day: 4, start: 16, end: 17, title: 'Beratung', who: 'Ida Frank', color: '#f59e0b' },
  { day: 5, start: 10, end: 12, title: 'Brautstyling', who: 'Clara Busch', color: '#ec4899' },
];

const SERVICE_NAMES_EN = {
  Haarschnitt: 'Haircut',
  'Farbe & Schnitt': 'Colour & cut',
  Beratung: 'Consultation',
  Strähnen: 'Highlights',
  Bartpflege: 'Beard trim',
  Hochsteckfrisur: 'Updo',
  'Waschen & Föhnen': 'Wash & blow-dry',
  Brautstyling: 'Bridal styling',
};

const FIRST_HOUR = 8;
const LAST_HOUR = 19;

const params = new URLSearchParams(location.search);
const app = document.getElementById('app');
const article = document.getElementById('help');
const panel = document.getElementById('help-panel');
const helpToggle = document.getElementById('help-toggle');
const themeToggle = document.getElementById('theme-toggle');
const langSwitch = document.getElementById('lang-switch');
const log = document.getElementById('log');
const support = document.getElementById('support');

let lang = params.get('lang') === 'en' ? 'en' : 'de';
let articleId = params.get('article') || FALLBACK_ARTICLES[0].id;
let index = FALLBACK_ARTICLES.flatMap((a) => ['de', 'en'].map((l) => ({ id: a.id, lang: l, title: a[l] })));

const t = (key) => LABELS[lang][key] ?? LABELS.de[key];

/** Host UI labels; the widget follows `<html lang>` by itself. */
function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = t('pageTitle');
  langSwitch.value = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  renderWeek();
  renderArticleList();
  showArticle(articleId);
  if (!log.children.length || log.querySelector('.empty')) log.innerHTML = `<li class="empty">${t('logEmpty')}</li>`;
}

function showArticle(id) {
  articleId = id;
  const src = `/content/${id}.${lang}.md`;
  if (article.getAttribute('src') !== src) article.setAttribute('src', src);
  // Readers share the public help site, not the admin screen they are in.
  article.setAttribute('share-url', `https://hilfe.belbo.example/${lang}/${id}`);
  for (const link of document.querySelectorAll('#article-list a')) {
    if (link.dataset.article === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function renderArticleList() {
  const list = document.getElementById('article-list');
  const entries = index.filter((entry) => entry.lang === lang);
  document.getElementById('article-picker-label').textContent = t('allArticles').replace('{count}', String(entries.length));
  // While an article is open the list folds away: the panel's room goes to the article.
  document.getElementById('article-picker').open = !articleId;
  list.replaceChildren(
    ...index
      .filter((entry) => entry.lang === lang)
      .map((entry) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `?article=${encodeURIComponent(entry.id)}&lang=${lang}&help=open`;
        a.dataset.article = entry.id;
        a.textContent = entry.title;
        if (entry.id === articleId) a.setAttribute('aria-current', 'page');
        li.append(a);
        return li;
      }),
  );
}

function renderWeek() {
  const week = document.getElementById('week');
  const hours = [];
  for (let h = FIRST_HOUR; h < LAST_HOUR; h++) hours.push(h);
  const days = t('days');
  const head = `<div class="week-head"><span></span>${days
    .map((d, i) => `<span class="${i === 2 ? 'today' : ''} ${i >= 5 ? 'weekend' : ''}">${d} <b>${21 + i}</b></span>`)
    .join('')}</div>`;
  const times = `<div class="times">${hours.map((h) => `<span>${String(h).padStart(2, '0')}:00</span>`).join('')}</div>`;
  const columns = days
    .map((_, day) => {
      const items = APPOINTMENTS.filter((a) => a.day === day)
        .map((a) => {
          const top = ((a.start - FIRST_HOUR) / (LAST_HOUR - FIRST_HOUR)) * 100;
          const height = ((a.end - a.start) / (LAST_HOUR - FIRST_HOUR)) * 100;
          const from = `${Math.floor(a.start)}:${a.start % 1 ? '30' : '00'}`;
          return `<div class="appt" style="top:${top}%;height:${height}%;--c:${a.color}"><b>${lang === 'en' ? SERVICE_NAMES_EN[a.title] ?? a.title : a.title}</b><span>${from} · ${a.who}</span></div>`;
        })
        .join('');
      return `<div class="day ${day >= 5 ? 'weekend' : ''} ${day === 2 ? 'today' : ''}">${items}</div>`;
    })
    .join('');
  week.innerHTML = `${head}<div class="week-body">${times}${columns}<div class="now" style="top:${((14.4 - FIRST_HOUR) / (LAST_HOUR - FIRST_HOUR)) * 100}%"></div></div>`;
}

/** The calendar or the "Hilfe-Feedback" screen; the report's module is imported on first use, as an app's route would. */
function showScreen(name) {
  const feedback = name === 'feedback';
  document.getElementById('feedback-screen').hidden = !feedback;
  document.getElementById('calendar-screen').hidden = feedback;
  document.getElementById('nav-feedback').toggleAttribute('aria-current', feedback);
  document.getElementById('nav-calendar').toggleAttribute('aria-current', !feedback);
  if (feedback) document.getElementById('nav-feedback').setAttribute('aria-current', 'page');
  else document.getElementById('nav-calendar').setAttribute('aria-current', 'page');
  if (feedback) import('/dist/esm/report/define.js');
}

function setTheme(dark) {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  themeToggle.setAttribute('aria-pressed', String(dark));
  // The host's own tokens are set on the panel (admin.css); `theme` picks the widget's scheme.
  article.setAttribute('theme', dark ? 'dark' : 'light');
  document.querySelector('help-feedback-report')?.setAttribute('theme', dark ? 'dark' : 'light');
}

function setPanel(open, { focus = true } = {}) {
  panel.hidden = !open;
  app.toggleAttribute('data-help-open', open);
  helpToggle.setAttribute('aria-expanded', String(open));
  if (open && focus) document.getElementById('help-panel-title').focus();
  if (!open && focus) helpToggle.focus();
}

function logEvent(name, text) {
  log.querySelector('.empty')?.remove();
  const li = document.createElement('li');
  const time = new Date().toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  li.innerHTML = '<time></time><code></code><span></span>';
  li.children[0].textContent = time;
  li.children[1].textContent = name;
  li.children[2].textContent = text;
  log.prepend(li);
  while (log.children.length > 30) log.lastElementChild.remove();
}

let supportShownFor = '';
function offerSupport(payload) {
  const key = `${payload.articleId}:${payload.submissionId ?? ''}:${payload.rating}`;
  if (support.open || supportShownFor === key) return;
  supportShownFor = key;
  const max = FEEDBACK_SCALES[payload.scale];
  document.getElementById('support-context').textContent = t('supportContext')
    .replace('{title}', article.articleTitle || payload.articleId)
    .replace('{rating}', String(payload.rating))
    .replace('{max}', String(max));
  support.showModal();
}

// ---- The widget's events, as an app integration listens to them ----
document.addEventListener('help-article-load', (e) => logEvent('help-article-load', `${e.detail.articleId} · ${e.detail.sections.length} sections`));
document.addEventListener('help-article-error', (e) => logEvent('help-article-error', `${e.detail.articleId} · ${e.detail.reason}`));
document.addEventListener('help-article-toggle', (e) => logEvent('help-article-toggle', `${e.detail.id} → ${e.detail.open ? 'open' : 'closed'}`));
document.addEventListener('help-share-select', (e) => logEvent('help-share-select', `${e.detail.target} · ${e.detail.url}`));
for (const type of ['help-feedback-send', 'help-feedback-success']) {
  document.addEventListener(type, (e) => {
    const payload = e.detail?.payload;
    if (!payload) return;
    logEvent(type, `${payload.articleId} · ${payload.rating}/${payload.scale}`);
    if (isLowRating(payload.scale, payload.rating)) offerSupport(payload);
  });
}
document.addEventListener('help-feedback-error', (e) => logEvent('help-feedback-error', JSON.stringify(e.detail?.reason ?? e.detail ?? '')));

support.addEventListener('close', () => {
  if (support.returnValue === 'send') logEvent('support', `${articleId} · ${t('supportSend')}`);
  document.getElementById('support-form').reset();
  // The button that opened the dialog was replaced by the thank-you: focus the help panel instead.
  if (!panel.hidden) document.getElementById('help-panel-title').focus();
});

// Links to an article (the list above, and links between articles through article-href) open it in
// the panel instead of loading the page again.
document.addEventListener('click', (event) => {
  const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
  const url = link && new URL(link.href, location.href);
  if (!url || url.origin !== location.origin || url.pathname !== location.pathname || !url.searchParams.has('article')) return;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  showArticle(url.searchParams.get('article'));
  // A link to a part of the other article opens that section once the article is there.
  const section = decodeURIComponent(url.hash.slice(1));
  if (section) article.loadComplete.then(() => article.openSection(section));
});

// ---- Host controls ----
helpToggle.addEventListener('click', () => setPanel(panel.hidden));
document.getElementById('help-close').addEventListener('click', () => setPanel(false));
panel.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !support.open) setPanel(false);
});
themeToggle.addEventListener('click', () => setTheme(document.documentElement.dataset.theme !== 'dark'));
langSwitch.addEventListener('change', () => {
  lang = langSwitch.value === 'en' ? 'en' : 'de';
  applyLanguage();
});

for (const [id, screen] of [['nav-feedback', 'feedback'], ['nav-calendar', 'calendar']]) {
  document.getElementById(id).addEventListener('click', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    if (screen === 'feedback') url.searchParams.set('screen', 'feedback');
    else url.searchParams.delete('screen');
    history.pushState(null, '', url);
    showScreen(screen);
  });
}
addEventListener('popstate', () => showScreen(new URLSearchParams(location.search).get('screen') ?? 'calendar'));

showScreen(params.get('screen') ?? 'calendar');
setTheme(params.get('theme') === 'dark');
applyLanguage();
setPanel(params.get('help') === 'open', { focus: false });

fetch('/dist/content-index.json')
  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
  .then((entries) => {
    index = entries.map(({ id, lang: l, title }) => ({ id, lang: l, title }));
    renderArticleList();
  })
  .catch(() => undefined);
