import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { LogtoConfigError, LogtoNotAuthenticatedError } from '../../../src/core/index.js';
import { LogtoOriginRefusedError, createFetch } from '../../../src/fetch/index.js';
import { createMockClient } from '../../../src/testing/index.js';

const api = 'https://api.example.com';
const invalidToken = { 'www-authenticate': 'Bearer realm="api", error="invalid_token"' };

interface Sent {
  url: string;
  authorization: string | null;
  body: string;
  redirect: RequestRedirect | undefined;
  signal: AbortSignal | null | undefined;
}

/** A server double: answers in turn with `answers`, recording what reached it. */
function server(...answers: (() => Response)[]) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const request = input instanceof Request ? input : undefined;
    const body = init.body ?? (request ? await request.text() : undefined);
    sent.push({
      url: input instanceof Request ? input.url : input instanceof URL ? input.href : input,
      authorization: new Headers(init.headers).get('authorization'),
      body:
        body instanceof FormData
          ? JSON.stringify([...body.entries()])
          : await new Response(body).text(),
      redirect: init.redirect,
      signal: init.signal ?? request?.signal,
    });
    init.signal?.throwIfAborted();
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    return answer ? answer() : new Response('ok');
  };
  return { fetch, sent };
}

async function setUp(...answers: (() => Response)[]) {
  const client = createMockClient({ user: {} });
  const first = await client.getAccessToken(api);
  const { fetch, sent } = server(...answers);
  const apiFetch = createFetch(client, { resource: api, origins: [api], fetch });
  return { client, first, sent, apiFetch };
}

const unauthorized = () => new Response('no', { status: 401, headers: invalidToken });

describe('createFetch: who gets the token', () => {
  it('adds the bearer token of the resource and keeps the caller’s headers', async () => {
    const { first, sent, apiFetch } = await setUp();
    const response = await apiFetch(`${api}/orders`, { headers: { 'x-trace': '1' } });
    expect(await response.text()).toBe('ok');
    expect(sent).toMatchObject([{ url: `${api}/orders`, authorization: `Bearer ${first}` }]);
  });

  it('refuses every other origin before sending anything, without the token in the error', async () => {
    const { first, sent, apiFetch } = await setUp();
    const attempts = [
      'https://evil.example.com/orders',
      'https://api.example.com.evil.example/orders',
      'http://api.example.com/orders', // another scheme is another origin
      'https://api.example.com:8443/orders',
      '//evil.example.com/orders', // protocol-relative: resolves to another host
      '/orders', // relative: resolves against this page, not the API
      'data:text/plain,hello',
      new URL('https://evil.example.com/x'),
      new Request('https://evil.example.com/x', { method: 'POST', body: 'secret' }),
    ];
    for (const target of attempts) {
      const error = await apiFetch(target).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(LogtoOriginRefusedError);
      expect((error as LogtoOriginRefusedError).code).toBe('origin_refused');
      expect((error as Error).message).not.toContain(first);
    }
    expect(sent).toEqual([]);
  });

  it('accepts a Request and a URL for an allowed origin, and the origin in any spelling', async () => {
    const client = createMockClient({ user: {} });
    const { fetch, sent } = server();
    const apiFetch = createFetch(client, {
      resource: api,
      origins: ['HTTPS://API.EXAMPLE.COM:443/'],
      fetch,
    });
    await apiFetch(new URL(`${api}/a`));
    await apiFetch(new Request(`${api}/b`, { method: 'PUT', body: 'payload' }));
    expect(sent.map((request) => [request.url, request.body])).toEqual([
      [`${api}/a`, ''],
      [`${api}/b`, 'payload'],
    ]);
    expect(sent.every((request) => request.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it('judges a Request made in another window by its own URL, not by "[object Request]"', async () => {
    // A same-origin iframe's Request is not `instanceof Request` here, yet fetch sends it to its
    // URL. Judged as a string, it would be "[object Request]": a path on this page's origin.
    const otherWindow = new Window({ url: location.href });
    const client = createMockClient({ user: {} });
    const { fetch, sent } = server();
    const apiFetch = createFetch(client, { resource: api, origins: [api, location.origin], fetch });
    const lookalike = {
      url: 'https://evil.example.com/steal',
      [Symbol.toStringTag]: 'Request',
    } as unknown as Request;
    for (const target of [
      new otherWindow.Request('https://evil.example.com/steal', { method: 'POST', body: 'x' }),
      lookalike,
    ]) {
      await expect(apiFetch(target as unknown as Request)).rejects.toMatchObject({
        code: 'origin_refused',
        origin: 'https://evil.example.com',
      });
    }
    expect(sent).toEqual([]);

    // One for an allowed origin goes there, method and body intact.
    const response = await apiFetch(
      new otherWindow.Request(`${api}/orders`, {
        method: 'POST',
        body: 'payload',
      }) as unknown as Request,
    );
    expect(response.ok).toBe(true);
    expect(sent).toMatchObject([{ url: `${api}/orders`, body: 'payload' }]);
    expect(sent[0]?.authorization).toMatch(/^Bearer /);
    await otherWindow.happyDOM.close();
  });

  it('never lets a redirect carry the token: manual (or error, if asked)', async () => {
    const { sent, apiFetch } = await setUp();
    await apiFetch(`${api}/a`);
    await apiFetch(`${api}/b`, { redirect: 'follow' });
    await apiFetch(`${api}/c`, { redirect: 'error' });
    expect(sent.map((request) => request.redirect)).toEqual(['manual', 'manual', 'error']);
  });

  it('refuses to be created without origins, or with something that is not an origin', () => {
    const client = createMockClient({ user: {} });
    for (const origins of [
      [],
      ['api.example.com'],
      ['https://api.example.com/v1'],
      ['ftp://x.y'],
    ]) {
      expect(() => createFetch(client, { resource: api, origins })).toThrow(LogtoConfigError);
    }
  });

  it('passes the client’s errors through: no token, no request', async () => {
    const client = createMockClient({ signedIn: false });
    const { fetch, sent } = server();
    const apiFetch = createFetch(client, { resource: api, origins: [api], fetch });
    await expect(apiFetch(`${api}/a`)).rejects.toBeInstanceOf(LogtoNotAuthenticatedError);
    expect(sent).toEqual([]);
  });
});

describe('createFetch: a token the API refuses', () => {
  it('on 401 invalid_token, gets a new token once and retries once with the same body', async () => {
    const { client, first, sent, apiFetch } = await setUp(unauthorized, () => new Response('ok'));
    const response = await apiFetch(`${api}/orders`, { method: 'POST', body: 'order=1' });
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.authorization).toBe(`Bearer ${first}`);
    expect(sent[1]?.authorization).not.toBe(`Bearer ${first}`);
    expect(sent[1]?.body).toBe('order=1');
    expect(client.callsOf('refreshAccessToken')).toEqual([[api, undefined, first]]);
  });

  it('replays every body that can be sent twice', async () => {
    const bodies: [string, () => BodyInit, string][] = [
      ['string', () => 'text', 'text'],
      ['URLSearchParams', () => new URLSearchParams({ a: '1' }), 'a=1'],
      ['Blob', () => new Blob(['blob']), 'blob'],
      ['ArrayBuffer', () => new TextEncoder().encode('bytes').buffer, 'bytes'],
      [
        'FormData',
        () => {
          const form = new FormData();
          form.set('a', '1');
          return form;
        },
        '[["a","1"]]',
      ],
    ];
    for (const [, makeBody, expected] of bodies) {
      const { sent, apiFetch } = await setUp(unauthorized, () => new Response('ok'));
      const response = await apiFetch(`${api}/x`, { method: 'POST', body: makeBody() });
      expect(response.status).toBe(200);
      expect(sent.map((request) => request.body)).toEqual([expected, expected]);
    }
  });

  it('returns a second 401 to the caller: one refresh, no loop', async () => {
    const { client, sent, apiFetch } = await setUp(unauthorized);
    const response = await apiFetch(`${api}/orders`);
    expect(response.status).toBe(401);
    expect(sent).toHaveLength(2);
    expect(client.callsOf('refreshAccessToken')).toHaveLength(1);
  });

  it('does not retry a stream body, a 401 without invalid_token, or a 403 insufficient_scope', async () => {
    const stream = await setUp(unauthorized);
    const streamed = await stream.apiFetch(`${api}/upload`, {
      method: 'POST',
      body: new ReadableStream({ start: (controller) => controller.close() }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(401);
    expect(stream.sent).toHaveLength(1);

    const bare = await setUp(
      () =>
        new Response('', { status: 401, headers: { 'www-authenticate': 'Bearer realm="api"' } }),
    );
    expect((await bare.apiFetch(`${api}/x`)).status).toBe(401);
    const scope = await setUp(
      () =>
        new Response('', {
          status: 403,
          headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="write"' },
        }),
    );
    expect((await scope.apiFetch(`${api}/x`)).status).toBe(403);
    for (const { client, sent } of [stream, bare, scope]) {
      expect(sent).toHaveLength(1);
      expect(client.callsOf('refreshAccessToken')).toEqual([]);
    }
  });

  it('passes the abort signal through: an aborted call rejects with the abort reason', async () => {
    const { sent, apiFetch } = await setUp();
    const controller = new AbortController();
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(apiFetch(`${api}/x`, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(sent[0]?.signal).toBe(controller.signal);
  });
});
