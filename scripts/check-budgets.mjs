#!/usr/bin/env node
// Fails the test command when the script-tag bundle outgrows its committed budget
// (bench/budgets.json) or ships a development-mode string, when the owner report's bundle outgrows
// its budget, or when any of the report's code reaches the reader's bundle.
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

const report = budgets.reportBundle;
const reportCode = fs.readFileSync(path.join(root, report.file));
const reportGzip = zlib.gzipSync(reportCode, { level: 9 }).length;
if (reportGzip > report.gzipMaxBytes) {
  failures.push(`${report.file} is ${reportGzip} bytes gzip (${kb(reportGzip)}), over its budget of ${report.gzipMaxBytes} bytes.`);
}
for (const s of report.notInReaderBundle) {
  // Each marker is in the report's bundle (so the check can fail) and must not be in the reader's.
  if (!reportCode.toString('utf8').includes(s)) failures.push(`${report.file} lacks "${s}": update reportBundle.notInReaderBundle in bench/budgets.json.`);
  if (text.includes(s)) failures.push(`${file} contains "${s}": code of the owner report leaked into the reader's bundle.`);
}

if (failures.length) {
  for (const f of failures) console.error(`budget: ${f}`);
  process.exit(1);
}
console.log(`budget: ${file} ${gzip} bytes gzip (${kb(gzip)}) ≤ ${gzipMaxBytes} (aim ${aimGzipBytes}); no dev-mode strings; none of the report's code`);
console.log(`budget: ${report.file} ${reportGzip} bytes gzip (${kb(reportGzip)}) ≤ ${report.gzipMaxBytes}`);
