// Takes the README's screenshots of the demo pages (light, dark, 320 px) in Debian's Chromium.
// Usage: node scripts/screenshots.mjs [outDir]   (builds nothing: run `npm run build` first)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer } from 'help-feedback-collector';
import { registerSite } from './lib/site.mjs';

const out = process.argv[2] ?? 'docs';
mkdirSync(out, { recursive: true });
const server = await startServer({ rateLimitMax: 1000, extend: registerSite });
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
];
try {
  for (const shot of shots) {
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
