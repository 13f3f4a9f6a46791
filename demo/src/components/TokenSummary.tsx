import { clockTime, maskToken, relativeTime } from '../format.js';
import { useNow } from '../hooks.js';
import type { AccessTokenClaims } from 'logto-spa';
import { JsonView } from './JsonView.js';

/** The decoded claims of an access token (never the token itself, only a masked prefix). */
export function TokenSummary(props: {
  token: string;
  claims: AccessTokenClaims | undefined;
  testId: string;
}) {
  const { token, claims, testId } = props;
  const now = useNow();
  const scopes = typeof claims?.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  if (!claims) {
    return (
      <p className="muted" data-testid={`${testId}-opaque`}>
        An opaque token <code>{maskToken(token)}</code>: no claims to decode.
      </p>
    );
  }
  const audience = Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Audience (aud)</dt>
          <dd>
            <code>{audience}</code>
          </dd>
        </div>
        <div>
          <dt>Scopes</dt>
          <dd data-testid={`${testId}-scopes`}>
            {scopes.length === 0 ? (
              <span className="muted">none granted</span>
            ) : (
              scopes.map((scope) => (
                <span className="chip" key={scope}>
                  {scope}
                </span>
              ))
            )}
          </dd>
        </div>
        <div>
          <dt>Expires (exp)</dt>
          <dd>
            {clockTime(claims.exp)} <span className="muted">({relativeTime(claims.exp, now)})</span>
          </dd>
        </div>
        <div>
          <dt>Token</dt>
          <dd>
            <code data-testid={`${testId}-masked`}>{maskToken(token)}</code>
          </dd>
        </div>
      </dl>
      <details className="claims-details" open>
        <summary>All claims</summary>
        <JsonView value={claims} testId={testId} label="Access token claims" />
      </details>
    </>
  );
}
