import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../../src/core/index.js';
import {
  LogtoProvider,
  Protected,
  useHandleSignInCallback,
  useIdTokenClaims,
} from '../../../src/react/index.js';
import { at, eventually, renderStrict, setUpTestIdp, signInUntilCallback } from './reactHarness.js';

const { newClient } = setUpTestIdp();

afterEach(() => {
  vi.restoreAllMocks();
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function Greeting(): ReactNode {
  const claims = useIdTokenClaims();
  return <p>{`hello ${claims?.username ?? 'nobody'}`}</p>;
}

function Callback({ onSuccess }: { onSuccess: () => void }): ReactNode {
  const { isLoading } = useHandleSignInCallback(onSuccess);
  return <p>{isLoading ? 'signing in' : 'callback done'}</p>;
}

const forgotten = (warnings: { mock: { calls: unknown[][] } }) =>
  warnings.mock.calls.filter((call) => String(call[0]).includes('nothing handled it'));

describe('<LogtoProvider> and a callback route the app forgot', () => {
  it('warns, then handles the callback itself: signed in, back on the page the sign-in started from', async () => {
    // The page after the redirect: a new client on the storage the sign-in was started with.
    const storage = new MemoryStorage();
    const callbackUrl = await signInUntilCallback(newClient({}, { storage }), undefined, {
      postRedirectUri: '/orders?id=7',
    });
    at(callbackUrl);
    const test = newClient({}, { storage });
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const popstates: string[] = [];
    const onPopstate = () => popstates.push(window.location.pathname + window.location.search);
    window.addEventListener('popstate', onPopstate);
    try {
      // No useHandleSignInCallback anywhere: the app has no route for /callback.
      renderStrict(
        <LogtoProvider client={test.client}>
          <Protected fallback={<p>fallback</p>}>
            <Greeting />
          </Protected>
        </LogtoProvider>,
      );
      await eventually(() => expect(screen.getByText('hello alice')).toBeTruthy());
      expect(window.location.pathname + window.location.search).toBe('/orders?id=7');
      expect(popstates).toEqual(['/orders?id=7']);
      expect(forgotten(warnings)).toHaveLength(1);
      expect(test.tokenRequests('authorization_code')).toHaveLength(1);
    } finally {
      window.removeEventListener('popstate', onPopstate);
    }
  });

  it('leaves a callback to useHandleSignInCallback when the app renders it: one exchange, no warning', async () => {
    const test = newClient();
    at(await signInUntilCallback(test));
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onSuccess = vi.fn();
    renderStrict(
      <LogtoProvider client={test.client}>
        <Callback onSuccess={onSuccess} />
      </LogtoProvider>,
    );
    await eventually(() => expect(screen.getByText('callback done')).toBeTruthy());
    await wait(1800);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(test.tokenRequests('authorization_code')).toHaveLength(1);
    expect(forgotten(warnings)).toEqual([]);
  });
});
