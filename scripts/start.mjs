#!/usr/bin/env node
/**
 * `npm start`: the product on one origin. The feedback collector (SQLite in `data/`, or
 * `FEEDBACK_DB`) with the demo help site, the calendar admin demo and the built widget. Settings
 * are the collector's environment variables (docs/collector.md).
 */
import { runCollector } from 'help-feedback-collector/cli';
import { registerSite } from './lib/site.mjs';

await runCollector({
  extend: (app) => registerSite(app),
  banner: (url) => `\nHelp site    ${url}/\nAdmin demo   ${url}/demo/admin.html\nReport       ${url}/admin/ (needs FEEDBACK_ADMIN_TOKEN)\n`,
});
