/**
 * React-side helpers for the integration tests: the core's harness (real dev IdP over HTTP, real
 * clients, a movable clock) plus the StrictMode render helpers of the unit tests.
 */
import { waitFor } from '@testing-library/react';

export { renderHookStrict, renderStrict } from '../../unit/react/renderStrict.js';
export {
  alice,
  bob,
  postSignOutUri,
  redirectUri,
  setUpTestIdp,
  shopping,
  signIn,
  signInUntilCallback,
  spendRefreshTokenElsewhere,
  store,
  testClock,
  type TestClient,
} from '../core/harness.js';

/** `waitFor` with room for real HTTP round trips to the dev IdP. */
export function eventually<T>(assertion: () => T): Promise<T> {
  return waitFor(assertion, { timeout: 5000 });
}

/** Puts the happy-dom window at `url` (same origin) without navigating. */
export function at(url: string): void {
  window.history.replaceState(null, '', url);
}
