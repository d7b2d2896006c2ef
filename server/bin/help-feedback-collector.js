#!/usr/bin/env node
/**
 * Entry point: `help-feedback-collector` (or `node server/bin/help-feedback-collector.js`).
 * Settings come from environment variables (see the collector's documentation).
 */
import { runCollector } from '../cli.js';

await runCollector();
