import type { DriverWindow } from '../BrowserDriver.js';

/** What playwright's and puppeteer's `Page` have in common, as far as a window needs it. */
export interface ToolPage {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  url(): string;
  evaluate(fn: never, arg: never): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A {@link DriverWindow} over a playwright or puppeteer page: the shared methods map one to one,
 * the tool gives the three whose APIs differ.
 */
export function pageWindow(
  page: ToolPage,
  own: Pick<DriverWindow, 'click' | 'fill' | 'waitFor'>,
): DriverWindow {
  const evaluate = <R, A>(fn: (arg: A) => R, arg?: A) =>
    page.evaluate(fn as never, arg as never) as Promise<Awaited<R>>;
  return {
    ...own,
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    url: () => Promise.resolve(page.url()),
    text: (selector) =>
      evaluate((s: string) => document.querySelector(s)?.textContent ?? null, selector),
    evaluate,
    close: () => page.close(),
  };
}
