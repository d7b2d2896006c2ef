// A web-test-runner command that slows the test page's CPU through the DevTools protocol
// (Emulation.setCPUThrottlingRate), so a test can show that a result does not depend on how
// fast the machine is. Chromium only: other browsers answer { ok: false, reason }, and the test
// skips with that reason.
//   await executeServerCommand('cpu-throttling', { rate: 4 })   // 1 = full speed again
export function cpuThrottlingPlugin() {
  // The protocol session stays open while a rate is set: emulation ends with its session.
  const sessions = new Map();
  return {
    name: 'cpu-throttling',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cpu-throttling') return undefined;
      const { browser } = session;
      if (browser.type !== 'puppeteer' || !/^Chrom/.test(browser.name)) {
        return { ok: false, reason: `CPU throttling needs the DevTools protocol (Chromium); ${browser.name} has none` };
      }
      const rate = Number(payload?.rate ?? 1);
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await browser.getPage(session.id).createCDPSession();
        sessions.set(session.id, cdp);
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      if (rate === 1) {
        sessions.delete(session.id);
        await cdp.detach();
      }
      return { ok: true };
    },
  };
}
