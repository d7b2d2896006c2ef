// <help-feedback-report> in the real browser against real collectors (web-test-runner.config.mjs,
// "report-collectors"): ratings are posted through the public POST /api/feedback; only their times
// are then set in the collector's SQLite file by a test command (the public route cannot choose a
// time). Every figure checked is computed here from what was posted.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../src/report/define.js';
import type { HelpFeedbackReport, ReportExportDetail } from '../../../src/report/help-feedback-report.js';
import { typeKeys } from '../../support/engine.js';

declare global {
  interface Window {
    __report: { main: string; empty: string; foreign: string; token: string };
  }
}

const DAY = 86_400_000;
const run = Date.now().toString(36);
const ids = { x: `report-x-${run}`, y: `report-y-${run}`, z: `report-z-${run}` };
const root = (el: HelpFeedbackReport) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HelpFeedbackReport, selector: string) => root(el).querySelector<T>(selector)!;
const $$ = (el: HelpFeedbackReport, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Monday 00:00 UTC of the current week. */
function weekStart(now = new Date()): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day;
}
const monday = weekStart();

interface Seeded {
  submissionId: string;
  articleId: string;
  scale: 'stars' | 'thumbs' | 'faces';
  rating: number;
  reasons: string[];
  comment?: string;
  locale: string;
  time: Date;
}
const seeded: Seeded[] = [];

async function post(collector: string, entry: Seeded & { revision?: number }): Promise<void> {
  const { revision = 1, time: _time, ...fields } = entry;
  const body = { ...fields, revision, page: `/hilfe/${entry.articleId}`, elapsedMs: 5000 };
  const response = await fetch(`${collector}/api/feedback`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(body) });
  expect(response.status).to.be.oneOf([200, 201]);
}

async function seed(entry: Omit<Seeded, 'submissionId'> & { submissionId?: string; revision?: number }): Promise<Seeded> {
  const full = { ...entry, submissionId: entry.submissionId ?? crypto.randomUUID() };
  await post(window.__report.main, full);
  await executeServerCommand('report-db', { action: 'set-time', submissionId: full.submissionId, time: full.time.toISOString() });
  const index = seeded.findIndex((s) => s.submissionId === full.submissionId);
  if (index >= 0) seeded.splice(index, 1);
  const { revision: _revision, ...kept } = full;
  seeded.push(kept);
  return kept;
}

async function login(collector = window.__report.main): Promise<void> {
  const response = await fetch(`${collector}/api/admin/session`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: window.__report.token }),
  });
  expect(response.status).to.equal(204);
}

async function logout(collector = window.__report.main): Promise<void> {
  await fetch(`${collector}/api/admin/session`, { method: 'DELETE', credentials: 'include' });
}

/** A report that has loaded its first view (or failed). */
async function report(attributes: { endpoint?: string; lang?: string; theme?: string; period?: string } = {}): Promise<HelpFeedbackReport> {
  const settled = Promise.race([oneEvent(document, 'help-feedback-report-load'), oneEvent(document, 'help-feedback-report-error')]);
  const el = await fixture<HelpFeedbackReport>(html`<help-feedback-report
    endpoint=${attributes.endpoint ?? window.__report.main}
    lang=${attributes.lang ?? 'en'}
    theme=${attributes.theme ?? 'light'}
    period=${attributes.period ?? 'all'}
    min-ratings="3"
    content-index="/dist/content-index.json"
  ></help-feedback-report>`);
  await settled;
  await el.updateComplete;
  return el;
}

const rowOf = (el: HelpFeedbackReport, articleId: string, scale = 'stars') => $(el, `tr[data-article="${articleId}"][data-scale="${scale}"]`);
const ourRows = (el: HelpFeedbackReport) => $$(el, 'tbody tr').filter((tr) => Object.values(ids).includes(tr.dataset.article!));

async function select(el: HelpFeedbackReport, name: string, value: string): Promise<void> {
  const loaded = oneEvent(el, 'help-feedback-report-load');
  const control = $<HTMLSelectElement>(el, `select[name="${name}"]`);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await loaded;
}

async function openDetail(el: HelpFeedbackReport, articleId: string): Promise<void> {
  const loaded = oneEvent(el, 'help-feedback-report-load');
  $(el, `tr[data-article="${articleId}"] button.title`).click();
  await loaded;
  await el.updateComplete;
}

/** Parses CSV (RFC 4180) with the given delimiter. */
function parseCsv(source: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && source[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('<help-feedback-report>', () => {
  before(async () => {
    // Article x (stars): 6 answers, one of them revised (counted once, as its latest answer), two
    // at the week boundary: Monday 00:00:00.000 UTC and the millisecond before.
    await seed({ articleId: ids.x, scale: 'stars', rating: 5, reasons: [], locale: 'de-DE', time: monday });
    await seed({ articleId: ids.x, scale: 'stars', rating: 1, reasons: ['outdated', 'missing-info'], comment: 'Screenshots zeigen die alte Oberfläche', locale: 'de-DE', time: new Date(monday.getTime() - 1) });
    await seed({ articleId: ids.x, scale: 'stars', rating: 2, reasons: ['outdated'], comment: 'Outdated steps', locale: 'en-GB', time: new Date(monday.getTime() - 9 * DAY) });
    await seed({ articleId: ids.x, scale: 'stars', rating: 4, reasons: [], comment: 'Hat geholfen', locale: 'de', time: new Date(monday.getTime() - 16 * DAY) });
    const revised = await seed({ articleId: ids.x, scale: 'stars', rating: 1, reasons: ['not-solved'], comment: 'erst', locale: 'de-AT', time: new Date(monday.getTime() - 4 * DAY) });
    await seed({ ...revised, revision: 2, rating: 2, reasons: ['hard-to-understand'], comment: '=SUMME(A1) "zitiert"; zweite', time: new Date(monday.getTime() - 3 * DAY) });
    await seed({ articleId: ids.x, scale: 'stars', rating: 3, reasons: [], locale: 'de-DE', time: new Date(monday.getTime() - 30 * DAY) });
    // Article y (thumbs): 4 answers, 3 up. Article z (faces): 1 answer (below min-ratings).
    for (const [rating, days] of [[2, 2], [2, 5], [2, 12], [1, 20]] as const) {
      await seed({ articleId: ids.y, scale: 'thumbs', rating, reasons: rating === 1 ? ['other'] : [], locale: 'en-US', time: new Date(monday.getTime() - days * DAY) });
    }
    await seed({ articleId: ids.z, scale: 'faces', rating: 1, reasons: ['other'], comment: 'Nichts', locale: 'de-DE', time: new Date(monday.getTime() - 6 * DAY) });
    await login();
  });

  const expectedRow = (articleId: string) => {
    const rows = seeded.filter((s) => s.articleId === articleId);
    const max = { stars: 5, thumbs: 2, faces: 3 }[rows[0].scale];
    const from = { stars: 4, thumbs: 2, faces: 3 }[rows[0].scale];
    return {
      count: rows.length,
      average: rows.reduce((sum, s) => sum + s.rating, 0) / rows.length,
      positive: rows.filter((s) => s.rating >= from).length / rows.length,
      distribution: Array.from({ length: max }, (_, i) => rows.filter((s) => s.rating === i + 1).length),
      comments: rows.filter((s) => s.comment).length,
    };
  };

  it('asks for the token without a session (401), passes axe, and logs in from the form', async () => {
    await logout();
    const denied = await fetch(`${window.__report.main}/api/admin/overview`, { credentials: 'include' });
    expect(denied.status).to.equal(401);
    const el = await report();
    expect($(el, 'form.login')).to.exist;
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, 'input[name="token"]').focus();
    await typeKeys('wrong-token-0123456789');
    const refused = oneEvent(el, 'help-feedback-report-error');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    expect((await refused).detail.failure).to.equal('wrong-token');
    await el.updateComplete;
    expect(text($(el, '[role="alert"]'))).to.contain('This token is not right');
    await expect(el).to.be.accessible();
    const input = $<HTMLInputElement>(el, 'input[name="token"]');
    input.value = '';
    input.focus();
    await typeKeys(window.__report.token);
    const loaded = oneEvent(el, 'help-feedback-report-load');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await loaded;
    await el.updateComplete;
    expect(rowOf(el, ids.x)).to.exist;
  });

  it('shows the numbers the seeded answers give: ratings, average, positive share, distribution, comments', async () => {
    const el = await report();
    for (const articleId of [ids.x, ids.y]) {
      const want = expectedRow(articleId);
      const row = rowOf(el, articleId, articleId === ids.x ? 'stars' : 'thumbs');
      expect(text(row.querySelector('.col-ratings')), articleId).to.equal(String(want.count));
      const max = articleId === ids.x ? 5 : 2;
      expect(text(row.querySelector('.col-average'))).to.equal(`${want.average.toFixed(1)} of ${max}`);
      expect(text(row.querySelector('.col-positive'))).to.equal(`${Math.round(want.positive * 100)}%`);
      expect(row.querySelector('.col-distribution svg')!.getAttribute('aria-label')).to.contain(
        articleId === ids.x ? `1 of 5 stars: ${want.distribution[0]}, 2 of 5 stars: ${want.distribution[1]}` : `thumbs down: ${want.distribution[0]}, thumbs up: ${want.distribution[1]}`,
      );
      expect(text(row.querySelector('.col-comments'))).to.match(new RegExp(`^${want.comments}\\b`));
    }
    // x: 6 answers (the revision counted once), 1 of them positive… (5 stars: 1, 4 stars: 1 → 2 of 6).
    expect(expectedRow(ids.x).count).to.equal(6);
    await expect(el).to.be.accessible();
  });

  it('puts first the articles that fail readers most, among those with enough ratings; sorts by each column', async () => {
    const el = await report();
    // x (33 % positive, 6 ratings) before y (75 %, 4 ratings); z has 1 rating (< min-ratings 3): after both.
    expect(ourRows(el).map((tr) => tr.dataset.article)).to.deep.equal([ids.x, ids.y, ids.z]);
    expect(text($(el, '.hint'))).to.contain('from 3 ratings');
    const button = $<HTMLButtonElement>(el, 'button[data-sort="ratings"]');
    button.click();
    await el.updateComplete;
    expect(button.closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    const counts = $$(el, 'tbody .col-ratings').map((td) => Number(td.dataset.value));
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
    button.click();
    await el.updateComplete;
    expect(button.closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    const ascending = $$(el, 'tbody .col-ratings').map((td) => Number(td.dataset.value));
    expect(ascending).to.deep.equal([...ascending].sort((a, b) => a - b));
  });

  it('filters by scale, language and period', async () => {
    const el = await report();
    await select(el, 'scale', 'thumbs');
    expect(ourRows(el).map((tr) => tr.dataset.article)).to.deep.equal([ids.y]);
    await select(el, 'scale', '');
    await select(el, 'lang', 'en');
    // In English: x's en-GB answer only, and y.
    expect(text(rowOf(el, ids.x).querySelector('.col-ratings'))).to.equal('1');
    expect(rowOf(el, ids.y, 'thumbs')).to.exist;
    expect(rowOf(el, ids.z, 'faces')).to.not.exist;
    await select(el, 'lang', '');
    await select(el, 'period', '7');
    const within = seeded.filter((s) => s.articleId === ids.x && s.time.getTime() >= Date.now() - 7 * DAY).length;
    if (within) expect(text(rowOf(el, ids.x).querySelector('.col-ratings'))).to.equal(String(within));
    else expect(rowOf(el, ids.x)).to.not.exist;
  });

  it('shows an article’s distribution, reasons by label, the weekly trend at the week boundary, and comments newest first', async () => {
    const el = await report();
    await openDetail(el, ids.x);
    const want = expectedRow(ids.x);
    expect(text($(el, '.figure-ratings'))).to.equal(String(want.count));
    const bars = $$(el, '.distribution li').map((li) => [Number(li.dataset.rating), Number(text(li.querySelector('.bar-value')))]);
    expect(bars).to.deep.equal(want.distribution.map((n, i) => [i + 1, n]).reverse());
    const reasons = Object.fromEntries($$(el, '.reasons li').map((li) => [text(li.querySelector('.bar-label')), Number(text(li.querySelector('.bar-value')))]));
    expect(reasons).to.deep.equal({ 'Wrong or outdated': 2, 'Information is missing': 1, 'Hard to understand': 1 });
    // Week 11 (this week) holds only Monday 00:00:00.000; week 10 the millisecond before and the revision.
    const weeks = $$(el, '.trend-table tbody tr').map((tr) => Number(text(tr.querySelector('.num'))));
    const expectedWeeks = Array.from({ length: 12 }, (_, w) =>
      seeded.filter((s) => {
        const start = monday.getTime() - (11 - w) * 7 * DAY;
        return s.articleId === ids.x && s.time.getTime() >= start && s.time.getTime() < start + 7 * DAY;
      }).length,
    );
    expect(weeks).to.deep.equal(expectedWeeks);
    expect(weeks[11]).to.equal(1);
    expect(weeks[10]).to.equal(2);
    const comments = $$(el, '.comment .comment-text').map(text);
    expect(comments).to.deep.equal(['Screenshots zeigen die alte Oberfläche', '=SUMME(A1) "zitiert"; zweite', 'Outdated steps', 'Hat geholfen']);
    const first = $(el, '.comment');
    expect(text(first.querySelector('.chips'))).to.contain('Wrong or outdated');
    expect(text(first.querySelector('.meta'))).to.contain('de-DE');
    expect(text(first.querySelector('time'))).to.equal(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(monday.getTime() - 1)),
    );
    await expect(el).to.be.accessible();
  });

  it('pages through many comments, ten at a time, newest first', async () => {
    // Its own article, outside `ids` and `seeded`: the other tests' figures stay as they are.
    const articleId = `report-p-${run}`;
    const posted: { comment: string; time: number }[] = [];
    for (let i = 0; i < 23; i += 1) {
      const entry = { submissionId: crypto.randomUUID(), articleId, scale: 'stars' as const, rating: 1 + (i % 5), reasons: [], comment: `Kommentar ${i}`, locale: 'de-DE', time: new Date(monday.getTime() - (i + 1) * 3_600_000) };
      await post(window.__report.main, entry);
      await executeServerCommand('report-db', { action: 'set-time', submissionId: entry.submissionId, time: entry.time.toISOString() });
      posted.push({ comment: entry.comment, time: entry.time.getTime() });
    }
    const newestFirst = posted.sort((a, b) => b.time - a.time).map((c) => c.comment);
    const el = await report();
    await openDetail(el, articleId);
    expect(text($(el, '#comments-heading'))).to.contain('(23)');
    const pageShown = () => ({ comments: $$(el, '.comment .comment-text').map(text), label: text($(el, '.pager span')) });
    const [previous] = $$(el, '.pager button') as HTMLButtonElement[];
    expect(pageShown()).to.deep.equal({ comments: newestFirst.slice(0, 10), label: 'Page 1 of 3' });
    expect(previous.disabled).to.equal(true);
    for (const [page, from, to] of [[2, 10, 20], [3, 20, 23]] as const) {
      const loaded = oneEvent(el, 'help-feedback-report-load');
      ($$(el, '.pager button')[1] as HTMLButtonElement).click();
      await loaded;
      await el.updateComplete;
      expect(pageShown()).to.deep.equal({ comments: newestFirst.slice(from, to), label: `Page ${page} of 3` });
    }
    expect(($$(el, '.pager button')[1] as HTMLButtonElement).disabled).to.equal(true);
    const back = oneEvent(el, 'help-feedback-report-load');
    ($$(el, '.pager button')[0] as HTMLButtonElement).click();
    await back;
    await el.updateComplete;
    expect(pageShown().comments).to.deep.equal(newestFirst.slice(10, 20));
    await expect(el).to.be.accessible();
  });

  it('marks a comment done (kept after a reload, hidden until "show done") and opens it again', async () => {
    let el = await report();
    await openDetail(el, ids.x);
    const target = seeded.find((s) => s.comment === 'Outdated steps')!;
    const changed = oneEvent(el, 'help-feedback-report-change');
    const reloaded = oneEvent(el, 'help-feedback-report-load');
    $(el, `li[data-submission="${target.submissionId}"] button[data-action="done"]`).click();
    expect((await changed).detail).to.deep.equal({ submissionId: target.submissionId, action: 'done' });
    await reloaded;
    await el.updateComplete;
    expect($(el, `li[data-submission="${target.submissionId}"]`)).to.not.exist;
    expect(await executeServerCommand('report-db', { action: 'rows', submissionId: target.submissionId })).to.deep.equal([
      { submission_id: target.submissionId, status: 'done' },
    ]);

    el = await report();
    await openDetail(el, ids.x);
    expect($(el, `li[data-submission="${target.submissionId}"]`)).to.not.exist;
    const all = oneEvent(el, 'help-feedback-report-load');
    $<HTMLInputElement>(el, 'input[name="show-done"]').click();
    await all;
    await el.updateComplete;
    const item = $(el, `li[data-submission="${target.submissionId}"]`);
    expect(item.classList.contains('done')).to.be.true;
    const reopened = oneEvent(el, 'help-feedback-report-load');
    item.querySelector<HTMLButtonElement>('button[data-action="open"]')!.click();
    await reopened;
    expect(await executeServerCommand('report-db', { action: 'rows', submissionId: target.submissionId })).to.deep.equal([
      { submission_id: target.submissionId, status: 'open' },
    ]);
  });

  it('exports the view as CSV with ; and with , (titles, readable reasons, formula cells guarded, BOM)', async () => {
    const el = await report();
    const exportWith = async (delimiter: ';' | ',') => {
      const control = $<HTMLSelectElement>(el, 'select[name="delimiter"]');
      control.value = delimiter;
      control.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const exported = new Promise<ReportExportDetail>((resolve) =>
        el.addEventListener('help-feedback-report-export', (event) => {
          event.preventDefault();
          resolve(event.detail);
        }, { once: true }),
      );
      $<HTMLButtonElement>(el, 'button[part="export-button"]').click();
      return exported;
    };
    for (const delimiter of [';', ','] as const) {
      const { csv } = await exportWith(delimiter);
      expect(csv.startsWith('\uFEFF')).to.be.true;
      const rows = parseCsv(csv.slice(1), delimiter);
      expect(rows[0]).to.deep.equal(['Article', 'Article ID', 'Scale', 'Ratings', 'Average', 'Positive (%)', 'Distribution', 'Comments', 'Open', 'Last rating']);
      const x = rows.find((r) => r[1] === ids.x)!;
      const want = expectedRow(ids.x);
      expect(x[0]).to.equal(ids.x, 'no title in the content index: the id');
      expect(Number(x[3])).to.equal(want.count);
      expect(Number(x[4].replace(',', '.'))).to.be.closeTo(want.average, 0.005);
      expect(x[4].includes(delimiter === ';' ? ',' : '.')).to.be.true;
    }
    await openDetail(el, ids.x);
    for (const delimiter of [';', ','] as const) {
      const { csv, filename } = await exportWith(delimiter);
      expect(filename).to.equal(`feedback-${ids.x}.csv`);
      const rows = parseCsv(csv.slice(1), delimiter);
      const revised = rows.find((r) => r[6].includes('SUMME'))!;
      expect(revised[6]).to.equal(`'=SUMME(A1) "zitiert"; zweite`);
      expect(revised[5]).to.equal('Hard to understand');
      const outdated = rows.find((r) => r[6] === 'Screenshots zeigen die alte Oberfläche')!;
      expect(outdated[5]).to.equal('Wrong or outdated, Information is missing');
    }
  });

  it('deletes one submission after a confirmation: the row is gone from the SQLite file', async () => {
    const el = await report();
    await openDetail(el, ids.z);
    const target = seeded.find((s) => s.articleId === ids.z)!;
    $(el, `li[data-submission="${target.submissionId}"] button[data-action="delete"]`).click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(dialog.open).to.be.true;
    await expect(el).to.be.accessible();
    // Cancel first: nothing happens.
    $(el, 'button[data-action="cancel"]').click();
    expect(dialog.open).to.be.false;
    expect(await executeServerCommand('report-db', { action: 'rows', submissionId: target.submissionId })).to.have.length(1);
    $(el, `li[data-submission="${target.submissionId}"] button[data-action="delete"]`).click();
    await el.updateComplete;
    const changed = oneEvent(el, 'help-feedback-report-change');
    $(el, 'button[data-action="confirm-delete"]').click();
    expect((await changed).detail.action).to.equal('delete');
    expect(await executeServerCommand('report-db', { action: 'rows', submissionId: target.submissionId })).to.deep.equal([]);
    seeded.splice(seeded.indexOf(target), 1);
  });

  it('switches language live (de ↔ en), dates and numbers included', async () => {
    const el = await report();
    expect(text($(el, 'h2'))).to.equal('Help feedback');
    el.lang = 'de';
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('Hilfe-Feedback');
    const want = expectedRow(ids.x);
    expect(text(rowOf(el, ids.x).querySelector('.col-average'))).to.equal(`${want.average.toFixed(1).replace('.', ',')} von 5`);
    expect(text($(el, 'button[data-sort="ratings"]'))).to.contain('Bewertungen');
  });

  it('passes axe in the dark theme, overview and detail', async () => {
    const el = await report({ theme: 'dark' });
    await expect(el).to.be.accessible();
    await openDetail(el, ids.x);
    await expect(el).to.be.accessible();
  });

  it('says "no ratings yet" for a collector without ratings, and "nothing for this selection" for an empty filter', async () => {
    await login(window.__report.empty);
    try {
      const el = await report({ endpoint: window.__report.empty });
      expect(text($(el, '[part="notice"]'))).to.contain('No ratings yet');
      await expect(el).to.be.accessible();
      el.theme = 'dark';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    } finally {
      await login();
    }
    const el = await report({ period: '7' });
    await select(el, 'scale', 'faces');
    await select(el, 'lang', 'en');
    expect(text($(el, '[part="notice"]'))).to.contain('No ratings for this selection');
  });

  it('says the collector is unreachable, with a retry', async () => {
    const el = await report({ endpoint: 'http://localhost:9' });
    expect(text($(el, '[part="notice"]'))).to.contain('cannot be reached');
    expect($(el, '[part="notice"] button')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is refused (403) by a collector that does not admit this page’s origin, and says what to do', async () => {
    const direct = await fetch(`${window.__report.foreign}/api/admin/overview`, { credentials: 'include' });
    expect(direct.status).to.equal(403);
    const el = await report({ endpoint: window.__report.foreign });
    expect(text($(el, '[part="notice"]'))).to.contain('FEEDBACK_ADMIN_ORIGINS');
    expect(text($(el, '[part="notice"]'))).to.contain(location.origin);
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
