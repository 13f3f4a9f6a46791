/** Token and session lifetimes in seconds. */
export interface DevIdpTtl {
  /** Opaque userinfo token, and API tokens whose resource sets no `accessTokenTtl`. Default 3600. */
  accessToken?: number;
  /** Default 3600. */
  idToken?: number;
  /**
   * Default 14 days, counted from the sign-in that issued the first refresh token: a rotated
   * token keeps what was left of the one it replaces (as in Logto), so rotation never extends it.
   */
  refreshToken?: number;
  /** Sign-in session at the IdP (the SSO cookie). Default 14 days, as in Logto. */
  session?: number;
  /**
   * What the user consented to (scopes, resources) behind the refresh tokens and `prompt=none`.
   * Default 180 days, as in Logto.
   */
  grant?: number;
  /** Organization tokens. Default 3600. */
  organizationToken?: number;
}

/** Token and session lifetimes in seconds, all defaults applied. */
export type ResolvedTtl = Required<DevIdpTtl>;

const day = 24 * 60 * 60;
const defaultTtl: ResolvedTtl = {
  accessToken: 3600,
  idToken: 3600,
  refreshToken: 14 * day,
  session: 14 * day,
  grant: 180 * day,
  organizationToken: 3600,
};

/**
 * Applies the defaults to the lifetimes `startDevIdp` was given.
 *
 * @param ttl - lifetimes in seconds; any left out takes its default
 * @returns every lifetime
 * @throws {TypeError} for a lifetime that is not a positive integer
 */
export function resolveTtl(ttl: DevIdpTtl = {}): ResolvedTtl {
  const resolved = { ...defaultTtl };
  for (const key of Object.keys(defaultTtl) as (keyof ResolvedTtl)[]) {
    const value = ttl[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new TypeError(`ttl.${key}: expected a positive integer (seconds)`);
    }
    resolved[key] = value;
  }
  return resolved;
}
