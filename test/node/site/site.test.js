// The demo help site that `npm start` serves on the collector's origin (scripts/lib/site.mjs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from 'help-feedback-collector';
import { registerSite } from '../../../scripts/lib/site.mjs';

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-test-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe('static files', () => {
  it('serves the demo, content and dist folders but not node_modules', async () => {
    const { dir, remove } = tempDir();
    fs.mkdirSync(path.join(dir, 'demo'));
    fs.mkdirSync(path.join(dir, 'content'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'demo/index.html'), '<!doctype html><title>Demo</title>');
    fs.writeFileSync(path.join(dir, 'demo/report.html'), '<!doctype html><title>Report</title>');
    fs.writeFileSync(path.join(dir, 'content/artikel.md'), '# Versandte E-Mail nicht im Postfach\n');
    fs.writeFileSync(path.join(dir, 'node_modules/secret.js'), 'export {}');
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const site = await startServer({ extend: (app) => registerSite(app, { root: dir }) });
    try {
      const home = await fetch(`${site.url}/`);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /<title>Demo<\/title>/);
      assert.equal((await fetch(`${site.url}/demo/index.html`)).status, 200);
      const bare = await fetch(`${site.url}/demo`, { redirect: 'manual' });
      assert.deepEqual([bare.status, bare.headers.get('location')], [301, '/demo/']);
      const report = await fetch(`${site.url}/admin/`);
      assert.equal(report.status, 200);
      assert.match(await report.text(), /<title>Report<\/title>/);
      const admin = await fetch(`${site.url}/admin`, { redirect: 'manual' });
      assert.deepEqual([admin.status, admin.headers.get('location')], [301, '/admin/']);
      const markdown = await fetch(`${site.url}/content/artikel.md`);
      assert.equal(markdown.status, 200);
      assert.equal(markdown.headers.get('content-type'), 'text/markdown; charset=utf-8');
      assert.match(await markdown.text(), /^# Versandte/);
      for (const hidden of ['/node_modules/secret.js', '/package.json', '/dist/help-article.js', '/content/../package.json']) {
        assert.equal((await fetch(`${site.url}${hidden}`)).status, 404, hidden);
      }
    } finally {
      await site.close();
      remove();
    }
  });
});

