import { useState, type SyntheticEvent } from 'react';
import { ApiCallResult, callDemoApi } from '../components/ApiCallResult.js';
import { Card } from '../components/Card.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { Loading } from '../components/Loading.js';
import { RequireSignIn } from '../components/RequireSignIn.js';
import { TokenSummary } from '../components/TokenSummary.js';
import { useAction } from '../hooks.js';
import { useIdTokenClaims, useOrganizationToken, useUserInfo } from 'logto-spa/react';
import { useApiFetch } from 'logto-spa/fetch/react';
import { organizationApiPath, organizationApiScope } from '../../shared/demoApiRoutes.js';

function OrganizationToken({ organizationId }: { organizationId: string }) {
  const { accessToken, claims, isLoading, error } = useOrganizationToken(organizationId);
  const apiFetch = useApiFetch(undefined, { organizationId, origins: [window.location.origin] });
  const [call, callState] = useAction(() =>
    callDemoApi(organizationApiPath(organizationId), apiFetch),
  );
  return (
    <Card
      title={
        <>
          Organization token for <code>{organizationId}</code>
        </>
      }
      subtitle={<code>useOrganizationToken(&apos;{organizationId}&apos;)</code>}
      testId="org-token-card"
    >
      {error !== undefined ? (
        <ErrorBox error={error} title="No organization token" testId="org-token-error" />
      ) : isLoading || accessToken === undefined ? (
        <Loading text="Getting an organization token…" testId="org-token-loading" />
      ) : (
        <>
          <TokenSummary token={accessToken} claims={claims} testId="org-token-claims" />
          <div className="api-call">
            <p className="muted">
              <code>GET {organizationApiPath(organizationId)}</code> needs this organization’s token
              with <code>{organizationApiScope}</code>.
            </p>
            <div className="button-row">
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  call();
                }}
                disabled={callState.pending}
                data-testid="org-api-call"
              >
                Call organization API
              </button>
            </div>
            <ApiCallResult call={callState} testId="org-api-result" />
          </div>
        </>
      )}
    </Card>
  );
}

function Organizations() {
  const claims = useIdTokenClaims();
  const { userInfo } = useUserInfo();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [otherId, setOtherId] = useState('');
  const organizations = claims?.organizations ?? [];
  const roles = claims?.organization_roles ?? [];
  const nameOf = (id: string) => userInfo?.organization_data?.find((org) => org.id === id)?.name;
  const rolesIn = (id: string) =>
    roles.filter((role) => role.startsWith(`${id}:`)).map((role) => role.slice(id.length + 1));

  const submitOther = (event: SyntheticEvent) => {
    event.preventDefault();
    const id = otherId.trim();
    if (id !== '') setSelected(id);
  };

  return (
    <>
      <Card
        title="Your organizations"
        subtitle="The organizations and organization_roles claims of your ID token; names from userinfo’s organization_data"
        testId="org-list-card"
      >
        {organizations.length === 0 ? (
          <p className="muted" data-testid="org-none">
            You are not a member of any organization.
          </p>
        ) : (
          <div className="org-list" role="radiogroup" aria-label="Organizations">
            {organizations.map((id) => (
              <button
                type="button"
                role="radio"
                aria-checked={selected === id}
                key={id}
                className={`org-option${selected === id ? ' selected' : ''}`}
                onClick={() => {
                  setSelected(id);
                }}
                data-testid={`org-option-${id}`}
              >
                <span className="org-name">{nameOf(id) ?? id}</span>
                <span className="org-id">
                  <code>{id}</code>
                </span>
                <span>
                  {rolesIn(id).map((role) => (
                    <span className="chip" key={role}>
                      {role}
                    </span>
                  ))}
                </span>
              </button>
            ))}
          </div>
        )}
        <form className="inline-form" onSubmit={submitOther}>
          <label htmlFor="other-org">Or try any organization ID:</label>
          <input
            id="other-org"
            value={otherId}
            onChange={(event) => {
              setOtherId(event.target.value);
            }}
            placeholder="e.g. initech"
            autoComplete="off"
            data-testid="org-custom-input"
          />
          <button type="submit" className="button small" data-testid="org-custom-submit">
            Get token
          </button>
        </form>
        <p className="muted small">
          Logto refuses organizations you are not a member of with <code>access_denied</code>.
        </p>
      </Card>
      {selected === undefined ? null : (
        <OrganizationToken key={selected} organizationId={selected} />
      )}
    </>
  );
}

/** Organization tokens for the organizations in the ID token. */
export function OrganizationsPage() {
  return (
    <RequireSignIn what="your organizations">
      <Organizations />
    </RequireSignIn>
  );
}
