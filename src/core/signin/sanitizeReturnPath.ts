/** A placeholder origin: only used to resolve the path and check it stays on the same origin. */
const probeOrigin = 'http://return-path.invalid';

/**
 * Makes a "return to" path safe to navigate to after sign-in: only a same-origin path beginning
 * with a single `/` passes, normalised (dot segments resolved). Anything else — `//evil.example`
 * and `/\evil.example` (protocol-relative in browsers), `https://other.host`, `javascript:...`,
 * paths with control characters (browsers strip tabs and newlines, which can turn `/\t/evil` into
 * `//evil`) or backslashes — gives `fallback`.
 *
 * @param path the candidate, e.g. `location.pathname + location.search + location.hash`
 * @param fallback returned for anything unsafe; default `/`
 * @example
 * ```ts
 * const { postRedirectUri } = await client.handleSignInCallback(location.href);
 * navigate(sanitizeReturnPath(postRedirectUri)); // '/orders?id=7' stays, '//evil.example' → '/'
 * ```
 */
export function sanitizeReturnPath(path: unknown, fallback = '/'): string {
  // Control characters and backslashes never appear in a path an app builds; browsers strip or
  // reinterpret them (`/\t/evil` → `//evil`, `/\evil` → `//evil`).
  // eslint-disable-next-line no-control-regex
  if (typeof path !== 'string' || !/^\/(?!\/)[^\x00-\x1f\x7f\\]*$/.test(path)) return fallback;
  // A path that starts with one slash always resolves against a valid base: new URL cannot throw.
  const url = new URL(path, probeOrigin);
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  // `/a/..//evil` resolves to the pathname `//evil`, which a router would treat as a host.
  return url.origin !== probeOrigin || normalised.startsWith('//') ? fallback : normalised;
}
