import { useState } from 'react';
import { useAccount, useAccountAction, type SentCode } from 'logto-spa/account/react';
import { Card } from '../Card.js';
import { ErrorBox } from '../ErrorBox.js';
import { VerifyPrompt } from './VerifyPrompt.js';

/**
 * The primary email: a code to the new address proves it is the user's (`sendCode`,
 * `verifyCode`), then `setPrimaryEmail` (which needs the identity verification too).
 */
export function EmailCard() {
  const { account } = useAccount();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<SentCode<'email'> | undefined>(undefined);
  const send = useAccountAction(async (client, to: string) => {
    setSent(await client.sendCode({ email: to }));
  });
  const setPrimary = useAccountAction(
    (client, verified: Parameters<typeof client.setPrimaryEmail>[0]) =>
      client.setPrimaryEmail(verified),
  );
  const save = useAccountAction(async (client, pending: SentCode<'email'>, typed: string) => {
    const verified = await client.verifyCode(pending, typed);
    setSent(undefined);
    setCode('');
    // Its own state shows its failure (and asks for the password when needed).
    await setPrimary.run(verified).catch(() => undefined);
  });
  const error =
    send.error ?? save.error ?? (setPrimary.needsVerification ? undefined : setPrimary.error);
  return (
    <Card
      title="Email"
      subtitle={<code>sendCode → verifyCode → setPrimaryEmail</code>}
      testId="account-email-card"
    >
      <p>
        Current email: <strong data-testid="account-email">{account?.primaryEmail ?? '—'}</strong>
      </p>
      {sent === undefined ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            send.run(email).catch(() => undefined);
          }}
        >
          <input
            type="email"
            aria-label="New email"
            placeholder="new@example.com"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="account-email-input"
          />
          <button
            type="submit"
            className="button small primary"
            disabled={send.isPending || email === ''}
          >
            Send a code
          </button>
        </form>
      ) : (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            save.run(sent, code).catch(() => undefined);
          }}
        >
          <span>
            Code sent to <strong>{sent.identifier.value}</strong>
          </span>
          <input
            inputMode="numeric"
            aria-label="Code"
            placeholder="6 digits"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            data-testid="account-email-code"
          />
          <button
            type="submit"
            className="button small primary"
            disabled={save.isPending || code === ''}
          >
            Confirm
          </button>
          <p className="muted small" data-testid="account-email-hint">
            With the dev IdP no email is sent: the code is printed in the terminal running{' '}
            <code>npm run demo</code> (or <code>npm run idp</code>).
          </p>
        </form>
      )}
      <VerifyPrompt action={setPrimary} testId="account-email" />
      {error ? (
        <ErrorBox error={error} title="The email was not changed" testId="account-email-error" />
      ) : null}
    </Card>
  );
}
