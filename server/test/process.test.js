import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { startServer } from '../start.js';
import { postFeedback, spawnServer, tempDir, validBody } from './helpers.js';

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
  ];

  it('stops with exit code 1 and a one-line message for each bad variable', async () => {
    const { dir, remove } = tempDir();
    try {
      const results = await Promise.all(
        badEnvironments.map(([env]) =>
          spawnServer({ PORT: '0', FEEDBACK_DB: path.join(dir, 'never.sqlite'), ...env }).exited,
        ),
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

  it('says at start when the admin export is disabled', async () => {
    const { dir, remove } = tempDir();
    const server = spawnServer({ PORT: '0', FEEDBACK_DB: path.join(dir, 'f.sqlite') });
    try {
      await server.ready;
      await server.waitForOutput('Admin export disabled');
    } finally {
      server.child.kill('SIGTERM');
      assert.equal((await server.exited).code, 0);
      remove();
    }
  });
});

describe('help-feedback-collector process lifecycle', () => {
  it('reopens a database whose server was killed mid-write, with every acknowledged rating', async () => {
    const { dir, remove } = tempDir();
    const dbFile = path.join(dir, 'feedback.sqlite');
    const server = spawnServer({ PORT: '0', FEEDBACK_DB: dbFile, RATE_LIMIT_MAX: '1000000' });
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

      const reopened = await startServer({ dbFile });
      try {
        assert.equal(reopened.db.integrityCheck(), 'ok');
        const stored = new Set(reopened.db.list().map((row) => row.submission_id));
        const missing = acknowledged.filter((id) => !stored.has(id));
        assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged ratings lost`);
        assert.equal((await postFeedback(reopened.url, validBody())).status, 201, 'the reopened file accepts writes');
      } finally {
        await reopened.close();
      }
    } finally {
      server.child.kill('SIGKILL');
      remove();
    }
  });

  it('finishes a request in flight on SIGTERM and exits with code 0', async () => {
    const { dir, remove } = tempDir();
    const dbFile = path.join(dir, 'feedback.sqlite');
    const server = spawnServer({ PORT: '0', FEEDBACK_DB: dbFile });
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

      const reopened = await startServer({ dbFile });
      try {
        assert.equal(reopened.db.list('graceful-shutdown').length, 1);
      } finally {
        await reopened.close();
      }
    } finally {
      server.child.kill('SIGKILL');
      remove();
    }
  });
});
