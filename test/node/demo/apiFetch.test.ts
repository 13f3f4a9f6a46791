/**
 * The authenticated fetch against the demo API (verifying with jose) and the dev IdP, over real
 * HTTP: what an app sees when it calls its API through `createFetch`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDemoApiHandler, demoApiPaths } from '../../../demo/server/demoApi.js';
import { decodeJwtClaims } from '../../../src/core/index.js';
import { LogtoOriginRefusedError, createFetch } from '../../../src/fetch/index.js';
import type { DevIdp } from '../../../src/dev-idp/index.js';
import {
  alice,
  bob,
  clientFactory,
  shopping,
  store,
  signIn,
  startTestIdp,
  testClock,
} from '../../integration/core/harness.js';

// Short enough that moving the client clock past expiry stays within the ID token's 300 s tolerance.
const tokenTtl = 200;
let idp: DevIdp;
const revoked = new Set<unknown>();
/** Paths the API server and a stranger's server saw, in order. */
const apiHits: string[] = [];
/** The bodies of the POST requests the API server received, in order. */
const postedBodies: string[] = [];
const strangerHits: string[] = [];
const servers: Server[] = [];
let apiOrigin = '';
let strangerOrigin = '';

async function listen(handle: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  idp = await startTestIdp({ resourceTtl: tokenTtl });
  const api = createDemoApiHandler({
    issuer: idp.issuer,
    onError: () => undefined,
    isRevoked: (claims) => revoked.has(claims.jti),
  });
  apiOrigin = await listen((req, res) => {
    apiHits.push(req.url ?? '');
    if (req.method !== 'POST') {
      if (!api(req, res)) res.writeHead(404).end();
      return;
    }
    // The demo API serves GET only; a POST's body is read here, then the API judges its token as
    // it would a GET's (what an API that takes bodies does first).
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      postedBodies.push(Buffer.concat(chunks).toString());
      req.method = 'GET';
      if (!api(req, res)) res.writeHead(404).end();
    });
  });
  strangerOrigin = await listen((req, res) => {
    strangerHits.push(req.url ?? '');
    res.end('thanks for the token');
  });
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await idp.close();
});

const newClient = clientFactory(() => idp);

async function signedInFetch(user: typeof alice | typeof bob = alice, resource = shopping) {
  const clock = testClock();
  const test = newClient({}, { now: clock.now });
  await signIn(test, user);
  const apiFetch = createFetch(test.client, { resource, origins: [apiOrigin] });
  const refreshes = () => test.tokenRequests('refresh_token').length;
  return { test, clock, apiFetch, refreshes };
}

describe('createFetch against the demo API and the dev IdP', () => {
  it('sends the resource token, which the API verifies: 200', async () => {
    const { apiFetch } = await signedInFetch();
    const response = await apiFetch(`${apiOrigin}${demoApiPaths.shopping}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ audience: shopping, sub: 'u_alice01' });
  });

  it('refuses a foreign origin: zero requests reach it, and no token is even fetched', async () => {
    const { apiFetch, refreshes } = await signedInFetch();
    const before = refreshes();
    await expect(apiFetch(`${strangerOrigin}${demoApiPaths.shopping}`)).rejects.toBeInstanceOf(
      LogtoOriginRefusedError,
    );
    await expect(
      apiFetch(new Request(`${strangerOrigin}/collect`, { method: 'POST', body: 'x' })),
    ).rejects.toBeInstanceOf(LogtoOriginRefusedError);
    expect(strangerHits).toEqual([]);
    expect(refreshes()).toBe(before);
  });

  it('a token the API revoked: one refresh, one retry, 200', async () => {
    const { test, apiFetch, refreshes } = await signedInFetch();
    const old = await test.client.getAccessToken(shopping);
    revoked.add(decodeJwtClaims(old).jti);
    const before = { refreshes: refreshes(), hits: apiHits.length };

    const response = await apiFetch(`${apiOrigin}${demoApiPaths.shopping}`);

    expect(response.status).toBe(200);
    expect(refreshes() - before.refreshes).toBe(1);
    expect(apiHits.length - before.hits).toBe(2);
    expect(await test.client.getAccessToken(shopping)).not.toBe(old);
  });

  it('a revoked token on a POST: the retry sends the same body again', async () => {
    const { test, apiFetch, refreshes } = await signedInFetch();
    revoked.add(decodeJwtClaims(await test.client.getAccessToken(shopping)).jti);
    const before = { refreshes: refreshes(), bodies: postedBodies.length };

    const response = await apiFetch(`${apiOrigin}${demoApiPaths.shopping}`, {
      method: 'POST',
      body: JSON.stringify({ product: 'tea', quantity: 2 }),
    });

    expect(response.status).toBe(200);
    expect(refreshes() - before.refreshes).toBe(1);
    expect(postedBodies.slice(before.bodies)).toEqual([
      '{"product":"tea","quantity":2}',
      '{"product":"tea","quantity":2}',
    ]);
  });

  it('a revoked token with a body that cannot be sent twice (a stream): the 401, no refresh', async () => {
    const { test, apiFetch, refreshes } = await signedInFetch();
    revoked.add(decodeJwtClaims(await test.client.getAccessToken(shopping)).jti);
    const before = { refreshes: refreshes(), bodies: postedBodies.length };
    const body = new Blob(['{"product":"tea"}']).stream();

    const response = await apiFetch(`${apiOrigin}${demoApiPaths.shopping}`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(refreshes() - before.refreshes).toBe(0);
    expect(postedBodies.slice(before.bodies)).toEqual(['{"product":"tea"}']);
  });

  it('403 insufficient_scope is returned as is: a new token would not carry more scopes', async () => {
    // bob is only a shopper: his store token carries no read:orders.
    const { test, apiFetch, refreshes } = await signedInFetch(bob, store);
    await test.client.getAccessToken(store);
    const before = { refreshes: refreshes(), hits: apiHits.length };

    const response = await apiFetch(`${apiOrigin}${demoApiPaths.store}`);

    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(refreshes() - before.refreshes).toBe(0);
    expect(apiHits.length - before.hits).toBe(1);
  });

  it('an aborted call rejects with the abort, and nothing reaches the API', async () => {
    const { apiFetch } = await signedInFetch();
    const before = apiHits.length;
    const controller = new AbortController();
    controller.abort();

    const failure = await apiFetch(`${apiOrigin}${demoApiPaths.shopping}`, {
      signal: controller.signal,
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DOMException);
    expect((failure as DOMException).name).toBe('AbortError');
    expect(apiHits.length).toBe(before);
  });

  it('a second 401 is returned to the caller: one refresh, two requests, no loop', async () => {
    const { apiFetch, refreshes } = await signedInFetch();
    await apiFetch(`${apiOrigin}${demoApiPaths.shopping}`);
    const before = { refreshes: refreshes(), hits: apiHits.length };

    // A shopping token is never valid for the store API: the fresh one is refused as well.
    const response = await apiFetch(`${apiOrigin}${demoApiPaths.store}`);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(refreshes() - before.refreshes).toBe(1);
    expect(apiHits.length - before.hits).toBe(2);
  });

  it('50 concurrent calls after expiry: 1 refresh, 50 × 200', async () => {
    const { clock, apiFetch, refreshes } = await signedInFetch();
    await apiFetch(`${apiOrigin}${demoApiPaths.shopping}`);
    clock.advance(tokenTtl + 1);
    const before = refreshes();

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => apiFetch(`${apiOrigin}${demoApiPaths.shopping}`)),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(refreshes() - before).toBe(1);
  });

  it('50 concurrent calls with a revoked token: 1 refresh, 50 retries, 50 × 200', async () => {
    const { test, apiFetch, refreshes } = await signedInFetch();
    revoked.add(decodeJwtClaims(await test.client.getAccessToken(shopping)).jti);
    const before = { refreshes: refreshes(), hits: apiHits.length };

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => apiFetch(`${apiOrigin}${demoApiPaths.shopping}`)),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(refreshes() - before.refreshes).toBe(1);
    expect(apiHits.length - before.hits).toBe(100);
  });
});
