#!/usr/bin/env node
// Fails the test command when the script-tag bundle outgrows its committed budget
// (bench/budgets.json) or ships a development-mode string.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const budgets = JSON.parse(fs.readFileSync(path.join(root, 'bench/budgets.json'), 'utf8'));
const { file, gzipMaxBytes, aimGzipBytes, forbiddenStrings = [] } = budgets.scriptTagBundle;
const failures = [];

const code = fs.readFileSync(path.join(root, file));
const gzip = zlib.gzipSync(code, { level: 9 }).length;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
if (gzip > gzipMaxBytes) {
  failures.push(
    `${file} is ${gzip} bytes gzip (${kb(gzip)}), over its budget of ${gzipMaxBytes} bytes (${kb(gzipMaxBytes)}) by ${gzip - gzipMaxBytes} bytes. ` +
      'Find what grew with `node bench/weight.mjs`; raise the budget in bench/budgets.json only with a reason.',
  );
}
const text = code.toString('utf8');
for (const s of forbiddenStrings) {
  if (text.includes(s)) failures.push(`${file} contains "${s}": a development build or dev-mode warning leaked into the production bundle.`);
}

if (failures.length) {
  for (const f of failures) console.error(`budget: ${f}`);
  process.exit(1);
}
console.log(`budget: ${file} ${gzip} bytes gzip (${kb(gzip)}) ≤ ${gzipMaxBytes} (aim ${aimGzipBytes}); no dev-mode strings`);
