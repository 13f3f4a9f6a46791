import { useState } from 'react';
import { useAccount, useAccountAction } from 'logto-spa/account/react';
import { Card } from '../Card.js';
import { ErrorBox } from '../ErrorBox.js';

/** The display name: `updateAccount({ name })`, no verification needed. */
export function NameCard() {
  const { account } = useAccount();
  const [name, setName] = useState('');
  const rename = useAccountAction((client, value: string) => client.updateAccount({ name: value }));
  return (
    <Card
      title="Name"
      subtitle={<code>account.updateAccount({'{ name }'})</code>}
      testId="account-name-card"
    >
      <p>
        Current name: <strong data-testid="account-name">{account?.name ?? '—'}</strong>
      </p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          rename.run(name).then(
            () => setName(''),
            () => undefined,
          );
        }}
      >
        <input
          aria-label="New name"
          placeholder="New name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="account-name-input"
        />
        <button
          type="submit"
          className="button small primary"
          disabled={rename.isPending || name.trim() === ''}
          data-testid="account-name-save"
        >
          Save
        </button>
      </form>
      {rename.error ? (
        <ErrorBox
          error={rename.error}
          title="The name was not changed"
          testId="account-name-error"
        />
      ) : null}
    </Card>
  );
}
