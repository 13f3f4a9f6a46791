import type { Page } from 'playwright-core';

/** An error code the demo showed: `<code data-testid="{where}-code">{code}</code>` (ErrorBox). */
export interface ShownError {
  /** The error box's test id, e.g. `api-token-error-shopping`. */
  where: string;
  code: string;
}

declare global {
  interface Window {
    __shownErrors?: ShownError[];
  }
}

/**
 * From the next document `page` loads on, records every error code the demo's error boxes show,
 * each (box, code) once, in the order first shown, even one that is on screen for a moment only
 * (an error the app recovers from by itself). The record lives in the page: a full navigation
 * starts a new one.
 */
export async function recordShownErrors(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: ShownError[] = [];
    window.__shownErrors = shown;
    const suffix = '-code';
    new MutationObserver(() => {
      for (const element of document.querySelectorAll(`[data-testid$="${suffix}"]`)) {
        const where = element.getAttribute('data-testid')?.slice(0, -suffix.length) ?? '';
        const code = element.textContent;
        if (!shown.some((error) => error.where === where && error.code === code))
          shown.push({ where, code });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** The errors recorded by {@link recordShownErrors} in the current document. */
export function shownErrors(page: Page): Promise<ShownError[]> {
  return page.evaluate(() => window.__shownErrors ?? []);
}
