import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../../src/core/index.js';
import type { LogtoLogDetails, LogtoLogTopic } from '../../../src/core/index.js';
import {
  postSignOutUri,
  redirectUri,
  setUpTestIdp,
  shopping,
  signIn,
  signInUntilCallback,
  spendRefreshTokenElsewhere,
} from './harness.js';

const { idp: getIdp, newClient } = setUpTestIdp({
  resourceTtl: 60,
  ttl: { accessToken: 60, organizationToken: 60 },
});

const tokenFields = ['access_token', 'refresh_token', 'id_token'];
/** Secrets the client sends rather than receives: the PKCE verifier and the refresh token. */
const sentFields = ['code_verifier', 'refresh_token', 'code'];
/** Anything shaped like a JWT (header and payload are base64url JSON objects: `eyJ`). */
const jwtShape = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}/;

describe('no token ever appears in an error message or a log line', () => {
  it('holds across sign-in, refresh, failures and sign-out, with the debug log on', async () => {
    const received = new Set<string>();
    const capturingFetch: typeof fetch = async (input, init) => {
      if (init?.body instanceof URLSearchParams) {
        for (const field of sentFields) {
          const value = init.body.get(field);
          if (value) received.add(value);
        }
      }
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
    const logged: string[] = [];
    const topics = new Set<LogtoLogTopic>();
    const logger = (topic: LogtoLogTopic, message: string, details?: LogtoLogDetails) => {
      topics.add(topic);
      logged.push(`${topic} ${message} ${JSON.stringify(details)}`);
    };
    let offset = 0;
    try {
      const storage = new MemoryStorage();
      const test = newClient(
        {},
        { storage, fetch: capturingFetch, now: () => Date.now() / 1000 + offset, logger },
      );
      const callbackUrl = await signInUntilCallback(test);
      received.add(new URL(callbackUrl).searchParams.get('code') ?? '');
      await test.client.handleSignInCallback(callbackUrl);
      // The same callback again: refused, and its code must not show in the log either.
      await collect(test.client.handleSignInCallback(callbackUrl));
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

      // The debug flag writes to console.debug, which is captured above.
      const again = newClient({}, { storage, fetch: capturingFetch, debug: true });
      await signIn(again);
      await again.client.getAccessToken(shopping);
      await again.client.signOut(postSignOutUri);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }

    expect(received.size).toBeGreaterThanOrEqual(9);
    expect(errors.length).toBeGreaterThanOrEqual(6);
    // The log saw the whole session: every kind of step was reported.
    expect([...topics].sort()).toEqual(
      ['callback', 'discovery', 'error', 'lock', 'refresh', 'session', 'tab'].sort(),
    );
    expect(output.some((line) => line.startsWith('[logto] refresh'))).toBe(true);
    expect(logged.length).toBeGreaterThan(20);
    const texts = [
      ...logged,
      ...output,
      ...errors.map((error) => {
        const { message, stack, cause } = error as Error;
        return `${message} ${stack} ${String(cause)} ${JSON.stringify(error)}`;
      }),
    ];
    for (const secret of received) {
      expect(secret.length).toBeGreaterThan(10);
      for (const text of texts) expect(text.includes(secret)).toBe(false);
    }
    for (const text of texts) expect(text).not.toMatch(jwtShape);
  });
});
