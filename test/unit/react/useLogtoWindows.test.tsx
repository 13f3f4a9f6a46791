import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkSession,
  LogtoError,
  LogtoWindowError,
  reauthenticate,
  signInSilently,
  signInWithPopup,
} from '../../../src/core/index.js';
import {
  LogtoProvider,
  useLogto,
  type SignInWindowFunctions,
  type UseLogtoResult,
} from '../../../src/react/index.js';
import { stubPopup } from '../../support/fakeWindows.js';
import { renderHookStrict } from './renderStrict.js';
import { createTestClient } from './testClient.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const names = ['signInWithPopup', 'signInSilently', 'checkSession', 'reauthenticate'] as const;
const allFunctions = { signInWithPopup, signInSilently, checkSession, reauthenticate };

/** useLogto() over a real client (fake IdP), once the stored session has been read. */
async function renderLogto(signInWindows: SignInWindowFunctions | undefined = allFunctions) {
  const test = createTestClient({ signInWindows });
  const hook = renderHookStrict(() => useLogto(), { wrapper: test.wrapper });
  await waitFor(() => expect(hook.result.current.isLoading).toBe(false));
  return { ...test, ...hook };
}

/** The member `name` of `useLogto()`, which the test passed to the provider. */
function given<K extends (typeof names)[number]>(
  result: { current: UseLogtoResult },
  name: K,
): NonNullable<UseLogtoResult[K]> {
  const method = result.current[name];
  if (!method) throw new Error(`useLogto().${name} is undefined`);
  return method;
}

describe('useLogto: sign-in without leaving the page', () => {
  it('keeps the four methods stable across renders, even with an inline signInWindows object', async () => {
    const { client } = createTestClient();
    let functions: SignInWindowFunctions = allFunctions;
    const wrapper = ({ children }: { children: ReactNode }) => (
      // A new object on every render, as `signInWindows={{ ... }}` written inline makes.
      <LogtoProvider client={client} signInWindows={{ ...functions }}>
        {children}
      </LogtoProvider>
    );
    const { result, rerender } = renderHook(() => useLogto(), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    const first = result.current;
    const checkSessionSpy = vi.fn(() => Promise.resolve(true));
    functions = { ...allFunctions, checkSession: checkSessionSpy };
    rerender();
    for (const name of names) {
      expect(typeof first[name]).toBe('function');
      expect(result.current[name]).toBe(first[name]);
    }
    // The method read before the re-render runs the function passed at the latest one.
    await expect(given({ current: first }, 'checkSession')({ timeoutSeconds: 3 })).resolves.toBe(
      true,
    );
    expect(checkSessionSpy).toHaveBeenCalledWith(client, { timeoutSeconds: 3 });
  });

  it.each(names)(
    '%s is undefined when its function was not passed to the provider',
    async (name) => {
      const { result } = await renderLogto({});
      expect(result.current[name]).toBeUndefined();
      expect(name in result.current).toBe(true);
    },
  );

  it('a provider given only signInWithPopup has only that one; passing another later adds it', async () => {
    const { client } = createTestClient();
    let functions: SignInWindowFunctions = { signInWithPopup };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <LogtoProvider client={client} signInWindows={functions}>
        {children}
      </LogtoProvider>
    );
    const { result, rerender } = renderHook(() => useLogto(), { wrapper });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(names.filter((name) => result.current[name])).toEqual(['signInWithPopup']);

    functions = { signInWithPopup, signInSilently };
    rerender();
    expect(names.filter((name) => result.current[name])).toEqual([
      'signInWithPopup',
      'signInSilently',
    ]);
  });

  it('opens the popup synchronously in the call, before any microtask, and navigates it to Logto', async () => {
    const { result } = await renderLogto();
    const { popup, open } = stubPopup();

    let microtaskRan = false;
    queueMicrotask(() => {
      microtaskRan = true;
    });
    const pending = given(result, 'signInWithPopup')({ timeoutSeconds: 60 });

    // Nothing awaited yet: a browser would still count this as the user's click.
    expect(open).toHaveBeenCalledTimes(1);
    expect(microtaskRan).toBe(false);
    await waitFor(() => expect(popup.navigations).toHaveLength(1));
    const authorize = new URL(popup.navigations[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe('https://idp.test/oidc/auth');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${window.location.origin}/callback`);

    popup.closeByUser();
    const error = await pending.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(LogtoWindowError);
    expect(error).toMatchObject({ code: 'popup_closed' });
  });

  it('rejects popup_blocked when the browser refuses the window', async () => {
    const { result, requests } = await renderLogto();
    vi.spyOn(window, 'open').mockImplementation(() => null);
    const before = requests.length;

    await expect(given(result, 'signInWithPopup')()).rejects.toMatchObject({
      name: 'LogtoWindowError',
      code: 'popup_blocked',
    });
    expect(requests.slice(before)).toEqual([]);
  });

  it('reauthenticate while signed out rejects not_authenticated and opens no window', async () => {
    const { result } = await renderLogto();
    const { open } = stubPopup();

    await expect(given(result, 'reauthenticate')()).rejects.toMatchObject({
      code: 'not_authenticated',
    });
    expect(open).not.toHaveBeenCalled();
  });

  it('signInSilently and checkSession reject as LogtoErrors when Logto is on another site', async () => {
    // The page is on localhost, the fake Logto on idp.test: its Lax cookie would not reach an iframe.
    const { result } = await renderLogto();
    const silent = await given(result, 'signInSilently')().catch((failure: unknown) => failure);
    expect(silent).toBeInstanceOf(LogtoError);
    expect(silent).toMatchObject({ code: 'silent_sign_in_unavailable' });
    await expect(given(result, 'checkSession')()).rejects.toMatchObject({
      code: 'silent_sign_in_unavailable',
    });
    expect(result.current.isAuthenticated).toBe(false);
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });
});
