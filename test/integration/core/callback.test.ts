import { describe, expect, it } from 'vitest';
import { LogtoCallbackError, MemoryStorage } from '../../../src/core/index.js';
import {
  bob,
  redirectUri,
  rejectionOf,
  signIn,
  signInUntilCallback,
  setUpTestIdp,
} from './harness.js';

const { newClient } = setUpTestIdp();

async function callbackError(promise: Promise<unknown>): Promise<LogtoCallbackError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(LogtoCallbackError);
  return error as LogtoCallbackError;
}

/** A signed-in client with a second sign-in started (so a transaction is pending). */
async function signedInWithPendingSignIn() {
  const test = newClient();
  await signIn(test, bob);
  const before = await test.client.getIdToken();
  await test.client.signIn({ redirectUri, clearTokens: false });
  const state = new URL(test.navigations.at(-1) ?? '').searchParams.get('state') ?? '';
  return { test, before, state };
}

describe('handleSignInCallback', () => {
  it('handles the same callback URL twice, concurrently, with one token request', async () => {
    const test = newClient();
    const callback = await signInUntilCallback(test);
    const [first, second] = await Promise.all([
      test.client.handleSignInCallback(callback),
      test.client.handleSignInCallback(callback),
    ]);
    expect(first.claims.sub).toBe('u_alice01');
    expect(second).toEqual(first);
    // And once more afterwards (StrictMode remount, HMR): still the same answer, no new request.
    await expect(test.client.handleSignInCallback(callback)).resolves.toEqual(first);
    expect(test.tokenRequests('authorization_code')).toHaveLength(1);
  });

  it('rejects a forged state while another sign-in is pending, keeping the session', async () => {
    const { test, before } = await signedInWithPendingSignIn();
    const error = await callbackError(
      test.client.handleSignInCallback(`${redirectUri}?code=stolen&state=forged-state`),
    );
    expect(error.code).toBe('callback_state_mismatch');
    expect(await test.client.getIdToken()).toBe(before);
    expect(test.tokenRequests('authorization_code')).toHaveLength(1);
  });

  it('rejects a callback with no state as a state mismatch', async () => {
    const { test } = await signedInWithPendingSignIn();
    expect(
      (await callbackError(test.client.handleSignInCallback(`${redirectUri}?code=x`))).code,
    ).toBe('callback_state_mismatch');
  });

  it('rejects a callback with neither code nor error', async () => {
    const { test, before, state } = await signedInWithPendingSignIn();
    const error = await callbackError(
      test.client.handleSignInCallback(`${redirectUri}?state=${state}`),
    );
    expect(error.code).toBe('callback_missing_code');
    expect(await test.client.getIdToken()).toBe(before);
  });

  it('rejects error=access_denied with the IdP error attached, keeping the session', async () => {
    const { test, before, state } = await signedInWithPendingSignIn();
    const error = await callbackError(
      test.client.handleSignInCallback(
        `${redirectUri}?error=access_denied&error_description=user+cancelled&state=${state}`,
      ),
    );
    expect(error).toMatchObject({
      code: 'callback_error_response',
      error: 'access_denied',
      errorDescription: 'user cancelled',
    });
    expect(await test.client.getIdToken()).toBe(before);
  });

  it('rejects a replayed callback after a reload (a new client over the same storage)', async () => {
    const storage = new MemoryStorage();
    const first = newClient({}, { storage });
    const callback = await signInUntilCallback(first);
    await first.client.handleSignInCallback(callback);
    const idToken = await first.client.getIdToken();

    const reloaded = newClient({}, { storage });
    const error = await callbackError(reloaded.client.handleSignInCallback(callback));
    expect(error.code).toBe('callback_replayed');
    expect(await reloaded.client.getIdToken()).toBe(idToken);
    expect(reloaded.tokenRequests()).toHaveLength(0);
  });

  it('rejects a callback when this browser never started a sign-in', async () => {
    const starter = newClient();
    const callback = await signInUntilCallback(starter);
    const stranger = newClient();
    const error = await callbackError(stranger.client.handleSignInCallback(callback));
    expect(error.code).toBe('callback_no_transaction');
    expect(await stranger.client.isAuthenticated()).toBe(false);
    expect(stranger.tokenRequests()).toHaveLength(0);
  });

  it('marks the snapshot while handling and records the failure', async () => {
    const test = newClient();
    const states: boolean[] = [];
    test.client.subscribe(() => states.push(test.client.getSnapshot().isHandlingCallback));
    await signIn(test);
    expect(states).toContain(true);
    expect(test.client.getSnapshot().isHandlingCallback).toBe(false);
  });
});
