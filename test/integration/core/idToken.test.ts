import { describe, expect, it } from 'vitest';
import { LogtoIdTokenError, MemoryStorage } from '../../../src/core/index.js';
import { rejectionOf, signIn, signInUntilCallback, setUpTestIdp } from './harness.js';

const { newClient } = setUpTestIdp();

/** A fetch that lets a test rewrite the token endpoint's JSON answer (a hostile network). */
function tamperingFetch(
  rewrite: (body: Record<string, unknown>) => Record<string, unknown>,
): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!url.endsWith('/oidc/token') || !response.ok) return response;
    const body = rewrite((await response.json()) as Record<string, unknown>);
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
}

async function expectRejectedAndNothingStored(
  fetchImpl: typeof fetch,
  reason: LogtoIdTokenError['reason'],
  options: { now?: () => number } = {},
) {
  const storage = new MemoryStorage();
  const test = newClient({}, { storage, fetch: fetchImpl, ...options });
  const callback = await signInUntilCallback(test);
  const error = await rejectionOf(test.client.handleSignInCallback(callback));
  expect(error).toBeInstanceOf(LogtoIdTokenError);
  expect((error as LogtoIdTokenError).reason).toBe(reason);
  expect(await test.client.isAuthenticated()).toBe(false);
  expect(await storage.get('logto:demo-spa:session')).toBeNull();
}

describe('ID tokens from the token endpoint are verified before anything is stored', () => {
  it('rejects an ID token whose claims were altered in transit (bad signature)', async () => {
    await expectRejectedAndNothingStored(
      tamperingFetch((body) => {
        const [header, payload, signature] = String(body.id_token).split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object;
        const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'u_admin' })).toString(
          'base64url',
        );
        return { ...body, id_token: `${header}.${forged}.${signature}` };
      }),
      'signature',
    );
  });

  it('rejects a genuine ID token replayed from an earlier sign-in (nonce mismatch)', async () => {
    const earlier = newClient();
    await signIn(earlier);
    const oldIdToken = await earlier.client.getIdToken();
    await expectRejectedAndNothingStored(
      tamperingFetch((body) => ({ ...body, id_token: oldIdToken })),
      'nonce',
    );
  });

  it('rejects an ID token that is already expired by the client clock', async () => {
    await expectRejectedAndNothingStored(fetch, 'expired', {
      now: () => Date.now() / 1000 + 2 * 86_400,
    });
  });

  it('rejects an ID token signed with alg none', async () => {
    await expectRejectedAndNothingStored(
      tamperingFetch((body) => {
        const [, payload] = String(body.id_token).split('.');
        return {
          ...body,
          id_token: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`,
        };
      }),
      'algorithm',
    );
  });
});
