import { corpusTests } from './pathological.js';

describe('pathological markdown: huge blocks and headings', function () {
  this.timeout(60_000);

  afterEach(() => document.body.replaceChildren());

  corpusTests(['block', 'headings']);
});
