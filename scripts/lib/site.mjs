/**
 * The demo help site on the collector's origin: `registerSite(app)` adds the pages of `demo/`,
 * the articles of `content/` and the built widget in `dist/` to a collector's Fastify instance.
 * `node_modules/` and anything else in the project stay private. Only what exists at start is
 * served, so a fresh clone without a build still starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';

/** The project folder (holds `demo/`, `content/`, `dist/`). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{root?: string}} [options]
 */
export async function registerSite(app, { root = PROJECT_ROOT } = {}) {
  const folders = [
    { dir: 'demo', prefix: '/demo/' },
    { dir: 'content', prefix: '/content/' },
    { dir: 'dist', prefix: '/dist/' },
  ].filter(({ dir }) => fs.existsSync(path.join(root, dir)));

  for (const [index, { dir, prefix }] of folders.entries()) {
    await app.register(fastifyStatic, {
      root: path.join(root, dir),
      prefix,
      // Only the first registration may add reply.sendFile.
      decorateReply: index === 0,
      index: ['index.html'],
      redirect: true,
      setHeaders: (/** @type {import('fastify').FastifyReply} */ reply, /** @type {string} */ filePath) => {
        if (filePath.endsWith('.md')) reply.header('content-type', 'text/markdown; charset=utf-8');
      },
    });
  }

  if (folders[0]?.dir === 'demo') {
    app.get('/', (request, reply) => reply.sendFile('index.html', path.join(root, 'demo')));
    app.get('/demo', (request, reply) => reply.redirect('/demo/', 301));
    // The owner report (<help-feedback-report>) on the collector's own origin.
    app.get('/admin/', (request, reply) => reply.sendFile('report.html', path.join(root, 'demo')));
    app.get('/admin', (request, reply) => reply.redirect('/admin/', 301));
  }
}
