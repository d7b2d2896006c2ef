// The store interface itself, on both stores: what a resolved upsert promises, and what happens to
// a write that fails or is still queued when the store closes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openStore } from '../store/index.js';
import { STORE_KINDS, freshStore, validBody } from './helpers.js';
import { withClient } from './support/postgres.js';

/** @param {import('./helpers.js').StoreFixture} fixture */
const open = (fixture) =>
  openStore(fixture.kind === 'sqlite' ? { kind: 'sqlite', file: fixture.db } : { kind: 'postgres', url: fixture.db, poolMax: 4 });

/** A submission as the validator hands it to the store. */
const feedback = (/** @type {Record<string, unknown>} */ overrides = {}) => {
  const { elapsedMs, ...body } = validBody(overrides);
  return body;
};

for (const kind of STORE_KINDS) {
  describe(`the ${kind} store`, () => {
    it('has committed a write when its upsert resolves: another connection sees it at once', async () => {
      const fixture = await freshStore(kind);
      const store = await open(fixture);
      try {
        // Many at once, so they share transactions where the store groups them.
        const writes = Array.from({ length: 60 }, () => feedback());
        await Promise.all(
          writes.map(async (write) => {
            assert.equal((await store.upsert(write)).status, 'created');
            assert.equal((await fixture.rawRows(write.submissionId)).length, 1, 'visible to another connection when acknowledged');
          }),
        );
      } finally {
        await store.close();
        fixture.remove();
      }
    });

    it('fails only the write the database refuses, and commits the others sent with it', async () => {
      const fixture = await freshStore(kind);
      const store = await open(fixture);
      try {
        const good = [feedback(), feedback(), feedback()];
        // A scale the table's CHECK constraint refuses (the validator never lets one through).
        const bad = feedback({ scale: 'hearts' });
        const results = await Promise.allSettled([store.upsert(good[0]), store.upsert(bad), store.upsert(good[1]), store.upsert(good[2])]);
        assert.deepEqual(results.map((result) => result.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
        for (const write of good) assert.equal((await fixture.rawRows(write.submissionId)).length, 1);
        assert.equal((await fixture.rawRows(bad.submissionId)).length, 0);
      } finally {
        await store.close();
        fixture.remove();
      }
    });

    it('commits the writes still queued when it closes, and refuses new ones after', async () => {
      const fixture = await freshStore(kind);
      const store = await open(fixture);
      const writes = Array.from({ length: 20 }, () => feedback());
      const pending = writes.map((write) => store.upsert(write));
      await store.close();
      assert.deepEqual((await Promise.all(pending)).map((result) => result.status), Array(20).fill('created'));
      await assert.rejects(store.upsert(feedback()), /closed/);
      const reopened = await open(fixture);
      try {
        for (const write of writes) assert.ok(await reopened.get(write.submissionId), write.submissionId);
      } finally {
        await reopened.close();
        fixture.remove();
      }
    });

    it('keeps the highest of many revisions of one submission written together', async () => {
      const fixture = await freshStore(kind);
      const store = await open(fixture);
      try {
        const base = feedback();
        const results = await Promise.all(
          [3, 1, 5, 2, 4].map((revision) => store.upsert({ ...base, revision, rating: revision })),
        );
        assert.equal(results.filter((result) => result.status === 'created').length, 1);
        const row = await store.get(base.submissionId);
        assert.deepEqual([row?.revision, row?.rating], [5, 5]);
      } finally {
        await store.close();
        fixture.remove();
      }
    });

    it('deletes old comments across a table larger than one retention step, and keeps newer ones', async () => {
      const fixture = await freshStore(kind);
      const store = await open(fixture);
      try {
        const recent = feedback({ comment: 'Bleibt.' });
        await store.upsert(recent);
        // 12,000 old rows with comments, written past the collector (faster than 12,000 POSTs).
        const old = '2020-01-01T00:00:00.000Z';
        if (kind === 'sqlite') {
          const db = new Database(fixture.db);
          const insert = db.prepare(
            `INSERT INTO feedback (submission_id, revision, article_id, rating, scale, reasons, comment, locale, page, created_at, updated_at)
             VALUES (lower(hex(randomblob(16))), 1, 'alt', 3, 'stars', '[]', 'Alt.', 'de', '/alt', ?, ?)`,
          );
          db.transaction(() => {
            for (let i = 0; i < 12_000; i += 1) insert.run(old, old);
          })();
          db.close();
        } else {
          await withClient(fixture.db, (client) =>
            client.query(
              `INSERT INTO feedback SELECT md5(i::text), 1, 'alt', 3, 'stars', '[]', 'Alt.', 'de', '/alt', $1, $1
               FROM generate_series(1, 12000) AS i`,
              [old],
            ),
          );
        }
        assert.equal(await store.deleteCommentsBefore(new Date('2025-01-01T00:00:00Z')), 12_000);
        const rows = await store.list('alt');
        assert.equal(rows.length, 12_000, 'the ratings stay');
        assert.deepEqual([...new Set(rows.map((row) => row.comment))], [null]);
        assert.equal((await store.get(recent.submissionId))?.comment, 'Bleibt.');
      } finally {
        await store.close();
        fixture.remove();
      }
    });
  });
}

describe('the sqlite store while it runs', () => {
  it('folds the WAL into the database file without closing (checkpoints on its own thread)', { timeout: 60_000 }, async () => {
    const fixture = await freshStore('sqlite');
    const store = await open(fixture);
    try {
      const initial = fs.statSync(fixture.db).size;
      for (let round = 0; round < 10; round += 1) {
        await Promise.all(Array.from({ length: 200 }, () => store.upsert(feedback({ comment: 'x'.repeat(900) }))));
      }
      // Until a checkpoint has copied pages from the WAL into the file; without one it would never grow.
      while (fs.statSync(fixture.db).size <= initial) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await store.close();
      fixture.remove();
    }
  });
});
