import { appConfig } from '../appConfig.js';
import { ApiCallResult, callDemoApi } from '../components/ApiCallResult.js';
import { Card } from '../components/Card.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { Loading } from '../components/Loading.js';
import { RequireSignIn } from '../components/RequireSignIn.js';
import { TokenSummary } from '../components/TokenSummary.js';
import { useAction } from '../hooks.js';
import { useAccessToken, useLogto } from 'logto-spa/react';
import { useApiFetch } from 'logto-spa/fetch/react';
import { demoApiRoutes, type DemoApiRoute } from '../../shared/demoApiRoutes.js';

/** Another site: what a mistyped URL or an open redirect could point the token at. */
const foreignUrl = 'https://collector.example/tokens';

function ResourceCard(props: { resource: string; route: DemoApiRoute | undefined; index: number }) {
  const { resource, route } = props;
  const key = route?.key ?? `resource-${props.index}`;
  const { accessToken, claims, isLoading, error, refetch } = useAccessToken(resource);
  // The demo API is served by the app's own server: the token goes to this origin only.
  const apiFetch = useApiFetch(resource, { origins: [window.location.origin] });
  const [call, callState] = useAction((how: 'token' | 'anonymous' | 'elsewhere') =>
    how === 'elsewhere'
      ? // A mistyped or injected URL: refused before anything is sent (origin_refused).
        callDemoApi(foreignUrl, apiFetch)
      : callDemoApi(route?.path ?? '/api', how === 'token' ? apiFetch : undefined),
  );

  return (
    <Card
      title={route?.name ?? resource}
      subtitle={
        <>
          <code>useAccessToken(&apos;{resource}&apos;)</code>
        </>
      }
      testId={`api-card-${key}`}
      actions={
        <button
          type="button"
          className="button small"
          onClick={() => {
            refetch().catch(() => undefined);
          }}
          disabled={isLoading}
          data-testid={`api-token-refetch-${key}`}
        >
          Read again
        </button>
      }
    >
      {error !== undefined ? (
        <ErrorBox error={error} title="No access token" testId={`api-token-error-${key}`} />
      ) : isLoading || accessToken === undefined ? (
        <Loading text="Getting an access token…" testId={`api-token-loading-${key}`} />
      ) : (
        <TokenSummary token={accessToken} claims={claims} testId={`api-token-claims-${key}`} />
      )}

      {route === undefined ? (
        <p className="muted">The demo API has no route for this resource.</p>
      ) : (
        <div className="api-call">
          <p className="muted">
            <code>GET {route.path}</code> needs a token for this resource with{' '}
            <code>{route.scope}</code>. “Call API” goes through{' '}
            <code>
              useApiFetch(resource, {'{'} origins {'}'})
            </code>
            , which adds the token, sends it to this origin only (“Send it elsewhere” is refused
            before any request), and on a 401 <code>invalid_token</code> gets a new token and
            retries once.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                call('token');
              }}
              disabled={accessToken === undefined || callState.pending}
              data-testid={`api-call-${key}`}
            >
              Call API
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                call('anonymous');
              }}
              disabled={callState.pending}
              data-testid={`api-call-anonymous-${key}`}
            >
              Call without a token
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                call('elsewhere');
              }}
              disabled={accessToken === undefined || callState.pending}
              data-testid={`api-call-elsewhere-${key}`}
              title={`useApiFetch asked to send the token to ${foreignUrl}`}
            >
              Send it elsewhere
            </button>
          </div>
          <ApiCallResult call={callState} testId={`api-result-${key}`} />
        </div>
      )}
    </Card>
  );
}

function ApiTokens() {
  const { clearAccessToken } = useLogto();
  const [forget, forgetting] = useAction(() => clearAccessToken());
  const resources = appConfig.logto.resources;
  return (
    <>
      <Card
        title="API resources"
        subtitle="An access token per resource: a JWT whose aud is the resource and whose scopes come from your roles"
        actions={
          <button
            type="button"
            className="button small"
            onClick={() => {
              forget();
            }}
            disabled={forgetting.pending}
            data-testid="clear-access-tokens"
          >
            {forgetting.pending ? 'Forgetting…' : 'Forget access tokens'}
          </button>
        }
      >
        <p className="muted">
          Tokens are cached per resource and refreshed with the refresh token before they expire.
          “Forget access tokens” drops the cached ones: the cards below get fresh tokens at once.
        </p>
        {forgetting.error === undefined ? null : (
          <ErrorBox error={forgetting.error} title="Could not clear tokens" testId="clear-error" />
        )}
      </Card>
      {resources.length === 0 ? (
        <Card title="No API resources configured">
          <p className="muted">
            Set <code>VITE_LOGTO_RESOURCES</code> to a comma-separated list of resource indicators.
          </p>
        </Card>
      ) : (
        resources.map((resource, index) => (
          <ResourceCard
            key={resource}
            resource={resource}
            route={demoApiRoutes[index]}
            index={index}
          />
        ))
      )}
    </>
  );
}

/** Access tokens for each API resource, their claims, and calls to the protected demo API. */
export function ApiPage() {
  return (
    <RequireSignIn what="your API tokens">
      <ApiTokens />
    </RequireSignIn>
  );
}
