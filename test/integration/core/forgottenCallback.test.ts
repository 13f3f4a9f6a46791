import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../../src/core/index.js';
import { redirectUri, setUpTestIdp, signInUntilCallback } from './harness.js';

const { newClient } = setUpTestIdp();

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The page after the redirect back from Logto: a sign-in was started in this browser (storage),
 * the IdP answered, and a new client starts on the callback URL.
 */
async function landOnCallback() {
  const storage = new MemoryStorage();
  const callbackUrl = await signInUntilCallback(newClient({}, { storage }));
  window.history.replaceState(null, '', callbackUrl);
  const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const page = newClient({}, { storage });
  return { callbackUrl, warnings, page };
}

const forgotten = (warnings: { mock: { calls: unknown[][] } }) =>
  warnings.mock.calls.filter((call) => String(call[0]).includes('nothing handled it'));

describe('a sign-in callback that nothing handles (a forgotten callback route)', () => {
  it('warns once within a second, naming the route and the fix, never the code', async () => {
    const { callbackUrl, warnings, page } = await landOnCallback();
    await page.client.start();
    await page.client.start();
    await wait(1300);
    const lines = forgotten(warnings);
    expect(lines).toHaveLength(1);
    const message = String(lines[0]?.[0]);
    expect(message).toBe(
      `logto-spa: ${redirectUri}?code=…&state=… looks like the sign-in callback (redirectUri ${redirectUri}) but nothing handled it: render useHandleSignInCallback() (or call client.handleSignInCallback) on that route`,
    );
    const params = new URL(callbackUrl).searchParams;
    expect(message).not.toContain(params.get('code'));
    expect(message).not.toContain(params.get('state'));
  });

  it('stays quiet when the callback is handled', async () => {
    const { callbackUrl, warnings, page } = await landOnCallback();
    await page.client.start();
    await page.client.handleSignInCallback(callbackUrl);
    await wait(1300);
    expect(forgotten(warnings)).toEqual([]);
  });

  it('stays quiet on a URL with code and state that is no sign-in of this browser', async () => {
    window.history.replaceState(null, '', '/elsewhere?code=abc&state=xyz');
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await newClient().client.start();
    await wait(1300);
    expect(forgotten(warnings)).toEqual([]);
  });
});
