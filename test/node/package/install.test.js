// Both packages as a user gets them: `npm pack` each, install the two tarballs into a scratch app
// outside the repository, type-check a TypeScript consumer against the widget's published types,
// and run the collector from the app's own node_modules/.bin. (`npm test` builds dist/ first.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER_ONLY = ['fastify', 'better-sqlite3', 'pg', '@fastify/cors', '@fastify/rate-limit', '@fastify/static'];

/** @type {string} */
let scratch;
/** @type {string} */
let app;
/** @type {{widget: string, collector: string}} */
let tarballs;

/**
 * @param {string} cwd
 * @param {string[]} args
 */
function npm(cwd, args) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
}

/**
 * The file list and package.json of a tarball.
 * @param {string} tarball
 */
function tarball(tarball) {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  return { files, manifest };
}

before(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'help-packages-'));
  // Scripts off: dist/ is already built, and `prepare` would build it again.
  const packed = (/** @type {string[]} */ args) => JSON.parse(npm(ROOT, ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch, ...args]))[0].filename;
  tarballs = {
    widget: path.join(scratch, packed([])),
    collector: path.join(scratch, packed(['--workspace', 'server'])),
  };

  app = path.join(scratch, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }));
  // --ignore-scripts skips better-sqlite3's compile from source (~70 s); the module built for this
  // Node by the repository's own install, of the same version, is copied in below instead.
  npm(app, ['install', tarballs.widget, tarballs.collector, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts']);
  const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  const version = (/** @type {string} */ dir) => JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/better-sqlite3/package.json'), 'utf8')).version;
  assert.equal(version(app), version(ROOT), 'the scratch app installed the better-sqlite3 version the repository built');
  fs.mkdirSync(path.dirname(path.join(app, native)), { recursive: true });
  fs.copyFileSync(path.join(ROOT, native), path.join(app, native));
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('npm install on every supported Node', () => {
  const semver = createRequire(import.meta.url)('semver');
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  const engines = (/** @type {string} */ file) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')).engines.node;

  it('states the same supported Node versions for both packages, including the one running', () => {
    assert.equal(engines('package.json'), engines('server/package.json'));
    assert.ok(semver.satisfies(process.version, engines('package.json')), `${process.version} is supported`);
  });

  it('installs no package whose engines exclude the lowest version of a supported major (no EBADENGINE)', () => {
    // The lowest version each "||" part of our engines allows, e.g. 20.19.0, 22.13.0, 24.0.0.
    const lowest = new semver.Range(engines('package.json')).set.map((/** @type {any[]} */ comparators) =>
      semver.minVersion(comparators.map((c) => c.value).join(' ')).version,
    );
    for (const version of lowest) {
      const unsupported = Object.entries(lock.packages)
        .filter(([, entry]) => entry.engines?.node && !semver.satisfies(version, entry.engines.node))
        .map(([name, entry]) => `${name.replace(/^.*node_modules\//, '')}@${entry.version} wants ${entry.engines.node}`);
      assert.deepEqual(unsupported, [], `on Node ${version}`);
    }
  });
});

describe('the packed widget', () => {
  it('depends on lit, marked, DOMPurify and i18next only: no server', () => {
    const { manifest } = tarball(tarballs.widget);
    const all = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies };
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['dompurify', 'i18next', 'lit', 'marked']);
    for (const name of SERVER_ONLY) assert.ok(!(name in all), `${name} is not a dependency of the widget`);
    assert.ok(!fs.existsSync(path.join(app, 'node_modules/help-article-widget/node_modules')), 'nothing nested under the widget');
  });

  it('resolves every export from the app, to files that exist', () => {
    const installed = path.join(app, 'node_modules/help-article-widget');
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const targets = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of targets) assert.ok(fs.existsSync(path.join(installed, file)), `${subpath} → ${file}`);
    }
    const resolved = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "console.log(import.meta.resolve('help-article-widget/classes'), import.meta.resolve('help-article-widget'))"],
      { cwd: app, encoding: 'utf8' },
    );
    assert.match(resolved, /node_modules\/help-article-widget\/dist\/esm\/index\.js/);
    assert.match(resolved, /node_modules\/help-article-widget\/dist\/esm\/define\.js/);
  });

  it('type-checks a TypeScript consumer against its published types, library types included (skipLibCheck false)', () => {
    fs.writeFileSync(
      path.join(app, 'consumer.ts'),
      [
        "import 'help-article-widget';",
        "import { HelpArticle, FEEDBACK_SCALES, addTranslations, type ArticleLoadDetail, type FeedbackPayload } from 'help-article-widget/classes';",
        "const article: HelpArticle = document.createElement('help-article');",
        "article.addEventListener('help-article-load', (event) => { const detail: ArticleLoadDetail = event.detail; console.log(detail); });",
        "const scale: keyof typeof FEEDBACK_SCALES = 'stars';",
        "const payload: Pick<FeedbackPayload, 'scale' | 'rating'> = { scale, rating: FEEDBACK_SCALES[scale] };",
        "addTranslations('fr', { feedback: {} });",
        'console.log(article, payload);',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022', module: 'es2022', moduleResolution: 'bundler', lib: ['es2022', 'dom', 'dom.iterable'],
          strict: true, noEmit: true, skipLibCheck: false, types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
    } catch (error) {
      assert.fail(`tsc found errors:\n${/** @type {{stdout: string}} */ (error).stdout}`);
    }
  });
});

describe('the packed collector', () => {
  it('ships its bin, contract, stores, routes, migrations and deployment examples, and no tests', () => {
    const { files, manifest } = tarball(tarballs.collector);
    for (const file of [
      'bin/help-feedback-collector.js', 'contract.js', 'app.js', 'store/index.js', 'store/sqlite.js', 'store/postgres.js',
      'routes/admin.js', 'migrations/sqlite/001-feedback.sql', 'migrations/postgres/001-feedback.sql',
      'deploy/help-feedback-collector.service', 'deploy/nginx.conf', 'README.md',
    ]) {
      assert.ok(files.includes(`package/${file}`), `${file} is in the tarball`);
    }
    assert.deepEqual(files.filter((file) => file.startsWith('package/test/')), []);
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['better-sqlite3', 'fastify', 'pg']);
  });

  it('starts from the app with its bin, stores a rating and answers its summary', async () => {
    const bin = path.join(app, 'node_modules/.bin/help-feedback-collector');
    const child = spawn(bin, [], {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', PORT: '0', FEEDBACK_DB: 'data/feedback.sqlite' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (errors += chunk));
    const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const url = await new Promise((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (chunk) => {
          output += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]);
        });
        exited.then(() => reject(new Error(`the collector exited: ${errors || output}`)));
      });
      const body = {
        submissionId: crypto.randomUUID(), revision: 1, articleId: 'scratch-article', rating: 5, scale: 'stars',
        locale: 'de', page: '/hilfe/scratch-article', elapsedMs: 5000,
      };
      const posted = await fetch(`${url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
      assert.equal(posted.status, 201);
      const summary = await (await fetch(`${url}/api/articles/scratch-article/feedback-summary`)).json();
      assert.deepEqual([summary.count, summary.average], [1, 5]);
      assert.ok(fs.existsSync(path.join(app, 'data/feedback.sqlite')), 'the store is in the app folder');
    } finally {
      child.kill('SIGTERM');
      assert.equal(await exited, 0, errors);
    }
  });
});
