import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../start.js';
import { postFeedback, tempDir, validBody } from './helpers.js';

const ALLOWED_ORIGIN = 'https://help.example.com';
const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;

before(async () => {
  server = await startServer({ corsOrigins: [ALLOWED_ORIGIN], adminToken: ADMIN_TOKEN, rateLimitMax: 100_000 });
});
after(() => server.close());

const rowCount = () => server.db.raw.prepare('SELECT COUNT(*) FROM feedback').pluck().get();

/** @param {string} submissionId */
const storedRows = (submissionId) =>
  server.db.raw.prepare('SELECT * FROM feedback WHERE submission_id = ?').all(submissionId.toLowerCase());

describe('POST /api/feedback validation', () => {
  const longPage = `/${'a'.repeat(500)}`;
  /** @type {[string, Record<string, unknown> | ((body: Record<string, unknown>) => void), string][]} */
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
      const rowsBefore = rowCount();

      const { status, json } = await postFeedback(server.url, raw ?? body);

      assert.equal(status, 400);
      assert.equal(json.error, 'invalid');
      assert.equal(json.field, field);
      assert.ok(json.message.startsWith(field), json.message);
      assert.equal(rowCount(), rowsBefore);
    });
  }

  it('rejects a JSON array body with 400 naming the body', async () => {
    const { status, json } = await postFeedback(server.url, '[1,2]');
    assert.equal(status, 400);
    assert.deepEqual([json.error, json.field], ['invalid', 'body']);
  });

  /** @type {[string, Record<string, unknown>][]} */
  const accepted = [
    ['only the required fields', { reasons: undefined, comment: undefined, elapsedMs: undefined }],
    ['an articleId of 200 characters', { articleId: `A.z_~-${'9'.repeat(194)}` }],
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
      assert.equal(storedRows(/** @type {string} */ (body.submissionId)).length, 1);
    });
  }

  it('accepts application/json as well as text/plain', async () => {
    const body = validBody();
    const { status } = await postFeedback(server.url, body, { 'content-type': 'application/json' });
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
    const [row] = storedRows(/** @type {string} */ (body.submissionId));
    assert.deepEqual(Object.keys(row).sort(), [
      'article_id', 'comment', 'created_at', 'locale', 'page', 'rating', 'reasons', 'revision', 'scale',
      'submission_id', 'updated_at',
    ]);
    assert.equal(row.reasons, '["outdated","not-solved"]');
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
    assert.equal(storedRows(/** @type {string} */ (body.submissionId)).length, 0);
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
      assert.equal(storedRows(/** @type {string} */ (body.submissionId)).length, 0);
    }
  });

  it('answers 202 to a submission sent less than 1.5 s after page load and stores nothing', async () => {
    const body = validBody({ elapsedMs: 1499 });
    const { status, json } = await postFeedback(server.url, body);
    assert.equal(status, 202);
    assert.deepEqual(json, { ok: true });
    assert.equal(storedRows(/** @type {string} */ (body.submissionId)).length, 0);
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
    assert.equal(storedRows(/** @type {string} */ (body.submissionId)).length, 1);
  });

  it('replaces the row with a higher revision', async () => {
    const body = validBody({ rating: 2 });
    await postFeedback(server.url, body);
    const update = await postFeedback(server.url, { ...body, revision: 2, rating: 5, comment: 'Jetzt klappt es.' });
    assert.equal(update.status, 200);
    assert.equal(update.json.revision, 2);
    const [row] = storedRows(/** @type {string} */ (body.submissionId));
    assert.deepEqual([row.revision, row.rating, row.comment], [2, 5, 'Jetzt klappt es.']);
    assert.ok(row.updated_at >= row.created_at);
  });

  it('ignores an older revision that arrives after a newer one', async () => {
    const body = validBody();
    assert.equal((await postFeedback(server.url, { ...body, revision: 2, rating: 5 })).status, 201);
    const late = await postFeedback(server.url, { ...body, revision: 1, rating: 1 });
    assert.equal(late.status, 200);
    assert.equal(late.json.revision, 2);
    const [row] = storedRows(/** @type {string} */ (body.submissionId));
    assert.deepEqual([row.revision, row.rating], [2, 5]);
  });

  it('keeps revision 20 and one row when revisions 1..20 arrive in parallel', async () => {
    const body = validBody();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postFeedback(server.url, { ...body, revision: i + 1, rating: (i % 5) + 1 })),
    );
    assert.ok(answers.every(({ status }) => status === 200 || status === 201));
    assert.equal(answers.filter(({ status }) => status === 201).length, 1);
    const rows = storedRows(/** @type {string} */ (body.submissionId));
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0].revision, rows[0].rating], [20, 5]);
  });
});

describe('CORS', () => {
  it('gives an allowed origin Access-Control-Allow-Origin on a text/plain POST', async () => {
    const { status, headers } = await postFeedback(server.url, validBody(), { origin: ALLOWED_ORIGIN });
    assert.equal(status, 201);
    assert.equal(headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    assert.equal(headers.get('access-control-allow-credentials'), null);
  });

  it('gives another origin no CORS headers', async () => {
    const { headers } = await postFeedback(server.url, validBody(), { origin: 'https://evil.example' });
    assert.equal(headers.get('access-control-allow-origin'), null);
    const summary = await fetch(`${server.url}/api/articles/a/feedback-summary`, { headers: { origin: 'https://evil.example' } });
    assert.equal(summary.headers.get('access-control-allow-origin'), null);
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
  });

  it('allows its own origin when CORS_ORIGINS is not set', async () => {
    const own = await startServer();
    try {
      const port = new URL(own.url).port;
      for (const origin of [own.url, `http://localhost:${port}`]) {
        const { headers } = await postFeedback(own.url, validBody(), { origin });
        assert.equal(headers.get('access-control-allow-origin'), origin);
      }
      const { headers } = await postFeedback(own.url, validBody(), { origin: ALLOWED_ORIGIN });
      assert.equal(headers.get('access-control-allow-origin'), null);
    } finally {
      await own.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once an address exceeds RATE_LIMIT_MAX posts', async () => {
    const limited = await startServer({ rateLimitMax: 3, rateLimitWindowMs: 60_000 });
    try {
      for (let i = 0; i < 3; i += 1) assert.equal((await postFeedback(limited.url, validBody())).status, 201);
      const body = validBody();
      const { status, headers, json } = await postFeedback(limited.url, body);
      assert.equal(status, 429);
      assert.equal(json.error, 'rate-limited');
      const retryAfter = Number(headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal(limited.db.list().length, 3);
      const summary = await fetch(`${limited.url}/api/articles/${body.articleId}/feedback-summary`);
      assert.equal(summary.status, 200, 'reads are not limited');
    } finally {
      await limited.close();
    }
  });
});

describe('rate limit behind a reverse proxy (TRUST_PROXY)', () => {
  const from = (address) => ({ 'x-forwarded-for': address });

  it('counts each reader named by a trusted proxy separately', async () => {
    const proxied = await startServer({ rateLimitMax: 1, trustProxy: ['127.0.0.1'] });
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
      const direct = await startServer({ rateLimitMax: 1, trustProxy });
      try {
        assert.equal((await postFeedback(direct.url, validBody(), from('203.0.113.7'))).status, 201);
        assert.equal((await postFeedback(direct.url, validBody(), from('203.0.113.8'))).status, 429, `trustProxy ${trustProxy}`);
      } finally {
        await direct.close();
      }
    }
  });
});

describe('GET /api/articles/:articleId/feedback-summary', () => {
  it('answers for the longest valid article id and with its own error shape for a malformed URL', async () => {
    const articleId = `a${'b'.repeat(199)}`;
    assert.equal((await postFeedback(server.url, validBody({ articleId }))).status, 201);
    const long = await fetch(`${server.url}/api/articles/${articleId}/feedback-summary`);
    assert.equal(long.status, 200);
    assert.equal((await long.json()).count, 1);
    const malformed = await fetch(`${server.url}/api/articles/%E0%A4%A/feedback-summary`);
    assert.equal(malformed.status, 400);
    assert.deepEqual(await malformed.json(), { error: 'bad-request', message: 'The URL is malformed.' });
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
    assert.deepEqual(await response.json(), {
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
    const summary = await (await fetch(`${server.url}/api/articles/${articleId}/feedback-summary`)).json();
    assert.deepEqual([summary.scale, summary.count, summary.average], ['faces', 2, 2]);
    assert.deepEqual(summary.distribution, { 1: 1, 2: 0, 3: 1 });
  });

  it('reports zero for an article without ratings', async () => {
    const summary = await (await fetch(`${server.url}/api/articles/never-rated/feedback-summary`)).json();
    assert.deepEqual(summary, { articleId: 'never-rated', count: 0, average: null, distribution: {}, scale: null, scales: {} });
  });

  it('rejects an invalid articleId with 400', async () => {
    const response = await fetch(`${server.url}/api/articles/${encodeURIComponent('grüße')}/feedback-summary`);
    assert.equal(response.status, 400);
    assert.equal((await response.json()).field, 'articleId');
  });
});

describe('admin export', () => {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

  it('answers 401 without a token and with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: ADMIN_TOKEN }]) {
      for (const route of ['/api/feedback', '/api/feedback.csv']) {
        const response = await fetch(`${server.url}${route}`, { headers });
        assert.equal(response.status, 401, `${route} ${JSON.stringify(headers)}`);
        assert.equal((await response.json()).error, 'unauthorized');
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
    const list = await response.json();
    assert.equal(list.length, 1);
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
    assert.ok(text.includes(`,outdated;other,"'=HYPERLINK(""http://x"",""klick""), zweite Zeile\nEnde",de-DE,`));
    assert.ok(text.includes(`${plain.submissionId},1,${articleId},5,stars,,,de-DE,${plain.page},`));
    assert.ok(text.includes(`,'-1+1 @home Öffnungszeiten,`));
    assert.ok(text.endsWith('\r\n'));
  });

  it('is not registered without FEEDBACK_ADMIN_TOKEN', async () => {
    const open = await startServer();
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

describe('persistence', () => {
  it('keeps ratings across a restart on the same file', async () => {
    const { dir, remove } = tempDir();
    const dbFile = path.join(dir, 'nested/feedback.sqlite');
    try {
      const first = await startServer({ dbFile });
      const body = validBody({ articleId: 'restart-article' });
      assert.equal((await postFeedback(first.url, body)).status, 201);
      await first.close();

      const second = await startServer({ dbFile });
      try {
        const summary = await (await fetch(`${second.url}/api/articles/restart-article/feedback-summary`)).json();
        assert.equal(summary.count, 1);
        assert.equal((await postFeedback(second.url, body)).status, 200, 'the same submission is still known');
        assert.equal(second.db.raw.pragma('user_version', { simple: true }), 1);
      } finally {
        await second.close();
      }
    } finally {
      remove();
    }
  });
});
