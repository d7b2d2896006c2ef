// The three engines of the browser tests, each from a Debian package (nothing downloads a browser):
//   chromium  Debian's Chromium through puppeteer-core (CDP)
//   firefox   Firefox ESR through puppeteer-core (WebDriver BiDi)
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (WebDriver classic), under Xvfb
// `BROWSERS=firefox,webkit` picks some of them; the default is all three. The launcher's `name` is
// what the runner prints in its summary and what `test/support/engine.ts` reports to a test.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import * as puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const paths = {
  chromium: process.env.CHROME_PATH || '/usr/lib/chromium/chromium',
  firefox: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
  webkitDriver: process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver',
  miniBrowser: process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  xvfbRun: '/usr/bin/xvfb-run',
};

// Names the one command that installs what is missing (the list is scripts/system-packages.sh).
function requireExecutable(file, what, debianPackage) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    throw new Error(`${what} not found at ${file}. Install it (as root): apt-get install -y --no-install-recommends ${debianPackage}`);
  }
}

function chromium() {
  requireExecutable(paths.chromium, 'Chromium', 'chromium');
  return chromeLauncher({
    puppeteer,
    launchOptions: {
      executablePath: paths.chromium,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // A test page must not get background-tab throttling (no animation frames, slowed
        // timers), or tests hang on timing instead of behaviour.
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
      ],
    },
  });
}

function firefox() {
  requireExecutable(paths.firefox, 'Firefox ESR', 'firefox-esr');
  return chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: paths.firefox,
      headless: true,
      extraPrefsFirefox: {
        // The machine has no internet: no update checks, telemetry or remote settings.
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    },
  });
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// Resolves once something accepts connections on the port, rejects if the process exits first.
function whenListening(port, child) {
  return new Promise((resolve, reject) => {
    let done = false;
    const onExit = (code) => {
      if (!done) {
        done = true;
        reject(new Error(`WebKitWebDriver exited (${code}) before listening`));
      }
    };
    child.once('exit', onExit);
    const attempt = () => {
      if (done) return;
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done = true;
        child.off('exit', onExit);
        resolve();
      });
      socket.once('error', () => setTimeout(attempt, 100));
    };
    attempt();
  });
}

/**
 * WebdriverLauncher that starts its own WebKitWebDriver under Xvfb and stops it at the end.
 * `freshProcess` gives every test file a new MiniBrowser (a new web process): one window otherwise
 * keeps one web process from file to file, whose memory only grows (1.9 GB after 40 large
 * articles), until WebKit's memory-pressure release holds the page of whichever file runs then.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor(options, { freshProcess = false } = {}) {
    super(options);
    this.freshProcess = freshProcess;
    this.sessionsStarted = 0;
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  // The runner's keep-alive asks the session for its title every few seconds (for cloud grids'
  // idle timeouts); during a session reload it hit the closed session and WebKitWebDriver then
  // hung on the new one. A local driver has no idle timeout.
  setupHeartbeat() {
    if (!this.freshProcess) super.setupHeartbeat();
  }

  async startSession(id, url) {
    this.driverReady ??= this.startDriver();
    await this.driverReady;
    if (this.freshProcess && this.sessionsStarted > 0) {
      await this.ensureManagerInitialized();
      // In the manager's queue, after the previous file's stop; ends the old MiniBrowser.
      await this.driverManager.scheduleCommand(() => this.driver.reloadSession());
    }
    this.sessionsStarted += 1;
    return super.startSession(id, url);
  }

  async startDriver() {
    const port = await freePort();
    // Its own process group, so that stopping it also stops Xvfb and MiniBrowser.
    this.driverProcess = spawn(paths.xvfbRun, ['-a', '-s', '-screen 0 1280x1024x24', paths.webkitDriver, `--port=${port}`], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // WebKitGTK logs every missing D-Bus session and GStreamer plugin: keep the tail for a failure.
    let log = '';
    this.driverProcess.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
    this.driverProcess.once('exit', (code, signal) => {
      if (!this.stopping) console.error(`WebKitWebDriver stopped (${code ?? signal}); its last output:\n${log}`);
    });
    await whenListening(port, this.driverProcess);
    this.options.hostname = '127.0.0.1';
    this.options.port = port;
  }

  async stop() {
    this.stopping = true;
    await super.stop();
    if (this.driverProcess?.exitCode === null) {
      const exited = new Promise((resolve) => this.driverProcess.once('exit', resolve));
      process.kill(-this.driverProcess.pid, 'SIGTERM');
      await exited;
    }
  }
}

function webkit({ freshProcess } = {}) {
  requireExecutable(paths.xvfbRun, 'xvfb-run', 'xvfb xauth');
  requireExecutable(paths.webkitDriver, 'WebKitWebDriver', 'webkit2gtk-driver');
  requireExecutable(paths.miniBrowser, 'MiniBrowser', 'webkit2gtk-driver');
  return new WebKitLauncher({
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks WebDriver classic only; it refuses the BiDi capabilities.
      'wdio:enforceWebDriverClassic': true,
      // Without --automation the session never starts.
      'webkitgtk:browserOptions': { binary: paths.miniBrowser, args: ['--automation'] },
    },
  }, { freshProcess });
}

const launchers = { chromium, firefox, webkit };

/**
 * The launchers for `BROWSERS` (comma-separated engine names), all three when it is unset.
 * `freshProcess`: a new WebKit web process per test file (benches that measure one input per file;
 * Chromium and Firefox already open each file in a new tab).
 */
export function browsers(selection = process.env.BROWSERS, { freshProcess = false } = {}) {
  const names = selection ? selection.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : ENGINES;
  const unknown = names.filter((n) => !ENGINES.includes(n));
  if (unknown.length) throw new Error(`BROWSERS: unknown engine ${unknown.join(', ')} (known: ${ENGINES.join(', ')})`);
  return names.map((n) => launchers[n]({ freshProcess }));
}
