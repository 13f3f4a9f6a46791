import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../../src/core/index.js';
import {
  postSignOutUri,
  redirectUri,
  setUpTestIdp,
  shopping,
  signIn,
  spendRefreshTokenElsewhere,
} from './harness.js';

const { idp: getIdp, newClient } = setUpTestIdp({
  resourceTtl: 60,
  ttl: { accessToken: 60, organizationToken: 60 },
});

const tokenFields = ['access_token', 'refresh_token', 'id_token'];

describe('no token ever appears in an error message or a log line', () => {
  it('holds across sign-in, refresh, failures and sign-out', async () => {
    const received = new Set<string>();
    const capturingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      // Read once and rebuild: happy-dom's Response.clone() does not tee the body.
      const text = await response.text();
      try {
        const body = JSON.parse(text) as Record<string, unknown>;
        for (const field of tokenFields)
          if (typeof body[field] === 'string') received.add(body[field]);
      } catch {
        // not JSON
      }
      return new Response(text, { status: response.status, headers: response.headers });
    };
    const output: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const spies = methods.map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        output.push(
          args
            .map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg)))
            .join(' '),
        );
      }),
    );
    const errors: unknown[] = [];
    const collect = (promise: Promise<unknown>) =>
      promise.catch((error: unknown) => errors.push(error));
    let offset = 0;
    try {
      const storage = new MemoryStorage();
      const test = newClient(
        {},
        { storage, fetch: capturingFetch, now: () => Date.now() / 1000 + offset },
      );
      await signIn(test);
      await test.client.getAccessToken(shopping);
      await collect(test.client.getOrganizationToken('nope'));
      await collect(test.client.getAccessToken('https://unknown.example/api'));
      await collect(test.client.handleSignInCallback(`${redirectUri}?code=abc&state=forged`));
      offset = 120;
      await getIdp().suspend();
      await collect(test.client.getAccessToken(shopping));
      await getIdp().resume();
      // Kill the grant from outside, then let the client hit invalid_grant.
      const stale = (await test.client.getRefreshToken()) ?? '';
      await spendRefreshTokenElsewhere(getIdp(), stale);
      await collect(test.client.getAccessToken(shopping));
      await collect(test.client.fetchUserInfo());

      const again = newClient({}, { storage, fetch: capturingFetch });
      await signIn(again);
      await again.client.signOut(postSignOutUri);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }

    expect(received.size).toBeGreaterThanOrEqual(6);
    expect(errors.length).toBeGreaterThanOrEqual(5);
    const texts = [
      ...output,
      ...errors.map((error) => {
        const { message, stack, cause } = error as Error;
        return `${message} ${stack} ${String(cause)} ${JSON.stringify(error)}`;
      }),
    ];
    for (const token of received) {
      for (const text of texts) expect(text.includes(token)).toBe(false);
    }
  });
});
