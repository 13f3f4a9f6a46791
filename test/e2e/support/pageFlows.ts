/**
 * What a user does on the demo, the bare test page and the dev IdP's sign-in form, written once
 * against {@link DriverWindow} so every engine runs the same steps. (`demoPage.ts` and
 * `fixturePage.ts` offer the same steps on a playwright Page for the Chromium-only scenarios.)
 */
import { resolveConfig } from '../../../src/core/config/LogtoConfig.js';
import {
  defaultAppId,
  defaultEndpoint,
  defaultResources,
  defaultScopes,
} from '../../../demo/src/demoConfig.js';
import type { DriverWindow } from './BrowserDriver.js';

/** The seeded user the scenarios sign in as. */
export const alice = { username: 'alice', password: 'alice-password' };

/** Fills the dev IdP's sign-in form as a user would. */
export async function submitIdpForm(win: DriverWindow, credentials = alice): Promise<void> {
  await win.waitFor('#sign-in-form');
  await win.fill('input[name="username"]', credentials.username);
  await win.fill('input[name="password"]', credentials.password);
  await win.click('#sign-in-form button[type="submit"]');
}

/** Waits until the demo's auth badge shows `state`. */
export function demoAuthState(
  win: DriverWindow,
  state: 'signed-in' | 'signed-out',
  timeout = 10_000,
): Promise<void> {
  return win.waitFor(`[data-testid="auth-state"][data-state="${state}"]`, { timeout });
}

/** Signs in from the demo's home page through the dev IdP's form, back to the home page. */
export async function signInOnDemoWindow(
  win: DriverWindow,
  origin: string,
  credentials = alice,
): Promise<void> {
  await win.goto(`${origin}/`);
  await demoAuthState(win, 'signed-out');
  await win.click('[data-testid="sign-in"]');
  await submitIdpForm(win, credentials);
  await win.waitFor('[data-testid="user-name"]');
}

/**
 * Signs in at the IdP only, as if in another app: an authorization request the app did not start
 * (so its callback stores nothing: no transaction), through the IdP's form. The browser then has
 * an IdP session and the app none, in every engine (no storage to clear).
 */
export async function signInAtIdpOnly(
  win: DriverWindow,
  issuer: string,
  origin: string,
  credentials = alice,
): Promise<void> {
  // What the demo asks for, consented to (Logto answers a silent request for anything less with
  // consent_required): another app's sign-in to the same Logto account would grant the same.
  const demo = resolveConfig(
    {
      endpoint: defaultEndpoint,
      appId: defaultAppId,
      resources: defaultResources,
      scopes: defaultScopes,
    },
    {},
  );
  const authorize = new URL(`${issuer}/auth`);
  authorize.search = new URLSearchParams([
    ['client_id', demo.appId],
    ['redirect_uri', `${origin}/callback`],
    ['response_type', 'code'],
    ['scope', demo.scopes.join(' ')],
    ['prompt', 'consent'],
    ...demo.resources.map((resource) => ['resource', resource]),
    ['state', 'another-app'],
    ['code_challenge', 'x'.repeat(43)],
    ['code_challenge_method', 'S256'],
  ]).toString();
  await win.goto(authorize.href);
  await submitIdpForm(win, credentials);
  await win.waitFor((callback) => location.href.startsWith(callback), {
    arg: `${origin}/callback`,
  });
}

/** The parsed JSON of one of the demo's `<pre data-testid=...>` blocks, once it is shown. */
export async function demoJson(
  win: DriverWindow,
  testId: string,
): Promise<Record<string, unknown>> {
  await win.waitFor(`[data-testid="${testId}"]`);
  return JSON.parse((await win.text(`[data-testid="${testId}"]`)) ?? 'null') as Record<
    string,
    unknown
  >;
}

/** Opens the bare test page and waits until the client has read its storage. */
export async function openFixture(win: DriverWindow, origin: string): Promise<void> {
  await win.goto(`${origin}/`);
  await win.waitFor(() => document.getElementById('state')?.textContent !== 'loading');
}

/** Signs in from the bare test page through the IdP's form and back. */
export async function signInOnFixture(win: DriverWindow, origin: string): Promise<void> {
  await openFixture(win, origin);
  // Not awaited in the page: signIn() ends by navigating away.
  await win.evaluate(() => void window.e2e.signIn());
  await submitIdpForm(win);
  await win.waitFor((home) => location.href === home, { arg: `${origin}/`, timeout: 15_000 });
  await win.evaluate(() => window.e2e.ready);
  await win.waitFor(() => document.getElementById('state')?.textContent === 'signed-in');
}

/** The bare test page's auth state: `loading`, `signed-in` or `signed-out`. */
export function fixtureState(win: DriverWindow): Promise<string | null> {
  return win.text('#state');
}
