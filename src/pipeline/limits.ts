/**
 * Bounds for untrusted markdown, found by timing marked 18.2 itself (see README, "Limits").
 * marked overflows the stack on ~1,000 nested blockquotes, needs seconds for a few hundred
 * nested list levels and grows quadratically on runs of alternating emphasis markers
 * (`*a_` × 3,300 = 10 KB takes 1.5 s). Inputs are reshaped before parsing so that every
 * chunk parses in milliseconds; what is reshaped still reads as text.
 */
export const LIMITS = Object.freeze({
  /** Larger sources are not parsed: the start is shown as plain text. */
  maxSourceChars: 5_000_000,
  /** Plain-text fallback shows at most this much. */
  maxFallbackChars: 200_000,
  /** Blockquote markers beyond this depth are dropped. */
  maxQuoteDepth: 12,
  /** Indentation beyond this many columns is cut (about 16 list levels). */
  maxIndent: 48,
  /** A block with more `*`/`_` than this has them escaped (shown literally). */
  maxEmphasisMarkers: 400,
  /**
   * A block with more `[` or `<` than this has those that nothing after them closes escaped (they
   * are text either way, so nothing is reshaped). marked rescans the rest of the block from each
   * opener; JavaScriptCore's regular expressions make that ~20× slower than V8 (`[` × 50,000 held
   * WebKit for over 30 s).
   */
  maxOpeners: 400,
  /** Parsing stops after this much time; the rest is shown as plain text. */
  timeBudgetMs: 4_000,
  /** The pipeline gives the page a turn once it has worked this long without one. */
  sliceMs: 12,
  /** Chunks are cut at headings, and at blank lines once they grow past this size. */
  chunkChars: 64_000,
  /**
   * `##` headings after this many stay plain headings inside the last section: 20,000 collapsible
   * sections (a 270 KB input) held the page for 6 s, 60,000 for 21 s.
   */
  maxSections: 100,
  /** A long article's parse groups hold at most this many heading-cut pieces. */
  piecesPerGroup: 200,
  /** Long articles lay out off-screen content in groups of this many blocks. */
  blocksPerGroup: 40,
});

/** What was reshaped, so the element can tell the reader and the host. */
export interface BoundResult {
  text: string;
  reshaped: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Caps quote depth, indentation, emphasis-marker and `[`/`<` runs, leaving fenced code alone. */
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
    const bullets = /^ *(?:[-*+] +){12,}/.exec(line);
    if (bullets) {
      line = line.slice(0, bullets.index) + '- ' + line.slice(bullets[0].length);
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

/**
 * Cuts markdown into chunks that parse independently: before `#`/`##` headings, and once a chunk
 * is large at blank lines or between table rows (repeating the table's head). Never inside fenced code. Link reference definitions are
 * repeated into every chunk so `[text][ref]` still resolves.
 */
export function splitChunks(source: string): string[] {
  const lines = source.split('\n');
  const chunks: string[] = [];
  const refs: string[] = [];
  let current: string[] = [];
  let size = 0;
  let fence: string | undefined;

  const flush = () => {
    if (current.length) chunks.push(current.join('\n'));
    current = [];
    size = 0;
  };

  let tableHead: string[] = [];
  for (const [i, line] of lines.entries()) {
    const fenceMatch = FENCE.exec(line);
    const tableRow = !fence && line.trimStart().startsWith('|');
    if (tableRow && !tableHead.length && /^ {0,3}\|?[ :|-]*-[ :|-]*$/.test(lines[i + 1] ?? '')) tableHead = [line, lines[i + 1]];
    else if (!tableRow) tableHead = [];
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else if (/^ {0,3}#{1,2}[ \t]/.test(line) && size > 0) {
      flush();
    } else if (size > LIMITS.chunkChars && line.trim() === '') {
      flush();
    } else if (size > LIMITS.chunkChars && tableRow && tableHead.length && line !== tableHead[0] && line !== tableHead[1]) {
      // A huge table has no blank line to cut at: cut between rows and repeat its head.
      flush();
      current.push(...tableHead);
      size = tableHead[0].length + tableHead[1].length + 2;
    }
    if (!fence && /^ {0,3}\[[^\]]+\]:\s*\S/.test(line)) refs.push(line);
    current.push(line);
    size += line.length + 1;
  }
  flush();
  if (refs.length && chunks.length > 1 && refs.length <= 500) {
    const defs = '\n\n' + refs.join('\n');
    return chunks.map((c) => c + defs);
  }
  return chunks;
}
