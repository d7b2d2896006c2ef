import { corpusTests } from './pathological.js';

describe('pathological markdown: nesting, emphasis and HTML', function () {
  this.timeout(60_000);

  afterEach(() => document.body.replaceChildren());

  corpusTests(['nesting', 'emphasis', 'html']);
});
