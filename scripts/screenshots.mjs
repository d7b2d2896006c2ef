// Takes the README's screenshots of the demo pages (light, dark, 320 px) in Debian's Chromium,
// and of the owner report (/admin/) on ratings posted for the demo's articles.
// Usage: node scripts/screenshots.mjs [outDir] [name prefix]   (builds nothing: run `npm run build` first)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { startServer } from 'help-feedback-collector';
import { registerSite } from './lib/site.mjs';
import { buildIndex } from './content-index.mjs';

const out = process.argv[2] ?? 'docs';
const only = process.argv[3] ?? '';
mkdirSync(out, { recursive: true });
const TOKEN = 'screenshot-admin-token-0123456789';
const server = await startServer({ rateLimitMax: 100000, adminToken: TOKEN, extend: registerSite });
await seedReport();
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/lib/chromium/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
const shots = [
  { name: 'demo-light', path: '/', width: 1280, height: 1500, scheme: 'light' },
  { name: 'demo-dark', path: '/?article=online-buchung-einrichten', width: 1280, height: 1500, scheme: 'dark' },
  { name: 'demo-320', path: '/?lang=en', width: 320, height: 2400, scheme: 'light', full: true },
  { name: 'demo-footer', path: '/', width: 1280, height: 1100, scheme: 'light', scrollTo: 'footer' },
  { name: 'admin', path: '/demo/admin.html?help=open', width: 1400, height: 900, scheme: 'light' },
  { name: 'report-overview-light', path: '/admin/?period=90', width: 1280, height: 1000, scheme: 'light', report: true },
  { name: 'report-overview-dark', path: '/admin/?period=90&theme=dark&lang=en', width: 1280, height: 1000, scheme: 'dark', report: true },
  { name: 'report-detail-light', path: '/admin/?period=90', width: 1280, height: 1700, scheme: 'light', report: 'detail' },
  { name: 'report-detail-dark', path: '/admin/?period=90&theme=dark', width: 1280, height: 1700, scheme: 'dark', report: 'detail' },
  { name: 'report-320', path: '/admin/?period=90', width: 320, height: 1400, scheme: 'light', report: true, full: true },
  { name: 'report-detail-320', path: '/admin/?period=90', width: 320, height: 2400, scheme: 'light', report: 'detail', full: true },
];
try {
  for (const shot of shots.filter((s) => s.name.startsWith(only))) {
    if (shot.report) {
      await reportShot(shot);
      continue;
    }
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.scheme });
    await page.goto(server.url + shot.path);
    await page.waitForFunction(() => document.querySelector('help-article')?.state === 'ready');
    await page.evaluate(() => document.querySelector('help-article').loadComplete);
    if (shot.scrollTo) {
      await page.evaluate((part) => document.querySelector('help-article').shadowRoot.querySelector(`[part="${part}"]`)?.scrollIntoView(), shot.scrollTo);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${shot.name}.png`, fullPage: Boolean(shot.full) });
    await page.close();
    console.log(`${out}/${shot.name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}

/** Logs in, opens the report (and for `detail` its first article), and takes the picture. */
async function reportShot(shot) {
  const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.scheme });
  await page.goto(`${server.url}/demo/`);
  await page.evaluate(async (token) => {
    await fetch('/api/admin/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
  }, TOKEN);
  await page.goto(server.url + shot.path);
  const inReport = (selector) => page.waitForFunction((s) => document.querySelector('help-feedback-report')?.shadowRoot?.querySelector(s), selector);
  await inReport('tbody tr');
  if (shot.report === 'detail') {
    await page.evaluate(() => document.querySelector('help-feedback-report').shadowRoot.querySelector('tbody tr button.title').click());
    await inReport('.comment');
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${shot.name}.png`, fullPage: Boolean(shot.full) });
  await page.close();
  console.log(`${out}/${shot.name}.png`);
}

/**
 * Ratings for the demo's articles through the public POST, then spread over the last 12 weeks in
 * the SQLite file (the POST cannot choose a time). A fixed sequence, so every run looks the same.
 */
async function seedReport() {
  const articles = [...new Map((await buildIndex('content')).map((a) => [a.id, a])).values()];
  const comments = {
    low: [
      'Die Screenshots zeigen noch die alte Oberfläche, ich habe den Menüpunkt nicht gefunden.',
      'Mein Outlook-Kalender zeigt die Termine doppelt, dazu steht hier nichts.',
      'Schritt 3 fehlt: Wo genau finde ich den Link zum Kopieren?',
      'Zu kompliziert erklärt. Ein kurzes Video wäre hilfreich.',
      'The steps do not match what I see in the app any more.',
    ],
    high: ['Genau das habe ich gesucht, danke!', 'Kurz und verständlich.', 'Clear and to the point.'],
  };
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const posted = [];
  for (const [index, article] of articles.entries()) {
    // Some articles fare worse than others, so the order means something.
    const quality = [0.35, 0.8, 0.55, 0.9, 0.7, 0.45, 0.85, 0.6, 0.75, 0.95][index % 10];
    const scale = index === 3 ? 'thumbs' : 'stars';
    const count = 4 + Math.floor(next() * 40);
    for (let i = 0; i < count; i += 1) {
      const good = next() < quality;
      const rating = scale === 'thumbs' ? (good ? 2 : 1) : good ? 4 + Math.floor(next() * 2) : 1 + Math.floor(next() * 3);
      const low = scale === 'thumbs' ? rating === 1 : rating <= 3;
      const reasons = low ? [['outdated', 'missing-info', 'hard-to-understand', 'not-solved'][Math.floor(next() * 4)]] : [];
      const pool = low ? comments.low : comments.high;
      const body = {
        submissionId: crypto.randomUUID(),
        revision: 1,
        articleId: article.id,
        rating,
        scale,
        reasons,
        ...(next() < 0.3 ? { comment: pool[Math.floor(next() * pool.length)] } : {}),
        locale: next() < 0.75 ? 'de-DE' : 'en-GB',
        page: `/hilfe/${article.id}`,
        elapsedMs: 9000,
      };
      const response = await fetch(`${server.url}/api/feedback`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`seeding: ${response.status}`);
      posted.push(body.submissionId);
    }
  }
  const db = new Database(server.config.store.file);
  const update = db.prepare('UPDATE feedback SET created_at = ?, updated_at = ? WHERE submission_id = ?');
  db.transaction(() => {
    for (const id of posted) {
      const time = new Date(Date.now() - Math.floor(next() * 84 * 86_400_000)).toISOString();
      update.run(time, time, id);
    }
  })();
  db.close();
}
