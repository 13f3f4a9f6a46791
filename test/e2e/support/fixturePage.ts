import type { Page } from 'playwright-core';
import { alice } from './startStack.js';

/** Fills the dev IdP's sign-in form as a user would. */
export async function submitIdpSignIn(page: Page, credentials = alice): Promise<void> {
  await page.waitForSelector('#sign-in-form');
  await page.fill('input[name="username"]', credentials.username);
  await page.fill('input[name="password"]', credentials.password);
  await page.click('#sign-in-form button[type="submit"]');
}

/** Opens the bare test page and waits until the client has read its storage. */
export async function openTab(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.getElementById('state')?.textContent !== 'loading');
}

/** Signs in from the bare test page through the IdP's form and back. */
export async function signInOnTab(page: Page, origin: string): Promise<void> {
  await openTab(page, origin);
  await page.evaluate(() => window.e2e.signIn());
  await submitIdpSignIn(page);
  await page.waitForURL(`${origin}/`);
  await page.evaluate(() => window.e2e.ready);
  await page.waitForFunction(() => document.getElementById('state')?.textContent === 'signed-in');
}

/** The text of the auth-state element. */
export function tabState(page: Page): Promise<string | null> {
  return page.textContent('#state');
}
