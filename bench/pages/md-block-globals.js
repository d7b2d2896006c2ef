// md-block 0.0.1 reads `window.marked` / `window.DOMPurify` when it loads, else imports them from
// jsDelivr. It was written for marked ≤ 4 (renderer functions with positional arguments and a
// slugger); this adapter gives it marked 18 from node_modules with that old renderer interface.
import { Marked } from 'marked';
import DOMPurify from 'dompurify';

const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

class Slugger {
  seen = new Map();
  slug(text) {
    const base = text.toLowerCase().trim().replace(/<[^>]*>/g, '').replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
    const n = this.seen.get(base) ?? 0;
    this.seen.set(base, n + 1);
    return n ? `${base}-${n}` : base;
  }
}

const m = new Marked();
let legacy = {};
let slugger = new Slugger();
m.use({
  renderer: {
    heading(token) {
      if (!legacy.heading) return false;
      return legacy.heading(this.parser.parseInline(token.tokens), token.depth, token.text, slugger);
    },
    code(token) {
      if (!legacy.code) return false;
      return legacy.code(token.text, token.lang, token.escaped);
    },
    codespan(token) {
      if (!legacy.codespan) return false;
      return legacy.codespan(escape(token.text));
    },
  },
});

window.marked = {
  setOptions: (options) => m.setOptions(options),
  use: ({ renderer }) => {
    legacy = renderer ?? {};
  },
  parse: (src) => {
    slugger = new Slugger();
    return m.parse(src, { async: false });
  },
  parseInline: (src) => m.parseInline(src, { async: false }),
};
window.DOMPurify = DOMPurify;
