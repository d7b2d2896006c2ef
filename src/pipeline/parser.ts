// marked and DOMPurify: the pipeline's two libraries and most of its weight, in a module of their
// own so that the script tag can take a prerendered article over without them. Importing it
// hands them to the pipeline (src/pipeline/index.ts).
import { markdownToHtml } from './markdown.js';
import { sanitizeHtml } from './sanitize.js';
import { provideParser } from './index.js';

provideParser({ markdownToHtml, sanitizeHtml });
