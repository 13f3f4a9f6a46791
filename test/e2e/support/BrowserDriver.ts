/**
 * One way to drive Chromium, Firefox and WebKit, so a scenario is written once and runs on each.
 * The engines are driven by different tools (playwright-core, puppeteer-core over WebDriver BiDi,
 * WebKitWebDriver over classic WebDriver); this interface is what they have in common. Scenarios
 * count requests with the dev IdP's own log, which is the same for every engine, rather than with
 * a tool's network interception, which is not.
 */

/** The engines the suite runs on. */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

export const allEngines: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** A browser window (a top-level page) of a {@link BrowserDriver}. */
export interface DriverWindow {
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** The current address. */
  url(): Promise<string>;
  /** Clicks the element, as a user would (real input events). */
  click(selector: string): Promise<void>;
  /** Types `value` into the input, replacing what it held. */
  fill(selector: string, value: string): Promise<void>;
  /** The element's text content, or `null` when there is no such element. */
  text(selector: string): Promise<string | null>;
  /**
   * Runs `fn(arg)` in the page and resolves its (awaited) result. `fn` is sent as source: it can
   * use only its argument and the page's globals, and `arg` and the result must be JSON values.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>>;
  /** Waits until an element matches `selector`, or until `fn(arg)` is truthy in the page. */
  waitFor<A = undefined>(
    condition: string | ((arg: A) => unknown),
    options?: { arg?: A; timeout?: number },
  ): Promise<void>;
  close(): Promise<void>;
}

/**
 * One fresh browsing profile: its windows share storage, BroadcastChannel and Web Locks with
 * each other and with nothing else (no state from an earlier test).
 */
export interface BrowserDriver {
  readonly engine: EngineName;
  /** Opens a new window (not a tab: background tabs have their timers throttled). */
  openWindow(): Promise<DriverWindow>;
  /**
   * Runs `trigger` (e.g. a click) and resolves with the window the page opened because of it
   * (`window.open`); rejects when none opened within `timeout` ms.
   */
  popup(trigger: () => Promise<void>, timeout?: number): Promise<DriverWindow>;
  close(): Promise<void>;
}

export interface DriverOptions {
  /** Scripts run in every page before the page's own, e.g. to remove an API the page would use. */
  initScripts?: string[];
}

/** A running engine, shared by the tests of one file; each test asks for its own driver. */
export interface BrowserEngine {
  readonly name: EngineName;
  /** Whether {@link DriverOptions.initScripts} work (classic WebDriver has no such command). */
  readonly supportsInitScripts: boolean;
  newDriver(options?: DriverOptions): Promise<BrowserDriver>;
  close(): Promise<void>;
}

/** Starts `name`. Each engine's tool is loaded only when that engine runs. */
export async function launchEngine(name: EngineName): Promise<BrowserEngine> {
  switch (name) {
    case 'chromium':
      return (await import('./engines/chromiumEngine.js')).launchChromium();
    case 'firefox':
      return (await import('./engines/firefoxEngine.js')).launchFirefox();
    case 'webkit':
      return (await import('./engines/webkitEngine.js')).launchWebKit();
  }
}

/**
 * The engines this run covers: all three, or those listed in `E2E_ENGINES` (comma-separated), for
 * a quick local iteration on one engine. CI sets nothing and runs all.
 */
export function selectedEngines(): EngineName[] {
  const wanted = process.env.E2E_ENGINES?.split(',').map((name) => name.trim());
  if (!wanted) return [...allEngines];
  const unknown = wanted.filter((name) => !allEngines.includes(name as EngineName));
  if (unknown.length > 0) throw new Error(`E2E_ENGINES: unknown engine ${unknown.join(', ')}`);
  return allEngines.filter((name) => wanted.includes(name));
}

/** Polls `probe` until it resolves truthy; probe errors (a page mid-navigation) count as "not yet". */
export async function pollUntil(
  probe: () => Promise<unknown>,
  timeout: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
