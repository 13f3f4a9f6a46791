import { useState } from 'react';
import { useAccountAction } from 'logto-spa/account/react';
import { ErrorBox } from '../ErrorBox.js';

/**
 * Shown when `action` failed with `verification_required`: asks for the current password once,
 * verifies it (the record then serves every change on the page for ten minutes) and retries.
 */
export function VerifyPrompt(props: {
  /** A `useAccountAction` result (any arguments). */
  action: { needsVerification: boolean; retry: () => Promise<unknown>; reset: () => void };
  testId: string;
}) {
  const { action, testId } = props;
  const [password, setPassword] = useState('');
  const verify = useAccountAction((account, value: string) => account.verifyPassword(value));
  if (!action.needsVerification) return null;
  const submit = async () => {
    await verify.run(password);
    setPassword('');
    await action.retry();
  };
  return (
    <form
      className="inline-form"
      data-testid={`${testId}-verify`}
      onSubmit={(event) => {
        event.preventDefault();
        submit().catch(() => undefined);
      }}
    >
      <span>Confirm it is you: your current password</span>
      <input
        type="password"
        autoComplete="current-password"
        aria-label="Current password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        data-testid={`${testId}-verify-password`}
      />
      <button type="submit" className="button small primary" disabled={verify.isPending}>
        Verify and continue
      </button>
      <button type="button" className="button small" onClick={action.reset}>
        Cancel
      </button>
      {verify.error ? (
        <ErrorBox error={verify.error} title="Not verified" testId={`${testId}-verify-error`} />
      ) : null}
    </form>
  );
}
