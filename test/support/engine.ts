// Which engine runs the test page, and the few test commands that exist in one engine only.
// The runner knows the engine (web-test-runner.config.mjs answers the `engine` command), so tests
// never guess it from the user agent.
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

/** An engine of the browser tests (test/support/browsers.mjs). */
export type Engine = 'chromium' | 'firefox' | 'webkit';

/** The engine this test page runs in. */
export const engine = (await executeServerCommand('engine')) as Engine;

/** Why a check runs in Chromium only: the test command it needs exists only there. */
export const CHROMIUM_ONLY = {
  emulateMedia: 'emulateMedia (print, colour scheme, forced colours) needs the DevTools protocol',
} as const;

/**
 * `it` in Chromium; elsewhere a skipped test whose title says why, so the split shows in every
 * run. Only for checks whose *test command* is Chromium-only, never for a widget defect.
 */
export function chromiumOnly(reason: string): Mocha.TestFunction {
  if (engine === 'chromium') return it;
  return ((title: string) => it.skip(`${title} [Chromium only: ${reason}]`)) as unknown as Mocha.TestFunction;
}

/** Presses the space bar: `press: 'Space'` is a name Firefox's WebDriver BiDi does not know. */
export const pressSpace = () => sendKeys({ press: ' ' });

/**
 * Types text one key at a time: WebKit's driver drops a repeated letter from `sendKeys({ type })`
 * ("Hallo" arrives as "Halo").
 */
export async function typeKeys(text: string): Promise<void> {
  for (const key of text) await sendKeys({ press: key });
}

/**
 * `it`, except in the engines where the widget has a known, still open defect for this case: there
 * a skipped test whose title names the defect, so it shows in every run until it is fixed. Each
 * use is listed in docs/development.md, "Browser support".
 */
export function exceptKnownDefect(engines: readonly Engine[], defect: string): Mocha.TestFunction {
  if (!engines.includes(engine)) return it;
  return ((title: string) => it.skip(`${title} [known ${engine} defect: ${defect}]`)) as unknown as Mocha.TestFunction;
}
