/**
 * React-side helpers for the integration tests: the core's harness (real dev IdP over HTTP, real
 * clients) plus a movable clock and the StrictMode render helpers of the unit tests.
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
  store,
  type TestClient,
} from '../core/harness.js';

/** A clock the test moves forward; starts at the real time so the IdP's tokens verify. */
export function testClock(): { now: () => number; advance: (seconds: number) => void } {
  let offset = 0;
  return {
    now: () => Date.now() / 1000 + offset,
    advance: (seconds: number) => {
      offset += seconds;
    },
  };
}

/** `waitFor` with room for real HTTP round trips to the dev IdP. */
export function eventually<T>(assertion: () => T): Promise<T> {
  return waitFor(assertion, { timeout: 5000 });
}

/** Puts the happy-dom window at `url` (same origin) without navigating. */
export function at(url: string): void {
  window.history.replaceState(null, '', url);
}
