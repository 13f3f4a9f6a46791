import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { authState, signInOnDemo } from './support/demoPage.js';
import { submitIdpSignIn } from './support/fixturePage.js';
import { setUpStack } from './support/startStack.js';

const { stack, browser: launch } = setUpStack({ app: 'demo' });

/** Counts main-frame navigations of a page from now on. */
function countNavigations(page: Page): () => number {
  let count = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) count++;
  });
  return () => count;
}

describe('several tabs of the demo', () => {
  it('sign-in in one tab shows up in an open second tab, without a reload', async () => {
    const { app } = stack();
    const browser = await launch();
    const first = await browser.newPage();
    const second = await browser.newPage();
    await second.goto(`${app.origin}/`);
    await authState(second, 'signed-out');
    const secondNavigations = countNavigations(second);

    await first.goto(`${app.origin}/`);
    await first.click('[data-testid="sign-in"]');
    await submitIdpSignIn(first);
    await first.waitForSelector('[data-testid="user-name"]');

    await authState(second, 'signed-in', 2000);
    expect(await second.textContent('[data-testid="user-name"]')).toBe('Alice Liddell');
    expect(secondNavigations()).toBe(0);
  });

  it('sign-out in one tab shows signed-out in the others within one second, without a reload', async () => {
    const { app } = stack();
    const browser = await launch();
    const first = await browser.newPage();
    await signInOnDemo(first, app.origin);
    const others = [await browser.newPage(), await browser.newPage()];
    for (const page of others) {
      await page.goto(`${app.origin}/profile`);
      await authState(page, 'signed-in');
    }
    const navigations = others.map(countNavigations);

    const clickedAt = Date.now();
    await first.click('[data-testid="sign-out"]');
    await Promise.all(others.map((page) => authState(page, 'signed-out', 1000)));
    const lag = Date.now() - clickedAt;
    console.log(`[scenario 6] other tabs showed signed-out ${lag} ms after the click`);
    expect(lag).toBeLessThan(1000);
    expect(navigations.map((count) => count())).toEqual([0, 0]);
    await first.waitForURL(`${app.origin}/`);
    await authState(first, 'signed-out');
  });
});
