#!/usr/bin/env node
/**
 * `npm start`: the product on one origin. The feedback collector (SQLite in `data/`, or
 * `FEEDBACK_DB`) with the demo help site, the calendar admin demo, the owner report and the built
 * widget. Settings are the collector's environment variables (docs/collector.md).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { runCollector } from 'help-feedback-collector/cli';
import { registerSite } from './lib/site.mjs';

// The report needs an admin token. Without FEEDBACK_ADMIN_TOKEN, the demo makes one once and keeps
// it in data/admin-token (readable by this user only), so sessions survive a restart.
const TOKEN_FILE = 'data/admin-token';
let tokenNote = '';
if (!process.env.FEEDBACK_ADMIN_TOKEN) {
  fs.mkdirSync('data', { recursive: true });
  if (!fs.existsSync(TOKEN_FILE)) fs.writeFileSync(TOKEN_FILE, `${crypto.randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
  process.env.FEEDBACK_ADMIN_TOKEN = fs.readFileSync(TOKEN_FILE, 'utf8').trim();
  tokenNote = ` (admin token ${process.env.FEEDBACK_ADMIN_TOKEN}, kept in ${TOKEN_FILE})`;
}

await runCollector({
  extend: (app) => registerSite(app),
  banner: (url) => `\nHelp site    ${url}/\nAdmin demo   ${url}/demo/admin.html\nReport       ${url}/admin/${tokenNote}\n`,
});
