import { act, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  AccountProvider,
  createAccountClient,
  useAccount,
  useAccountAction,
  useAccountClient,
} from '../../../../src/account/react/index.js';
import { LogtoProvider } from '../../../../src/react/index.js';
import { createMockClient } from '../../../../src/testing/index.js';
import { renderHookStrict, renderStrict } from '../../react/renderStrict.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake Logto Account API holding one user, enough for the hooks' stories. */
function fakeLogto() {
  const user = { id: 'u1', name: 'Ada', hasPassword: true };
  const requests: string[] = [];
  let verified = false;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : input).pathname;
    const method = init?.method ?? 'GET';
    requests.push(`${method} ${path}`);
    const body = (typeof init?.body === 'string' ? JSON.parse(init.body) : {}) as Record<
      string,
      string
    >;
    if (path === '/api/my-account' && method === 'PATCH') Object.assign(user, body);
    if (path === '/api/verifications/password') {
      if (body.password !== 'right') return json(422, { code: 'session.invalid_credentials' });
      verified = true;
      return json(201, {
        verificationRecordId: 'rec-1',
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
      });
    }
    if (path === '/api/my-account/password') {
      const header = new Headers(init?.headers).get('logto-verification-id');
      if (!verified || header !== 'rec-1') {
        return json(401, { code: 'verification_record.permission_denied', message: 'no' });
      }
      return Promise.resolve(new Response(null, { status: 204 }));
    }
    return json(200, { ...user });
  };
  return { fetch, requests };
}

function setUp(signedIn = true) {
  const client = signedIn ? createMockClient({ user: { sub: 'u1' } }) : createMockClient();
  const logto = fakeLogto();
  const account = createAccountClient(client, { fetch: logto.fetch });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <LogtoProvider client={client}>
      <AccountProvider client={account}>{children}</AccountProvider>
    </LogtoProvider>
  );
  return { client, logto, wrapper };
}

describe('useAccount', () => {
  it('reads the account once signed in, and again after a change made by an action', async () => {
    const { logto, wrapper } = setUp();
    const { result } = renderHookStrict(
      () => ({
        read: useAccount(),
        rename: useAccountAction((account, name: string) => account.updateAccount({ name })),
      }),
      { wrapper },
    );
    expect(result.current.read.isLoading).toBe(true);
    await waitFor(() => expect(result.current.read.account?.name).toBe('Ada'));

    await act(() => result.current.rename.run('Ada Lovelace'));

    await waitFor(() => expect(result.current.read.account?.name).toBe('Ada Lovelace'));
    expect(result.current.rename).toMatchObject({ isPending: false, error: undefined });
    expect(logto.requests.filter((request) => request === 'GET /api/my-account')).toHaveLength(2);
  });

  it('reads nothing while signed out', async () => {
    const { logto, wrapper } = setUp(false);
    const { result } = renderHookStrict(() => useAccount(), { wrapper });

    await waitFor(() => expect(result.current.isLoading).toBe(false));
    expect(result.current.account).toBeUndefined();
    expect(logto.requests).toEqual([]);
  });
});

describe('useAccountAction', () => {
  it('makes verification_required visible; the form verifies once and retries', async () => {
    const { logto, wrapper } = setUp();
    const { result } = renderHookStrict(
      () => ({
        change: useAccountAction((account, password: string) => account.changePassword(password)),
        verify: useAccountAction((account, password: string) => account.verifyPassword(password)),
      }),
      { wrapper },
    );

    await act(() => result.current.change.run('new-password').catch(() => undefined));
    expect(result.current.change).toMatchObject({
      needsVerification: true,
      error: { code: 'verification_required', verifyWith: ['password', 'emailCode', 'phoneCode'] },
    });

    await act(() => result.current.verify.run('wrong').catch(() => undefined));
    expect(result.current.verify.error?.code).toBe('wrong_password');
    await act(() => result.current.verify.run('right'));
    await act(() => result.current.change.retry());

    expect(result.current.change).toMatchObject({ needsVerification: false, error: undefined });
    expect(logto.requests).toEqual([
      'POST /api/verifications/password',
      'POST /api/verifications/password',
      'POST /api/my-account/password',
    ]);
  });

  it('is pending while the action runs', async () => {
    const { wrapper } = setUp();
    let finish: () => void = () => undefined;
    const { result } = renderHookStrict(
      () => useAccountAction(() => new Promise<void>((resolve) => (finish = resolve))),
      { wrapper },
    );

    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = result.current.run();
    });
    expect(result.current.isPending).toBe(true);
    await act(async () => {
      finish();
      await done;
    });
    expect(result.current.isPending).toBe(false);
  });
});

describe('useAccountClient', () => {
  it('gives every component of a provider the same client, so one verification serves all', () => {
    const client = createMockClient({ user: { sub: 'u1' } });
    const seen: unknown[] = [];
    function Probe() {
      const account = useAccountClient();
      const [first] = useState(account);
      seen.push(first === account ? account : 'changed');
      return <p>probe</p>;
    }
    renderStrict(
      <LogtoProvider client={client}>
        <Probe />
        <Probe />
      </LogtoProvider>,
    );

    expect(screen.getAllByText('probe')).toHaveLength(2);
    expect(new Set(seen).size).toBe(1);
  });
});
