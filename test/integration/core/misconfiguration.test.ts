import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogtoClient, LogtoConfigError, MemoryStorage } from '../../../src/core/index.js';
import { appOrigin, redirectUri, rejectionOf, setUpTestIdp, signIn } from './harness.js';

const { idp, newClient } = setUpTestIdp();

/**
 * A web server that is not Logto: every path is the index.html of an SPA (as when `endpoint` is
 * the app's own URL). It allows CORS, as the app's own origin would need none.
 */
let appServer: Server;
let appServerOrigin = '';
beforeAll(async () => {
  appServer = createServer((_request, response) => {
    response
      .writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/html' })
      .end('<!doctype html><div id="root"></div>');
  });
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
  appServerOrigin = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => appServer.close(() => resolve())));

describe('a misconfigured endpoint says what to fix', () => {
  it('the issuer pasted as endpoint (ending in /oidc) fails at construction, with the fix', () => {
    for (const endpoint of [idp().issuer, `${idp().issuer}/`, `${idp().issuer}/.well-known`]) {
      let error: unknown;
      try {
        new LogtoClient({ endpoint, appId: 'demo-spa' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(LogtoConfigError);
      expect(error).toMatchObject({ field: 'endpoint' });
      expect((error as Error).message).toContain('without /oidc');
      expect((error as Error).message).toContain(`(${idp().origin})`);
    }
    // A host whose name starts with "oidc" is a tenant URL like any other.
    expect(
      () => new LogtoClient({ endpoint: 'https://oidc.example.com', appId: 'a' }),
    ).not.toThrow();
  });

  it('an endpoint where no Logto lives: discovery_failed with the URL and the status', async () => {
    // A server that answers 404 for the discovery path (a tenant URL with a typo in its path).
    const endpoint = `${idp().origin}/tenant`;
    const url = `${endpoint}/oidc/.well-known/openid-configuration`;
    const test = newClient(
      { endpoint },
      {
        fetch: (input, init) =>
          new Request(input).url === url
            ? Promise.resolve(new Response('Not Found', { status: 404 }))
            : fetch(input, init),
      },
    );
    const error = await rejectionOf(test.client.signIn(redirectUri));
    expect(error).toMatchObject({ code: 'discovery_failed', url, status: 404 });
    expect((error as Error).message).toContain(url);
    expect((error as Error).message).toContain('404');
    expect(test.navigations).toEqual([]);
  });

  it('the app’s own URL as endpoint (an HTML page answers 200): discovery_failed, not a JSON error', async () => {
    const test = newClient({ endpoint: appServerOrigin });
    const error = await rejectionOf(test.client.signIn(redirectUri));
    expect(error).toMatchObject({ code: 'discovery_failed', status: 200 });
    expect((error as Error).message).toMatch(/not a JSON discovery document.*endpoint/);
  });

  it('a host name the IdP does not call itself: discovery_failed naming both issuers', async () => {
    const localhost = idp().origin.replace('127.0.0.1', 'localhost');
    const test = newClient({ endpoint: localhost });
    const error = await rejectionOf(test.client.signIn(redirectUri));
    expect(error).toMatchObject({ code: 'discovery_failed', status: 200 });
    expect((error as Error).message).toContain(idp().issuer);
    expect((error as Error).message).toContain(`${localhost}/oidc`);
  });

  it('a path the real dev IdP answers with 404 reads as discovery_failed with the status', async () => {
    const endpoint = `${idp().origin}/tenant`;
    const test = newClient({ endpoint });
    const error = await rejectionOf(test.client.signIn(redirectUri));
    expect(error).toMatchObject({ code: 'discovery_failed', status: 404 });
  });

  it('an unreachable endpoint: network_error listing the possible causes, naming both origins', async () => {
    const test = newClient({ endpoint: 'http://127.0.0.1:1' });
    const error = await rejectionOf(test.client.signIn(redirectUri));
    expect(error).toMatchObject({ code: 'network_error' });
    const { message } = error as Error;
    expect(message).toContain('http://127.0.0.1:1/oidc/.well-known/openid-configuration failed');
    // The page cannot tell why the answer was unreadable: every usual cause is listed, none asserted.
    expect(message).toContain('http://127.0.0.1:1 is down or unreachable');
    expect(message).toContain('without CORS headers');
    expect(message).toContain(
      `this page's origin ${appOrigin} is not among the app's allowed origins`,
    );
    expect(message).not.toMatch(/\badd this page's origin\b/);
  });
});

describe('token calls refuse what cannot work, before any request', () => {
  it('a resource missing from config.resources is a config error naming it', async () => {
    const test = newClient();
    await signIn(test);
    const before = test.wire.length;
    const unknown = 'https://api.example.com/unknown';
    for (const call of [
      () => test.client.getAccessToken(unknown),
      () => test.client.getAccessTokenClaims(unknown, 'acme'),
    ]) {
      const error = await rejectionOf(call());
      expect(error).toBeInstanceOf(LogtoConfigError);
      expect(error).toMatchObject({ field: 'resources' });
      expect((error as Error).message).toContain(unknown);
    }
    expect(test.wire.slice(before)).toEqual([]);
  });
});

describe('fetchUserInfo', () => {
  it('a userinfo token the server no longer accepts is refreshed once and the call retried once', async () => {
    const storage = new MemoryStorage();
    await signIn(newClient({}, { storage }));
    // The cached userinfo token still looks fresh, but the server does not know it (revoked,
    // or the server lost its token store): the reload below starts from this cache.
    const key = 'logto:demo-spa:session';
    const session = JSON.parse((await storage.get(key)) ?? '{}') as {
      accessTokens: Record<string, { token: string }>;
    };
    const cached = session.accessTokens[' '];
    if (!cached) throw new Error('sign-in cached no userinfo token');
    cached.token = 'unknown-to-the-server';
    await storage.set(key, JSON.stringify(session));
    const test = newClient({}, { storage });

    const userInfo = await test.client.fetchUserInfo();

    expect(userInfo.sub).toBe('u_alice01');
    expect(test.wire.map((request) => [request.path, request.status])).toEqual([
      ['/oidc/me', 401],
      ['/oidc/token', 200],
      ['/oidc/me', 200],
    ]);
    expect(test.tokenRequests('refresh_token')[0]?.params.get('resource')).toBeNull();
    expect(await test.client.getAccessToken()).not.toBe('unknown-to-the-server');
  });

  it('a second refusal is reported, not retried again', async () => {
    // A userinfo endpoint that refuses every token (e.g. the user was deleted meanwhile).
    const refusing = newClient(
      {},
      {
        storage: new MemoryStorage(),
        fetch: async (input, init) =>
          new Request(input).url.endsWith('/oidc/me')
            ? Response.json({ error: 'invalid_token', error_description: 'gone' }, { status: 401 })
            : fetch(input, init),
      },
    );
    await signIn(refusing);
    const before = refusing.wire.length;
    const error = await rejectionOf(refusing.client.fetchUserInfo());
    expect(error).toMatchObject({
      code: 'token_endpoint_error',
      status: 401,
      error: 'invalid_token',
    });
    expect(refusing.wire.slice(before).map((request) => request.path)).toEqual([
      '/oidc/me',
      '/oidc/token',
      '/oidc/me',
    ]);
    // The session is kept: a refused userinfo token does not mean the grant is dead.
    expect(await refusing.client.isAuthenticated()).toBe(true);
  });
});
