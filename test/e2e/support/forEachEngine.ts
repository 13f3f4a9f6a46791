import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import {
  launchEngine,
  selectedEngines,
  type BrowserDriver,
  type BrowserEngine,
  type DriverOptions,
  type EngineName,
} from './BrowserDriver.js';

/** What a scenario gets: the engine's name and fresh drivers, closed after each test. */
export interface EngineUnderTest {
  readonly name: EngineName;
  /** A fresh profile (no storage from earlier tests) of the file's running engine. */
  driver(options?: DriverOptions): Promise<BrowserDriver>;
}

/**
 * Registers the scenarios `define` declares once per engine, in a `describe` named after it.
 * Each engine starts once for the whole file (before its scenarios) and stops after them; each
 * test opens its own driver. `only` limits the engines (e.g. where a scenario needs init scripts).
 */
export function forEachEngine(
  define: (engine: EngineUnderTest) => void,
  only: readonly EngineName[] = selectedEngines(),
): void {
  const names = selectedEngines().filter((name) => only.includes(name));
  describe.each(names)('in %s', (name) => {
    let engine: BrowserEngine | undefined;
    const drivers: BrowserDriver[] = [];
    beforeAll(async () => {
      engine = await launchEngine(name);
    });
    afterEach(async () => {
      for (const driver of drivers.splice(0)) await driver.close();
    });
    afterAll(async () => {
      await engine?.close();
    });
    define({
      name,
      driver: async (options) => {
        if (!engine) throw new Error(`${name} is not started yet`);
        const driver = await engine.newDriver(options);
        drivers.push(driver);
        return driver;
      },
    });
  });
}
