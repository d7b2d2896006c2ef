/**
 * Load test of the feedback collector against a bare Fastify app with a no-op POST route, in one run:
 *
 *   node bench/feedback-load.mjs                       # 12 rounds × 2 s per target, 10 connections
 *   BENCH_ROUNDS=3 BENCH_DURATION=3 node bench/feedback-load.mjs
 *
 * Targets, each a child process on 127.0.0.1 (so autocannon, in this process, does not share their
 * event loop):
 *   - the collector on SQLite (its default; a temporary file),
 *   - a bare Fastify app whose POST route answers 201 without doing anything (the anchor),
 *   - two collector instances on one PostgreSQL 15 (a throwaway cluster with fsync and
 *     synchronous_commit on, as in production), the load split evenly between them.
 * The targets take turns, round after round, so a busy moment on the machine hits all of them;
 * the table shows medians and the collector ÷ bare ratio of every round. Beside throughput it
 * shows the server processes' CPU time per request (Linux /proc), the least of all rounds: work
 * that other processes on the machine cannot inflate as much as they slow the wall clock. Every
 * request posts a fresh submission. Prints a markdown table and writes it to
 * bench/results/feedback-load.md.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startCluster } from '../server/test/support/postgres.js';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION_S = Number(process.env.BENCH_DURATION ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
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
 * @returns {Promise<{url: string, child: import('node:child_process').ChildProcess}>}
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

/**
 * CPU time (user + system) a process has used so far, in µs; `null` where /proc is missing.
 * @param {number | undefined} pid
 */
function cpuMicros(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
  } catch {
    return null;
  }
}

/**
 * Loads the given URLs at the same time, splitting the connections between them.
 * @param {string[]} urls
 * @param {(number | undefined)[]} pids the server processes behind them
 */
async function load(urls, pids) {
  const cpuBefore = pids.map(cpuMicros);
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: CONNECTIONS / urls.length,
        duration: DURATION_S,
        requests: [
          {
            method: 'POST',
            path: '/api/feedback',
            headers: { 'content-type': 'text/plain;charset=UTF-8' },
            setupRequest: (request) => ({ ...request, body: ratingBody() }),
          },
        ],
      }),
    ),
  );
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  const cpu = pids.map((pid, i) => {
    const after = cpuMicros(pid);
    const before = cpuBefore[i];
    return after === null || before === null ? Number.NaN : after - before;
  });
  return {
    cpuPerRequest: cpu.reduce((sum, micros) => sum + micros, 0) / total,
    requestsPerSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    total,
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
  };
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const loadBefore = os.loadavg()[0];
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-bench-'));
const cluster = startCluster({ durable: true });
/** @type {{url: string, child: import('node:child_process').ChildProcess}[]} */
const children = [];
try {
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE feedback_bench');
  await admin.end();
  const pgUrl = cluster.adminUrl.replace(/\/postgres$/, '/feedback_bench');
  const collectorEnv = { PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_MAX: '1000000000' };
  const bin = 'server/bin/help-feedback-collector.js';

  const sqlite = await spawnServer([bin], { ...collectorEnv, FEEDBACK_DB: path.join(tempDir, 'feedback.sqlite') });
  const bare = await spawnServer(['--input-type=module', '-e', BARE_SERVER], {});
  const postgres = [
    await spawnServer([bin], { ...collectorEnv, FEEDBACK_DB: pgUrl }),
    await spawnServer([bin], { ...collectorEnv, FEEDBACK_DB: pgUrl }),
  ];
  children.push(sqlite, bare, ...postgres);

  const targets = [
    { name: 'collector, SQLite (WAL, group commit)', urls: [sqlite.url], pids: [sqlite.child.pid] },
    { name: 'bare Fastify, no-op POST', urls: [bare.url], pids: [bare.child.pid] },
    { name: 'collector ×2 instances, one PostgreSQL 15', urls: postgres.map((p) => p.url), pids: postgres.map((p) => p.child.pid) },
  ];
  /** @type {Record<string, Awaited<ReturnType<typeof load>>[]>} */
  const runs = Object.fromEntries(targets.map((t) => [t.name, []]));
  // A short warm-up per target (JIT, connection pools, file growth) that is not counted.
  for (const target of targets) await loadWarm(target.urls);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const target of targets) {
      runs[target.name].push(await load(target.urls, target.pids));
      process.stderr.write(`round ${round + 1}/${ROUNDS}: ${target.name} ${runs[target.name].at(-1)?.requestsPerSecond.toFixed(0)} req/s\n`);
    }
  }

  const [sqliteName, bareName, pgName] = targets.map((t) => t.name);
  const ratios = (/** @type {string} */ name) => runs[name].map((r, i) => r.requestsPerSecond / runs[bareName][i].requestsPerSecond);
  const row = (/** @type {string} */ name) => {
    const r = runs[name];
    const rps = r.map((x) => x.requestsPerSecond);
    const rel = ratios(name);
    const cpu = Math.min(...r.map((x) => x.cpuPerRequest));
    return `| ${name} | ${median(rps).toFixed(0)} | ${Math.min(...rps).toFixed(0)}–${Math.max(...rps).toFixed(0)} | ${median(r.map((x) => x.p50))} | ${median(r.map((x) => x.p99))} | ${r.reduce((s, x) => s + x.total, 0)} | ${r.reduce((s, x) => s + x.failed, 0)} | ${Number.isNaN(cpu) ? '–' : cpu.toFixed(0)} | ${median(rel).toFixed(2)} (${rel.map((x) => x.toFixed(2)).join(', ')}) |`;
  };
  const table = [
    `# Feedback collector load test`,
    '',
    `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), ` +
      `${CONNECTIONS} connections, ${ROUNDS} rounds × ${DURATION_S} s per target (targets take turns), POST /api/feedback with a ` +
      `fresh submissionId per request, loopback only. Command: \`node bench/feedback-load.mjs\`. ` +
      `Load average (1 min) ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after: other work on the machine ` +
      `changes every figure, so compare runs made at a similar load.`,
    '',
    '| target | requests/s (median) | range | p50 ms | p99 ms | requests | non-2xx + errors | server CPU µs/request (least) | ÷ bare, median (per round) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    row(sqliteName),
    row(bareName),
    row(pgName),
    '',
    `Collector on SQLite ÷ bare Fastify: **${median(ratios(sqliteName)).toFixed(2)}** (median of the rounds). ` +
      `Bare ÷ collector CPU per request: ${(Math.min(...runs[bareName].map((x) => x.cpuPerRequest)) / Math.min(...runs[sqliteName].map((x) => x.cpuPerRequest))).toFixed(2)}. ` +
      'The PostgreSQL row counts the two collector processes, not the database server.',
    '',
  ].join('\n');
  process.stdout.write(`${table}\n`);
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/feedback-load.md'), table);
} finally {
  for (const { child } of children) {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  cluster.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
}

/** @param {string[]} urls */
async function loadWarm(urls) {
  await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: CONNECTIONS / urls.length,
        duration: 1,
        requests: [{ method: 'POST', path: '/api/feedback', headers: { 'content-type': 'text/plain' }, setupRequest: (r) => ({ ...r, body: ratingBody() }) }],
      }),
    ),
  );
}
