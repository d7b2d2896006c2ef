/**
 * Bounds for untrusted markdown, found by measuring marked 18.2 and the browser (docs/security.md,
 * "Limits"; bench/marked-limits.mjs, bench/pathological.mjs). marked overflows the stack on
 * ~1,000 nested blockquotes, needs seconds for a few hundred nested list levels and grows
 * quadratically on runs of alternating emphasis markers; DOMPurify and the browser's HTML parser
 * grow faster than linearly on deep unclosed HTML. So the markdown is cut into chunks of bounded
 * size that each parse on their own, even inside one huge block, and reshaped before parsing;
 * every budget counts work (characters, table cells, elements), never the clock, so a slow phone
 * and a fast desktop show the same article.
 */
export const LIMITS = Object.freeze({
  /** Larger sources are not parsed: the start is shown as plain text (`too-large`). */
  maxSourceChars: 5_000_000,
  /** The plain-text start of a source over `maxSourceChars` shows at most this much. */
  maxFallbackChars: 200_000,
  /** Blockquote markers beyond this depth are dropped. */
  maxQuoteDepth: 12,
  /** Elements nested deeper than this (raw HTML) keep only their text: 1,600 unclosed `<div>`s took 105 ms to lay out, 64 levels 30 ms. */
  maxDepth: 64,
  /** Indentation beyond this many columns is cut (about 16 list levels). */
  maxIndent: 48,
  /** More list markers than this on one line (`- - - x`) become one. */
  maxListMarkers: 12,
  /** A block with more `*`/`_` than this has them escaped (shown literally). */
  maxEmphasisMarkers: 400,
  /**
   * A block with more `[` or `<` than this has those that nothing after them closes escaped (they
   * are text either way, so nothing is reshaped). marked rescans the rest of the block from each
   * opener; JavaScriptCore's regular expressions make that ~20× slower than V8 (`[` × 50,000 held
   * WebKit for over 30 s).
   */
  maxOpeners: 400,
  /** One parse (marked, then DOMPurify) takes at most this many characters, cut inside blocks if need be. */
  chunkChars: 8_000,
  /** … and at most this many lines (a list item, a row or a heading each: the browser lays them out as one block). */
  chunkLines: 200,
  /**
   * … and at most this much inline work: characters × inline marks (`\ < > [ ] ! \` * _ ~ & @ :`,
   * outside code fences). marked rescans what is left of a paragraph at each inline token, so its
   * cost grows with both; in JavaScriptCore that made one 8,000-character chunk of `<span>x` take
   * 440 ms, of escaped `**a` 480 ms (bench/engines/). Prose keeps whole chunks.
   */
  chunkWork: 2_000_000,
  /** Lines longer than this are broken at a space (a soft line break), so that any chunk can be cut. */
  maxLineChars: 2_000,
  /** One parse takes at most this many table cells (rows × columns: marked pads short rows). */
  chunkCells: 250,
  /** A table with more columns is shown as text (`too-complex`). */
  maxTableColumns: 64,
  /** Link definitions repeated into a chunk that uses them: at most this many characters. */
  maxRepeatedDefinitionChars: 2_000,
  /** Elements an article may have; what comes after is shown as plain text (`too-complex`). */
  maxElements: 50_000,
  /** Images (and videos) that may load; later ones become links to their source. */
  maxImages: 100,
  /** The pipeline gives the page a turn once it has worked this long without one (when, never what). */
  sliceMs: 12,
  /**
   * `##` headings after this many stay plain headings inside the last section: 20,000 collapsible
   * sections (a 270 KB input) held the page for 6 s, 60,000 for 21 s.
   */
  maxSections: 100,
  /** Long articles lay out off-screen content in groups of at most this many blocks … */
  blocksPerGroup: 40,
  /** … and this many elements … */
  elementsPerGroup: 300,
  /**
   * … and about this many lines of text: 40 plain-text blocks of 4,000 short lines each (the
   * fallback of 100,000 setext headings) took 533 ms to lay out when scrolled to, and a group of
   * 1,000 lines (80 KB of a too-wide table as code) 150–220 ms in WebKit; 300 lines: under 120 ms.
   */
  linesPerGroup: 300,
  /** … on shelves of at most this many groups (see SectionSplitter: WebKit lays out all siblings of a group that changes). */
  groupsPerShelf: 50,
  /** Plain text (the fallback of what was not parsed) comes in blocks of at most this many lines. */
  fallbackLines: 200,
  /**
   * A long article's first this many elements are in its first render (with 2,000, WebKit's first
   * frame of 60,000 tiny sections held the page for up to 320 ms) …
   */
  eagerElements: 1_000,
  /** … and the rest follow, this many elements a frame … */
  fillElements: 2_000,
  /** … with idle time after this many links (Firefox checks whether they were visited in one task per idle time: see fillDeferred). */
  fillLinks: 1_000,
});

/** What was reshaped, so the element can tell the reader and the host. */
export interface BoundResult {
  text: string;
  reshaped: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Caps quote depth, indentation, list markers, emphasis-marker and `[`/`<` runs, leaving fenced code alone. */
export function boundMarkdown(source: string): BoundResult {
  const lines = source.split('\n');
  let reshaped = false;
  let fence: string | undefined;
  let blockStart = 0;
  let markers = 0;
  let brackets = 0;
  let angles = 0;

  const closeBlock = (end: number) => {
    if (markers > LIMITS.maxEmphasisMarkers) {
      reshaped = true;
      for (let j = blockStart; j < end; j++) lines[j] = lines[j].replace(/(?<!\\)([*_])/g, '\\$1');
    }
    if (brackets > LIMITS.maxOpeners || angles > LIMITS.maxOpeners) {
      const block = escapeUnclosed(lines.slice(blockStart, end).join('\n'), brackets > LIMITS.maxOpeners, angles > LIMITS.maxOpeners);
      lines.splice(blockStart, end - blockStart, ...block.split('\n'));
    }
    markers = 0;
    brackets = 0;
    angles = 0;
  };
  const bullets = new RegExp(`^ *(?:[-*+] +){${LIMITS.maxListMarkers},}`);

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      closeBlock(i);
      fence = fenceMatch[1];
      blockStart = i + 1;
      continue;
    }
    if (line.trim() === '') {
      closeBlock(i);
      blockStart = i + 1;
      continue;
    }
    const quotes = /^(?:[ \t]*>)+/.exec(line);
    if (quotes && (quotes[0].match(/>/g)?.length ?? 0) > LIMITS.maxQuoteDepth) {
      line = '>'.repeat(LIMITS.maxQuoteDepth) + ' ' + line.slice(quotes[0].length).trimStart();
      reshaped = true;
    }
    const indent = /^[ \t]*/.exec(line)![0];
    const columns = indent.replace(/\t/g, '    ').length;
    if (columns > LIMITS.maxIndent) {
      line = ' '.repeat(LIMITS.maxIndent) + line.slice(indent.length);
      reshaped = true;
    }
    // Deeply nested list markers on one line ("- - - - x") nest like indentation does.
    const run = bullets.exec(line);
    if (run) {
      line = line.slice(0, run.index) + '- ' + line.slice(run[0].length);
      reshaped = true;
    }
    lines[i] = line;
    for (let k = 0; k < line.length; k++) {
      const c = line.charCodeAt(k);
      if (c === 42 || c === 95) markers++;
      else if (c === 91) brackets++;
      else if (c === 60) angles++;
    }
  }
  closeBlock(lines.length);
  return { text: lines.join('\n'), reshaped };
}

// Escapes the openers after the last closer: `[` after the last `]`, `(` of `](` after the last `)`,
// `<` after the last `>`. They cannot open a link or a tag, so the text reads the same (only one
// inside a code span would now show its backslash), and marked no longer rescans from each.
function escapeUnclosed(text: string, brackets: boolean, angles: boolean): string {
  const escapeAfter = (pattern: RegExp, closer: string, escaped: string) => {
    const last = text.lastIndexOf(closer);
    text = text.slice(0, last + 1) + text.slice(last + 1).replace(pattern, escaped);
  };
  if (brackets) {
    escapeAfter(/(?<!\\)\[/g, ']', '\\[');
    escapeAfter(/\]\(/g, ')', ']\\(');
  }
  if (angles) escapeAfter(/(?<!\\)</g, '>', '\\<');
  return text;
}

/** One piece of an article's markdown that parses on its own. */
export interface Chunk {
  /** The markdown: a fence cut in two is closed and opened again, a cut table repeats its head. */
  text: string;
  /** Offset in the source where the chunk's own text starts (from here on, a budget shows the rest as text). */
  start: number;
  /** Part of it is shown as text on purpose (a table too wide to lay out). */
  reshaped?: boolean;
}

// Lines that start a block of their own: a chunk may start there.
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|>|`{3,}|~{3,})/;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const DEFINITION = /^ {0,3}\[([^\]\n]{1,200})\]:[ \t]*\S[^\n]*$/gm;
const LABEL = /\[([^\]\n]{1,200})\]/g;
// Fences a table too wide to lay out as text; its rows start with `|`, so none can close it.
const TEXT_FENCE = '~~~~~~~~~~~~';

const labelOf = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

// Cells of a row, counted as GFM does at the top level (escaped pipes aside).
const cellsOf = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').length;

// The columns of a table delimiter row (`| --- | :-: |`), or 0 for any other line.
function delimiterColumns(line: string): number {
  const cells = line.trim().replace(/^\||\|$/g, '').split('|');
  return line.includes('|') && cells.every((c) => /^[ \t]*:?-+:?[ \t]*$/.test(c)) ? cells.length : 0;
}

// Characters that may start or end an inline token of marked (see `LIMITS.chunkWork`).
function marksOf(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // \ < > [ ] ! ` * _ ~ & @ :
    if (c === 92 || c === 60 || c === 62 || c === 91 || c === 93 || c === 33 || c === 96 || c === 42 || c === 95 || c === 126 || c === 38 || c === 64 || c === 58) n++;
  }
  return n;
}

/** Link reference definitions of the whole source, by label (the first of each wins, as in marked). */
function definitionsOf(source: string): Map<string, string> {
  const defs = new Map<string, string>();
  for (const m of source.matchAll(DEFINITION)) if (!defs.has(labelOf(m[1]))) defs.set(labelOf(m[1]), m[0].trim());
  return defs;
}

// `line` in pieces of at most `max`, cut after a space (dropped: the line break reads as one),
// else after a tag, else anywhere but inside a surrogate pair; with the offset of each piece.
function* segments(line: string, offset: number, max: number): Generator<[string, number]> {
  while (line.length > max) {
    let cut = line.lastIndexOf(' ', max);
    let skip = 1;
    if (cut < max / 2) {
      cut = line.lastIndexOf('>', max - 1) + 1;
      skip = 0;
    }
    if (cut < max / 2) cut = /[\uDC00-\uDFFF]/.test(line[max]) ? max - 1 : max;
    yield [line.slice(0, cut), offset];
    line = line.slice(cut + skip);
    offset += cut + skip;
  }
  yield [line, offset];
}

/**
 * Cuts markdown into chunks of at most `LIMITS.chunkChars` characters, `chunkLines` lines and
 * `chunkCells` table cells that parse on their own, lazily (the work per step stays small): at a
 * blank line where it can, else before a line that starts a block, else between two lines of one
 * block (a paragraph or list becomes two). Lines over `maxLineChars` are broken at a space. A
 * fence cut in two is closed and opened again, a cut table repeats its head, an open HTML comment
 * is opened again, and the link definitions a chunk uses are repeated into it. Tables wider than
 * `maxTableColumns`, or with a head over a quarter of a chunk, are fenced as text.
 */
export function* splitChunks(source: string): Generator<Chunk> {
  const { chunkChars, chunkLines, chunkCells, chunkWork, maxLineChars, maxTableColumns, maxRepeatedDefinitionChars } = LIMITS;
  const defs = source.length > chunkChars ? definitionsOf(source) : new Map<string, string>();
  // The chunk being collected: its lines, their offsets in the source (-1: a line added here).
  let lines: string[] = [];
  let offsets: number[] = [];
  // Inline marks per line (see `LIMITS.chunkWork`), and their sum.
  let markCounts: number[] = [];
  let size = 0;
  let marks = 0;
  let reshaped = false;
  // Index of the line the next chunk would start with, at a blank line or a block's first line.
  let blankCut = -1;
  let blockCut = -1;
  let fence: { open: string; close: string } | undefined;
  let comment = false;
  let table: { head: string[]; columns: number; cells: number } | undefined;

  const push = (line: string, offset = -1, lineMarks = 0) => {
    lines.push(line);
    offsets.push(offset);
    markCounts.push(lineMarks);
    size += line.length + 1;
    marks += lineMarks;
  };
  const sizeBefore = (index: number) => lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
  // A cut there leaves at least half of the chunk behind it (no tiny chunks).
  const fits = (index: number) => index > 0 && sizeBefore(index) >= size / 2;
  const take = (count = lines.length): Chunk => {
    let text = lines.slice(0, count).join('\n');
    if (defs.size) {
      // `[text][label]` resolves in every chunk: repeat the definitions this one uses.
      const used = new Set<string>();
      let extra = 0;
      for (const m of text.matchAll(LABEL)) {
        const def = defs.get(labelOf(m[1]));
        if (def && !used.has(def) && extra + def.length < maxRepeatedDefinitionChars) {
          used.add(def);
          extra += def.length + 1;
        }
      }
      if (used.size) text += `\n\n${[...used].join('\n')}`;
    }
    const chunk: Chunk = { text, start: offsets.slice(0, count).find((o) => o >= 0) ?? offsets.find((o) => o >= 0) ?? source.length };
    if (reshaped) chunk.reshaped = true;
    lines = lines.slice(count);
    offsets = offsets.slice(count);
    markCounts = markCounts.slice(count);
    size = sizeBefore(lines.length);
    marks = markCounts.reduce((n, m) => n + m, 0);
    reshaped = false;
    blankCut = blockCut = -1;
    return chunk;
  };

  // Adds one line; returns the chunk it completed, if it did.
  const add = (line: string, offset = -1, head?: { delimiter: string; columns: number }): Chunk | undefined => {
    let done: Chunk | undefined;
    const blank = line.trim() === '';
    if (table && (blank || BLOCK_START.test(line))) table = undefined;
    const clean = !fence && !comment && !table;
    if (head) table = { head: [line, head.delimiter], columns: head.columns, cells: 0 };
    const cells = table && !head ? table.columns : 0;
    const last = lines.length;
    // Code is not lexed inline: its marks cost nothing.
    const lineMarks = fence || comment ? 0 : marksOf(line);
    const over =
      size + line.length + 1 > chunkChars || last >= chunkLines || (size + line.length + 1) * (marks + lineMarks) > chunkWork || (table && table.cells + cells > chunkCells);

    if (last && over) {
      if (clean && fits(blankCut)) done = take(blankCut);
      else if (clean && fits(blockCut)) done = take(blockCut);
      else if (fence) {
        push(fence.close);
        done = take();
        push(fence.open);
      } else if (comment) {
        done = take();
        push('<!--');
      } else if (table && !head && line === table.head[1] && lines[last - 1] === table.head[0]) {
        done = take(last - 1);
      } else if (table && !head) {
        done = take();
        for (const row of table.head) push(row);
        table.cells = 0;
      } else {
        // A setext heading's text stays with the line under it.
        done = take(UNDERLINE.test(line) && last > 1 ? last - 1 : last);
      }
    }

    if (table) table.cells += cells;
    push(line, offset, lineMarks);
    const marker = FENCE.exec(line);
    if (fence) {
      if (marker && marker[1][0] === fence.close[0] && marker[1].length >= fence.close.length) fence = undefined;
    } else if (comment) {
      comment = !line.includes('-->');
    } else if (marker) {
      fence = { open: line, close: marker[1] };
    } else if (/^ {0,3}<!--/.test(line)) {
      comment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
    }
    if (blank && !fence && !comment) blankCut = lines.length;
    else if (clean && (head || BLOCK_START.test(line))) blockCut = lines.length - 1;
    return done;
  };

  let wide = false;
  for (let pos = 0; pos <= source.length; ) {
    const next = source.indexOf('\n', pos);
    const end = next < 0 ? source.length : next;
    const line = source.slice(pos, source[end - 1] === '\r' ? end - 1 : end);
    let head: { delimiter: string; columns: number } | undefined;
    let done: Chunk | undefined;
    if (wide && line.trim() === '') {
      wide = false;
      done = add(TEXT_FENCE);
    } else if (!wide && !fence && !comment && !table && line.includes('|')) {
      // A table starts here when the next line is its delimiter row.
      const after = source.indexOf('\n', end + 1);
      const delimiter = end < source.length ? source.slice(end + 1, after < 0 ? source.length : after).replace(/\r$/, '') : '';
      const columns = delimiterColumns(delimiter);
      // A head repeated into every chunk must stay small, or a long table would parse it over and over.
      if (columns > maxTableColumns || (columns && line.length + delimiter.length > chunkChars / 4)) {
        wide = true;
        done = add(TEXT_FENCE);
        reshaped = true;
      } else if (columns && columns === cellsOf(line)) {
        head = { delimiter, columns };
      }
    }
    if (done) yield done;
    // Rows of a table stay whole as long as half a chunk: a broken row breaks the table.
    for (const [segment, at] of segments(line, pos, head || table ? chunkChars / 2 : maxLineChars)) {
      done = add(segment, at, head);
      head = undefined;
      if (done) yield done;
    }
    pos = end + 1;
  }
  if (wide) {
    const done = add(TEXT_FENCE);
    if (done) yield done;
  }
  if (lines.length) yield take();
}

// Elements without content (no end tag).
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Start tags that end open elements (implied end tags): which ones, up to which container.
const ENDS: Record<string, [ends: string[], container: string[]]> = {
  li: [['li'], ['ul', 'ol']],
  dt: [['dt', 'dd'], ['dl']],
  dd: [['dt', 'dd'], ['dl']],
  td: [['td', 'th'], ['tr', 'table']],
  th: [['td', 'th'], ['tr', 'table']],
  tr: [['tr', 'td', 'th'], ['table', 'thead', 'tbody', 'tfoot']],
  option: [['option'], ['select']],
  // A link never holds a link: the parser closes the open one.
  a: [['a'], ['td', 'th', 'table']],
};
const ENDS_P: [string[], string[]] = [['p'], ['td', 'th', 'table', 'button']];
const BLOCK = new Set(['p', 'div', 'ul', 'ol', 'dl', 'table', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'details', 'figure']);
// A start or end tag; quoted values may hold neither `<` nor `>` here (each match stays linear).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*)?\/?>/g;

// Pops what a start tag of `name` ends.
function endImplied(open: string[], name: string): void {
  const rule = ENDS[name] ?? (BLOCK.has(name) ? ENDS_P : undefined);
  if (!rule) return;
  let at = -1;
  for (let i = open.length - 1; i >= 0 && !rule[1].includes(open[i]); i--) if (rule[0].includes(open[i])) at = i;
  if (at >= 0) open.length = at;
}

/**
 * Drops the tags of elements nested deeper than `LIMITS.maxDepth` from marked's HTML, keeping
 * their text, before the browser parses it: DOMPurify and the HTML parser grow faster than
 * linearly with depth (in WebKit 1,600 nested `<div>`s held one chunk for 285 ms, 530 nested
 * `<table><tr><td>` for 1.8 s). Depth is counted from the tags as written, with the common implied end
 * tags (`<li>` after `<li>`, `<td>`, `<tr>`, `<a>` after `<a>`, `<p>` before a block); the sanitizer still checks
 * what is left.
 */
export function boundDepth(html: string): BoundResult {
  if (html.length < LIMITS.maxDepth * 3) return { text: html, reshaped: false };
  const open: string[] = [];
  // Start tags dropped, by name: the next end tags of that name are theirs (they are the innermost).
  const dropped = new Map<string, number>();
  let reshaped = false;
  const text = html.replace(TAG, (tag, end: string, rawName: string) => {
    const name = rawName.toLowerCase();
    if (end) {
      const pending = dropped.get(name) ?? 0;
      if (pending) {
        dropped.set(name, pending - 1);
        return '';
      }
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      return tag;
    }
    if (VOID.has(name)) return tag;
    endImplied(open, name);
    if (open.length >= LIMITS.maxDepth) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      reshaped = true;
      return '';
    }
    open.push(name);
    return tag;
  });
  return { text, reshaped };
}
