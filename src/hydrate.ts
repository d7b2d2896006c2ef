// `help-article-widget/hydrate`: prerendered articles (help-article-widget/ssr) are taken over as
// they are instead of rendered afresh. Import it before the elements are defined:
//   import 'help-article-widget/hydrate';
//   import 'help-article-widget';
// Needs `@lit-labs/ssr-client` (an optional peer). The script tag loads the same code by itself.
import './script-tag/hydrate.js';
