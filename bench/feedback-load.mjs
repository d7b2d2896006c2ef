/**
 * Load test of the feedback collector against a bare Fastify app with a no-op POST route.
 *
 *   node bench/feedback-load.mjs            # 10 s per target, 10 connections
 *   BENCH_DURATION=3 node bench/feedback-load.mjs
 *
 * Both servers run as child processes on 127.0.0.1 with random ports, so autocannon (in this
 * process) does not share their event loop. The collector gets a temporary database and an
 * effectively unlimited rate limit. Prints a markdown table and writes it to
 * bench/results/feedback-load.md.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;

const BARE_SERVER = `
import Fastify from 'fastify';
const app = Fastify();
app.post('/api/feedback', async (request, reply) => reply.code(201).send({ ok: true }));
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write('Bare server listening on http://127.0.0.1:' + app.server.address().port + '\\n');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

/**
 * Spawns a server process and resolves with its URL from the start line.
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
function spawnServer(args, env) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ url: match[1], child });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/** A valid rating with a fresh submissionId. */
function ratingBody() {
  return JSON.stringify({
    submissionId: crypto.randomUUID(),
    revision: 1,
    articleId: 'versandte-email-nicht-im-postfach',
    rating: 1 + Math.floor(Math.random() * 5),
    scale: 'stars',
    reasons: ['outdated'],
    comment: 'Der Abschnitt zu IMAP fehlt.',
    locale: 'de-DE',
    page: '/hilfe/e-mail/versandte-email-nicht-im-postfach',
    elapsedMs: 12000,
  });
}

/** @param {string} url */
async function load(url) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: '/api/feedback',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        setupRequest: (request) => ({ ...request, body: ratingBody() }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-bench-'));
const collector = await spawnServer(['server/bin/help-feedback-collector.js'], {
  PORT: '0',
  HOST: '127.0.0.1',
  FEEDBACK_DB: path.join(tempDir, 'feedback.sqlite'),
  RATE_LIMIT_MAX: '1000000000',
});
const bare = await spawnServer(['--input-type=module', '-e', BARE_SERVER], {});

try {
  const collectorResult = await load(collector.url);
  const bareResult = await load(bare.url);
  const row = (/** @type {string} */ name, /** @type {Awaited<ReturnType<typeof load>>} */ r) =>
    `| ${name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.total} | ${r.non2xx + r.errors} |`;
  const ratio = collectorResult.requestsPerSecond / bareResult.requestsPerSecond;
  const table = [
    `# Feedback collector load test`,
    '',
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ` +
      `${CONNECTIONS} connections, ${DURATION_S} s per target, POST /api/feedback with a fresh submissionId per request, loopback only.`,
    '',
    '| target | requests/s | p50 ms | p99 ms | requests | non-2xx + errors |',
    '|---|---:|---:|---:|---:|---:|',
    row('collector (Fastify + SQLite WAL)', collectorResult),
    row('bare Fastify, no-op POST', bareResult),
    '',
    `Collector / bare throughput: **${ratio.toFixed(2)}**`,
    '',
  ].join('\n');
  process.stdout.write(`${table}\n`);
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/feedback-load.md'), table);
} finally {
  for (const { child } of [collector, bare]) {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  fs.rmSync(tempDir, { recursive: true, force: true });
}
