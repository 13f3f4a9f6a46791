import type { IdTokenClaims } from '../protocol/claims.js';

/**
 * What the first render of a reloaded page needs, read synchronously: the signed-in user's
 * ID-token claims, kept in `localStorage` next to the session in IndexedDB (which can only be read
 * asynchronously). No token is ever written here, only the claims the app already shows. The
 * hint is never trusted for anything but the first paint: the session in storage confirms or
 * corrects it before any token is handed out.
 */
export class SessionHint {
  readonly #key: string;

  /** @param keyPrefix `logto:<appId>:`, so that each app on the origin has its own hint */
  constructor(keyPrefix: string) {
    this.#key = `${keyPrefix}hint`;
  }

  /** The claims of the session last seen in this browser, or `undefined`. Never throws. */
  read(): IdTokenClaims | undefined {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.#key) ?? 'null');
      const claims = parsed as Partial<IdTokenClaims> | null;
      return typeof claims?.sub === 'string' ? (claims as IdTokenClaims) : undefined;
    } catch {
      // No localStorage (server rendering, blocked storage) or a value that is not ours.
      return undefined;
    }
  }

  /** Keeps `claims` for the next page load, or forgets them (`undefined`: signed out). */
  write(claims: IdTokenClaims | undefined): void {
    try {
      if (claims) localStorage.setItem(this.#key, JSON.stringify(claims));
      else localStorage.removeItem(this.#key);
    } catch {
      // Without localStorage the next load simply starts in the loading state.
    }
  }
}
