// Chromium through playwright-core (Debian's binary, nothing downloaded), with every request
// that would leave 127.0.0.1 aborted and recorded.
import { chromium } from 'playwright-core';

export const CHROME = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';
export const CHROME_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** Launches Chromium; `extraArgs` e.g. ['--js-flags=--expose-gc']. */
export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: CHROME, headless: true, args: [...CHROME_ARGS, ...extraArgs] });
}

/** Aborts every request not to 127.0.0.1/localhost; returns the list of blocked URLs. */
export async function blockExternal(page) {
  const blocked = [];
  await page.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1' && hostname !== 'localhost') {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  return blocked;
}
