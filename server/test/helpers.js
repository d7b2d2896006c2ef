/**
 * Shared helpers for the collector tests: valid bodies, a POST helper and a child-process launcher.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The collector package folder. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRY = path.join(PACKAGE_ROOT, 'bin/help-feedback-collector.js');

/**
 * A body the collector accepts; override any field.
 * @param {Record<string, unknown>} [overrides]
 */
export function validBody(overrides = {}) {
  return {
    submissionId: crypto.randomUUID(),
    revision: 1,
    articleId: 'versandte-email-nicht-im-postfach',
    rating: 4,
    scale: 'stars',
    reasons: ['outdated'],
    comment: 'Der Abschnitt zu IMAP fehlt.',
    locale: 'de-DE',
    page: '/hilfe/e-mail/versandte-email-nicht-im-postfach',
    elapsedMs: 12000,
    ...overrides,
  };
}

/**
 * POSTs a body the way the browser client does (JSON as text/plain).
 * @param {string} url server base URL
 * @param {unknown} body object (serialized) or raw string
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{status: number, headers: Headers, json: any}>}
 */
export async function postFeedback(url, body, headers = {}) {
  const response = await fetch(`${url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

/** A fresh temp folder, removed by the returned function. */
export function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-test-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Spawns the collector's bin with only the given environment (plus PATH).
 * `ready` resolves with the URL once the start line is printed, or rejects on early exit.
 * @param {Record<string, string>} env
 */
export function spawnServer(env) {
  const child = spawn(process.execPath, [ENTRY], {
    cwd: PACKAGE_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  /** @type {Promise<string>} */
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    exited.then(() => reject(new Error(`server exited early: ${stderr || stdout}`)));
  });
  // Tests that expect an early exit await `exited` only.
  ready.catch(() => {});
  /** Resolves when stdout contains `text`. */
  const waitForOutput = (/** @type {string} */ text) =>
    new Promise((resolve) => {
      const check = () => {
        if (stdout.includes(text)) {
          child.stdout.off('data', check);
          resolve(undefined);
        }
      };
      child.stdout.on('data', check);
      check();
    });
  return {
    child,
    ready,
    /** @type {Promise<{code: number | null, signal: string | null, stdout: string, stderr: string}>} */
    exited: /** @type {any} */ (exited),
    waitForOutput,
  };
}
