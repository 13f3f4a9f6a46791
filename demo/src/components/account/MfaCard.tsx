import { useEffect, useState } from 'react';
import {
  useAccount,
  useAccountAction,
  type MfaFactor,
  type TotpSecret,
} from 'logto-spa/account/react';
import { Card } from '../Card.js';
import { ErrorBox } from '../ErrorBox.js';
import { VerifyPrompt } from './VerifyPrompt.js';

/**
 * Two-factor authentication: the factors (read again after every change, since `useAccount`'s
 * account changes then), TOTP enrolment with the secret and its `otpauth://` URI shown as text,
 * backup codes shown once, and removal. Changes need the identity verification.
 */
export function MfaCard() {
  const { account } = useAccount();
  const [factors, setFactors] = useState<MfaFactor[] | undefined>(undefined);
  const [totp, setTotp] = useState<TotpSecret | undefined>(undefined);
  const [code, setCode] = useState('');
  const [backupCodes, setBackupCodes] = useState<string[] | undefined>(undefined);
  const list = useAccountAction(async (client) => setFactors(await client.listMfaFactors()));
  const generate = useAccountAction(async (client) => setTotp(await client.generateTotpSecret()));
  const addTotp = useAccountAction(async (client, secret: string, typed: string) => {
    await client.addTotp(secret, typed);
    setTotp(undefined);
    setCode('');
  });
  const generateCodes = useAccountAction(async (client) =>
    setBackupCodes(await client.generateBackupCodes()),
  );
  const saveCodes = useAccountAction(async (client, codes: string[]) => {
    await client.addBackupCodes(codes);
    setBackupCodes(undefined);
  });
  const remove = useAccountAction((client, id: string) => client.removeMfaFactor(id));
  const { run: reload } = list;

  useEffect(() => {
    if (account) reload().catch(() => undefined);
  }, [account, reload]);

  const pendingVerification = [addTotp, saveCodes, remove].find((a) => a.needsVerification);
  const error = [list, generate, addTotp, generateCodes, saveCodes, remove].find(
    (a) => a.error && !a.needsVerification,
  )?.error;
  return (
    <Card
      title="Two-factor authentication"
      subtitle={<code>listMfaFactors · generateTotpSecret · addTotp · backup codes</code>}
      testId="account-mfa-card"
    >
      {factors === undefined ? null : factors.length === 0 ? (
        <p className="muted" data-testid="account-mfa-none">
          No factor yet.
        </p>
      ) : (
        <ul className="feature-list" data-testid="account-mfa-factors">
          {factors.map((factor) => (
            <li key={factor.id}>
              <strong>{factor.type}</strong>{' '}
              <span className="muted small">
                added {new Date(factor.createdAt).toLocaleString()}
                {factor.remainCodes === undefined ? '' : ` · ${factor.remainCodes} codes left`}
              </span>{' '}
              <button
                type="button"
                className="button small"
                onClick={() => {
                  void remove.run(factor.id).catch(() => undefined);
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button small"
          onClick={() => {
            void generate.run().catch(() => undefined);
          }}
          data-testid="account-totp-start"
        >
          Set up an authenticator app
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => {
            void generateCodes.run().catch(() => undefined);
          }}
          data-testid="account-backup-start"
        >
          Generate backup codes
        </button>
      </div>
      {totp ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            addTotp.run(totp.secret, code).catch(() => undefined);
          }}
        >
          <p>
            Secret:{' '}
            <code className="secret" data-testid="account-totp-secret">
              {totp.secret}
            </code>
            <br />
            URI for a QR code: <code data-testid="account-totp-uri">{totp.uri}</code>
          </p>
          <input
            inputMode="numeric"
            aria-label="Code from the app"
            placeholder="6-digit code from the app"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            data-testid="account-totp-code"
          />
          <button type="submit" className="button small primary" disabled={code === ''}>
            Turn on
          </button>
        </form>
      ) : null}
      {backupCodes ? (
        <div data-testid="account-backup-codes">
          <p>Keep these codes somewhere safe; each works once. They are shown only now.</p>
          <pre className="json">{backupCodes.join('\n')}</pre>
          <button
            type="button"
            className="button small primary"
            onClick={() => {
              void saveCodes.run(backupCodes).catch(() => undefined);
            }}
          >
            I saved them: turn backup codes on
          </button>
        </div>
      ) : null}
      {pendingVerification ? (
        <VerifyPrompt action={pendingVerification} testId="account-mfa" />
      ) : null}
      {error ? (
        <ErrorBox error={error} title="Two-factor authentication" testId="account-mfa-error" />
      ) : null}
    </Card>
  );
}
