// The bare minimum pipeline: marked.parse + DOMPurify.sanitize + innerHTML on a plain element.
import { marked } from 'marked';
import DOMPurify from 'dompurify';

window.bareRender = (markdown, target) => {
  target.innerHTML = DOMPurify.sanitize(marked.parse(markdown, { async: false }));
};
