// Browser tests in Chromium, Firefox and WebKit from Debian's packages (test/support/browsers.mjs;
// no browser download; `BROWSERS=webkit` picks engines), one engine after another. TypeScript
// through esbuild with the project's tsconfig (Lit's legacy decorators), Lit's dev build (the `development` condition).
// A real feedback collector runs beside the test server; tests learn its URL from
// `window.__collector` (injected into every test page).
import fs from 'node:fs';
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startServer } from 'help-feedback-collector';
import { browsers } from './test/support/browsers.mjs';
import { faultMiddleware } from './test/support/fault-middleware.mjs';
import { cpuThrottlingPlugin } from './test/support/cpu-throttling-plugin.mjs';
import { buildIndex } from './scripts/content-index.mjs';

let collector;

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
