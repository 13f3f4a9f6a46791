import type { ReactNode } from 'react';
import { Protected, useLogto } from 'logto-spa/react';
import { ErrorBox } from './ErrorBox.js';
import { Loading } from './Loading.js';
import { SignInPrompt } from './SignInPrompt.js';

/**
 * `<Protected redirect={false}>`: the children for a signed-in user, otherwise a sign-in button
 * (and the reason, when the session ended with an error) instead of an automatic redirect.
 */
export function RequireSignIn(props: { what: string; children: ReactNode }) {
  const { isLoading } = useLogto();
  if (isLoading) return <Loading text="Reading the stored session…" testId="session-loading" />;
  return (
    <Protected
      redirect={false}
      fallback={<SignInPrompt what={props.what} />}
      onError={(error) => (
        <>
          <ErrorBox error={error} title="You were signed out" testId="session-error" />
          <SignInPrompt what={props.what} />
        </>
      )}
    >
      {props.children}
    </Protected>
  );
}
