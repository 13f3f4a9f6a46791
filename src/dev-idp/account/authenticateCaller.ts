import type { IncomingMessage } from 'node:http';

import type { Provider } from 'oidc-provider';

import type { SeedUser } from '../DevIdpSeed.js';
import type { UserDirectory } from '../UserDirectory.js';
import { AccountApiError } from './AccountApiError.js';
import type { VerificationRecords } from './VerificationRecords.js';

/** Logto's header carrying a verification record id for sensitive changes. */
export const verificationIdHeader = 'logto-verification-id';

/** Who calls the Account API, as the bearer token says. */
export interface AccountCaller {
  user: SeedUser;
  /** Scopes of the access token: they gate what the caller may read and change. */
  scopes: ReadonlySet<string>;
  clientId: string;
  /**
   * True when `logto-verification-id` names a live, verified record of this user: a password
   * or a code sent to the user's own email or phone, less than 10 minutes old.
   */
  identityVerified: boolean;
}

/** What `authenticateCaller` needs. */
export interface AuthenticateSetup {
  provider: Provider;
  directory: UserDirectory;
  records: VerificationRecords;
  clientId: string;
}

const bearer = 'Bearer';

/**
 * Authenticates an Account API request as Logto's user API does: the bearer token must be a
 * live opaque access token of the Logto audience (the userinfo one, issued with no
 * `resource`), of this app, for an existing user, with the `openid` scope.
 *
 * @throws {AccountApiError} 401 `auth.authorization_header_missing` without the header;
 *   401 `auth.authorization_token_type_not_supported` for a non-Bearer scheme; 401
 *   `auth.unauthorized` for an unknown, expired, revoked or API-resource token; 403
 *   `auth.forbidden` without `openid`
 */
export async function authenticateCaller(
  req: IncomingMessage,
  setup: AuthenticateSetup,
): Promise<AccountCaller> {
  const { authorization } = req.headers;
  if (authorization === undefined || authorization === '') {
    throw new AccountApiError('auth.authorization_header_missing', 401);
  }
  if (!authorization.startsWith(bearer)) {
    throw new AccountApiError('auth.authorization_token_type_not_supported', 401, {
      data: { supportedTypes: [bearer] },
    });
  }
  const value = authorization.slice(bearer.length + 1).trim();
  const token = value === '' ? undefined : await setup.provider.AccessToken.find(value);
  // An API-resource token is a JWT and is never stored, so `find` misses it; an opaque token
  // with an audience would be for another resource server, which Logto's user API refuses.
  const user =
    token && token.aud === undefined && token.clientId === setup.clientId
      ? setup.directory.findById(token.accountId)
      : undefined;
  if (!token || !user) throw new AccountApiError('auth.unauthorized', 401);
  if (!token.scopes.has('openid')) throw new AccountApiError('auth.forbidden', 403);

  const recordId = req.headers[verificationIdHeader];
  return {
    user,
    scopes: token.scopes,
    clientId: token.clientId,
    identityVerified:
      typeof recordId === 'string' && setup.records.provesIdentityOf(recordId, user.id),
  };
}
