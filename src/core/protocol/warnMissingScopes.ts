import { ReservedScope, UserScope } from '../config/constants.js';
import type { ResolvedConfig } from '../config/LogtoConfig.js';
import type { LogtoLogger } from '../config/logger.js';

/** Scopes that are not an API's permissions: OpenID's and Logto's user scopes. */
const userScopes = new Set<string>([...Object.values(ReservedScope), ...Object.values(UserScope)]);

/** `appId resource` pairs already warned about: once per resource per page. */
const warned = new Set<string>();

/**
 * Warns (`console.warn`, and the logger if set), once per resource, when a new access token for
 * `resource` carries none of the API permissions the config requested: a typo in `scopes`
 * (`read:item` for `read:items`) otherwise shows only as the API's 403. The config does not say
 * which scope belongs to which API, so only a token with *none* of them is suspicious: a user
 * whose roles grant some of them is normal. Called only when a token is received, with the
 * `scope` of the token response; never names the token.
 */
export function warnMissingScopes(
  config: ResolvedConfig,
  resource: string,
  grantedScope: string,
  log: LogtoLogger | undefined,
): void {
  const requested = config.scopes.filter(
    (scope) => !userScopes.has(scope) && !scope.startsWith('urn:'),
  );
  const key = `${config.appId} ${resource}`;
  if (requested.length === 0 || warned.has(key)) return;
  const granted = grantedScope.split(' ').filter(Boolean);
  if (requested.some((scope) => granted.includes(scope))) return;
  warned.add(key);
  const message = `logto-spa: the access token for ${resource} has none of the scopes the config requested (requested ${requested.join(' ')}, granted ${granted.join(' ') || '(none)'}): a typo in \`scopes\`, or the user's roles do not grant them`;
  console.warn(message);
  log?.('refresh', message);
}
