// Browser tests in Chromium, Firefox and WebKit from Debian's packages (test/support/browsers.mjs;
// no browser download; `BROWSERS=webkit` picks engines), one engine after another. TypeScript
// through esbuild with the project's tsconfig (Lit's legacy decorators), Lit's dev build (the `development` condition).
// A real feedback collector runs beside the test server; tests learn its URL from
// `window.__collector` (injected into every test page).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startServer } from 'help-feedback-collector';
import { browsers } from './test/support/browsers.mjs';
import { faultMiddleware } from './test/support/fault-middleware.mjs';
import { cpuThrottlingPlugin } from './test/support/cpu-throttling-plugin.mjs';
import { buildIndex } from './scripts/content-index.mjs';

let collector;

// The prerendered test pages are rendered in a worker: Lit SSR and jsdom set globals (`window`,
// `document`) that must not reach the test server's own thread.
let prerenderWorker;
const pending = new Map();
let requests = 0;
function prerendered(variant, at) {
  if (!prerenderWorker) {
    prerenderWorker = new Worker(new URL('./test/support/prerendered-pages.mjs', import.meta.url), { workerData: 'prerendered-pages' });
    prerenderWorker.unref();
    prerenderWorker.on('message', ({ id, body, error }) => {
      const { resolve, reject } = pending.get(id);
      pending.delete(id);
      if (error) reject(new Error(error));
      else resolve(body);
    });
  }
  const id = ++requests;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    prerenderWorker.postMessage({ id, variant, at });
  });
}
// The owner report's collectors (test/browser/report/): one that admits the test page's origin,
// one with no ratings, and one that refuses the page (no admin origins). Same token for all.
/** @type {Record<string, Awaited<ReturnType<typeof startServer>>>} */
const reportCollectors = {};
export const REPORT_ADMIN_TOKEN = 'report-browser-test-token-0123';

// The script-tag tests load the built bundle: refuse to test a missing or stale one, loudly.
function assertFreshBundle() {
  const bundle = 'dist/help-article.js';
  const newest = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
      const p = path.join(dir, e.name);
      return Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const sources = Math.max(newest('src'), fs.statSync('server/contract.js').mtimeMs);
  if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < sources) {
    throw new Error(`${bundle} is missing or older than src/: run \`npm run build\` first (npm test does).`);
  }
}

// TypeScript only: without an explicit `target` the plugin leaves .js alone, so the built bundles
// are served as the bytes users get. Decorator settings come from the tsconfig.
const typescript = esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' });

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // One test page at a time: a second page would be a background tab (no animation frames).
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  browsers: browsers(),
  middleware: [faultMiddleware()],
  plugins: [
    typescript,
    cpuThrottlingPlugin(),
    {
      // `executeServerCommand('engine')`: which engine runs this test page (test/support/engine.ts).
      name: 'engine',
      executeCommand({ command, session }) {
        if (command === 'engine') return session.browser.name.toLowerCase();
      },
    },
    {
      // The article index, made from content/ on request: no build needed for it.
      name: 'content-index',
      async serve(context) {
        if (context.path === '/dist/content-index.json') return { body: JSON.stringify(await buildIndex('content')), type: 'json' };
      },
    },
    {
      name: 'report-collectors',
      async serverStart({ config }) {
        // The page's origin; the collectors are addressed by the same host name, so the session
        // cookie (SameSite=Strict) is same-site, as on a real help center's admin subdomain.
        const pageOrigin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
        const admin = { adminToken: REPORT_ADMIN_TOKEN, corsOrigins: '*', rateLimitMax: 100000 };
        reportCollectors.main = await startServer({ ...admin, adminOrigins: [pageOrigin] });
        reportCollectors.empty = await startServer({ ...admin, adminOrigins: [pageOrigin] });
        reportCollectors.foreign = await startServer(admin);
      },
      async serverStop() {
        await Promise.all(Object.values(reportCollectors).map((c) => c.close()));
      },
      transform(context) {
        if (context.response.is('html') && reportCollectors.main) {
          const urls = Object.fromEntries(
            Object.entries(reportCollectors).map(([name, c]) => [name, `http://${context.hostname ?? 'localhost'}:${c.port}`]),
          );
          const data = JSON.stringify({ ...urls, token: REPORT_ADMIN_TOKEN });
          return { body: context.body.replace('<head>', `<head><script>window.__report=${data}</script>`) };
        }
      },
      // `executeServerCommand('report-db', …)`: reads or sets rows in the main report collector's
      // SQLite file past the collector (the public POST cannot choose a rating's time).
      async executeCommand({ command, payload }) {
        if (command !== 'report-db') return undefined;
        const { default: Database } = await import('better-sqlite3');
        const db = new Database(reportCollectors.main.config.store.file);
        try {
          if (payload.action === 'set-time') {
            db.prepare('UPDATE feedback SET created_at = ?, updated_at = ? WHERE submission_id = ?').run(payload.time, payload.time, payload.submissionId);
            return true;
          }
          if (payload.action === 'rows') {
            return db.prepare('SELECT submission_id, status FROM feedback WHERE submission_id = ?').all(payload.submissionId);
          }
        } finally {
          db.close();
        }
        return undefined;
      },
    },
    {
      // `/test/prerendered/<variant>.html`: an article prerendered by help-article-widget/ssr for
      // this very URL, its feedback going to the test collector (test/support/prerendered-pages.mjs).
      name: 'prerendered-pages',
      async serve(context) {
        const variant = /^\/test\/prerendered\/([a-z]+)\.html$/.exec(context.path)?.[1];
        if (!variant || !collector) return undefined;
        const body = await prerendered(variant, { origin: `http://${context.host}`, path: context.path, collector: collector.url });
        return body && { body, type: 'html' };
      },
      async serverStop() {
        await prerenderWorker?.terminate();
      },
    },
    {
      name: 'feedback-collector',
      async serverStart() {
        assertFreshBundle();
        collector = await startServer({ corsOrigins: '*', rateLimitMax: 100000 });
      },
      async serverStop() {
        await collector?.close();
      },
      transform(context) {
        if (context.response.is('html') && collector) {
          return { body: context.body.replace('<head>', `<head><script>window.__collector=${JSON.stringify(collector.url)}</script>`) };
        }
      },
    },
  ],
};
