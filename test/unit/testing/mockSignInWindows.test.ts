import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogtoWindowError } from '../../../src/core/index.js';
import { createMockClient, mockSignInWindows } from '../../../src/testing/index.js';

const now = () => 1_700_000_000;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('mockSignInWindows(mock): signInWithPopup & co. for tests', () => {
  it('signInWithPopup signs the mock user in without opening a window, and is recorded', async () => {
    const open = vi.spyOn(window, 'open');
    const mock = createMockClient({ user: { sub: 'u1', name: 'Ada' }, signedIn: false, now });
    const { signInWithPopup } = mockSignInWindows(mock);
    const signedIn = vi.fn();
    mock.on('signedIn', signedIn);

    const result = await signInWithPopup(mock, { postRedirectUri: '/orders' });

    expect(open).not.toHaveBeenCalled();
    expect(result).toMatchObject({
      postRedirectUri: '/orders',
      claims: { sub: 'u1', auth_time: now() },
    });
    expect(mock.getSnapshot()).toMatchObject({ isAuthenticated: true });
    expect(mock.callsOf('signInWithPopup')).toEqual([[{ postRedirectUri: '/orders' }]]);
    expect(signedIn).toHaveBeenCalledTimes(1);
  });

  it('an injected error makes it reject like the real one (popup_closed), staying signed out', async () => {
    const closed = new LogtoWindowError('popup_closed', 'The sign-in popup was closed');
    const mock = createMockClient({ errors: { signInWithPopup: closed } });

    await expect(mockSignInWindows(mock).signInWithPopup(mock)).rejects.toBe(closed);
    expect(mock.getSnapshot().isAuthenticated).toBe(false);
  });

  it('closes a window opened beforehand with openSignInPopup, as the real functions do', async () => {
    const mock = createMockClient({ user: { sub: 'u1' } });
    const { signInWithPopup, reauthenticate } = mockSignInWindows(mock);
    const opened = [{ close: vi.fn() }, { close: vi.fn() }];

    await signInWithPopup(mock, {}, opened[0] as unknown as Window);
    await reauthenticate(mock, {}, opened[1] as unknown as Window);

    expect(opened.map((popup) => popup.close.mock.calls.length)).toEqual([1, 1]);
  });

  it('signInSilently follows signedInAtLogto: signs in with a Logto session, login_required without', async () => {
    const withSession = createMockClient({ user: { sub: 'u1' }, signedIn: false });
    await expect(mockSignInWindows(withSession).signInSilently(withSession)).resolves.toMatchObject(
      { claims: { sub: 'u1' } },
    );

    const without = createMockClient({
      user: { sub: 'u1' },
      signedIn: false,
      signedInAtLogto: false,
    });
    await expect(mockSignInWindows(without).signInSilently(without)).rejects.toMatchObject({
      code: 'login_required',
      error: 'login_required',
    });
    expect(without.getSnapshot()).toMatchObject({ isAuthenticated: false, error: undefined });
  });

  it('checkSession ends the session with reason signedOutElsewhere once the user signed out at Logto', async () => {
    const mock = createMockClient({ user: { sub: 'u1' } });
    const { checkSession } = mockSignInWindows(mock);
    const signedOut = vi.fn();
    mock.on('signedOut', signedOut);

    await expect(checkSession(mock)).resolves.toBe(true);
    expect(mock.getSnapshot().isAuthenticated).toBe(true);

    mock.setSignedInAtLogto(false);
    await expect(checkSession(mock)).resolves.toBe(false);
    expect(mock.getSnapshot().isAuthenticated).toBe(false);
    expect(signedOut).toHaveBeenCalledWith({ reason: 'signedOutElsewhere', fromOtherTab: false });
  });

  it('reauthenticate renews auth_time for a signed-in user and rejects when nobody is', async () => {
    let clock = 1_700_000_000;
    const mock = createMockClient({ user: { sub: 'u1' }, now: () => clock });
    const { reauthenticate } = mockSignInWindows(mock);
    clock += 600;

    const { claims } = await reauthenticate(mock, { maxAge: 0 });

    expect(claims.auth_time).toBe(clock);
    expect(mock.callsOf('reauthenticate')).toEqual([[{ maxAge: 0 }]]);
    mock.endSession();
    await expect(reauthenticate(mock)).rejects.toMatchObject({ code: 'not_authenticated' });
  });

  it('acts only on the mock it was made for', async () => {
    const mock = createMockClient({ user: { sub: 'u1' } });
    const other = createMockClient({ user: { sub: 'u2' } });

    await expect(mockSignInWindows(mock).checkSession(other)).rejects.toThrow(
      'mockSignInWindows: called with another client than the mock it was made for',
    );
    expect(() => mockSignInWindows({ ...mock })).toThrow(
      'mockSignInWindows takes a client made by createMockClient',
    );
    expect(other.calls).toEqual([]);
  });

  it('createSignInUrl returns a URL with the state, and signOutForReason passes its reason on', async () => {
    const mock = createMockClient({ user: { sub: 'u1' } });
    const signedOut = vi.fn();
    mock.on('signedOut', signedOut);

    const { url, state } = await mock.createSignInUrl({ redirectUri: 'http://localhost/callback' });
    await mock.discardSignIn(state);
    await mock.signOutForReason('signedOutElsewhere');

    expect(new URL(url).searchParams.get('state')).toBe(state);
    await expect(mock.createSignInUrl({ redirectUri: 'not a url' })).rejects.toMatchObject({
      code: 'config_invalid',
    });
    expect(signedOut).toHaveBeenCalledWith({ reason: 'signedOutElsewhere', fromOtherTab: false });
    expect(mock.calls.map((call) => call.method)).toEqual([
      'createSignInUrl',
      'discardSignIn',
      'signOutForReason',
      'createSignInUrl',
    ]);
  });
});
