import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../../../../scripts/chromium.js';
import type { BrowserEngine, DriverWindow } from '../BrowserDriver.js';
import { e2eArgs } from '../launchBrowser.js';
import { pageWindow } from './pageWindow.js';

/** A playwright page as a {@link DriverWindow}. */
export function playwrightWindow(page: Page): DriverWindow {
  return pageWindow(page, {
    click: (selector) => page.click(selector),
    fill: (selector, value) => page.fill(selector, value),
    waitFor: async (condition, { arg, timeout = 10_000 } = {}) => {
      if (typeof condition === 'string') await page.waitForSelector(condition, { timeout });
      else await page.waitForFunction(condition as never, arg, { timeout });
    },
  });
}

/**
 * Headless Chromium (Debian's package, the project's flags) launched once; every driver is a
 * new browser context, which has storage of its own.
 */
export async function launchChromium(): Promise<BrowserEngine> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...e2eArgs],
  });
  return {
    name: 'chromium',
    supportsInitScripts: true,
    newDriver: async ({ initScripts = [] } = {}) => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      for (const script of initScripts) await context.addInitScript(script);
      return {
        engine: 'chromium',
        openWindow: async () => playwrightWindow(await context.newPage()),
        popup: async (trigger, timeout = 10_000) => {
          const [page] = await Promise.all([context.waitForEvent('page', { timeout }), trigger()]);
          return playwrightWindow(page);
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
