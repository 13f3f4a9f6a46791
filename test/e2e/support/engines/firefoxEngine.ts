import puppeteer, { TargetType, type Page } from 'puppeteer-core';
import type { BrowserEngine, DriverWindow } from '../BrowserDriver.js';
import { pageWindow } from './pageWindow.js';

/** `FIREFOX_PATH`, or Debian's `firefox-esr`. */
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A puppeteer page as a {@link DriverWindow}. */
function puppeteerWindow(page: Page): DriverWindow {
  return pageWindow(page, {
    click: (selector) => page.locator(selector).click(),
    fill: (selector, value) => page.locator(selector).fill(value),
    waitFor: async (condition, { arg, timeout = 10_000 } = {}) => {
      if (typeof condition === 'string') await page.waitForSelector(condition, { timeout });
      else await page.waitForFunction(condition as never, { timeout }, arg);
    },
  });
}

/**
 * Headless Firefox ESR through puppeteer-core over WebDriver BiDi (playwright-core cannot drive
 * Debian's build). Launched once; every driver is a new user context, which has storage of its own.
 */
export async function launchFirefox(): Promise<BrowserEngine> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
  });
  return {
    name: 'firefox',
    supportsInitScripts: true,
    newDriver: async ({ initScripts = [] } = {}) => {
      const context = await browser.createBrowserContext();
      return {
        engine: 'firefox',
        openWindow: async () => {
          const page = await context.newPage({ type: 'window' });
          for (const script of initScripts) await page.evaluateOnNewDocument(script);
          return puppeteerWindow(page);
        },
        popup: async (trigger, timeout = 10_000) => {
          const known = new Set(context.targets());
          const opened = context.waitForTarget(
            (target) => target.type() === TargetType.PAGE && !known.has(target),
            { timeout },
          );
          await trigger();
          const page = await (await opened).page();
          if (!page) throw new Error('Firefox opened a window without a page');
          return puppeteerWindow(page);
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
