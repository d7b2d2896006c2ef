/**
 * The owner report under a realistic load: 100,000 ratings over 500 articles.
 *
 *   node bench/report-load.mjs                  # SQLite and PostgreSQL, 60 requests per route
 *   BENCH_REQUESTS=20 BENCH_STORES=sqlite node bench/report-load.mjs
 *
 * Seeding goes through the store's own table (one bulk INSERT, times spread over the last 120
 * days), not the public POST: the POST cannot choose a rating's time, and 100,000 POSTs would
 * measure the write path, not the report. Then a collector (a child process, so the measuring
 * client does not share its event loop) answers, one request after another:
 *   - GET /healthz (the anchor: a route that does no work beside the same HTTP stack),
 *   - GET /api/admin/overview for all time and for 30 days, and one article's detail and comments.
 * Prints p50/p95 per route and store. Then Chromium opens the report page (/admin/, served by the
 * collector as `npm start` does) with a session and records the time from navigation start to the
 * overview shown (the element's `help-feedback-report-load` event), median of 5 loads.
 * Writes the table to bench/results/report-load.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../server/store/index.js';
import { startCluster } from '../server/test/support/postgres.js';
import { launch } from './lib/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
const RATINGS = 100_000;
const ARTICLES = 500;
const TOKEN = 'bench-report-token-0123456789';
const SCALES = { stars: 5, thumbs: 2, faces: 3 };
const REASONS = ['missing-info', 'hard-to-understand', 'outdated', 'not-solved', 'other'];
const LOCALES = ['de-DE', 'de', 'en-GB', 'en', 'de-AT'];

/** A deterministic pseudo-random sequence, so every run seeds the same data. */
function random(seed = 42) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The seeded rows as column arrays. */
function* rows() {
  const next = random();
  const now = Date.now();
  for (let i = 0; i < RATINGS; i += 1) {
    const article = Math.floor(next() * ARTICLES);
    // Most articles use stars; every 10th thumbs, every 25th faces.
    const scale = article % 25 === 0 ? 'faces' : article % 10 === 0 ? 'thumbs' : 'stars';
    const rating = 1 + Math.floor(next() * SCALES[scale]);
    const reasons = rating <= 2 ? [REASONS[Math.floor(next() * REASONS.length)]] : [];
    const comment = next() < 0.15 ? `Kommentar ${i}: der Abschnitt fehlt.` : null;
    const time = new Date(now - Math.floor(next() * 120 * 86_400_000)).toISOString();
    const id = `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    yield [id, 1, `artikel-${article}`, rating, scale, JSON.stringify(reasons), comment, LOCALES[i % LOCALES.length], `/hilfe/artikel-${article}`, time, time];
  }
}

const INSERT_COLUMNS = 'submission_id, revision, article_id, rating, scale, reasons, comment, locale, page, created_at, updated_at';

async function seedSqlite(file) {
  await (await openStore({ kind: 'sqlite', file })).close();
  const db = new Database(file);
  const insert = db.prepare(`INSERT INTO feedback (${INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const row of rows()) insert.run(...row);
  })();
  db.pragma('optimize');
  db.exec('ANALYZE');
  db.close();
}

async function seedPostgres(url) {
  await (await openStore({ kind: 'postgres', url, poolMax: 2 })).close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const all = [...rows()];
    for (let from = 0; from < all.length; from += 5000) {
      const chunk = all.slice(from, from + 5000);
      const values = chunk.map((_, r) => `(${Array.from({ length: 11 }, (__, c) => `$${r * 11 + c + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO feedback (${INSERT_COLUMNS}) VALUES ${values}`, chunk.flat());
    }
    // What autovacuum does within a minute of a bulk insert (PostgreSQL 13+ vacuums after inserts
    // too): the report is measured in that steady state, not in the seconds right after the load.
    await client.query('VACUUM ANALYZE feedback');
  } finally {
    await client.end();
  }
}

/** Starts the collector with the demo site (as `npm start`) in a child process. */
function startCollector(db) {
  const script = `
    import { startServer } from '${path.join(ROOT, 'server/start.js')}';
    import { registerSite } from '${path.join(ROOT, 'scripts/lib/site.mjs')}';
    const server = await startServer({ db: ${JSON.stringify(db)}, adminToken: '${TOKEN}', extend: registerSite });
    process.stdout.write('listening on ' + server.url + '\\n');
    process.on('SIGTERM', async () => { await server.close(); process.exit(0); });
  `;
  // A file, not --eval: the collector's worker threads inherit the process's flags.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-bench-server-')), 'server.mjs');
  fs.writeFileSync(file, script);
  const child = spawn(process.execPath, [file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
  return { child, url };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function time(url, headers) {
  const start = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - start;
}

async function measureRoutes(base) {
  const headers = { authorization: `Bearer ${TOKEN}` };
  const routes = {
    'GET /healthz (anchor)': '/healthz',
    'overview, all time': '/api/admin/overview?period=all',
    'overview, 30 days': '/api/admin/overview?period=30',
    'overview, 30 days, lang=de': '/api/admin/overview?period=30&lang=de',
    'one article': '/api/admin/articles/artikel-7?period=all',
    'its comments, page 1': '/api/admin/articles/artikel-7/comments?period=all',
  };
  const results = {};
  for (const [name, route] of Object.entries(routes)) {
    for (let i = 0; i < 3; i += 1) await time(`${base}${route}`, headers); // warm-up
    const samples = [];
    for (let i = 0; i < REQUESTS; i += 1) samples.push(await time(`${base}${route}`, headers));
    results[name] = { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  }
  return results;
}

async function measurePage(base) {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/demo/`);
    await page.evaluate(async (token) => {
      const response = await fetch('/api/admin/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
      if (response.status !== 204) throw new Error(`login ${response.status}`);
    }, TOKEN);
    await page.addInitScript(() => {
      document.addEventListener('help-feedback-report-load', () => {
        window.__shownAt ??= performance.now();
      });
    });
    const samples = [];
    for (let i = 0; i < 5; i += 1) {
      await page.goto(`${base}/admin/`);
      await page.waitForFunction(() => window.__shownAt !== undefined, null, { timeout: 30_000 });
      const rows = await page.evaluate(() => document.querySelector('help-feedback-report').shadowRoot.querySelectorAll('tbody tr').length);
      if (rows < 400) throw new Error(`only ${rows} rows shown`);
      samples.push(await page.evaluate(() => window.__shownAt));
    }
    return percentile(samples, 50);
  } finally {
    await browser.close();
  }
}

const lines = [];
const say = (line) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

say(`Owner report, ${RATINGS.toLocaleString('en')} ratings over ${ARTICLES} articles; ${REQUESTS} sequential requests per route after 3 warm-up; ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
say('');
const table = {};
const pageTimes = {};
let cluster;
for (const kind of STORES) {
  let db;
  let cleanup;
  const seedStart = performance.now();
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-bench-'));
    db = path.join(dir, 'feedback.sqlite');
    await seedSqlite(db);
    cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    cluster = startCluster({ durable: true });
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE report_bench');
    await admin.end();
    db = cluster.adminUrl.replace(/\/postgres$/, '/report_bench');
    await seedPostgres(db);
    cleanup = () => cluster.stop();
  }
  process.stderr.write(`${kind}: seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);
  const { child, url } = startCollector(db);
  try {
    const base = await url;
    table[kind] = await measureRoutes(base);
    pageTimes[kind] = await measurePage(base);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    cleanup();
  }
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
say(`| route | ${STORES.map((kind) => `${kind} p50 | ${kind} p95`).join(' | ')} |`);
say(`|---|${STORES.map(() => '---:|---:').join('|')}|`);
for (const name of Object.keys(table[STORES[0]])) {
  say(`| ${name} | ${STORES.map((kind) => `${fmt(table[kind][name].p50)} | ${fmt(table[kind][name].p95)}`).join(' | ')} |`);
}
say('');
say(`| report page (Chromium): navigation start → overview shown, median of 5 | ${STORES.map((kind) => `${kind}: ${fmt(pageTimes[kind])}`).join(' · ')} |`);
say('|---|---|');
say('');
say('Targets: overview route < 100 ms; overview shown < 1 s.');
fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/results/report-load.md'), `${lines.join('\n')}\n`);
