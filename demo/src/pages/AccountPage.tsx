import { useAccount } from 'logto-spa/account/react';
import { Card } from '../components/Card.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { JsonView } from '../components/JsonView.js';
import { Loading } from '../components/Loading.js';
import { RequireSignIn } from '../components/RequireSignIn.js';
import { EmailCard } from '../components/account/EmailCard.js';
import { MfaCard } from '../components/account/MfaCard.js';
import { NameCard } from '../components/account/NameCard.js';
import { PasswordCard } from '../components/account/PasswordCard.js';

function Account() {
  const { account, isLoading, error, refetch } = useAccount();
  return (
    <>
      <Card
        title="Your account"
        subtitle="useAccount() → GET /api/my-account (Logto's Account API), read again after every change"
        testId="account-card"
        actions={
          <button
            type="button"
            className="button small"
            onClick={() => {
              void refetch().catch(() => undefined);
            }}
            disabled={isLoading}
          >
            Read again
          </button>
        }
      >
        {error !== undefined ? (
          <ErrorBox error={error} title="Could not read your account" testId="account-error" />
        ) : isLoading || account === undefined ? (
          <Loading text="Reading /api/my-account…" testId="account-loading" />
        ) : (
          <JsonView value={account} testId="account-json" label="Account" />
        )}
      </Card>
      {account === undefined ? null : (
        <>
          <NameCard />
          <EmailCard />
          <PasswordCard />
          <MfaCard />
        </>
      )}
    </>
  );
}

/** Account self-service with `logto-spa/account/react`: name, email, password, 2FA. */
export function AccountPage() {
  return (
    <RequireSignIn what="your account">
      <Account />
    </RequireSignIn>
  );
}
