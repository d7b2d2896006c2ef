// Schema migrations: shipped as files, applied once, in order, on both stores; old files keep working.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../store/index.js';
import { loadMigrations } from '../store/migrations.js';
import { PACKAGE_ROOT, freshStore, tempDir, validBody } from './helpers.js';
import { withClient } from './support/postgres.js';

describe('schema migrations', () => {
  it('are numbered files shipped in the package, the same versions for both stores', () => {
    const sqlite = loadMigrations('sqlite');
    const postgres = loadMigrations('postgres');
    assert.ok(sqlite.length >= 1);
    assert.deepEqual(sqlite.map((m) => m.name), postgres.map((m) => m.name));
    for (const kind of ['sqlite', 'postgres']) {
      assert.ok(fs.existsSync(path.join(PACKAGE_ROOT, 'migrations', kind, '001-feedback.sql')));
    }
  });

  it('open an SQLite file written by 0.2 (schema version 1) with its ratings, and keep writing to it', async () => {
    const { dir, remove } = tempDir();
    const file = path.join(dir, 'old.sqlite');
    try {
      // Exactly what 0.2's db.js created: migration 001 and user_version 1.
      const old = new Database(file);
      old.pragma('journal_mode = WAL');
      old.exec(loadMigrations('sqlite')[0].sql);
      old.pragma('user_version = 1');
      const body = validBody();
      old
        .prepare(`INSERT INTO feedback VALUES (?, 1, 'alt', 4, 'stars', '["outdated"]', 'Alter Kommentar', 'de', '/alt', ?, ?)`)
        .run(body.submissionId, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      old.close();

      const store = await openStore({ kind: 'sqlite', file });
      try {
        const row = await store.get(/** @type {string} */ (body.submissionId));
        assert.deepEqual([row?.article_id, row?.rating, row?.reasons, row?.comment], ['alt', 4, ['outdated'], 'Alter Kommentar']);
        const next = await store.upsert({
          submissionId: /** @type {string} */ (body.submissionId), revision: 2, articleId: 'alt', rating: 5, scale: 'stars',
          reasons: [], comment: null, locale: 'de', page: '/alt',
        });
        assert.equal(next.status, 'updated');
      } finally {
        await store.close();
      }
      const reopened = new Database(file, { readonly: true });
      try {
        assert.equal(reopened.pragma('user_version', { simple: true }), loadMigrations('sqlite').length);
        assert.equal(reopened.pragma('integrity_check', { simple: true }), 'ok');
      } finally {
        reopened.close();
      }
    } finally {
      remove();
    }
  });

  it('refuse an SQLite file from a newer collector, naming both versions', async () => {
    const { dir, remove } = tempDir();
    const file = path.join(dir, 'new.sqlite');
    try {
      const future = new Database(file);
      future.pragma('user_version = 99');
      future.close();
      await assert.rejects(openStore({ kind: 'sqlite', file }), /schema version 99, newer than this collector knows \(\d+\)/);
    } finally {
      remove();
    }
  });

  it('run once each on PostgreSQL when several instances start on an empty database at the same moment', async () => {
    const { db } = await freshStore('postgres');
    const stores = await Promise.all(Array.from({ length: 8 }, () => openStore({ kind: 'postgres', url: db, poolMax: 2 })));
    try {
      const results = await Promise.all(stores.map((store, i) => store.upsert({ ...validBody(), comment: `Instanz ${i}` })));
      assert.deepEqual(results.map((result) => result.status), Array(8).fill('created'));
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
    const versions = await withClient(db, async (client) => (await client.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows);
    assert.deepEqual(
      versions,
      loadMigrations('postgres').map(({ version, name }) => ({ version, name })),
    );
  });

  it('refuse a PostgreSQL database from a newer collector', async () => {
    const { db } = await freshStore('postgres');
    const store = await openStore({ kind: 'postgres', url: db, poolMax: 1 });
    await store.close();
    await withClient(db, (client) => client.query("INSERT INTO schema_migrations (version, name) VALUES (99, '099-future.sql')"));
    await assert.rejects(openStore({ kind: 'postgres', url: db, poolMax: 1 }), /schema version 99, newer than this collector knows/);
  });
});
