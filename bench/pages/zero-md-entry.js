// zero-md 3 with every loader pointed at local code (its defaults import from jsDelivr):
// marked and marked-alert from node_modules; the extensions that are not installed here
// (base URL, heading ids, highlighting) are no-ops, which only makes zero-md cheaper.
// Its default template links CSS from jsDelivr: replaced by its own :host style only.
import ZeroMd from 'zero-md';
import { Marked } from 'marked';
import markedAlert from 'marked-alert';

const none = () => () => ({});

class LocalZeroMd extends ZeroMd {
  async load() {
    await super.load({
      marked: async () => new Marked({ async: true }),
      markedAlert: async () => markedAlert,
      markedBaseUrl: async () => () => ({}),
      markedGfmHeadingId: async () => () => ({}),
      markedHighlight: async () => none,
    });
    this.template = '<style>:host{display:block;position:relative;contain:content;}:host([hidden]){display:none;}</style>';
  }
}
customElements.define('zero-md', LocalZeroMd);
