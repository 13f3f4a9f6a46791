import type { Page } from 'playwright-core';
import { playwrightWindow } from './engines/chromiumEngine.js';
import { alice, fixtureState, openFixture, signInOnFixture, submitIdpForm } from './pageFlows.js';

/** Fills the dev IdP's sign-in form as a user would. */
export function submitIdpSignIn(page: Page, credentials = alice): Promise<void> {
  return submitIdpForm(playwrightWindow(page), credentials);
}

/** Opens the bare test page and waits until the client has read its storage. */
export function openTab(page: Page, origin: string): Promise<void> {
  return openFixture(playwrightWindow(page), origin);
}

/** Signs in from the bare test page through the IdP's form and back. */
export function signInOnTab(page: Page, origin: string): Promise<void> {
  return signInOnFixture(playwrightWindow(page), origin);
}

/** The text of the auth-state element. */
export function tabState(page: Page): Promise<string | null> {
  return fixtureState(playwrightWindow(page));
}
