import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { playwrightWindow } from './engines/chromiumEngine.js';
import { alice, demoAuthState, demoJson, signInOnDemoWindow } from './pageFlows.js';

/** Waits until the demo's auth badge shows `state`. */
export function authState(page: Page, state: 'signed-in' | 'signed-out', timeout = 10_000) {
  return demoAuthState(playwrightWindow(page), state, timeout);
}

/** Signs in from the demo's home page through the dev IdP's form, back to the home page. */
export async function signInOnDemo(page: Page, origin: string, credentials = alice): Promise<void> {
  await signInOnDemoWindow(playwrightWindow(page), origin, credentials);
  expect(new URL(page.url()).pathname).toBe('/');
}

/** Goes to a page through the demo's nav bar (client-side, no reload). */
export async function openNav(
  page: Page,
  label: 'home' | 'profile' | 'api' | 'organizations' | 'protected',
) {
  await page.click(`[data-testid="nav-${label}"]`);
}

/** The parsed JSON of a `<pre data-testid=...>` block. */
export function jsonOf(page: Page, testId: string): Promise<Record<string, unknown>> {
  return demoJson(playwrightWindow(page), testId);
}
