/**
 * The schema migrations shipped in the package, one `.sql` file each: `migrations/<store>/NNN-name.sql`.
 * Append only: a shipped file is never edited; a change is a new file with the next number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

/**
 * @typedef {{version: number, name: string, sql: string}} Migration
 */

/**
 * The migrations of one store in order; `version` counts from 1 without gaps.
 * @param {'sqlite' | 'postgres'} kind
 * @returns {Migration[]}
 */
export function loadMigrations(kind) {
  const dir = path.join(MIGRATIONS_DIR, kind);
  const migrations = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{3})-[a-z0-9-]+\.sql$/.exec(file);
      if (!match) throw new Error(`Migration file ${kind}/${file} is not named NNN-name.sql.`);
      return { version: Number(match[1]), name: file, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
    });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${kind}/${migration.name} should be number ${index + 1}: versions must count from 001 without gaps.`);
    }
  });
  return migrations;
}

/**
 * The error for a database written by a newer collector.
 * @param {number} version
 * @param {number} known
 */
export function tooNewError(version, known) {
  return new Error(`The feedback database has schema version ${version}, newer than this collector knows (${known}); update the collector.`);
}
