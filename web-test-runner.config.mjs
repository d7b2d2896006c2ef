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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 2,
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
        ],
      },
    }),
  ],
  middleware: [faultMiddleware()],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
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
