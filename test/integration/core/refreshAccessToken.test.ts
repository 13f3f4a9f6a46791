import { describe, expect, it } from 'vitest';
import { LogtoNotAuthenticatedError } from '../../../src/core/index.js';
import { rejectionOf, setUpTestIdp, shopping, signIn } from './harness.js';

const { newClient } = setUpTestIdp({ resourceTtl: 600 });

describe('refreshAccessToken: a new token in place of one an API refused', () => {
  it('replaces a token that still looks fresh, once for many callers refused at once', async () => {
    const test = newClient();
    await signIn(test);
    const refused = await test.client.getAccessToken(shopping);
    const before = test.tokenRequests('refresh_token').length;

    const replacements = await Promise.all(
      Array.from({ length: 50 }, () =>
        test.client.refreshAccessToken(shopping, undefined, refused),
      ),
    );

    expect(new Set(replacements).size).toBe(1);
    expect(replacements[0]).not.toBe(refused);
    expect(test.tokenRequests('refresh_token').length - before).toBe(1);
    // The cache now holds the replacement, and a late caller with the old token gets it too.
    expect(await test.client.getAccessToken(shopping)).toBe(replacements[0]);
    expect(await test.client.refreshAccessToken(shopping, undefined, refused)).toBe(
      replacements[0],
    );
    expect(test.tokenRequests('refresh_token').length - before).toBe(1);
  });

  it('without a token named, replaces the cached one; signed out, it rejects', async () => {
    const test = newClient();
    await signIn(test);
    const first = await test.client.getAccessToken(shopping);
    const second = await test.client.refreshAccessToken(shopping);
    expect(second).not.toBe(first);

    await test.client.clearAllTokens();
    expect(await rejectionOf(test.client.refreshAccessToken(shopping))).toBeInstanceOf(
      LogtoNotAuthenticatedError,
    );
  });
});
