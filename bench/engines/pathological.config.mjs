// web-test-runner setup of bench/engines/pathological.bench.ts: the test config (same engines,
// same launchers, same server), a fresh page per input (in WebKit a fresh web process; one
// generated test file each, in bench/engines/.inputs/), a long finish timeout, and a command that
// writes each input's figures to a JSON file (one per engine) for bench/engines/report.mjs.
//   npm run build && BROWSERS=webkit npx web-test-runner --config bench/engines/pathological.config.mjs
//   (BENCH_ONLY=regex picks inputs by name; BENCH_STAGES=0 skips the per-stage pass)
import fs from 'node:fs';
import path from 'node:path';
import base from '../../web-test-runner.config.mjs';
import { browsers } from '../../test/support/browsers.mjs';
import { PATHOLOGICAL } from '../../test/fixtures/pathological/inputs.mjs';

const out = process.env.BENCH_OUT || 'bench/results/engines';
const only = new RegExp(process.env.BENCH_ONLY ?? '');
const inputs = 'bench/engines/.inputs';
fs.rmSync(inputs, { recursive: true, force: true });
fs.mkdirSync(inputs, { recursive: true });
Object.keys(PATHOLOGICAL)
  .filter((name) => only.test(name))
  .forEach((name, i) => {
    const file = path.join(inputs, `${String(i).padStart(2, '0')}.bench.ts`);
    fs.writeFileSync(file, `import { benchInput } from '../pathological.bench.js';\n\nbenchInput(${JSON.stringify(name)});\n`);
  });

export default {
  ...base,
  // A fresh WebKit web process per input: see WebKitLauncher in test/support/browsers.mjs.
  browsers: browsers(process.env.BROWSERS, { freshProcess: true }),
  files: [`${inputs}/*.bench.ts`],
  testFramework: { config: { timeout: 600000 } },
  testsFinishTimeout: 3600000,
  plugins: [
    ...base.plugins,
    {
      name: 'bench-result',
      executeCommand({ command, payload, session }) {
        if (command === 'bench-config') return { stages: process.env.BENCH_STAGES !== '0' };
        if (command !== 'bench-result') return undefined;
        fs.mkdirSync(out, { recursive: true });
        const file = path.join(out, `${session.browser.name.toLowerCase()}.jsonl`);
        fs.appendFileSync(file, JSON.stringify(payload) + '\n');
        return true;
      },
    },
  ],
};
