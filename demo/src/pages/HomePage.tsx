import type { ReactNode } from 'react';
import { Avatar } from '../components/Avatar.js';
import { Card } from '../components/Card.js';
import { ErrorBox } from '../components/ErrorBox.js';
import { Loading } from '../components/Loading.js';
import { displayName } from '../format.js';
import { useAction } from '../hooks.js';
import { useIdTokenClaims, useLogto } from 'logto-spa/react';
import { Link } from '../router.js';

const redirectUri = () => `${window.location.origin}/callback`;

/** Auth state, sign-in, sign-up and sign-out: the seed guide's home page, in React. */
export function HomePage() {
  const {
    isLoading,
    isAuthenticated,
    isSigningOut,
    error,
    signIn,
    signOut,
    signInWithPopup,
    reauthenticate,
    signInSilently,
    checkSession,
  } = useLogto();
  const claims = useIdTokenClaims();
  // Two open a popup: useAction calls them synchronously in the click handler, as browsers
  // require. All four run the functions main.tsx passed to <LogtoProvider signInWindows> (one
  // not passed would be undefined: its button would do nothing).
  const [startPopup, popup] = useAction(
    () => signInWithPopup?.({ postRedirectUri: '/' }) ?? Promise.resolve(undefined),
  );
  const [startConfirm, confirm] = useAction(() => reauthenticate?.() ?? Promise.resolve(undefined));
  const [startSilent, silent] = useAction(() => signInSilently?.() ?? Promise.resolve(undefined));
  const [startCheck, check] = useAction(() => checkSession?.() ?? Promise.resolve(undefined));
  const [startSignIn, signingIn] = useAction(() =>
    signIn({ redirectUri: redirectUri(), postRedirectUri: '/' }),
  );
  const [startSignUp, signingUp] = useAction(() =>
    signIn({ redirectUri: redirectUri(), postRedirectUri: '/', interactionMode: 'signUp' }),
  );
  const [startSignOut, signingOut] = useAction(() => signOut(`${window.location.origin}/`));
  const actionError =
    signingIn.error ??
    signingUp.error ??
    signingOut.error ??
    popup.error ??
    confirm.error ??
    silent.error ??
    check.error;
  // isSigningOut stays true after signOut() resolved, until the page has left for Logto.
  const leaving = signingOut.pending || isSigningOut;
  const busy =
    signingIn.pending || signingUp.pending || leaving || popup.pending || confirm.pending;

  return (
    <>
      <Card
        title="Session"
        subtitle="useLogto() → isLoading, isAuthenticated, signIn(), signOut()"
        testId="session-card"
      >
        {isLoading ? (
          <Loading text="Reading the stored session…" testId="session-loading" />
        ) : isAuthenticated && claims ? (
          <div className="greeting">
            <Avatar picture={claims.picture} name={displayName(claims)} />
            <div>
              <p className="greeting-title" data-testid="greeting">
                Hello, <span data-testid="user-name">{displayName(claims)}</span>!
              </p>
              <p className="muted">
                Signed in as <code>{claims.username ?? claims.sub}</code>. See your{' '}
                <Link to="/profile">profile</Link>, call the <Link to="/api">APIs</Link> or pick an{' '}
                <Link to="/organizations">organization</Link>.
              </p>
            </div>
          </div>
        ) : (
          <p className="muted" data-testid="signed-out-message">
            You are not signed in. Sign in with a seeded user (the terminal running{' '}
            <code>npm run demo</code> lists them), or create a new account.
          </p>
        )}
        {isLoading ? null : (
          <div className="button-row">
            {isAuthenticated ? (
              <>
                <ActionButton run={startSignOut} disabled={busy} testId="sign-out">
                  {leaving ? 'Signing out…' : 'Sign out'}
                </ActionButton>
                <ActionButton run={startConfirm} disabled={busy} testId="reauthenticate">
                  {confirm.pending ? 'Waiting for the popup…' : 'Confirm it’s you'}
                </ActionButton>
                <ActionButton
                  run={startCheck}
                  disabled={busy || check.pending}
                  testId="check-session"
                >
                  {check.pending ? 'Asking Logto…' : 'Still signed in at Logto?'}
                </ActionButton>
              </>
            ) : (
              <>
                <ActionButton run={startSignIn} disabled={busy} testId="sign-in" primary>
                  {signingIn.pending ? 'Redirecting…' : 'Sign in'}
                </ActionButton>
                <ActionButton run={startPopup} disabled={busy} testId="sign-in-popup">
                  {popup.pending ? 'Waiting for the popup…' : 'Sign in with a popup'}
                </ActionButton>
                <ActionButton
                  run={startSilent}
                  disabled={busy || silent.pending}
                  testId="sign-in-silently"
                >
                  {silent.pending ? 'Asking Logto…' : 'Try single sign-on'}
                </ActionButton>
                <ActionButton run={startSignUp} disabled={busy} testId="sign-up">
                  {signingUp.pending ? 'Redirecting…' : 'Sign up'}
                </ActionButton>
              </>
            )}
          </div>
        )}
        {isAuthenticated && confirm.result ? (
          <p className="muted" data-testid="reauthenticated">
            Confirmed: you signed in again at{' '}
            <time data-testid="auth-time" data-auth-time={confirm.result.claims.auth_time}>
              {new Date((confirm.result.claims.auth_time ?? 0) * 1000).toLocaleTimeString()}
            </time>
            . A sensitive action could go ahead now.
          </p>
        ) : null}
        {isAuthenticated && check.result === true ? (
          <p className="muted" data-testid="session-alive">
            Logto still has your session.
          </p>
        ) : null}
        {actionError === undefined ? null : (
          <ErrorBox error={actionError} title="That did not work" testId="action-error" />
        )}
        {error === undefined ? null : (
          <ErrorBox
            error={error}
            title={
              error.code === 'session_expired'
                ? 'Your session ended'
                : error.code.startsWith('callback_') || error.code === 'id_token_invalid'
                  ? 'The last sign-in attempt failed'
                  : 'Authentication error'
            }
            testId="auth-error"
          />
        )}
      </Card>

      <Card title="What this demo shows" subtitle="Each page uses one part of logto-spa/react.">
        <ul className="feature-list">
          <li>
            <Link to="/profile">Profile</Link> — ID-token claims (<code>useIdTokenClaims()</code>)
            and the userinfo endpoint (<code>useUserInfo()</code>), which adds{' '}
            <code>custom_data</code>, <code>identities</code> and <code>organization_data</code>.
          </li>
          <li>
            <Link to="/account">Account</Link> — the user changes their name, email, password and
            two-factor authentication through Logto&apos;s Account API (<code>useAccount()</code>,{' '}
            <code>useAccountAction()</code> from <code>logto-spa/account/react</code>).
          </li>
          <li>
            <Link to="/api">API</Link> — an access token per API resource (
            <code>useAccessToken(resource)</code>), refreshed automatically, sent to a protected
            endpoint that checks its signature, audience and scope.
          </li>
          <li>
            <Link to="/organizations">Organizations</Link> — organization tokens (
            <code>useOrganizationToken(id)</code>) for the organizations in your ID token.
          </li>
          <li>
            <Link to="/protected">Protected</Link> — a page wrapped in{' '}
            <code>&lt;Protected&gt;</code>: signed-out visitors go to sign-in and come back.
          </li>
        </ul>
      </Card>
    </>
  );
}

/** A button of the session card; `run` is called in the click handler itself (popups need that). */
function ActionButton(props: {
  run: () => void;
  disabled: boolean;
  testId: string;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={props.primary ? 'button primary' : 'button'}
      onClick={() => {
        props.run();
      }}
      disabled={props.disabled}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}
