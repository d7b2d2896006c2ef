// web-test-runner setup of bench/engines/pathological.bench.ts: the test config (same engines,
// same launchers, same server), one page per run, a long finish timeout, and a command that
// writes each input's figures to a JSON file (one per engine) for bench/engines/report.mjs.
//   npm run build && BROWSERS=webkit npx web-test-runner --config bench/engines/pathological.config.mjs
//   (BENCH_ONLY=regex picks inputs by name; BENCH_STAGES=0 skips the per-stage pass)
import fs from 'node:fs';
import path from 'node:path';
import base from '../../web-test-runner.config.mjs';

const out = process.env.BENCH_OUT || 'bench/results/engines';

export default {
  ...base,
  files: ['bench/engines/pathological.bench.ts'],
  testFramework: { config: { timeout: 600000 } },
  testsFinishTimeout: 3600000,
  plugins: [
    ...base.plugins,
    {
      name: 'bench-result',
      executeCommand({ command, payload, session }) {
        if (command === 'bench-config') return { only: process.env.BENCH_ONLY ?? '', stages: process.env.BENCH_STAGES !== '0' };
        if (command !== 'bench-result') return undefined;
        fs.mkdirSync(out, { recursive: true });
        const file = path.join(out, `${session.browser.name.toLowerCase()}.jsonl`);
        fs.appendFileSync(file, JSON.stringify(payload) + '\n');
        return true;
      },
    },
  ],
};
