import { Card } from '../components/Card.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { Loading } from '../components/Loading.js';
import { SignInPrompt } from '../components/SignInPrompt.js';
import { displayName } from '../format.js';
import { Protected, useIdTokenClaims } from 'logto-spa/react';

function Secret() {
  const claims = useIdTokenClaims();
  return (
    <Card title="Members only" testId="protected-content">
      <p className="secret">
        The secret recipe is ready for you, {claims ? displayName(claims) : 'friend'}.
      </p>
      <p className="muted">
        This page is wrapped in <code>&lt;Protected silent&gt;</code>. Visit it signed out while
        signed in at Logto and you are signed in on the spot; otherwise you are sent to sign-in,
        then brought back here.
      </p>
    </Card>
  );
}

/**
 * A page only signed-in users see. A signed-out visitor with a Logto session (same site) is
 * signed in silently; others are redirected to sign-in and back.
 */
export function ProtectedPage() {
  return (
    <Protected
      silent
      fallback={<Loading text="Signing you in…" testId="protected-redirecting" />}
      onError={(error) => (
        <>
          <ErrorBox error={error} title="Cannot show this page" testId="protected-error" />
          <SignInPrompt what="this page" />
        </>
      )}
    >
      <Secret />
    </Protected>
  );
}
