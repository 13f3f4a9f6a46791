import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogtoLogger } from '../../../src/core/index.js';
import { bob, setUpTestIdp, shopping, signIn } from './harness.js';

const { newClient } = setUpTestIdp();

afterEach(() => {
  vi.restoreAllMocks();
});

const scopeWarnings = (calls: unknown[][]) =>
  calls.filter((call) => String(call[0]).includes('none of the scopes'));

describe('an access token that lacks every scope the config asked for', () => {
  it('a typo in scopes (read:product for read:products): one warning per resource, naming requested and granted and the two causes', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const logged: Parameters<LogtoLogger>[] = [];
    const test = newClient(
      { scopes: ['email', 'read:product'], resources: [shopping] },
      { logger: (...line) => logged.push(line) },
    );
    await signIn(test);
    const token = await test.client.getAccessToken(shopping);
    expect((await test.client.getAccessTokenClaims(shopping)).scope ?? '').toBe('');
    // A second token for the same resource does not repeat it.
    await test.client.clearAccessToken();
    await test.client.getAccessToken(shopping);

    const lines = scopeWarnings(warnings.mock.calls);
    expect(lines).toHaveLength(1);
    const message = String(lines[0]?.[0]);
    expect(message).toContain(shopping);
    expect(message).toContain('requested read:product');
    expect(message).toContain('granted (none)');
    expect(message).toContain('a typo in `scopes`');
    expect(message).toContain("the user's roles");
    expect(message).not.toContain(token);
    expect(message).not.toContain('email');
    expect(logged.filter(([, text]) => text.includes('none of the scopes'))).toHaveLength(1);
  });

  it('stays quiet when the roles grant some of the requested scopes, and for tokens without a resource', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // bob's role grants read:products, not write:products.
    const test = newClient({
      scopes: ['read:products', 'write:products'],
      resources: [shopping],
    });
    await signIn(test, bob);
    await test.client.getAccessToken(shopping);
    expect((await test.client.getAccessTokenClaims(shopping)).scope).toBe('read:products');
    await test.client.fetchUserInfo();
    expect(scopeWarnings(warnings.mock.calls)).toEqual([]);
  });
});
