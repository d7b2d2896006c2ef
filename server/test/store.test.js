// The store interface itself, on both stores: what a resolved upsert promises, and what happens to
// a write that fails or is still queued when the store closes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../store/index.js';
import { STORE_KINDS, freshStore, validBody } from './helpers.js';

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
  });
}
