import { Card } from '../components/Card.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { JsonView } from '../components/JsonView.js';
import { Loading } from '../components/Loading.js';
import { RequireSignIn } from '../components/RequireSignIn.js';
import type { IdTokenClaims } from 'logto-spa';
import { useIdTokenClaims, useUserInfo } from 'logto-spa/react';

function Facts({ claims }: { claims: IdTokenClaims }) {
  const created = typeof claims.created_at === 'number' ? new Date(claims.created_at) : undefined;
  const rows: [string, string][] = [
    ['Subject (sub)', claims.sub],
    ['Username', claims.username ?? '—'],
    ['Email', claims.email ? `${claims.email}${claims.email_verified ? ' (verified)' : ''}` : '—'],
    [
      'Phone',
      claims.phone_number
        ? `${claims.phone_number}${claims.phone_number_verified ? ' (verified)' : ' (not verified)'}`
        : '—',
    ],
    ['Member since', created ? created.toLocaleDateString() : '—'],
    ['Organizations', claims.organizations?.join(', ') || '—'],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Profile() {
  const claims = useIdTokenClaims();
  const { userInfo, isLoading, error, refetch } = useUserInfo();
  return (
    <>
      <Card
        title="ID token claims"
        subtitle="useIdTokenClaims() — verified when the token arrived; no request needed"
        testId="id-token-card"
      >
        {claims ? (
          <>
            <Facts claims={claims} />
            <JsonView value={claims} testId="id-token-claims" label="ID token claims" />
          </>
        ) : (
          <Loading text="Loading claims…" testId="id-token-loading" />
        )}
      </Card>
      <Card
        title="User info"
        subtitle="useUserInfo() → fetchUserInfo(): the userinfo endpoint adds custom_data, identities and organization_data"
        testId="userinfo-card"
        actions={
          <button
            type="button"
            className="button small"
            onClick={() => {
              refetch().catch(() => undefined);
            }}
            disabled={isLoading}
            data-testid="userinfo-refetch"
          >
            Fetch again
          </button>
        }
      >
        {error !== undefined ? (
          <ErrorBox error={error} title="Could not fetch user info" testId="userinfo-error" />
        ) : isLoading || userInfo === undefined ? (
          <Loading text="Fetching /oidc/me…" testId="userinfo-loading" />
        ) : (
          <JsonView value={userInfo} testId="userinfo" label="User info" />
        )}
      </Card>
    </>
  );
}

/** ID-token claims and userinfo: the seed guide's `/protected/userinfo`, in React. */
export function ProfilePage() {
  return (
    <RequireSignIn what="your profile">
      <Profile />
    </RequireSignIn>
  );
}
