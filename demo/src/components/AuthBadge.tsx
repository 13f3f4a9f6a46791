import { useLogto } from 'logto-spa/react';

/** Signed in / signed out / loading, as a coloured pill. `data-state` is for tests. */
export function AuthBadge() {
  const { isLoading, isAuthenticated } = useLogto();
  const state = isLoading ? 'loading' : isAuthenticated ? 'signed-in' : 'signed-out';
  const label = { loading: 'Loading…', 'signed-in': 'Signed in', 'signed-out': 'Signed out' }[
    state
  ];
  return (
    <span className={`badge badge-${state}`} data-testid="auth-state" data-state={state}>
      <span className="badge-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
