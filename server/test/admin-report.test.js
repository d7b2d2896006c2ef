// The owner report's routes on both stores: sessions, the cross-site refusal, the aggregates (checked
// against figures this test computes from what it posted), comments, status and erasure, and their
// durability across kill -9. Ratings are posted through the public POST /api/feedback; their times
// are then set in the database by the test (the public route cannot choose a time).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { POSITIVE_FROM, SCALES } from '../contract.js';
import { weekStart } from '../store/report-queries.js';
import { STORE_KINDS, freshStore, postFeedback, readJson, spawnServer, startOn, validBody } from './helpers.js';
import { withClient } from './support/postgres.js';

const TOKEN = 'report-admin-token-0123456789';
const ADMIN_ORIGIN = 'https://admin.example.com';
const bearer = { authorization: `Bearer ${TOKEN}` };
const DAY = 86_400_000;

/**
 * Sets a submission's times in the store, past the collector.
 * @param {import('./helpers.js').StoreFixture} fixture
 * @param {string} submissionId
 * @param {Date} time
 */
async function setTime(fixture, submissionId, time) {
  if (fixture.kind === 'sqlite') {
    const db = new Database(fixture.db);
    try {
      db.prepare('UPDATE feedback SET created_at = ?, updated_at = ? WHERE submission_id = ?').run(time.toISOString(), time.toISOString(), submissionId);
    } finally {
      db.close();
    }
    return;
  }
  await withClient(fixture.db, (client) =>
    client.query('UPDATE feedback SET created_at = $1, updated_at = $1 WHERE submission_id = $2', [time, submissionId]),
  );
}

/** @param {string} url @param {string} token @param {Record<string, string>} [headers] */
async function login(url, token = TOKEN, headers = {}) {
  const response = await fetch(`${url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ token }),
  });
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { response, setCookie, cookie: setCookie.split(';')[0] };
}

for (const kind of STORE_KINDS) {
  describe(`owner report routes on ${kind}`, () => {
    /** @type {Awaited<ReturnType<typeof startOn>>} */
    let server;
    before(async () => {
      server = await startOn(kind, { adminToken: TOKEN, adminOrigins: [ADMIN_ORIGIN], rateLimitMax: 100_000, trustProxy: ['loopback'] });
    });
    after(() => server?.close());

    describe('sessions', () => {
      it('turns the token into an HttpOnly, SameSite=Strict session cookie with an expiry, and logs out', async () => {
        const { response, setCookie, cookie } = await login(server.url);
        assert.equal(response.status, 204);
        assert.match(setCookie, /^help_feedback_admin=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/api\/admin; Max-Age=28800$/);
        const overview = await fetch(`${server.url}/api/admin/overview`, { headers: { cookie } });
        assert.equal(overview.status, 200);
        assert.equal(overview.headers.get('cache-control'), 'no-store');

        const out = await fetch(`${server.url}/api/admin/session`, { method: 'DELETE', headers: { cookie } });
        assert.equal(out.status, 204);
        assert.match(out.headers.get('set-cookie') ?? '', /^help_feedback_admin=; .*Max-Age=0/);
        const after = await fetch(`${server.url}/api/admin/overview`, { headers: { cookie } });
        assert.deepEqual([after.status, (await readJson(after)).error], [401, 'session-expired']);
      });

      it('marks the cookie Secure when the request came over https (through a trusted proxy)', async () => {
        const { response, setCookie } = await login(server.url, TOKEN, { 'x-forwarded-proto': 'https' });
        assert.equal(response.status, 204);
        assert.match(setCookie, /; Secure$/);
      });

      it('answers 401 with a clear message without a session and for a wrong token; bearer tokens keep working', async () => {
        const none = await fetch(`${server.url}/api/admin/overview`);
        assert.deepEqual([none.status, (await readJson(none)).error], [401, 'unauthorized']);
        const forged = await fetch(`${server.url}/api/admin/overview`, { headers: { cookie: `help_feedback_admin=${'a'.repeat(43)}` } });
        assert.deepEqual([forged.status, (await readJson(forged)).error], [401, 'session-expired']);
        const wrongBearer = await fetch(`${server.url}/api/admin/overview`, { headers: { authorization: 'Bearer not-the-token-0123456789' } });
        assert.equal(wrongBearer.status, 401);
        const ok = await fetch(`${server.url}/api/admin/overview`, { headers: bearer });
        assert.equal(ok.status, 200);
        const exported = await fetch(`${server.url}/api/feedback`, { headers: bearer });
        assert.equal(exported.status, 200);
      });

      it('refuses pages of foreign origins and cross-site requests with 403, even with a valid session', async () => {
        const { cookie } = await login(server.url);
        /** @type {[Record<string, string>, number][]} */
        const cases = [
          [{ origin: 'https://evil.example' }, 403],
          [{ origin: 'null' }, 403],
          [{ 'sec-fetch-site': 'cross-site' }, 403],
          [{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, 403],
          [{ origin: new URL(server.url).origin, 'sec-fetch-site': 'same-origin' }, 200],
          [{ origin: ADMIN_ORIGIN, 'sec-fetch-site': 'same-site' }, 200],
        ];
        for (const [headers, status] of cases) {
          const response = await fetch(`${server.url}/api/admin/overview`, { headers: { cookie, ...headers } });
          assert.equal(response.status, status, JSON.stringify(headers));
          if (status === 403) assert.equal((await readJson(response)).error, 'forbidden-origin');
        }
        // A foreign page cannot delete either: the submission is still there.
        const body = validBody({ articleId: `cross-${crypto.randomUUID()}` });
        await postFeedback(server.url, body);
        const erase = await fetch(`${server.url}/api/admin/feedback/${body.submissionId}`, {
          method: 'DELETE',
          headers: { cookie, origin: 'https://evil.example' },
        });
        assert.equal(erase.status, 403);
        assert.equal((await server.fixture.rawRows(body.submissionId)).length, 1);
        // The configured admin origin may read with credentials; a foreign one gets no preflight.
        const allowed = await fetch(`${server.url}/api/admin/overview`, { headers: { cookie, origin: ADMIN_ORIGIN } });
        assert.equal(allowed.headers.get('access-control-allow-origin'), ADMIN_ORIGIN);
        assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
        const preflight = (/** @type {string} */ origin) =>
          fetch(`${server.url}/api/admin/feedback/${body.submissionId}`, {
            method: 'OPTIONS',
            headers: { origin, 'access-control-request-method': 'DELETE' },
          });
        assert.equal((await preflight(ADMIN_ORIGIN)).status, 204);
        assert.equal((await preflight('https://evil.example')).status, 404);
      });

      it('ends every session when FEEDBACK_ADMIN_TOKEN changes', async () => {
        const fixture = await freshStore(kind);
        const { startServer } = await import('../start.js');
        const first = await startServer({ db: fixture.db, adminToken: TOKEN });
        const { cookie } = await login(first.url);
        assert.equal((await fetch(`${first.url}/api/admin/overview`, { headers: { cookie } })).status, 200);
        await first.close();
        const second = await startServer({ db: fixture.db, adminToken: `${TOKEN}-new` });
        try {
          const response = await fetch(`${second.url}/api/admin/overview`, { headers: { cookie } });
          assert.deepEqual([response.status, (await readJson(response)).error], [401, 'session-expired']);
        } finally {
          await second.close();
          fixture.remove();
        }
      });

      it('rate-limits wrong tokens per address: 429 with Retry-After after ten', async () => {
        // Its own collector, so the limit does not spill into the other tests.
        const own = await startOn(kind, { adminToken: TOKEN });
        try {
          for (let attempt = 1; attempt <= 10; attempt += 1) {
            const { response } = await login(own.url, 'wrong-token-0123456789');
            assert.deepEqual([response.status, (await readJson(response)).error], [401, 'wrong-token'], `attempt ${attempt}`);
          }
          const { response } = await login(own.url, 'wrong-token-0123456789');
          assert.equal(response.status, 429);
          assert.ok(Number(response.headers.get('retry-after')) >= 1);
          // Blocked means blocked: not even the right token is tried until the window ends.
          assert.equal((await login(own.url)).response.status, 429);
        } finally {
          await own.close();
        }
      });
    });

    describe('aggregates', () => {
      const now = new Date();
      const monday = weekStart(now);
      /** @type {{body: ReturnType<typeof validBody>, time: Date}[]} */
      const seeded = [];
      const articleA = `report-a-${crypto.randomUUID().slice(0, 8)}`;
      const articleB = `report-b-${crypto.randomUUID().slice(0, 8)}`;

      before(async () => {
        const add = async (/** @type {Record<string, unknown>} */ fields, /** @type {Date} */ time) => {
          const body = validBody(fields);
          const answer = await postFeedback(server.url, body);
          assert.ok(answer.status === 201 || answer.status === 200, JSON.stringify(answer.json));
          await setTime(server.fixture, body.submissionId, time);
          const index = seeded.findIndex((entry) => entry.body.submissionId === body.submissionId);
          if (index >= 0) seeded.splice(index, 1);
          seeded.push({ body, time });
          return body;
        };
        // Article A on stars: this week from its first millisecond, and the last millisecond of last week.
        await add({ articleId: articleA, rating: 5, reasons: [], comment: undefined, locale: 'de-DE' }, monday);
        await add({ articleId: articleA, rating: 2, reasons: ['outdated', 'missing-info'], locale: 'de' }, new Date(monday.getTime() - 1));
        await add({ articleId: articleA, rating: 1, reasons: ['outdated'], comment: 'Veraltet.', locale: 'en-GB' }, new Date(monday.getTime() - 20 * DAY));
        await add({ articleId: articleA, rating: 4, reasons: [], comment: 'Gut', locale: 'de-AT' }, new Date(monday.getTime() - 200 * DAY));
        // A revision replaces its first answer: counted once, with the new rating.
        const revised = await add({ articleId: articleA, rating: 1, reasons: ['not-solved'], comment: 'Hilft nicht', locale: 'de-DE' }, new Date(monday.getTime() - 3 * DAY));
        await add({ .../** @type {Record<string, unknown>} */ (revised), revision: 2, rating: 3, reasons: ['hard-to-understand'], comment: 'Geht so' }, new Date(monday.getTime() - 2 * DAY));
        // Article A on thumbs, article B on faces.
        await add({ articleId: articleA, scale: 'thumbs', rating: 2, reasons: [], comment: undefined, locale: 'de-DE' }, new Date(monday.getTime() - 8 * DAY));
        await add({ articleId: articleB, scale: 'faces', rating: 1, reasons: ['other'], comment: 'Nichts gefunden', locale: 'en' }, new Date(monday.getTime() - 10 * DAY));
        await add({ articleId: articleB, scale: 'faces', rating: 3, reasons: [], comment: undefined, locale: 'en-US' }, new Date(monday.getTime() - 1 * DAY));
        // An underscore tag (allowed by the contract) counts under its language like a hyphenated one.
        await add({ articleId: articleB, scale: 'faces', rating: 2, reasons: [], comment: undefined, locale: 'de_CH' }, new Date(monday.getTime() - 2 * DAY));
      });

      /** What the report should say, computed here from what was posted. */
      const expected = (/** @type {{since?: Date, lang?: string, scale?: string}} */ filter = {}) => {
        const ours = seeded.filter(({ body }) => [articleA, articleB].includes(body.articleId));
        const matches = ours.filter(
          ({ body }) =>
            (!filter.lang || body.locale.toLowerCase().split(/[-_]/)[0] === filter.lang) && (!filter.scale || body.scale === filter.scale),
        );
        /** @type {Map<string, any>} */
        const rows = new Map();
        for (const { body, time } of matches) {
          const key = `${body.articleId}|${body.scale}`;
          const row = rows.get(key) ?? {
            articleId: body.articleId,
            scale: body.scale,
            ratings: [],
            weeks: Array(12).fill(0),
            comments: 0,
            last: 0,
          };
          const week = Math.floor((time.getTime() - (monday.getTime() - 11 * 7 * DAY)) / (7 * DAY));
          if (week >= 0 && week < 12) row.weeks[week] += 1;
          if (!filter.since || time >= filter.since) {
            row.ratings.push(body.rating);
            if (body.comment) row.comments += 1;
            row.last = Math.max(row.last, time.getTime());
          }
          rows.set(key, row);
        }
        return [...rows.values()]
          .filter((row) => row.ratings.length > 0)
          .map((row) => ({
            articleId: row.articleId,
            scale: row.scale,
            count: row.ratings.length,
            average: row.ratings.reduce((/** @type {number} */ sum, /** @type {number} */ n) => sum + n, 0) / row.ratings.length,
            positive: row.ratings.filter((/** @type {number} */ r) => r >= POSITIVE_FROM[/** @type {'stars'} */ (row.scale)]).length,
            distribution: Array.from({ length: SCALES[/** @type {'stars'} */ (row.scale)] }, (_, i) => row.ratings.filter((/** @type {number} */ r) => r === i + 1).length),
            comments: row.comments,
            openComments: row.comments,
            weeks: row.weeks,
            lastRatingAt: new Date(row.last).toISOString(),
          }))
          .sort((a, b) => `${a.articleId}|${a.scale}`.localeCompare(`${b.articleId}|${b.scale}`));
      };

      /** @param {string} query */
      const overview = async (query = '') => {
        const response = await fetch(`${server.url}/api/admin/overview${query}`, { headers: bearer });
        assert.equal(response.status, 200);
        const json = await readJson(response);
        return { ...json, rows: json.rows.filter((/** @type {any} */ row) => [articleA, articleB].includes(row.articleId)) };
      };

      it('counts, averages, positive shares, distributions, comments and last dates per article and scale', async () => {
        const json = await overview();
        assert.deepEqual(json.rows, expected());
        // The revised submission counts once, with its latest rating (3, not 1).
        const stars = json.rows.find((/** @type {any} */ row) => row.articleId === articleA && row.scale === 'stars');
        assert.equal(stars.count, 5);
        assert.deepEqual(stars.distribution, [1, 1, 1, 1, 1]);
      });

      it('buckets ratings by week, Monday 00:00 UTC starting a week', async () => {
        const json = await overview();
        assert.equal(json.weekStarts.length, 12);
        assert.equal(json.weekStarts[11], monday.toISOString());
        assert.equal(new Date(json.weekStarts[0]).getUTCDay(), 1);
        const stars = json.rows.find((/** @type {any} */ row) => row.articleId === articleA && row.scale === 'stars');
        // Monday 00:00:00.000 is this week; one millisecond earlier (with the revision 2 days before) last week.
        assert.equal(stars.weeks[11], 1);
        assert.equal(stars.weeks[10], 2);
        assert.equal(stars.weeks[8], 1, 'twenty days back');
        assert.equal(stars.weeks.reduce((/** @type {number} */ sum, /** @type {number} */ n) => sum + n, 0), 4, 'the 200-day-old one is outside the trend');
      });

      it('filters by period, language prefix and scale', async () => {
        for (const period of ['7', '30', '90']) {
          const since = new Date(Date.now() - Number(period) * DAY);
          const json = await overview(`?period=${period}`);
          // The boundary is the server's clock: nothing was seeded near it.
          assert.deepEqual(json.rows, expected({ since }), `period ${period}`);
        }
        assert.deepEqual((await overview('?lang=de')).rows, expected({ lang: 'de' }));
        assert.deepEqual((await overview('?lang=EN')).rows, expected({ lang: 'en' }));
        assert.deepEqual((await overview('?scale=faces')).rows, expected({ scale: 'faces' }));
        const languages = (await overview()).languages;
        assert.ok(languages.includes('de') && languages.includes('en'), languages);
      });

      it('refuses a bad filter with 400 naming it', async () => {
        for (const [query, field] of [['?period=14', 'period'], ['?lang=de-DE%27', 'lang'], ['?scale=hearts', 'scale']]) {
          const response = await fetch(`${server.url}/api/admin/overview${query}`, { headers: bearer });
          assert.deepEqual([response.status, (await readJson(response)).field], [400, field], query);
        }
      });

      it('gives one article with its reasons counted', async () => {
        const response = await fetch(`${server.url}/api/admin/articles/${articleA}`, { headers: bearer });
        const json = await readJson(response);
        assert.deepEqual(
          json.scales.map((/** @type {any} */ { reasons, ...row }) => row),
          expected().filter((row) => row.articleId === articleA),
        );
        const stars = json.scales.find((/** @type {any} */ row) => row.scale === 'stars');
        assert.deepEqual(stars.reasons, { 'missing-info': 1, 'hard-to-understand': 1, outdated: 2, 'not-solved': 0, other: 0 });
      });

      it('lists an article’s comments newest first, paginated, by status; marks done and open; deletes', async () => {
        const url = `${server.url}/api/admin/articles/${articleA}/comments`;
        const page1 = await readJson(await fetch(`${url}?pageSize=2`, { headers: bearer }));
        assert.equal(page1.total, 4);
        assert.deepEqual(page1.comments.map((/** @type {any} */ c) => c.comment), ['Der Abschnitt zu IMAP fehlt.', 'Geht so']);
        const page2 = await readJson(await fetch(`${url}?pageSize=2&page=2`, { headers: bearer }));
        assert.deepEqual(page2.comments.map((/** @type {any} */ c) => c.comment), ['Veraltet.', 'Gut']);
        const first = page1.comments[1];
        assert.deepEqual(
          { rating: first.rating, scale: first.scale, reasons: first.reasons, locale: first.locale, status: first.status },
          { rating: 3, scale: 'stars', reasons: ['hard-to-understand'], locale: 'de-DE', status: 'open' },
        );

        const patch = (/** @type {string} */ status) =>
          fetch(`${server.url}/api/admin/feedback/${first.submissionId}`, {
            method: 'PATCH',
            headers: { ...bearer, 'content-type': 'application/json' },
            body: JSON.stringify({ status }),
          });
        assert.equal((await patch('done')).status, 200);
        const open = await readJson(await fetch(url, { headers: bearer }));
        assert.equal(open.total, 3);
        const done = await readJson(await fetch(`${url}?status=done`, { headers: bearer }));
        assert.deepEqual(done.comments.map((/** @type {any} */ c) => c.submissionId), [first.submissionId]);
        const stars = (await overview()).rows.find((/** @type {any} */ row) => row.articleId === articleA && row.scale === 'stars');
        assert.deepEqual([stars.comments, stars.openComments], [4, 3]);
        assert.equal((await patch('maybe')).status, 400);
        assert.equal((await patch('open')).status, 200);
        assert.equal((await readJson(await fetch(url, { headers: bearer }))).total, 4);

        const missing = await fetch(`${server.url}/api/admin/feedback/${crypto.randomUUID()}`, { method: 'DELETE', headers: bearer });
        assert.equal(missing.status, 404);
        const erased = await fetch(`${server.url}/api/admin/feedback/${first.submissionId}`, { method: 'DELETE', headers: bearer });
        assert.equal(erased.status, 204);
        assert.equal((await server.fixture.rawRows(first.submissionId)).length, 0);
        const index = seeded.findIndex((entry) => entry.body.submissionId === first.submissionId);
        seeded.splice(index, 1);
        assert.deepEqual((await overview()).rows, expected());
      });
    });

    it('opens a comment marked done again when the reader sends a new revision', async () => {
      const body = validBody({ articleId: `reopen-${crypto.randomUUID().slice(0, 8)}` });
      await postFeedback(server.url, body);
      const headers = { ...bearer, 'content-type': 'application/json' };
      await fetch(`${server.url}/api/admin/feedback/${body.submissionId}`, { method: 'PATCH', headers, body: '{"status":"done"}' });
      assert.equal((await server.fixture.rawRows(body.submissionId))[0].status, 'done');
      assert.equal((await postFeedback(server.url, { ...body, revision: 2, comment: 'Doch nicht gelöst.' })).status, 200);
      assert.equal((await server.fixture.rawRows(body.submissionId))[0].status, 'open');
    });

    it('keeps a status change and an erasure answered 2xx when the collector is killed (kill -9)', async () => {
      const fixture = await freshStore(kind);
      const first = spawnServer({ FEEDBACK_DB: fixture.db, FEEDBACK_ADMIN_TOKEN: TOKEN, PORT: '0' });
      try {
        const url = await first.ready;
        const kept = validBody({ articleId: 'durable' });
        const erased = validBody({ articleId: 'durable' });
        for (const body of [kept, erased]) assert.equal((await postFeedback(url, body)).status, 201);
        const headers = { ...bearer, 'content-type': 'application/json' };
        const patched = await fetch(`${url}/api/admin/feedback/${kept.submissionId}`, { method: 'PATCH', headers, body: '{"status":"done"}' });
        assert.equal(patched.status, 200);
        assert.equal((await fetch(`${url}/api/admin/feedback/${erased.submissionId}`, { method: 'DELETE', headers: bearer })).status, 204);
        first.child.kill('SIGKILL');
        await first.exited;
        const [row] = await fixture.rawRows(kept.submissionId);
        assert.equal(row.status, 'done');
        assert.equal((await fixture.rawRows(erased.submissionId)).length, 0);
      } finally {
        first.child.kill('SIGKILL');
        await first.exited;
        fixture.remove();
      }
    });
  });
}
