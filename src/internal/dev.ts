/**
 * Dev-mode switch. The production bundle replaces this line with `false` (rollup.config.mjs),
 * so every `if (DEV_MODE)` branch and its message strings are dropped by the minifier.
 */
export const DEV_MODE = true;

const issued = new Set<string>();

/** Logs a console warning once per `cause` (dev mode only): misconfiguration, never reader errors. */
export function warnOnce(cause: string, message: string): void {
  if (!DEV_MODE || issued.has(cause)) return;
  issued.add(cause);
  console.warn(`[help-article-widget] ${message}`);
}
