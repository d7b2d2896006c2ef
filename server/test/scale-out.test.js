// Two collector processes on one PostgreSQL database, as behind a load balancer: concurrent
// revisions of the same submissions, and one instance killed under load.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startServer } from '../start.js';
import { freshStore, postFeedback, spawnServer, validBody } from './helpers.js';
import { withClient } from './support/postgres.js';

/** @param {Record<string, string>} env */
async function twoInstances(env) {
  const instances = [spawnServer(env), spawnServer(env)];
  const urls = await Promise.all(instances.map((instance) => instance.ready));
  return { instances, urls };
}

/**
 * `items` in a random order (Fisher–Yates).
 * @template T
 * @param {T[]} items
 */
function shuffled(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = crypto.randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('two collector instances on one PostgreSQL', () => {
  it('end with exactly one row per submission at its highest revision when revisions interleave across both', async () => {
    const fixture = await freshStore('postgres');
    const { instances, urls } = await twoInstances({ PORT: '0', FEEDBACK_DB: fixture.db, RATE_LIMIT_MAX: '1000000' });
    try {
      const SUBMISSIONS = 40;
      const REVISIONS = 12;
      const bodies = Array.from({ length: SUBMISSIONS }, () => validBody({ articleId: 'scale-out' }));
      // Every revision of every submission, in random order, alternately to each instance.
      const posts = shuffled(
        bodies.flatMap((body) =>
          Array.from({ length: REVISIONS }, (_, i) => ({ ...body, revision: i + 1, rating: (i % 5) + 1, comment: `Revision ${i + 1}` })),
        ),
      );
      /** @type {number[]} */
      const statuses = [];
      let next = 0;
      const worker = async (/** @type {number} */ lane) => {
        while (next < posts.length) {
          const body = posts[next];
          next += 1;
          const { status } = await postFeedback(urls[(next + lane) % 2], body);
          statuses.push(status);
        }
      };
      await Promise.all(Array.from({ length: 16 }, (_, lane) => worker(lane)));

      assert.equal(statuses.length, SUBMISSIONS * REVISIONS);
      assert.deepEqual(statuses.filter((status) => status >= 500), [], 'no 5xx');
      assert.ok(statuses.every((status) => status === 200 || status === 201), `statuses ${[...new Set(statuses)]}`);
      assert.equal(statuses.filter((status) => status === 201).length, SUBMISSIONS, 'one "created" per submission');

      const rows = await withClient(fixture.db, async (client) =>
        (await client.query("SELECT submission_id, revision, rating, comment FROM feedback WHERE article_id = 'scale-out'")).rows,
      );
      assert.equal(rows.length, SUBMISSIONS, 'exactly one row per submission');
      const lastRating = ((REVISIONS - 1) % 5) + 1;
      for (const row of rows) {
        assert.deepEqual([Number(row.revision), row.rating, row.comment], [REVISIONS, lastRating, `Revision ${REVISIONS}`], row.submission_id);
      }
    } finally {
      for (const instance of instances) instance.child.kill('SIGTERM');
      const exits = await Promise.all(instances.map((instance) => instance.exited));
      assert.deepEqual(exits.map(({ code }) => code), [0, 0]);
    }
  });

  it('lose no acknowledged rating when one is killed with SIGKILL under load, and the other keeps answering', async () => {
    const fixture = await freshStore('postgres');
    const { instances, urls } = await twoInstances({ PORT: '0', FEEDBACK_DB: fixture.db, RATE_LIMIT_MAX: '1000000' });
    const [victim] = instances;
    try {
      /** @type {string[]} */
      const acknowledged = [];
      /** @type {number[]} */
      const survivorStatuses = [];
      let killed = false;
      let afterKill = 0;
      const worker = async (/** @type {number} */ lane) => {
        // Each worker alternates between the instances; after the kill, the victim's requests fail.
        for (let i = lane; afterKill < 200; i += 1) {
          const target = i % 2;
          if (killed && target === 0) continue;
          const body = validBody();
          try {
            const { status } = await postFeedback(urls[target], body);
            if (status === 201) acknowledged.push(/** @type {string} */ (body.submissionId));
            if (target === 1) survivorStatuses.push(status);
            if (killed) afterKill += 1;
          } catch {
            // In flight on the victim at the kill: never acknowledged.
          }
          if (acknowledged.length >= 300 && !killed) {
            killed = true;
            victim.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, lane) => worker(lane)));
      assert.equal((await victim.exited).signal, 'SIGKILL');
      assert.deepEqual([...new Set(survivorStatuses)], [201], 'the survivor answered every request with 201');

      const reader = await startServer({ db: fixture.db });
      try {
        const stored = new Set((await reader.store.list()).map((row) => row.submission_id));
        const missing = acknowledged.filter((id) => !stored.has(id));
        assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged ratings lost`);
        assert.equal(stored.size >= acknowledged.length, true);
      } finally {
        await reader.close();
      }
    } finally {
      for (const instance of instances) instance.child.kill('SIGKILL');
    }
  });
});
