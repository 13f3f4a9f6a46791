import { LogtoConfigError } from '../core/errors/LogtoConfigError.js';
import { LogtoOriginRefusedError } from './LogtoOriginRefusedError.js';
import type { LogtoClient } from '../core/LogtoClient.js';

/** Options of {@link createFetch}. */
export interface CreateFetchOptions {
  /** The API resource whose access token is sent. Omit it (with `organizationId`) for an organization token. */
  resource?: string | undefined;
  /** Send the token of this organization (for `resource` within it, or the organization token). */
  organizationId?: string | undefined;
  /**
   * The only origins the token may go to, e.g. `['https://api.example.com']`. A request to any
   * other origin is refused before anything is sent.
   */
  origins: readonly string[];
  /** The `fetch` that sends the requests. Default: the global one. */
  fetch?: typeof fetch | undefined;
}

/** What {@link createFetch} needs of a client: {@link LogtoClient} or a test double. */
export type TokenSource = Pick<LogtoClient, 'getAccessToken' | 'refreshAccessToken'>;

/**
 * A `fetch` that adds `Authorization: Bearer <access token>` for one API (a resource, an
 * organization, or both), and sends it only to the given origins.
 *
 * - A URL on any other origin (also a relative URL resolving elsewhere, or a `Request` for one,
 *   even one made in another window such as an iframe) rejects with
 *   {@link LogtoOriginRefusedError}, and nothing is sent.
 * - Redirects are not followed (`redirect: 'manual'`, or `'error'` if you ask for it), so the
 *   token cannot be carried to where a redirect points; a redirect comes back as the response.
 * - A 401 whose `WWW-Authenticate` says `error="invalid_token"` (keys rotated, token revoked)
 *   gets one new token, through the client's refresh lock, and one retry — when the body can be
 *   sent again (anything but a `ReadableStream`). A second 401, or any 403, is returned as is.
 * - `signal` works as with `fetch`; failures of the request itself reject as `fetch` does.
 *
 * A function that takes the client rather than a client method, so that an app which does not
 * use it does not ship it.
 *
 * @param client the `LogtoClient` whose tokens are sent
 * @throws LogtoConfigError (at once) when `origins` is empty or holds something that is not an
 *   http(s) origin; the returned function rejects with LogtoOriginRefusedError, or with the
 *   client's errors (e.g. LogtoNotAuthenticatedError) when no token can be had
 * @example
 * ```ts
 * const api = createFetch(client, { resource: 'https://api.example.com', origins: ['https://api.example.com'] });
 * const orders = await (await api('https://api.example.com/orders')).json();
 * ```
 */
export function createFetch(client: TokenSource, options: CreateFetchOptions): typeof fetch {
  const allowed = new Set(options.origins.map(toOrigin));
  if (allowed.size === 0) throw new LogtoConfigError('origins', 'is empty');
  const { resource, organizationId } = options;
  const send = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  return async (input, init = {}) => {
    const { request, urls } = toRequest(input);
    // Resolved as fetch resolves it, so a relative URL is judged by where it really goes.
    const base = typeof document === 'undefined' ? undefined : document.baseURI;
    for (const href of urls) {
      const origin = URL.canParse(href, base) ? new URL(href, base).origin : 'null';
      if (!allowed.has(origin)) throw new LogtoOriginRefusedError(origin);
    }

    const attempt = (token: string) => {
      const headers = new Headers(init.headers ?? request?.headers);
      headers.set('authorization', `Bearer ${token}`);
      const redirect = (init.redirect ?? request?.redirect) === 'error' ? 'error' : 'manual';
      // A Request's body can be read once: each attempt sends a copy.
      return send(request ? request.clone() : input, { ...init, headers, redirect });
    };
    let token = await client.getAccessToken(resource, organizationId);
    const response = await attempt(token);
    if (
      response.status !== 401 ||
      !/\berror="?invalid_token\b/.test(response.headers.get('www-authenticate') ?? '') ||
      (typeof ReadableStream !== 'undefined' && init.body instanceof ReadableStream)
    ) {
      return response;
    }
    await response.body?.cancel().catch(() => undefined);
    token = await client.refreshAccessToken(resource, organizationId, token);
    return attempt(token);
  };
}

/**
 * The URLs to judge for `input`, and the `Request` to send when it is not a plain URL. A string
 * or `URL` is sent as it is. Anything else is read as fetch would read it: a `Request` made in
 * another window (a same-origin iframe) fails `instanceof Request` here, yet fetch sends it to
 * its own URL (judged as a string it would be "[object Request]", a path on this page's origin).
 * So it becomes a `Request` of this window, which is what is judged and sent; and a `url` the
 * object carries is judged too, so that no look-alike is let through by its `toString`.
 */
function toRequest(input: RequestInfo | URL): { request: Request | undefined; urls: string[] } {
  if (typeof input === 'string') return { request: undefined, urls: [input] };
  if (input instanceof URL) return { request: undefined, urls: [input.href] };
  if (input instanceof Request) return { request: input, urls: [input.url] };
  const foreign: unknown = input;
  const request = new Request(foreign as RequestInfo);
  const claimed = (foreign as { url?: unknown }).url;
  return { request, urls: typeof claimed === 'string' ? [request.url, claimed] : [request.url] };
}

/** `https://api.example.com` (or with a trailing slash) → itself; anything else is refused. */
function toOrigin(value: string, index: number): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.href !== `${url.origin}/`) {
    throw new LogtoConfigError(`origins[${index}]`, 'is not an http(s) origin');
  }
  return url.origin;
}
