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
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) return fallback;
  if (hasControlOrBackslash(path)) return fallback;
  let url: URL;
  try {
    url = new URL(path, probeOrigin);
  } catch {
    return fallback;
  }
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  // `/a/..//evil` resolves to the pathname `//evil`, which a router would treat as a host.
  if (url.origin !== probeOrigin || normalised.startsWith('//')) return fallback;
  return normalised;
}

function hasControlOrBackslash(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}
