// The floor of an article rendered by a script (bench/page-impact.mjs): the markdown fetched, then
// marked + DOMPurify + innerHTML into a plain element; no Lit, no shadow root, no article structure.
import { marked } from 'marked';
import DOMPurify from 'dompurify';

const target = document.getElementById('floor');
fetch(target.dataset.src)
  .then((response) => response.text())
  .then((markdown) => {
    target.innerHTML = DOMPurify.sanitize(marked.parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), { async: false }));
    document.dispatchEvent(new CustomEvent('help-article-load'));
  });
