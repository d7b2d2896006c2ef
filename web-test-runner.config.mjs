// Browser tests in Debian's Chromium (no browser download), TypeScript through esbuild with the
// project's tsconfig (Lit's legacy decorators), Lit's dev build (the `development` condition).
// A real feedback collector runs beside the test server; tests learn its URL from
// `window.__collector` (injected into every test page).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { startServer } from './server/start.js';
import { faultMiddleware } from './test/support/fault-middleware.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';

let collector;

// esbuild would re-transpile every .js it serves, the built bundles too (slow, and not the bytes
// users get): leave dist/ alone.
const typescript = esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' });
const transformSource = typescript.transform.bind(typescript);
typescript.transform = (context) => (context.path.startsWith('/dist/') ? undefined : transformSource(context));

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // One test page at a time: a second page would be a background tab (no animation frames).
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-dev-shm-usage',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          // Two test pages run at once; the one behind must not get background-tab throttling
          // (no animation frames, slowed timers), or tests hang on timing instead of behaviour.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  middleware: [faultMiddleware()],
  plugins: [
    typescript,
    {
      name: 'feedback-collector',
      async serverStart() {
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
