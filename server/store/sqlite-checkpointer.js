/**
 * The SQLite store's checkpointer: a worker thread with its own connection that folds the WAL into
 * the database file (`PRAGMA wal_checkpoint(PASSIVE)`) whenever the WAL has changed, a few times a
 * second at most. The checkpoint's fsync calls thus never stall the HTTP thread, and writers go on
 * appending meanwhile. Durability is SQLite's own: the same checkpoint, on another thread.
 *
 * In: 'stop'. Out: 'ready' once its connection is open, 'stopped' once it is closed.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const { file, intervalMs } = /** @type {{file: string, intervalMs: number}} */ (workerData);
const db = new Database(file);
db.pragma('busy_timeout = 5000');
const wal = `${file}-wal`;
let seen = '';

function tick() {
  const stat = fs.statSync(wal, { throwIfNoEntry: false });
  const now = stat ? `${stat.mtimeMs}:${stat.size}` : '';
  if (now !== seen) {
    db.pragma('wal_checkpoint(PASSIVE)');
    // What the checkpoint itself left behind counts as seen.
    const after = fs.statSync(wal, { throwIfNoEntry: false });
    seen = after ? `${after.mtimeMs}:${after.size}` : '';
  }
  timer = setTimeout(tick, intervalMs);
}
let timer = setTimeout(tick, intervalMs);

port.on('message', (message) => {
  if (message !== 'stop') return;
  clearTimeout(timer);
  db.close();
  port.postMessage('stopped');
  port.close();
});
port.postMessage('ready');
