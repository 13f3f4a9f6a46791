import { Card } from './Card.js';
import { ErrorBox } from './ErrorBox.js';
import { useAction } from '../hooks.js';
import { useLogto } from 'logto-spa/react';

/** Shown instead of a page's content when signed out: a sign-in button that returns here. */
export function SignInPrompt(props: { what: string }) {
  const { signIn } = useLogto();
  const [start, { pending, error }] = useAction(() =>
    signIn({
      redirectUri: `${window.location.origin}/callback`,
      postRedirectUri: window.location.pathname,
    }),
  );
  return (
    <Card title="Sign in required" testId="sign-in-prompt">
      <p>Sign in to see {props.what}. You will come back to this page afterwards.</p>
      <button
        type="button"
        className="button primary"
        onClick={() => {
          start();
        }}
        disabled={pending}
        data-testid="sign-in-prompt-button"
      >
        {pending ? 'Redirecting…' : 'Sign in'}
      </button>
      {error === undefined ? null : (
        <ErrorBox error={error} title="Could not start sign-in" testId="sign-in-error" />
      )}
    </Card>
  );
}
