#!/usr/bin/env node
// Fails the test command when a script-tag file outgrows its committed budget (bench/budgets.json)
// or ships a development-mode string (the single file, the split script tag's critical path summed,
// each chunk loaded later), when the owner report's bundle outgrows its budget, or when any of the
// report's code reaches a file of the reader's script tag.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const budgets = JSON.parse(fs.readFileSync(path.join(root, 'bench/budgets.json'), 'utf8'));
const { scriptTagBundle, scriptTagCriticalPath, scriptTagLaterChunks } = budgets;
const forbidden = scriptTagBundle.forbiddenStrings ?? [];
const failures = [];
const lines = [];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const gzipOf = (file) => zlib.gzipSync(fs.readFileSync(path.join(root, file)), { level: 9 }).length;
const over = (what, gzip, max) =>
  `${what} is ${gzip} bytes gzip (${kb(gzip)}), over its budget of ${max} bytes (${kb(max)}) by ${gzip - max} bytes. ` +
  'Find what grew with `node bench/weight.mjs`; raise the budget in bench/budgets.json only with a reason.';

const readerFiles = [];
function checkStrings(file) {
  readerFiles.push(file);
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  for (const s of forbidden) {
    if (text.includes(s)) failures.push(`${file} contains "${s}": a development build or dev-mode warning leaked into the production bundle.`);
  }
}

// The single file.
{
  const { file, gzipMaxBytes, aimGzipBytes } = scriptTagBundle;
  const gzip = gzipOf(file);
  if (gzip > gzipMaxBytes) failures.push(over(file, gzip, gzipMaxBytes));
  checkStrings(file);
  lines.push(`${file} ${gzip} bytes gzip (${kb(gzip)}) ≤ ${gzipMaxBytes} (aim ${aimGzipBytes})`);
}

// The split script tag: what the first paint waits for, summed.
{
  const { files, gzipMaxBytes, targetGzipBytes } = scriptTagCriticalPath;
  const gzip = files.reduce((sum, f) => sum + gzipOf(f), 0);
  if (gzip > gzipMaxBytes) failures.push(over(`the critical path (${files.join(' + ')})`, gzip, gzipMaxBytes));
  for (const f of files) checkStrings(f);
  lines.push(`critical path ${files.join(' + ')} ${gzip} bytes gzip (${kb(gzip)}) ≤ ${gzipMaxBytes} (target ${targetGzipBytes})`);
}

// A page with a prerendered article: what runs before the takeover.
{
  const { files, gzipMaxBytes } = budgets.scriptTagPrerenderedPath;
  const gzip = files.reduce((sum, f) => sum + gzipOf(f), 0);
  if (gzip > gzipMaxBytes) failures.push(over(`the prerendered page's path (${files.join(' + ')})`, gzip, gzipMaxBytes));
  lines.push(`prerendered page ${files.join(' + ')} ${gzip} bytes gzip (${kb(gzip)}) ≤ ${gzipMaxBytes}`);
}

// Every other chunk: each must match a budgeted name, so a new chunk cannot slip in unweighed.
{
  const { dir, each } = scriptTagLaterChunks;
  const critical = new Set(scriptTagCriticalPath.files);
  for (const name of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.js'))) {
    const file = `${dir}/${name}`;
    if (critical.has(file)) continue;
    const prefix = Object.keys(each).find((p) => name.startsWith(p));
    checkStrings(file);
    if (!prefix) {
      failures.push(`${file} has no budget: add its name to scriptTagLaterChunks in bench/budgets.json.`);
      continue;
    }
    const gzip = gzipOf(file);
    if (gzip > each[prefix]) failures.push(over(file, gzip, each[prefix]));
    lines.push(`${file} ${gzip} bytes gzip (${kb(gzip)}) ≤ ${each[prefix]}`);
  }
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
  for (const file of readerFiles) {
    if (fs.readFileSync(path.join(root, file), 'utf8').includes(s)) failures.push(`${file} contains "${s}": code of the owner report leaked into the reader's script tag.`);
  }
}
lines.push(`${report.file} ${reportGzip} bytes gzip (${kb(reportGzip)}) ≤ ${report.gzipMaxBytes}; none of its code in the reader's ${readerFiles.length} files`);

if (failures.length) {
  for (const f of failures) console.error(`budget: ${f}`);
  process.exit(1);
}
for (const l of lines) console.log(`budget: ${l}`);
console.log('budget: no dev-mode strings');
