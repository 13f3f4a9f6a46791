interface StoredCookie {
  name: string;
  value: string;
  path: string;
  /** Epoch milliseconds; Infinity for a session cookie. */
  expiresAt: number;
}

/**
 * A minimal browser cookie store for the Node-side sign-in imitation: host-only cookies with
 * `Path`, `Max-Age` and `Expires`, which is all the dev IdP sets (oidc-provider's signed
 * session and interaction cookies are path-scoped).
 */
export class CookieJar {
  readonly #byHost = new Map<string, StoredCookie[]>();

  /** Stores the `Set-Cookie` headers of a response to `url`. */
  store(url: string, setCookie: readonly string[] | undefined): void {
    const { hostname } = new URL(url);
    const cookies = this.#byHost.get(hostname) ?? [];
    for (const header of setCookie ?? []) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const cookie: StoredCookie = {
        name: pair.slice(0, separator).trim(),
        value: pair.slice(separator + 1).trim(),
        path: '/',
        expiresAt: Infinity,
      };
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const value = rest.join('=').trim();
        switch (key.trim().toLowerCase()) {
          case 'path':
            cookie.path = value.startsWith('/') ? value : '/';
            break;
          case 'max-age':
            cookie.expiresAt = Date.now() + Number(value) * 1000;
            break;
          case 'expires':
            // Max-Age wins over Expires when both are present.
            if (!/max-age/i.test(header)) cookie.expiresAt = Date.parse(value);
            break;
        }
      }
      const others = cookies.filter((c) => !(c.name === cookie.name && c.path === cookie.path));
      cookies.length = 0;
      cookies.push(...others);
      if (cookie.expiresAt > Date.now()) cookies.push(cookie);
    }
    this.#byHost.set(hostname, cookies);
  }

  /** The `Cookie` header a browser would send to `url` (empty string when none apply). */
  header(url: string): string {
    const { hostname, pathname } = new URL(url);
    const now = Date.now();
    return (this.#byHost.get(hostname) ?? [])
      .filter((c) => c.expiresAt > now && pathMatches(pathname, c.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

/** RFC 6265 path-match: equal, or a prefix ending at a `/` boundary. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}
