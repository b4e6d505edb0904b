import { launchBrowser } from '../test/helpers/browser';

/** Chrome DevTools' "Slow 3G" profile: 400 ms RTT, 400 kbit/s down, 400 kbit/s up. */
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};

/**
 * First load of a page on a cheap phone: bytes over the wire (compressed, as transferred) and the time until
 * `ready` (a selector that means the page is usable) with the CPU throttled 4x on slow 3G.
 */
export async function pageLoad(url: string, ready: string) {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(ready).waitFor({ state: 'visible' });
    const usableMs = Date.now() - started;
    await page.waitForLoadState('networkidle');
    return { kb: bytes / 1024, usableMs };
  } finally {
    await browser.close();
  }
}
