import { describe, expect, it } from 'vitest';
import { createAccountClient, type AccountTokenSource } from '../../../src/account/index.js';
import { LogtoNetworkError } from '../../../src/core/index.js';

const endpoint = 'https://tenant.logto.test';
const t0 = Date.parse('2026-03-01T10:00:00Z') / 1000;

interface Sent {
  method: string;
  path: string;
  authorization: string | null;
  verificationId: string | null;
  body: unknown;
}

/** A fake Logto /api: answers from `answer`, records what was sent. */
function fakeLogto(answer: (request: Sent, index: number) => Response) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const request: Sent = {
      method: init?.method ?? 'GET',
      path: new URL(input instanceof Request ? input.url : input).pathname,
      authorization: headers.get('authorization'),
      verificationId: headers.get('logto-verification-id'),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    sent.push(request);
    return Promise.resolve(answer(request, sent.length - 1));
  };
  return { fetch, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
const record = (id: string) =>
  json(
    201,
    { verificationRecordId: id, expiresAt: new Date((t0 + 600) * 1000).toISOString() },
    { date: new Date(t0 * 1000).toUTCString() },
  );

function tokens() {
  const refreshed: (string | undefined)[] = [];
  let current = 'token-1';
  const source: AccountTokenSource = {
    config: { endpoint: `${endpoint}/` },
    getAccessToken: () => Promise.resolve(current),
    refreshAccessToken: (_resource, _organization, rejected) => {
      refreshed.push(rejected);
      current = `token-${refreshed.length + 1}`;
      return Promise.resolve(current);
    },
  };
  return { source, refreshed };
}

describe('createAccountClient', () => {
  it('sends the Logto-audience token to {endpoint}/api and reads the account', async () => {
    const logto = fakeLogto(() => json(200, { id: 'u1', name: 'Alice' }));
    const account = createAccountClient(tokens().source, { fetch: logto.fetch });

    expect(await account.getAccount()).toEqual({ id: 'u1', name: 'Alice' });
    expect(logto.sent).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/my-account',
        authorization: 'Bearer token-1',
      }),
    ]);
  });

  it('replaces a refused token once and retries; a second refusal is not retried', async () => {
    const logto = fakeLogto((_request, index) =>
      index === 0
        ? json(401, { code: 'auth.unauthorized', message: 'no' })
        : json(200, { id: 'u1' }),
    );
    const { source, refreshed } = tokens();
    const account = createAccountClient(source, { fetch: logto.fetch });

    await account.getAccount();

    expect(refreshed).toEqual(['token-1']);
    expect(logto.sent.map((request) => request.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);

    const refusing = fakeLogto(() => json(401, { code: 'auth.unauthorized', message: 'no' }));
    const other = tokens();
    const error = await createAccountClient(other.source, { fetch: refusing.fetch })
      .listMfaFactors()
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'missing_scope', scope: 'identities' });
    expect(refusing.sent).toHaveLength(2);
    expect(JSON.stringify(error) + String(error)).not.toMatch(/token-\d/);
  });

  it('verifies once and sends the record with every sensitive change until it expires', async () => {
    let now = t0;
    const logto = fakeLogto((request) =>
      request.path === '/api/verifications/password'
        ? record('rec-1')
        : new Response(null, { status: 204 }),
    );
    const account = createAccountClient(tokens().source, { fetch: logto.fetch, now: () => now });

    await account.verifyPassword('pw');
    await account.changePassword('a-new-password');
    now += 300;
    await account.removePrimaryPhone();
    now += 300;
    const error = await account.removePrimaryEmail().catch((reason: unknown) => reason);

    expect(logto.sent.map((request) => [request.path, request.verificationId])).toEqual([
      ['/api/verifications/password', null],
      ['/api/my-account/password', 'rec-1'],
      ['/api/my-account/primary-phone', 'rec-1'],
    ]);
    expect(error).toMatchObject({ code: 'verification_required' });
    expect(JSON.stringify(logto.sent[0]?.body)).toBe('{"password":"pw"}');
  });

  it('forgets a record Logto refuses, so the next call asks before sending', async () => {
    const logto = fakeLogto((request) =>
      request.path === '/api/verifications/password'
        ? record('rec-1')
        : json(401, { code: 'verification_record.permission_denied', message: 'no' }),
    );
    const account = createAccountClient(tokens().source, {
      fetch: logto.fetch,
      now: () => t0,
    });
    await account.verifyPassword('pw');

    const first = await account.changePassword('new-password').catch((reason: unknown) => reason);
    const second = await account.changePassword('new-password').catch((reason: unknown) => reason);

    expect(first).toMatchObject({ code: 'verification_required', status: 401 });
    expect(second).toMatchObject({ code: 'verification_required', status: undefined });
    expect(logto.sent).toHaveLength(2);
    expect(account.verificationExpiresAt()).toBeUndefined();
  });

  it('tells subscribers after a change, not after a read', async () => {
    const logto = fakeLogto(() => json(200, { id: 'u1' }));
    const account = createAccountClient(tokens().source, { fetch: logto.fetch });
    let changes = 0;
    const unsubscribe = account.subscribe(() => (changes += 1));

    await account.getAccount();
    await account.updateAccount({ name: 'B' });
    unsubscribe();
    await account.updateAccount({ name: 'C' });

    expect(changes).toBe(1);
  });

  it('a failed request is a LogtoNetworkError naming the URL, without the token', async () => {
    const account = createAccountClient(tokens().source, {
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });

    const error = await account.getAccount().catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(LogtoNetworkError);
    expect(String(error)).toContain(`${endpoint}/api/my-account`);
    expect(String(error)).not.toContain('token-1');
  });

  it('a success that is not JSON is a LogtoResponseError', async () => {
    const account = createAccountClient(tokens().source, {
      fetch: () => Promise.resolve(new Response('<html>', { status: 200 })),
    });

    await expect(account.getAccount()).rejects.toMatchObject({ code: 'response_invalid' });
  });
});
