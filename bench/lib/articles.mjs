// The benchmark articles: the seed article as it is, and larger ones made deterministically
// from the content articles (bodies without front matter, in file-name order, repeated until
// the size is reached, cut at a blank line).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contentDir = path.join(root, 'content');

export const SEED = 'versandte-email-nicht-im-postfach.de.md';

function body(file) {
  const text = fs.readFileSync(path.join(contentDir, file), 'utf8');
  const title = /^title:\s*(.*)$/m.exec(text)?.[1] ?? file;
  return { title, text: text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\]\(images\//g, '](/content/images/') };
}

/** A markdown article of about `bytes` characters built from the content articles. */
export function syntheticArticle(bytes) {
  const files = fs.readdirSync(contentDir).filter((f) => f.endsWith('.md')).sort();
  const parts = ['# Hilfe-Sammlung\n\nAlle Artikel in einem Dokument.\n'];
  let size = parts[0].length;
  for (let round = 1; size < bytes; round++) {
    for (const file of files) {
      // Every article's title becomes a section; its own sections go one level down.
      const { title, text } = body(file);
      const piece = `## ${title} (${round})\n\n${text.replace(/^## /gm, '### ')}`;
      parts.push(piece);
      size += piece.length + 1;
      if (size >= bytes) break;
    }
  }
  let text = parts.join('\n');
  if (text.length > bytes) {
    const cut = text.lastIndexOf('\n\n', bytes);
    text = text.slice(0, cut > 0 ? cut : bytes) + '\n';
  }
  return text;
}

/** The three articles of the render bench. */
export function benchArticles() {
  return [
    { name: `seed (${SEED})`, short: 'seed', markdown: fs.readFileSync(path.join(contentDir, SEED), 'utf8').replace(/\]\(images\//g, '](/content/images/') },
    { name: '100 KB', short: '100k', markdown: syntheticArticle(100_000) },
    { name: '1 MB', short: '1m', markdown: syntheticArticle(1_000_000) },
  ];
}
