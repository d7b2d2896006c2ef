import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BAD = 'test/fixtures/content-bad';

function run(script, ...args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });
  const lines = result.stdout.split('\n').filter(Boolean);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines };
}

/** Runs the checker on one fixture folder and returns its `path:line: message` lines. */
function check(folder) {
  const result = run('scripts/check-content.mjs', `${BAD}/${folder}`);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const problems = result.lines.filter((line) => /^[^:]+:\d+: /.test(line));
  assert.match(result.lines.at(-1), new RegExp(`^${problems.length} problems? in \\d+ files?$`));
  return problems;
}

/** Asserts that exactly the expected problems were reported, each at its file and line. */
function assertProblems(folder, expected) {
  const problems = check(folder);
  for (const [where, message] of expected) {
    const prefix = `${BAD}/${folder}/${where}: `;
    assert.ok(
      problems.some((line) => line.startsWith(prefix) && message.test(line.slice(prefix.length))),
      `expected ${prefix}${message}\ngot:\n${problems.join('\n')}`,
    );
  }
  assert.equal(problems.length, expected.length, `unexpected extra problems:\n${problems.join('\n')}`);
}

describe('check-content', () => {
  it('passes the articles in content/ and says how many it checked', () => {
    const result = run('scripts/check-content.mjs', 'content');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout.trim(), /^\d+ articles in 2 languages \(\d+ files\), no problems$/);
    const files = readdirSync(join(ROOT, 'content')).filter((name) => name.endsWith('.md'));
    assert.ok(result.stdout.includes(`(${files.length} files)`));
  });

  it('checks content/ when given no folder', () => {
    const result = run('scripts/check-content.mjs');
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('reports a line announcing a list that is missing, as in the scraped seed', () => {
    assertProblems('lost-list', [
      ['lost-list.de.md:9', /Dazu gehören zum Beispiel:" ends with ":" but a paragraph follows/],
      ['lost-list.de.md:11', /Dazu gehören zum Beispiel:" ends with ":" but running text follows/],
      ['lost-list.de.md:50', /"Mögliche Ursachen:" ends with ":" but nothing follows/],
      ['lost-list.de.md:54', /"Bitte prüfen Sie diese Ordner:" ends with ":"/],
      ['lost-list.de.md:56', /"Folgende Ordner sind betroffen:" ends with ":" but nothing follows/],
    ]);
  });

  it('accepts a colon before a list, table, code block, callout, image or nested list', () => {
    const problems = check('lost-list');
    for (const line of [16, 21, 24, 30, 36, 41, 45]) {
      assert.ok(!problems.some((p) => p.includes(`.de.md:${line}:`)), `line ${line} was flagged`);
    }
  });

  it('reports duplicate, id-less and empty headings', () => {
    assertProblems('headings', [
      ['headings.de.md:11', /"# Überschriften": the title comes from the front matter/],
      ['headings.de.md:17', /^warning: duplicate heading "Einrichtung", its id becomes einrichtung-1$/],
      ['headings.de.md:21', /heading "🎉 !!!" has no letters or digits: its section id is "-"/],
      ['headings.de.md:25', /heading "\?\?\?" has no letters or digits: its section id is empty/],
      ['headings.de.md:29', /^section "Leer" is empty$/],
      ['headings.de.md:37', /^subsection "Leerer Unterabschnitt" is empty$/],
      ['headings.de.md:39', /^section "Auch leer am Ende" is empty$/],
    ]);
  });

  it('reports links to missing articles, sections and files, and images without alt text', () => {
    assertProblems('links', [
      ['links.de.md:13', /missing article "gibt-es-nicht.md" \(there is no gibt-es-nicht.de.md\)/],
      // The section exists, but only in the English version: links resolve in their own language.
      ['links.de.md:14', /missing section "ziel.md#connecting-google-calendar"/],
      ['links.de.md:16', /link to "#dritter-abschnitt": no heading in this article has that id/],
      ['links.de.md:20', /link "ziel.de.md": write ziel.md/],
      ['links.de.md:26', /image "images\/fehlt.svg" not found/],
      ['links.de.md:28', /image "images\/bild.svg" has no alt text/],
      ['links.de.md:30', /link target "anhang.pdf" not found/],
      ['links.de.md:33', /link "..\/ziel.md": link other articles as <id>.md/],
    ]);
  });

  it('reports articles missing a language and versions that disagree', () => {
    assertProblems('languages', [
      ['nur-deutsch.de.md:1', /no English version \(nur-deutsch.en.md is missing\)/],
      ['paar.en.md:2', /id "anders" does not match the file name \(expected "paar"\)/],
      ['sprache.de.md:6', /lang "en" does not match the file name \(expected "de"\)/],
      ['kategorien.en.md:4', /1 category here, 2 in the German version/],
    ]);
  });

  it('reports missing, unreadable and incomplete front matter and bad file names', () => {
    assertProblems('front-matter', [
      ['ohne.de.md:1', /^missing front matter/],
      ['kaputt.de.md:1', /front matter has no "title"/],
      ['kaputt.de.md:3', /unknown key "autor"/],
      ['kaputt.de.md:5', /"updated" is not an ISO date/],
      ['leer.de.md:1', /front matter has no "id"/],
      ['leer.de.md:3', /"categories" is empty/],
      ['falsche-id.de.md:2', /id "andere-id" does not match the file name \(expected "falsche-id"\)/],
      ['offen.de.md:1', /front matter is not closed with ---/],
      ['zitat.de.md:3', /"title" has a " that is not closed/],
      ['liste.de.md:4', /"categories" list is not closed with \]/],
      ['regel.de.md:1', /^front matter not read: the article starts with --- but no "key: value" line follows/],
      ['notizen.md:1', /file name must be <id>.de.md or <id>.en.md/],
    ]);
  });

  it('checks several folders in one run and fails on a folder that does not exist', () => {
    const both = run('scripts/check-content.mjs', 'content', `${BAD}/headings`);
    assert.equal(both.status, 1);
    assert.ok(both.lines.every((line) => !line.startsWith('content/')), both.stdout);
    const missing = run('scripts/check-content.mjs', `${BAD}/no-such-folder`);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /is not a folder/);
  });
});

describe('content-index', () => {
  it('lists every article in content/ with its sections, sorted by language and title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-index-'));
    try {
      const out = join(dir, 'nested', 'content-index.json');
      const result = run('scripts/content-index.mjs', 'content', '--out', out);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const index = JSON.parse(readFileSync(out, 'utf8'));

      const files = readdirSync(join(ROOT, 'content')).filter((name) => name.endsWith('.md')).sort();
      assert.deepEqual(index.map((entry) => entry.path.replace('/content/', '')).sort(), files);
      for (const entry of index) {
        assert.equal(entry.path, `/content/${entry.id}.${entry.lang}.md`);
        assert.ok(entry.title && entry.categories.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(entry.updated));
        assert.ok(entry.sections.length > 0, `${entry.path} has no sections`);
      }
      const order = index.map((e) => `${e.lang} ${e.title}`);
      const sorted = [...index]
        .sort((a, b) => a.lang.localeCompare(b.lang) || a.title.localeCompare(b.title, a.lang))
        .map((e) => `${e.lang} ${e.title}`);
      assert.deepEqual(order, sorted);

      const seed = index.find((e) => e.id === 'versandte-email-nicht-im-postfach' && e.lang === 'de');
      assert.deepEqual(seed.sections, [
        { id: 'automatische-postfachregeln-zb-google-mail', title: 'Automatische Postfachregeln (z.B. Google Mail)' },
        { id: 'eigene-postfachregeln', title: 'Eigene Postfachregeln' },
        { id: 'abgelehnte-nachrichten-und-spam', title: 'Abgelehnte Nachrichten und Spam' },
      ]);
      assert.deepEqual(seed.categories, ['Allgemein', 'E-Mails']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
