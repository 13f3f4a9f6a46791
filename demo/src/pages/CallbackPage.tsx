import { useState } from 'react';
import { Card } from '../components/Card.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { Loading } from '../components/Loading.js';
import { sanitizeReturnPath, useHandleSignInCallback } from 'logto-spa/react';
import { Link, navigate } from '../router.js';

function hasCallbackParams(url: string): boolean {
  const { searchParams } = new URL(url);
  return ['code', 'state', 'error'].some((name) => searchParams.has(name));
}

/** The redirect URI (`/callback`): finishes the sign-in, then goes back where it started. */
export function CallbackPage() {
  // The hook removes code and state from the address bar: remember what we arrived with.
  const [arrivedWithParams] = useState(() => hasCallbackParams(window.location.href));
  const [handled, setHandled] = useState(false);
  const { isLoading, error } = useHandleSignInCallback(({ postRedirectUri }) => {
    setHandled(true);
    // Only a same-origin path: a tampered postRedirectUri must not send the user elsewhere.
    navigate(sanitizeReturnPath(postRedirectUri), { replace: true });
  });

  if (error !== undefined) {
    return (
      <Card title="Sign-in failed">
        <ErrorBox error={error} title="The sign-in response was refused" testId="callback-error">
          <p className="muted">
            Nothing was stored. This happens when the response was forged or replayed, when it
            belongs to a sign-in started in another browser, or when Logto refused the sign-in.
          </p>
        </ErrorBox>
        <div className="button-row">
          <Link className="button" to="/">
            Back to home
          </Link>
        </div>
      </Card>
    );
  }
  if (isLoading || handled) {
    return <Loading text="Signing you in…" testId="callback-loading" />;
  }
  if (arrivedWithParams) {
    // The SDK ignores a response it cannot tie to this app (no matching state, no issuer).
    return (
      <Card title="Sign-in failed">
        <ErrorBox
          error={{
            code: 'callback_not_recognised',
            message:
              'This sign-in response does not match any sign-in started in this browser, so it was ignored.',
          }}
          title="Unknown sign-in response"
          testId="callback-error"
        />
        <div className="button-row">
          <Link className="button" to="/">
            Back to home
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card title="Nothing to do here" testId="callback-idle">
      <p className="muted">
        This is the redirect URI: Logto sends you here after sign-in. There is no sign-in response
        in the address.
      </p>
      <Link className="button" to="/">
        Back to home
      </Link>
    </Card>
  );
}
