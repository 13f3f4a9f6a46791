import { afterEach, describe, expect, it, vi } from 'vitest';
import { discoveryDocument } from '../../../helpers/discoveryDocument.js';

const issuer = 'https://idp.test/oidc';
const chunkUrl = 'https://app.test/assets/SignInSteps-x1.js';

/** Logto's discovery document; nothing else is asked for when a sign-in starts. */
const fetchDiscovery = (): Promise<Response> =>
  Promise.resolve(Response.json(discoveryDocument(issuer)));

afterEach(() => {
  vi.doUnmock('../../../../src/core/signin/SignInSteps.js');
  vi.resetModules();
});

describe('the sign-in code, loaded when a sign-in starts', () => {
  it('fails with network_error saying what to do when it cannot be downloaded, and loads on the next try', async () => {
    // What a browser throws when the chunk's request fails (offline, a deploy removed it).
    vi.doMock('../../../../src/core/signin/SignInSteps.js', () => {
      throw new TypeError(`Failed to fetch dynamically imported module: ${chunkUrl}`);
    });
    const { LogtoClient, LogtoNetworkError, MemoryStorage } =
      await import('../../../../src/core/index.js');
    const navigations: string[] = [];
    const client = new LogtoClient(
      { endpoint: 'https://idp.test', appId: 'spa' },
      {
        storage: new MemoryStorage(),
        fetch: fetchDiscovery,
        navigate: (url) => navigations.push(url),
      },
    );

    const failure = await client
      .signIn('https://app.test/callback')
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(LogtoNetworkError);
    expect(failure).toMatchObject({ code: 'network_error' });
    // (The chunk's URL, which browsers put in their message, is checked in Chromium: demoJourney.)
    expect((failure as Error).message).toMatch(
      /\(the sign-in code\): check the connection, or reload the page if the app was updated$/,
    );
    expect(navigations).toEqual([]);

    vi.doUnmock('../../../../src/core/signin/SignInSteps.js');
    await client.signIn('https://app.test/callback');

    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0] ?? '');
    expect(url.origin + url.pathname).toBe(`${issuer}/auth`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    client.dispose();
  });
});
