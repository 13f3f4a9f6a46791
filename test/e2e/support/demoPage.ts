import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { submitIdpSignIn } from './fixturePage.js';
import { alice } from './startStack.js';

/** Waits until the demo's auth badge shows `state`. */
export async function authState(page: Page, state: 'signed-in' | 'signed-out', timeout = 10_000) {
  await page.waitForSelector(`[data-testid="auth-state"][data-state="${state}"]`, { timeout });
}

/** Signs in from the demo's home page through the dev IdP's form, back to the home page. */
export async function signInOnDemo(page: Page, origin: string, credentials = alice): Promise<void> {
  await page.goto(`${origin}/`);
  await authState(page, 'signed-out');
  await page.click('[data-testid="sign-in"]');
  await submitIdpSignIn(page, credentials);
  await page.waitForSelector('[data-testid="user-name"]');
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
export async function jsonOf(page: Page, testId: string): Promise<Record<string, unknown>> {
  const text = await page.textContent(`[data-testid="${testId}"]`, { timeout: 10_000 });
  return JSON.parse(text ?? 'null') as Record<string, unknown>;
}
