import { useState } from 'react';
import { useAccountAction } from 'logto-spa/account/react';
import { Card } from '../Card.js';
import { ErrorBox } from '../ErrorBox.js';
import { VerifyPrompt } from './VerifyPrompt.js';

/**
 * The password: `changePassword` needs a fresh identity verification; the first attempt
 * fails with `verification_required`, the page asks for the current password once, retries.
 */
export function PasswordCard() {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  // Marks success inside the action, so that the retry after the verification marks it too.
  const change = useAccountAction(async (client, value: string) => {
    await client.changePassword(value);
    setPassword('');
    setDone(true);
  });
  return (
    <Card
      title="Password"
      subtitle={<code>account.changePassword(newPassword)</code>}
      testId="account-password-card"
    >
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setDone(false);
          change.run(password).catch(() => undefined);
        }}
      >
        <input
          type="password"
          autoComplete="new-password"
          aria-label="New password"
          placeholder="New password (8 characters or more)"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          data-testid="account-password-input"
        />
        <button
          type="submit"
          className="button small primary"
          disabled={change.isPending || password === ''}
          data-testid="account-password-save"
        >
          Change password
        </button>
      </form>
      <VerifyPrompt action={change} testId="account-password" />
      {done && !change.isPending ? (
        <p className="muted" data-testid="account-password-done">
          Password changed. Use it at your next sign-in.
        </p>
      ) : null}
      {change.error && !change.needsVerification ? (
        <ErrorBox
          error={change.error}
          title="The password was not changed"
          testId="account-password-error"
        />
      ) : null}
    </Card>
  );
}
