/**
 * Scopes of Logto's Account API that `UserScope` (from `logto-spa`) does not list. The other
 * fields need the usual user scopes: `UserScope.Email`, `Phone`, `CustomData`, `Identities`
 * (MFA and social identities), `Address`.
 *
 * @example
 * ```ts
 * const client = new LogtoClient({ endpoint, appId, scopes: [UserScope.Identities, AccountScope.Sessions] });
 * ```
 */
export const AccountScope = {
  /** The user's Logto sessions: `listSessions`, `revokeSession`. */
  Sessions: 'urn:logto:scope:sessions',
} as const;
/** An {@link AccountScope} value. */
export type AccountScope = (typeof AccountScope)[keyof typeof AccountScope];
