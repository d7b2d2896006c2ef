// The collector's HTTP API, run once per store (SQLite and PostgreSQL): every test posts real
// requests to a real collector and checks what the store really holds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { loadMigrations } from '../store/migrations.js';
import { STORE_KINDS, freshStore, postFeedback, readJson, startOn, validBody } from './helpers.js';
import { withClient } from './support/postgres.js';

const ALLOWED_ORIGIN = 'https://help.example.com';
const ADMIN_TOKEN = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

for (const kind of STORE_KINDS) {
  describe(`collector on ${kind}`, () => {
    /** @type {Awaited<ReturnType<typeof startOn>>} */
    let server;

    before(async () => {
      server = await startOn(kind, { corsOrigins: [ALLOWED_ORIGIN], adminToken: ADMIN_TOKEN, rateLimitMax: 100_000 });
    });
    after(() => server?.close());

    const rowCount = () => server.fixture.rowCount();
    const storedRows = (/** @type {unknown} */ submissionId) => server.fixture.rawRows(/** @type {string} */ (submissionId));

    describe('POST /api/feedback validation', () => {
      const longPage = `/${'a'.repeat(500)}`;
      /** @type {[string, Record<string, unknown> | ((body: Record<string, unknown>) => void) | '__proto__', string][]} */
      const rejected = [
        ['a missing submissionId', (b) => delete b.submissionId, 'submissionId'],
        ['a submissionId that is not a UUID', { submissionId: 'abc' }, 'submissionId'],
        ['a UUID that is not version 4', { submissionId: '0b6f2a0e-5d1c-1c7e-9a3b-2f7e1d9c8a11' }, 'submissionId'],
        ['a numeric submissionId', { submissionId: 42 }, 'submissionId'],
        ['a missing revision', (b) => delete b.revision, 'revision'],
        ['revision 0', { revision: 0 }, 'revision'],
        ['a fractional revision', { revision: 1.5 }, 'revision'],
        ['a revision given as a string', { revision: '1' }, 'revision'],
        ['a missing articleId', (b) => delete b.articleId, 'articleId'],
        ['an empty articleId', { articleId: '' }, 'articleId'],
        ['an articleId of 201 characters', { articleId: 'a'.repeat(201) }, 'articleId'],
        ['an articleId with a space', { articleId: 'versandte email' }, 'articleId'],
        ['an articleId with an umlaut', { articleId: 'grüße' }, 'articleId'],
        ['an articleId with a slash', { articleId: '../etc' }, 'articleId'],
        ['the articleId "."', { articleId: '.' }, 'articleId'],
        ['the articleId ".."', { articleId: '..' }, 'articleId'],
        ['a missing scale', (b) => delete b.scale, 'scale'],
        ['an unknown scale', { scale: 'hearts' }, 'scale'],
        ['a missing rating', (b) => delete b.rating, 'rating'],
        ['rating 0 on stars', { rating: 0 }, 'rating'],
        ['rating 6 on stars', { rating: 6 }, 'rating'],
        ['rating 3 on thumbs', { scale: 'thumbs', rating: 3 }, 'rating'],
        ['rating 4 on faces', { scale: 'faces', rating: 4 }, 'rating'],
        ['a fractional rating', { rating: 2.5 }, 'rating'],
        ['a rating given as a string', { rating: '4' }, 'rating'],
        ['reasons given as a string', { reasons: 'outdated' }, 'reasons'],
        ['six reasons', { reasons: ['missing-info', 'hard-to-understand', 'outdated', 'not-solved', 'other', 'other'] }, 'reasons'],
        ['a repeated reason', { reasons: ['outdated', 'outdated'] }, 'reasons'],
        ['an unknown reason', { reasons: ['too-long'] }, 'reasons'],
        ['a numeric reason', { reasons: [1] }, 'reasons'],
        ['a comment of 1001 characters', { comment: 'x'.repeat(1001) }, 'comment'],
        ['a numeric comment', { comment: 5 }, 'comment'],
        ['a null comment', { comment: null }, 'comment'],
        ['a comment with a lone high surrogate', { comment: 'kaputt \uD83D und weiter' }, 'comment'],
        ['a comment with a lone low surrogate', { comment: 'kaputt \uDE00' }, 'comment'],
        ['a comment with a reversed surrogate pair', { comment: '\uDE00\uD83D' }, 'comment'],
        ['a comment ending in a high surrogate', { comment: 'Ende\uD83D' }, 'comment'],
        ['a comment with NUL', { comment: 'a\u0000b' }, 'comment'],
        ['a comment with BEL', { comment: 'a\u0007b' }, 'comment'],
        ['a comment with ESC (terminal escapes)', { comment: '\u001b[31mrot' }, 'comment'],
        ['a comment with a carriage return', { comment: 'Zeile\r\nZeile' }, 'comment'],
        ['a comment with DEL', { comment: 'a\u007fb' }, 'comment'],
        ['a comment with a C1 control (NEL)', { comment: 'a\u0085b' }, 'comment'],
        ['a comment with a C1 control (CSI)', { comment: 'a\u009bb' }, 'comment'],
        ['a missing locale', (b) => delete b.locale, 'locale'],
        ['a locale of 36 characters', { locale: `de-${'a'.repeat(33)}` }, 'locale'],
        ['a locale with a space', { locale: 'de DE' }, 'locale'],
        ['a numeric locale', { locale: 7 }, 'locale'],
        ['a missing page', (b) => delete b.page, 'page'],
        ['a page without a leading slash', { page: 'hilfe/artikel' }, 'page'],
        ['a page with a query', { page: '/hilfe?x=1' }, 'page'],
        ['a page with a fragment', { page: '/hilfe#teil' }, 'page'],
        ['a page of 501 characters', { page: longPage }, 'page'],
        ['a page with a line break', { page: '/hilfe\nx' }, 'page'],
        ['a page with a lone surrogate', { page: '/hilfe/\uD800' }, 'page'],
        ['a page with a C1 control', { page: '/hilfe/\u0090' }, 'page'],
        ['a numeric honeypot', { hp: 5 }, 'hp'],
        ['elapsedMs given as a string', { elapsedMs: 'slow' }, 'elapsedMs'],
        ['an unknown field', { ip: '203.0.113.7' }, 'ip'],
        ['an own __proto__ field', '__proto__', '__proto__'],
      ];

      for (const [label, change, field] of rejected) {
        it(`rejects ${label} with 400 naming ${field}`, async () => {
          const body = validBody();
          let raw;
          if (change === '__proto__') raw = JSON.stringify(body).replace(/^\{/, '{"__proto__":{"x":1},');
          else if (typeof change === 'function') change(body);
          else Object.assign(body, change);
          const rowsBefore = await rowCount();

          const { status, json } = await postFeedback(server.url, raw ?? body);

          assert.equal(status, 400);
          assert.equal(json.error, 'invalid');
          assert.equal(json.field, field);
          assert.ok(json.message.startsWith(field), json.message);
          assert.equal(await rowCount(), rowsBefore);
        });
      }

      it('rejects a JSON array body with 400 naming the body', async () => {
        const { status, json } = await postFeedback(server.url, '[1,2]');
        assert.equal(status, 400);
        assert.deepEqual([json.error, json.field], ['invalid', 'body']);
      });

      it('names an unknown field in at most 41 inert characters: no markup, quotes or line breaks come back', async () => {
        const hostile = [
          `<img src=x onerror=alert(1)>${'A'.repeat(300)}`,
          '"}\r\nSet-Cookie: session=stolen',
          '\u202eevil\u0000',
          `${'é'.repeat(60)}`,
        ];
        for (const name of hostile) {
          const { status, json, headers } = await postFeedback(server.url, { ...validBody(), [name]: 1 });
          assert.equal(status, 400, name);
          assert.ok(json.field.length <= 41, `field of ${json.field.length} characters`);
          assert.match(json.field, /^[A-Za-z0-9_$…?-]+$/, json.field);
          assert.equal(json.message, `${json.field} is not a known field`);
          assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
        }
      });

      /** @type {[string, Record<string, unknown>][]} */
      const accepted = [
        ['only the required fields', { reasons: undefined, comment: undefined, elapsedMs: undefined }],
        ['an articleId of 200 characters', { articleId: `A.z_~-${'9'.repeat(194)}` }],
        ['an articleId of three dots', { articleId: '...' }],
        ['a comment of 1000 characters', { comment: 'x'.repeat(1000) }],
        ['five different reasons', { reasons: ['missing-info', 'hard-to-understand', 'outdated', 'not-solved', 'other'] }],
        ['thumbs rating 2', { scale: 'thumbs', rating: 2 }],
        ['faces rating 3', { scale: 'faces', rating: 3 }],
        ['an empty honeypot', { hp: '' }],
        ['elapsedMs of exactly 1500', { elapsedMs: 1500 }],
        ['a page of 500 characters', { page: `/${'a'.repeat(499)}` }],
        ['a bare language locale', { locale: 'en' }],
      ];
      for (const [label, overrides] of accepted) {
        it(`accepts ${label}`, async () => {
          const body = validBody(overrides);
          const { status, json } = await postFeedback(server.url, body);
          assert.equal(status, 201, JSON.stringify(json));
          assert.equal((await storedRows(body.submissionId)).length, 1);
        });
      }

      it('stores a comment with tabs, newlines, umlauts and emoji exactly as sent', async () => {
        const comment = 'Zeile 1\n\tEingerückt: Grüße 👍🏽 – “Zitat”\nZeile 3';
        const body = validBody({ comment, page: '/hilfe/grüße-👍' });
        assert.equal((await postFeedback(server.url, body)).status, 201);
        const [row] = await storedRows(body.submissionId);
        assert.deepEqual([row.comment, row.page], [comment, '/hilfe/grüße-👍']);
      });

      it('accepts application/json as well as text/plain', async () => {
        const { status } = await postFeedback(server.url, validBody(), { 'content-type': 'application/json' });
        assert.equal(status, 201);
      });

      it('stores an upper-case UUID under its lower-case form', async () => {
        const body = validBody();
        const upper = /** @type {string} */ (body.submissionId).toUpperCase();
        assert.equal((await postFeedback(server.url, { ...body, submissionId: upper })).status, 201);
        const second = await postFeedback(server.url, body);
        assert.equal(second.status, 200);
        assert.equal(second.json.submissionId, body.submissionId);
      });

      it('stores the fields it was given and nothing about the client', async () => {
        const body = validBody({ reasons: ['outdated', 'not-solved'] });
        await postFeedback(server.url, body, { 'user-agent': 'TestAgent/1.0' });
        const [row] = await storedRows(body.submissionId);
        // Beside what was sent: the comment's status, and the report's generated columns (migration 003).
        assert.deepEqual(Object.keys(row).sort(), [
          'article_id', 'comment', 'created_at', 'lang', 'locale', 'page', 'rating', 'reasons', 'revision', 'scale',
          'status', 'submission_id', 'updated_at', ...(kind === 'postgres' ? ['week'] : []),
        ]);
        assert.equal(row.status, 'open');
        assert.equal(row.lang, body.locale.toLowerCase().split(/[-_]/)[0]);
        assert.deepEqual(typeof row.reasons === 'string' ? JSON.parse(row.reasons) : row.reasons, ['outdated', 'not-solved']);
        assert.equal(row.comment, body.comment);
        assert.ok(!JSON.stringify(row).includes('TestAgent'));
        assert.ok(!JSON.stringify(row).includes('127.0.0.1'));
      });
    });

    describe('POST /api/feedback body handling', () => {
      it('answers 413 with JSON for a body over 2 KB', async () => {
        const body = validBody({ comment: 'ü'.repeat(1000) });
        assert.ok(Buffer.byteLength(JSON.stringify(body)) > 2048);
        const { status, json } = await postFeedback(server.url, body);
        assert.equal(status, 413);
        assert.equal(json.error, 'too-large');
        assert.equal((await storedRows(body.submissionId)).length, 0);
      });

      it('answers 400 invalid-json for malformed JSON', async () => {
        const { status, json } = await postFeedback(server.url, '{"submissionId": ');
        assert.equal(status, 400);
        assert.equal(json.error, 'invalid-json');
      });

      it('answers 400 invalid-json for an empty body', async () => {
        const { status, json } = await postFeedback(server.url, '');
        assert.equal(status, 400);
        assert.equal(json.error, 'invalid-json');
      });

      it('answers 202 to a filled honeypot and stores nothing, even when other fields are invalid', async () => {
        for (const body of [validBody({ hp: 'https://spam.example' }), validBody({ hp: 'x', rating: 99, extra: 1 })]) {
          const { status, json } = await postFeedback(server.url, body);
          assert.equal(status, 202);
          assert.deepEqual(json, { ok: true });
          assert.equal((await storedRows(body.submissionId)).length, 0);
        }
      });

      it('answers 202 to a submission sent less than 1.5 s after page load and stores nothing', async () => {
        const body = validBody({ elapsedMs: 1499 });
        const { status, json } = await postFeedback(server.url, body);
        assert.equal(status, 202);
        assert.deepEqual(json, { ok: true });
        assert.equal((await storedRows(body.submissionId)).length, 0);
      });
    });

    describe('upsert by submissionId', () => {
      it('answers 201 then 200 to the same request twice and keeps one row', async () => {
        const body = validBody();
        const first = await postFeedback(server.url, body);
        const second = await postFeedback(server.url, body);
        assert.equal(first.status, 201);
        assert.deepEqual(first.json, { ok: true, submissionId: body.submissionId, revision: 1 });
        assert.equal(second.status, 200);
        assert.deepEqual(second.json, { ok: true, submissionId: body.submissionId, revision: 1 });
        assert.equal((await storedRows(body.submissionId)).length, 1);
      });

      it('replaces the row with a higher revision', async () => {
        const body = validBody({ rating: 2 });
        await postFeedback(server.url, body);
        const update = await postFeedback(server.url, { ...body, revision: 2, rating: 5, comment: 'Jetzt klappt es.' });
        assert.equal(update.status, 200);
        assert.equal(update.json.revision, 2);
        const [row] = await storedRows(body.submissionId);
        assert.deepEqual([Number(row.revision), row.rating, row.comment], [2, 5, 'Jetzt klappt es.']);
        assert.ok(new Date(/** @type {string} */ (row.updated_at)) >= new Date(/** @type {string} */ (row.created_at)));
      });

      it('ignores an older revision that arrives after a newer one', async () => {
        const body = validBody();
        assert.equal((await postFeedback(server.url, { ...body, revision: 2, rating: 5 })).status, 201);
        const late = await postFeedback(server.url, { ...body, revision: 1, rating: 1 });
        assert.equal(late.status, 200);
        assert.equal(late.json.revision, 2);
        const [row] = await storedRows(body.submissionId);
        assert.deepEqual([Number(row.revision), row.rating], [2, 5]);
      });

      it('keeps revision 20 and one row when revisions 1..20 arrive in parallel', async () => {
        const body = validBody();
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) => postFeedback(server.url, { ...body, revision: i + 1, rating: (i % 5) + 1 })),
        );
        assert.ok(answers.every(({ status }) => status === 200 || status === 201));
        assert.equal(answers.filter(({ status }) => status === 201).length, 1);
        const rows = await storedRows(body.submissionId);
        assert.equal(rows.length, 1);
        assert.deepEqual([Number(rows[0].revision), rows[0].rating], [20, 5]);
      });

      it('keeps the largest revision a JavaScript number can hold exactly', async () => {
        const body = validBody({ revision: Number.MAX_SAFE_INTEGER });
        const { status, json } = await postFeedback(server.url, body);
        assert.equal(status, 201);
        assert.equal(json.revision, Number.MAX_SAFE_INTEGER);
        assert.equal(Number((await storedRows(body.submissionId))[0].revision), Number.MAX_SAFE_INTEGER);
      });
    });

    describe('a submission stays with its article', () => {
      it('refuses with 409 a higher revision that names another article, and keeps the stored row', async () => {
        const body = validBody({ articleId: 'artikel-a', rating: 2 });
        assert.equal((await postFeedback(server.url, body)).status, 201);

        const moved = await postFeedback(server.url, { ...body, revision: 2, articleId: 'artikel-b', rating: 5 });
        assert.equal(moved.status, 409);
        assert.equal(moved.json.error, 'conflict');
        assert.equal(moved.json.field, 'articleId');
        assert.match(moved.json.message, /belongs to another article/);

        const [row] = await storedRows(body.submissionId);
        assert.deepEqual([row.article_id, Number(row.revision), row.rating], ['artikel-a', 1, 2]);
        const summary = await readJson(await fetch(`${server.url}/api/articles/artikel-b/feedback-summary`));
        assert.equal(summary.count, 0, 'the other article got no rating');
      });

      it('refuses the same or a lower revision under another article too, and still takes the next revision of the right one', async () => {
        const body = validBody({ articleId: 'artikel-c' });
        await postFeedback(server.url, { ...body, revision: 3 });
        for (const revision of [3, 1]) {
          assert.equal((await postFeedback(server.url, { ...body, revision, articleId: 'artikel-d' })).status, 409, `revision ${revision}`);
        }
        const next = await postFeedback(server.url, { ...body, revision: 4, rating: 1 });
        assert.equal(next.status, 200);
        assert.equal(next.json.revision, 4);
      });

      it('refuses every move when revisions for two articles race', async () => {
        const body = validBody({ articleId: 'race-home' });
        assert.equal((await postFeedback(server.url, body)).status, 201);
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            postFeedback(server.url, { ...body, revision: i + 2, articleId: i % 2 ? 'race-home' : 'race-away' }),
          ),
        );
        assert.deepEqual(
          answers.map(({ status }) => status),
          Array.from({ length: 20 }, (_, i) => (i % 2 ? 200 : 409)),
        );
        const [row] = await storedRows(body.submissionId);
        assert.deepEqual([row.article_id, Number(row.revision)], ['race-home', 21]);
      });
    });

    describe('CORS and who may post', () => {
      it('gives an allowed origin Access-Control-Allow-Origin on a text/plain POST', async () => {
        const { status, headers } = await postFeedback(server.url, validBody(), { origin: ALLOWED_ORIGIN });
        assert.equal(status, 201);
        assert.equal(headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
        assert.equal(headers.get('access-control-allow-credentials'), null);
      });

      it('refuses a POST from a foreign page with 403 naming CORS_ORIGINS, and stores nothing', async () => {
        for (const origin of ['https://evil.example', 'https://help.example.com.evil.example', 'http://help.example.com', 'null']) {
          const body = validBody();
          const { status, json, headers } = await postFeedback(server.url, body, { origin });
          assert.equal(status, 403, origin);
          assert.equal(json.error, 'forbidden-origin');
          assert.match(json.message, /CORS_ORIGINS/);
          assert.equal(headers.get('access-control-allow-origin'), null);
          assert.equal((await storedRows(body.submissionId)).length, 0, `nothing stored for ${origin}`);
        }
      });

      it('refuses a foreign page before reading its body, even a malformed one', async () => {
        const { status, json } = await postFeedback(server.url, '{not json', { origin: 'https://evil.example' });
        assert.deepEqual([status, json.error], [403, 'forbidden-origin']);
      });

      it('accepts a POST without Origin (a server or script, not a browser page)', async () => {
        const { status } = await postFeedback(server.url, validBody());
        assert.equal(status, 201);
      });

      it('accepts a POST from a page on its own host, which is same-origin', async () => {
        const { status, headers } = await postFeedback(server.url, validBody(), { origin: server.url });
        assert.equal(status, 201);
        assert.equal(headers.get('access-control-allow-origin'), null, 'same-origin needs no CORS header');
      });

      it('gives another origin no CORS headers on the summary', async () => {
        const summary = await fetch(`${server.url}/api/articles/a/feedback-summary`, { headers: { origin: 'https://evil.example' } });
        assert.equal(summary.status, 200);
        assert.equal(summary.headers.get('access-control-allow-origin'), null);
      });

      it('answers a preflight from another origin with 404 and no CORS headers', async () => {
        const response = await fetch(`${server.url}/api/feedback`, {
          method: 'OPTIONS',
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
        });
        assert.equal(response.status, 404);
        assert.equal(response.headers.get('access-control-allow-origin'), null);
        assert.equal(response.headers.get('access-control-allow-methods'), null);
      });

      it('tells caches that answers depend on the Origin (Vary: Origin)', async () => {
        for (const origin of [ALLOWED_ORIGIN, 'https://evil.example']) {
          const response = await fetch(`${server.url}/api/articles/a/feedback-summary`, { headers: { origin } });
          assert.match(response.headers.get('vary') ?? '', /origin/i, origin);
        }
      });

      it('answers the preflight of an application/json POST from an allowed origin', async () => {
        const response = await fetch(`${server.url}/api/feedback`, {
          method: 'OPTIONS',
          headers: {
            origin: ALLOWED_ORIGIN,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
        assert.equal(response.status, 204);
        assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
        assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
        assert.match(response.headers.get('access-control-allow-headers') ?? '', /content-type/i);
        assert.equal(response.headers.get('access-control-max-age'), '600');
        assert.equal(response.headers.get('access-control-allow-credentials'), null);
      });
    });

    describe('X-Content-Type-Options', () => {
      it('is nosniff on every kind of answer', async () => {
        const answers = {
          created: await postFeedback(server.url, validBody()),
          invalid: await postFeedback(server.url, validBody({ rating: 9 })),
          'invalid json': await postFeedback(server.url, '{'),
          'too large': await postFeedback(server.url, validBody({ comment: 'ü'.repeat(1000) })),
          'foreign origin': await postFeedback(server.url, validBody(), { origin: 'https://evil.example' }),
          summary: await fetch(`${server.url}/api/articles/a/feedback-summary`),
          'bad summary id': await fetch(`${server.url}/api/articles/gr%C3%BC%C3%9Fe/feedback-summary`),
          'malformed URL': await fetch(`${server.url}/api/articles/%E0%A4%A/feedback-summary`),
          'not found': await fetch(`${server.url}/nothing-here`),
          health: await fetch(`${server.url}/healthz`),
          'admin without token': await fetch(`${server.url}/api/feedback`),
          'admin CSV': await fetch(`${server.url}/api/feedback.csv`, { headers: auth }),
          preflight: await fetch(`${server.url}/api/feedback`, {
            method: 'OPTIONS',
            headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' },
          }),
        };
        for (const [label, answer] of Object.entries(answers)) {
          assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', label);
        }
      });
    });

    describe('GET /api/articles/:articleId/feedback-summary', () => {
      it('answers for the longest valid article id and with its own error shape for a malformed URL', async () => {
        const articleId = `a${'b'.repeat(199)}`;
        assert.equal((await postFeedback(server.url, validBody({ articleId }))).status, 201);
        const long = await fetch(`${server.url}/api/articles/${articleId}/feedback-summary`);
        assert.equal(long.status, 200);
        assert.equal((await readJson(long)).count, 1);
        const malformed = await fetch(`${server.url}/api/articles/%E0%A4%A/feedback-summary`);
        assert.equal(malformed.status, 400);
        assert.deepEqual(await readJson(malformed), { error: 'bad-request', message: 'The URL is malformed.' });
      });

      it('reports count, average and distribution, per scale when scales are mixed', async () => {
        const articleId = `summary-${crypto.randomUUID()}`;
        for (const [scale, rating] of [['stars', 5], ['stars', 4], ['stars', 4], ['thumbs', 2]]) {
          await postFeedback(server.url, validBody({ articleId, scale, rating }));
        }
        const revised = validBody({ articleId, rating: 1 });
        await postFeedback(server.url, revised);
        await postFeedback(server.url, { ...revised, revision: 2, rating: 3 });

        const response = await fetch(`${server.url}/api/articles/${articleId}/feedback-summary`, {
          headers: { origin: ALLOWED_ORIGIN },
        });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
        assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
        assert.deepEqual(await readJson(response), {
          articleId,
          count: 4,
          average: 4,
          distribution: { 1: 0, 2: 0, 3: 1, 4: 2, 5: 1 },
          scale: 'stars',
          scales: {
            stars: { count: 4, average: 4, distribution: { 1: 0, 2: 0, 3: 1, 4: 2, 5: 1 } },
            thumbs: { count: 1, average: 2, distribution: { 1: 0, 2: 1 } },
          },
        });
      });

      it('reports the most used scale at the top level', async () => {
        const articleId = `faces-${crypto.randomUUID()}`;
        for (const rating of [1, 3]) await postFeedback(server.url, validBody({ articleId, scale: 'faces', rating }));
        await postFeedback(server.url, validBody({ articleId, scale: 'stars', rating: 5 }));
        const summary = await readJson(await fetch(`${server.url}/api/articles/${articleId}/feedback-summary`));
        assert.deepEqual([summary.scale, summary.count, summary.average], ['faces', 2, 2]);
        assert.deepEqual(summary.distribution, { 1: 1, 2: 0, 3: 1 });
      });

      it('reports zero for an article without ratings', async () => {
        const summary = await readJson(await fetch(`${server.url}/api/articles/never-rated/feedback-summary`));
        assert.deepEqual(summary, { articleId: 'never-rated', count: 0, average: null, distribution: {}, scale: null, scales: {} });
      });

      it('rejects an invalid articleId with 400', async () => {
        const response = await fetch(`${server.url}/api/articles/${encodeURIComponent('grüße')}/feedback-summary`);
        assert.equal(response.status, 400);
        assert.equal((await readJson(response)).field, 'articleId');
      });

      it('rejects the article ids "." and "..", raw or percent-encoded, with 400', async () => {
        // fetch() resolves "." and ".." (and %2E) away as URLs do, which is why such ids break the
        // summary URL; a raw request sends the path as it is.
        const { port } = new URL(server.url);
        for (const segment of ['.', '..', '%2E', '%2E%2E', '%2e%2E']) {
          const answer = await rawGet(port, `/api/articles/${segment}/feedback-summary`);
          assert.deepEqual([answer.status, answer.json.field], [400, 'articleId'], segment);
        }
      });
    });

    describe('admin export', () => {
      it('answers 401 without a token and with a wrong one', async () => {
        for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: ADMIN_TOKEN }]) {
          for (const route of ['/api/feedback', '/api/feedback.csv']) {
            const response = await fetch(`${server.url}${route}`, { headers });
            assert.equal(response.status, 401, `${route} ${JSON.stringify(headers)}`);
            assert.equal((await readJson(response)).error, 'unauthorized');
          }
        }
      });

      it('lists one article’s feedback as JSON with the token', async () => {
        const articleId = `export-${crypto.randomUUID()}`;
        const body = validBody({ articleId, reasons: ['other'] });
        await postFeedback(server.url, body);
        await postFeedback(server.url, validBody());
        const response = await fetch(`${server.url}/api/feedback?articleId=${articleId}`, { headers: auth });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        const list = await readJson(response);
        assert.equal(list.length, 1);
        assert.match(list[0].createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        assert.deepEqual(
          { ...list[0], createdAt: undefined, updatedAt: undefined },
          {
            submissionId: body.submissionId, revision: 1, articleId, rating: 4, scale: 'stars', reasons: ['other'],
            comment: body.comment, locale: 'de-DE', page: body.page, createdAt: undefined, updatedAt: undefined,
          },
        );
      });

      it('exports CSV with a byte-order mark (for Excel), quoting and a guard against spreadsheet formulas', async () => {
        const articleId = `csv-${crypto.randomUUID()}`;
        const tricky = validBody({ articleId, comment: '=HYPERLINK("http://x","klick"), zweite Zeile\nEnde', reasons: ['outdated', 'other'] });
        const plain = validBody({ articleId, comment: undefined, rating: 5, reasons: undefined });
        const signs = validBody({ articleId, comment: '-1+1 @home Öffnungszeiten', rating: 3 });
        for (const body of [tricky, plain, signs]) await postFeedback(server.url, body);

        const response = await fetch(`${server.url}/api/feedback.csv?articleId=${articleId}`, { headers: auth });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
        const bytes = Buffer.from(await response.arrayBuffer());
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        const text = bytes.subarray(3).toString('utf8');
        const lines = text.split('\r\n');
        assert.equal(
          lines[0],
          'submission_id,revision,article_id,rating,scale,reasons,comment,locale,page,created_at,updated_at',
        );
        assert.ok(text.includes(`,"outdated;other","'=HYPERLINK(""http://x"",""klick""), zweite Zeile\nEnde",de-DE,`), text);
        assert.ok(text.includes(`${plain.submissionId},1,${articleId},5,stars,,,de-DE,${plain.page},`));
        assert.ok(text.includes(`,'-1+1 @home Öffnungszeiten,`));
        assert.ok(text.endsWith('\r\n'));
      });

      it('guards comments that a spreadsheet would run as a formula after skipping what it ignores', async () => {
        const articleId = `csv-guard-${crypto.randomUUID()}`;
        const comments = {
          'line feed': '\n=1+1',
          tab: '\t=1+1',
          space: ' =1+1',
          'no-break space': '\u00a0=1+1',
          'byte-order mark': '\ufeff=1+1',
          'zero-width space': '\u200b=1+1',
          'word joiner': '\u2060=1+1',
          'full-width equals': '\uff1d1+1',
          'full-width plus': '\uff0b1',
          'full-width at': '\uff20SUM(A1)',
          'minus sign': '\u22121+1',
          'ideographic space': '\u3000=1+1',
          plus: '+1',
          at: '@SUM(A1)',
        };
        for (const comment of Object.values(comments)) await postFeedback(server.url, validBody({ articleId, comment }));
        const text = (await (await fetch(`${server.url}/api/feedback.csv?articleId=${articleId}`, { headers: auth })).text()).slice(1);
        const cells = parseCsv(text).slice(1).map((row) => row[6]);
        for (const [label, comment] of Object.entries(comments)) {
          assert.ok(cells.includes(`'${comment}`), `${label}: ${JSON.stringify(cells)}`);
        }
      });

      it('quotes cells with ";", the separator of Excel in German and other locales', async () => {
        const articleId = `csv-semicolon-${crypto.randomUUID()}`;
        await postFeedback(server.url, validBody({ articleId, comment: 'erstens; zweitens' }));
        const text = await (await fetch(`${server.url}/api/feedback.csv?articleId=${articleId}`, { headers: auth })).text();
        assert.ok(text.includes(',"erstens; zweitens",'), text);
      });

      it('is not registered without FEEDBACK_ADMIN_TOKEN', async () => {
        const open = await startOn(kind);
        try {
          for (const route of ['/api/feedback', '/api/feedback.csv']) {
            const response = await fetch(`${open.url}${route}`, { headers: auth });
            assert.equal(response.status, 404);
          }
        } finally {
          await open.close();
        }
      });
    });

    describe('health endpoint', () => {
      it('answers 200 with the store while it answers, 503 once it does not', async () => {
        const own = await startOn(kind);
        try {
          const healthy = await fetch(`${own.url}/healthz`);
          assert.equal(healthy.status, 200);
          assert.equal(healthy.headers.get('cache-control'), 'no-store');
          assert.deepEqual(await readJson(healthy), { ok: true, store: kind });

          await own.store.close();
          const down = await fetch(`${own.url}/healthz`);
          assert.equal(down.status, 503);
          assert.deepEqual(await readJson(down), { ok: false, store: kind, error: 'store-unavailable', message: 'The feedback store does not answer.' });
        } finally {
          await own.close();
        }
      });
    });

    describe('comment retention (FEEDBACK_COMMENT_RETENTION_DAYS)', () => {
      it('deletes comments older than the configured days at start, and keeps their ratings and newer comments', async () => {
        const fixture = await freshStore(kind);
        const old = validBody({ articleId: 'retention', rating: 2, comment: 'Alt und zu löschen.' });
        const recent = validBody({ articleId: 'retention', rating: 5, comment: 'Neu, bleibt.' });
        let first = await startServerOn(fixture.db);
        try {
          for (const body of [old, recent]) assert.equal((await postFeedback(first.url, body)).status, 201);
        } finally {
          await first.close();
        }
        await fixture.age(old.submissionId, 31);
        await fixture.age(recent.submissionId, 29);

        first = await startServerOn(fixture.db, { commentRetentionDays: 30, adminToken: ADMIN_TOKEN });
        try {
          const list = await readJson(await fetch(`${first.url}/api/feedback?articleId=retention`, { headers: auth }));
          const byId = Object.fromEntries(list.map((/** @type {any} */ row) => [row.submissionId, row]));
          assert.equal(byId[old.submissionId].comment, null, 'the old comment is gone');
          assert.equal(byId[old.submissionId].rating, 2, 'its rating stays');
          assert.deepEqual(byId[old.submissionId].reasons, old.reasons);
          assert.equal(byId[recent.submissionId].comment, 'Neu, bleibt.');
          const summary = await readJson(await fetch(`${first.url}/api/articles/retention/feedback-summary`));
          assert.equal(summary.count, 2);
        } finally {
          await first.close();
          fixture.remove();
        }
      });

      it('keeps every comment when no retention is configured', async () => {
        const fixture = await freshStore(kind);
        const body = validBody({ comment: 'Sehr alt.' });
        let running = await startServerOn(fixture.db);
        await postFeedback(running.url, body);
        await running.close();
        await fixture.age(body.submissionId, 5000);
        running = await startServerOn(fixture.db);
        try {
          assert.equal((await running.store.get(body.submissionId))?.comment, 'Sehr alt.');
        } finally {
          await running.close();
          fixture.remove();
        }
      });
    });

    describe('rate limit', () => {
      it('answers 429 with Retry-After once an address exceeds RATE_LIMIT_MAX posts', async () => {
        const limited = await startOn(kind, { rateLimitMax: 3, rateLimitWindowMs: 60_000 });
        try {
          for (let i = 0; i < 3; i += 1) assert.equal((await postFeedback(limited.url, validBody())).status, 201);
          const body = validBody();
          const { status, headers, json } = await postFeedback(limited.url, body);
          assert.equal(status, 429);
          assert.equal(json.error, 'rate-limited');
          assert.equal(headers.get('x-content-type-options'), 'nosniff');
          const retryAfter = Number(headers.get('retry-after'));
          assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
          assert.equal(await limited.fixture.rowCount(), 3);
          const summary = await fetch(`${limited.url}/api/articles/${body.articleId}/feedback-summary`);
          assert.equal(summary.status, 200, 'reads are not limited');
        } finally {
          await limited.close();
        }
      });
    });

    describe('persistence', () => {
      it('keeps ratings across a restart on the same store, at the newest schema version', async () => {
        const fixture = await freshStore(kind);
        try {
          const first = await startServerOn(fixture.db);
          const body = validBody({ articleId: 'restart-article' });
          assert.equal((await postFeedback(first.url, body)).status, 201);
          await first.close();

          const second = await startServerOn(fixture.db);
          try {
            const summary = await readJson(await fetch(`${second.url}/api/articles/restart-article/feedback-summary`));
            assert.equal(summary.count, 1);
            assert.equal((await postFeedback(second.url, body)).status, 200, 'the same submission is still known');
          } finally {
            await second.close();
          }
          assert.equal(await schemaVersion(kind, fixture.db), loadMigrations(kind).length);
        } finally {
          fixture.remove();
        }
      });
    });
  });
}

describe('who may post, by configuration', () => {
  it('allows its own origin when CORS_ORIGINS is not set', async () => {
    const own = await startOn('sqlite');
    try {
      const port = new URL(own.url).port;
      for (const origin of [own.url, `http://localhost:${port}`]) {
        const { status, headers } = await postFeedback(own.url, validBody(), { origin });
        assert.equal(status, 201);
        assert.equal(headers.get('access-control-allow-origin'), origin);
      }
      const { status, headers } = await postFeedback(own.url, validBody(), { origin: ALLOWED_ORIGIN });
      assert.equal(status, 403);
      assert.equal(headers.get('access-control-allow-origin'), null);
    } finally {
      await own.close();
    }
  });

  it('with "*" takes every web origin but not "null"', async () => {
    const any = await startOn('sqlite', { corsOrigins: '*' });
    try {
      const evil = await postFeedback(any.url, validBody(), { origin: 'https://anything.example' });
      assert.equal(evil.status, 201);
      assert.equal(evil.headers.get('access-control-allow-origin'), 'https://anything.example');
      assert.equal((await postFeedback(any.url, validBody(), { origin: 'null' })).status, 403);
    } finally {
      await any.close();
    }
  });

  it('takes Origin: null only when "null" is listed', async () => {
    const listed = await startOn('sqlite', { corsOrigins: ['null', ALLOWED_ORIGIN] });
    try {
      const { status, headers } = await postFeedback(listed.url, validBody(), { origin: 'null' });
      assert.equal(status, 201);
      assert.equal(headers.get('access-control-allow-origin'), 'null');
    } finally {
      await listed.close();
    }
  });
});

describe('rate limit behind a reverse proxy (TRUST_PROXY)', () => {
  const from = (/** @type {string} */ address) => ({ 'x-forwarded-for': address });

  it('counts each reader named by a trusted proxy separately', async () => {
    const proxied = await startOn('sqlite', { rateLimitMax: 1, trustProxy: ['127.0.0.1'] });
    try {
      assert.equal((await postFeedback(proxied.url, validBody(), from('203.0.113.7'))).status, 201);
      assert.equal((await postFeedback(proxied.url, validBody(), from('203.0.113.8'))).status, 201);
      assert.equal((await postFeedback(proxied.url, validBody(), from('203.0.113.7'))).status, 429);
    } finally {
      await proxied.close();
    }
  });

  it('ignores X-Forwarded-For from senders it does not trust', async () => {
    for (const trustProxy of [undefined, ['10.0.0.0/8']]) {
      const direct = await startOn('sqlite', { rateLimitMax: 1, trustProxy });
      try {
        assert.equal((await postFeedback(direct.url, validBody(), from('203.0.113.7'))).status, 201);
        assert.equal((await postFeedback(direct.url, validBody(), from('203.0.113.8'))).status, 429, `trustProxy ${trustProxy}`);
      } finally {
        await direct.close();
      }
    }
  });

  it('accepts a POST from the public host the proxy forwards for (X-Forwarded-Host), as same-origin', async () => {
    const proxied = await startOn('sqlite', { trustProxy: ['127.0.0.1'], corsOrigins: [ALLOWED_ORIGIN] });
    try {
      const headers = { origin: 'https://feedback.example.com', 'x-forwarded-host': 'feedback.example.com' };
      assert.equal((await postFeedback(proxied.url, validBody(), headers)).status, 201);
      assert.equal((await postFeedback(proxied.url, validBody(), { origin: 'https://feedback.example.com' })).status, 403);
    } finally {
      await proxied.close();
    }
  });
});

/**
 * A GET sent exactly as written (no URL normalization), answered with JSON.
 * @param {string} port
 * @param {string} path
 * @returns {Promise<{status: number | undefined, json: any}>}
 */
function rawGet(port, path) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(text) }));
      })
      .on('error', reject);
  });
}

/**
 * A collector on an existing store (restarts keep the data).
 * @param {string} db
 * @param {Parameters<typeof import('../start.js').startServer>[0]} [options]
 */
async function startServerOn(db, options = {}) {
  const { startServer } = await import('../start.js');
  return startServer({ ...options, db });
}

/**
 * The schema version the store records: SQLite's user_version, PostgreSQL's schema_migrations.
 * @param {'sqlite' | 'postgres'} kind
 * @param {string} db
 */
async function schemaVersion(kind, db) {
  if (kind === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const file = new Database(db, { readonly: true });
    try {
      return file.pragma('user_version', { simple: true });
    } finally {
      file.close();
    }
  }
  return withClient(db, async (client) => (await client.query('SELECT MAX(version) AS v FROM schema_migrations')).rows[0].v);
}

/**
 * A small RFC 4180 reader, enough to check cells the export wrote.
 * @param {string} text
 * @returns {string[][]}
 */
function parseCsv(text) {
  /** @type {string[][]} */
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}
