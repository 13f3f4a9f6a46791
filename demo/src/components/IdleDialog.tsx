import { useIdleTimer } from 'logto-spa/idle/react';

/**
 * The idle sign-out countdown, from `useIdleTimer()`: shown in every tab during the warning. Any
 * activity (in any tab) or "Stay signed in" ends it everywhere.
 */
export function IdleDialog() {
  const { warning, secondsLeft, stayActive } = useIdleTimer();
  if (!warning) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-text"
        data-testid="idle-dialog"
      >
        <h2 id="idle-title">Are you still there?</h2>
        <p id="idle-text">
          You will be signed out in <strong data-testid="idle-seconds">{secondsLeft}</strong> s, in
          every tab of this app.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            onClick={stayActive}
            data-testid="idle-stay"
            autoFocus
          >
            Stay signed in
          </button>
        </div>
      </div>
    </div>
  );
}
