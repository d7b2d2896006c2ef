// The collector as a process (its bin): configuration errors, kill -9 and SIGTERM on both stores,
// timeouts against clients that never finish a request, and the backup command.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../start.js';
import { ENTRY, PACKAGE_ROOT, STORE_KINDS, freshStore, postFeedback, spawnServer, tempDir, validBody } from './helpers.js';

describe('help-feedback-collector configuration', () => {
  /** @type {[Record<string, string>, RegExp][]} */
  const badEnvironments = [
    [{ PORT: 'abc' }, /^Configuration error: PORT="abc" is invalid/],
    [{ PORT: '70000' }, /^Configuration error: PORT="70000" is invalid/],
    [{ PORT: '-1' }, /^Configuration error: PORT="-1" is invalid/],
    [{ HOST: 'http://localhost' }, /^Configuration error: HOST=/],
    [{ FEEDBACK_ADMIN_TOKEN: 'too-short' }, /^Configuration error: FEEDBACK_ADMIN_TOKEN is invalid/],
    [{ CORS_ORIGINS: 'help.example.com' }, /^Configuration error: CORS_ORIGINS contains "help.example.com"/],
    [{ CORS_ORIGINS: 'https://ok.example,https://help.example.com/' }, /^Configuration error: CORS_ORIGINS contains "https:\/\/help.example.com\/"/],
    [{ RATE_LIMIT_MAX: '0' }, /^Configuration error: RATE_LIMIT_MAX="0" is invalid/],
    [{ RATE_LIMIT_WINDOW_MS: '1m' }, /^Configuration error: RATE_LIMIT_WINDOW_MS="1m" is invalid/],
    [{ TRUST_PROXY: 'true' }, /^Configuration error: TRUST_PROXY contains "true"/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^Configuration error: TRUST_PROXY contains "10.0.0.0\/33"/],
    [{ FEEDBACK_DB: 'postgres://db.example' }, /^Configuration error: FEEDBACK_DB is invalid: expected a PostgreSQL URL with a database name/],
    [{ FEEDBACK_DB: 'mysql://db.example/feedback' }, /^Configuration error: FEEDBACK_DB is invalid: "mysql" URLs are not supported/],
    [{ REQUEST_TIMEOUT_MS: '10s' }, /^Configuration error: REQUEST_TIMEOUT_MS="10s" is invalid/],
    [{ KEEP_ALIVE_TIMEOUT_MS: '0' }, /^Configuration error: KEEP_ALIVE_TIMEOUT_MS="0" is invalid/],
    [{ SHUTDOWN_GRACE_MS: 'soon' }, /^Configuration error: SHUTDOWN_GRACE_MS="soon" is invalid/],
    [{ FEEDBACK_COMMENT_RETENTION_DAYS: '0' }, /^Configuration error: FEEDBACK_COMMENT_RETENTION_DAYS="0" is invalid/],
    [{ PG_POOL_MAX: '0' }, /^Configuration error: PG_POOL_MAX="0" is invalid/],
    [{ FEEDBACK_DB: ':memory:' }, /^Configuration error: FEEDBACK_DB=:memory: is not supported/],
  ];

  it('stops with exit code 1 and a one-line message for each bad variable', async () => {
    const { dir, remove } = tempDir();
    try {
      const results = await Promise.all(
        badEnvironments.map(([env]) => spawnServer({ PORT: '0', FEEDBACK_DB: path.join(dir, 'never.sqlite'), ...env }).exited),
      );
      results.forEach(({ code, stdout, stderr }, index) => {
        const [env, message] = badEnvironments[index];
        assert.equal(code, 1, JSON.stringify(env));
        assert.match(stderr, message);
        assert.equal(stderr.trimEnd().split('\n').length, 1, `one line for ${JSON.stringify(env)}`);
        assert.doesNotMatch(stdout, /listening/);
      });
    } finally {
      remove();
    }
  });

  it('says at start when the admin export is disabled, and which store it uses', async () => {
    const { dir, remove } = tempDir();
    const file = path.join(dir, 'f.sqlite');
    const server = spawnServer({ PORT: '0', FEEDBACK_DB: file });
    try {
      await server.ready;
      await server.waitForOutput('Admin export disabled');
      await server.waitForOutput(`Store: SQLite ${file}`);
    } finally {
      server.child.kill('SIGTERM');
      assert.equal((await server.exited).code, 0);
      remove();
    }
  });

  it('never prints a PostgreSQL password', async () => {
    const fixture = await freshStore('postgres');
    const url = fixture.db.replace('postgres@', 'postgres:s3cret-passw0rd@');
    const server = spawnServer({ PORT: '0', FEEDBACK_DB: url });
    try {
      await server.ready;
      await server.waitForOutput('Store: PostgreSQL');
    } finally {
      server.child.kill('SIGTERM');
      const { code, stdout, stderr } = await server.exited;
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stdout + stderr, /s3cret/);
      assert.match(stdout, /postgres:\*\*\*@/);
    }
  });

  it('answers an unknown command with the usage and exit code 2', async () => {
    const { code, stderr } = await run(['serv']);
    assert.equal(code, 2);
    assert.match(stderr, /Unknown command "serv"/);
    assert.match(stderr, /help-feedback-collector backup <file>/);
  });
});

for (const kind of STORE_KINDS) {
  describe(`help-feedback-collector process lifecycle on ${kind}`, () => {
    it('keeps every acknowledged rating when the server is killed mid-write', async () => {
      const fixture = await freshStore(kind);
      const server = spawnServer({ PORT: '0', FEEDBACK_DB: fixture.db, RATE_LIMIT_MAX: '1000000' });
      try {
        const url = await server.ready;
        /** @type {string[]} */
        const acknowledged = [];
        let killed = false;
        const worker = async () => {
          while (!killed) {
            const body = validBody();
            try {
              const { status } = await postFeedback(url, body);
              if (status === 201) acknowledged.push(/** @type {string} */ (body.submissionId));
              if (acknowledged.length >= 300 && !killed) {
                killed = true;
                server.child.kill('SIGKILL');
              }
            } catch {
              // Requests in flight at the kill fail; they were never acknowledged.
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        assert.equal((await server.exited).signal, 'SIGKILL');

        if (kind === 'sqlite') {
          const file = new Database(fixture.db);
          assert.equal(file.pragma('integrity_check', { simple: true }), 'ok');
          file.close();
        }
        const reopened = await startServer({ db: fixture.db });
        try {
          const stored = new Set((await reopened.store.list()).map((row) => row.submission_id));
          const missing = acknowledged.filter((id) => !stored.has(id));
          assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged ratings lost`);
          assert.equal((await postFeedback(reopened.url, validBody())).status, 201, 'the reopened store accepts writes');
        } finally {
          await reopened.close();
        }
      } finally {
        server.child.kill('SIGKILL');
        fixture.remove();
      }
    });

    it('finishes a request in flight on SIGTERM and exits with code 0', async () => {
      const fixture = await freshStore(kind);
      const server = spawnServer({ PORT: '0', FEEDBACK_DB: fixture.db });
      try {
        const url = new URL(await server.ready);
        const body = validBody({ articleId: 'graceful-shutdown' });
        const payload = JSON.stringify(body);
        const response = new Promise((resolve, reject) => {
          const request = http.request(
            {
              host: url.hostname,
              port: url.port,
              path: '/api/feedback',
              method: 'POST',
              headers: {
                'content-type': 'text/plain;charset=UTF-8',
                'content-length': Buffer.byteLength(payload),
                // The server's "100 Continue" proves the request is in flight before the signal.
                expect: '100-continue',
              },
            },
            (res) => {
              let text = '';
              res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
              res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(text) }));
            },
          );
          request.on('error', reject);
          request.on('continue', async () => {
            server.child.kill('SIGTERM');
            await server.waitForOutput('Shutting down (SIGTERM)');
            request.end(payload);
          });
          request.flushHeaders();
        });

        assert.deepEqual(await response, { status: 201, json: { ok: true, submissionId: body.submissionId, revision: 1 } });
        const { code, stdout } = await server.exited;
        assert.equal(code, 0);
        assert.match(stdout, /Feedback collector stopped/);

        const reopened = await startServer({ db: fixture.db });
        try {
          assert.equal((await reopened.store.list('graceful-shutdown')).length, 1);
        } finally {
          await reopened.close();
        }
      } finally {
        server.child.kill('SIGKILL');
        fixture.remove();
      }
    });
  });
}

// Each test bounds itself: without the timeouts under test, the connection would stay open for
// minutes and the test would hang instead of failing. The bound says nothing about speed.
describe('clients that never finish a request', { timeout: 60_000 }, () => {
  it('closes a connection whose body never completes (slowloris) once REQUEST_TIMEOUT_MS has passed', async () => {
    const server = await startServer({ requestTimeoutMs: 500 });
    try {
      const socket = await connect(server.url);
      socket.write(
        'POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 400\r\n\r\n{"submissionId":',
      );
      // A byte now and then keeps an idle timeout from firing; only a whole-request timeout closes it.
      const drip = setInterval(() => socket.writable && socket.write(' '), 100);
      const { answer } = await closed(socket);
      clearInterval(drip);
      assert.match(answer, /^HTTP\/1\.1 408 /);
      assert.match(answer, /x-content-type-options: nosniff/i);
      assert.match(answer, /"error":"request-timeout"/);
      assert.equal((await postFeedback(server.url, validBody())).status, 201, 'other clients are still served');
    } finally {
      await server.close();
    }
  });

  it('closes a connection whose headers never complete', async () => {
    const server = await startServer({ requestTimeoutMs: 500 });
    try {
      const socket = await connect(server.url);
      socket.write('POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a');
      const drip = setInterval(() => socket.writable && socket.write('a'), 100);
      await closed(socket);
      clearInterval(drip);
    } finally {
      await server.close();
    }
  });

  it('closes a connection that never sends anything', async () => {
    const server = await startServer({ requestTimeoutMs: 500 });
    try {
      await closed(await connect(server.url));
    } finally {
      await server.close();
    }
  });

  it('closes an idle keep-alive connection after KEEP_ALIVE_TIMEOUT_MS', async () => {
    const server = await startServer({ keepAliveTimeoutMs: 300 });
    try {
      const socket = await connect(server.url);
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const { answer } = await closed(socket);
      assert.match(answer, /^HTTP\/1\.1 200 /);
      assert.match(answer, /connection: keep-alive/i);
    } finally {
      await server.close();
    }
  });

  it('exits 0 on SIGTERM while a connection hangs mid-body, cutting it after SHUTDOWN_GRACE_MS', async () => {
    const { dir, remove } = tempDir();
    // The request timeout is far away, so only the shutdown can close the hung connection.
    const server = spawnServer({ PORT: '0', FEEDBACK_DB: path.join(dir, 'f.sqlite'), REQUEST_TIMEOUT_MS: '600000', SHUTDOWN_GRACE_MS: '300' });
    try {
      const url = await server.ready;
      const socket = await connect(url);
      const socketClosed = closed(socket);
      socket.write(
        'POST /api/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 400\r\nExpect: 100-continue\r\n\r\n',
      );
      // "100 Continue" proves the collector holds the request; then part of the body, and no more.
      await new Promise((resolve) => socket.once('data', resolve));
      socket.write('{"sub');
      server.child.kill('SIGTERM');
      const { code, stdout, stderr } = await server.exited;
      assert.equal(code, 0, stderr);
      assert.match(stdout, /Feedback collector stopped/);
      await socketClosed;
    } finally {
      server.child.kill('SIGKILL');
      remove();
    }
  });
});

describe('help-feedback-collector backup', () => {
  it('copies a live SQLite store with the online backup API, including what is still in the WAL', async () => {
    const { dir, remove } = tempDir();
    const file = path.join(dir, 'live.sqlite');
    const server = await startServer({ db: file });
    try {
      const bodies = Array.from({ length: 25 }, () => validBody({ articleId: 'backup-article' }));
      for (const body of bodies) assert.equal((await postFeedback(server.url, body)).status, 201);

      const destination = path.join(dir, 'copy.sqlite');
      const { code, stdout, stderr } = await run(['backup', destination], { FEEDBACK_DB: file });
      assert.equal(code, 0, stderr);
      assert.match(stdout, /^Backed up .+live\.sqlite to .+copy\.sqlite \(\d+ pages\)\./);

      const copy = new Database(destination, { readonly: true });
      try {
        assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
        const ids = copy.prepare("SELECT submission_id FROM feedback WHERE article_id = 'backup-article'").pluck().all();
        assert.deepEqual(new Set(ids), new Set(bodies.map((body) => body.submissionId)));
      } finally {
        copy.close();
      }
      assert.equal((await postFeedback(server.url, validBody())).status, 201, 'the collector kept running');
    } finally {
      await server.close();
      remove();
    }
  });

  it('refuses a PostgreSQL store and names pg_dump', async () => {
    const { code, stderr } = await run(['backup', '/tmp/never.sqlite'], { FEEDBACK_DB: 'postgres://db.example/feedback' });
    assert.equal(code, 1);
    assert.match(stderr, /pg_dump --format=custom/);
  });

  it('fails with a clear message when the SQLite file does not exist', async () => {
    const { dir, remove } = tempDir();
    try {
      const { code, stderr } = await run(['backup', path.join(dir, 'copy.sqlite')], { FEEDBACK_DB: path.join(dir, 'missing.sqlite') });
      assert.equal(code, 1);
      assert.match(stderr, /^Backup failed: /);
    } finally {
      remove();
    }
  });
});

/**
 * Runs the bin with arguments to completion.
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @returns {Promise<{code: number | null, stdout: string, stderr: string}>}
 */
function run(args, env = {}) {
  const child = spawn(process.execPath, [ENTRY, ...args], {
    cwd: PACKAGE_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * A raw TCP connection to the collector.
 * @param {string} url
 * @returns {Promise<net.Socket>}
 */
function connect(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Resolves once the server has closed the connection, with everything it sent.
 * @param {net.Socket} socket
 * @returns {Promise<{answer: string}>}
 */
function closed(socket) {
  let answer = '';
  socket.setEncoding('utf8').on('data', (chunk) => (answer += chunk));
  socket.on('error', () => {});
  return new Promise((resolve) => socket.once('close', () => resolve({ answer })));
}
