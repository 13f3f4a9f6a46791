import type { AuthSnapshot, IdTokenClaims } from '../core/index.js';
import type { MockedApi, MockMethodName } from './MockLogtoClient.js';

/** What the mock window functions need of a mock client's internals. */
export interface MockWindowHost {
  /** Records the call and throws the error configured for it. */
  enter<K extends MockMethodName>(method: K, args: Parameters<MockedApi[K]>): void;
  snapshot(): AuthSnapshot;
  /** Whether there is a session to read (the client's `isAuthenticated()`). */
  hasSession(): boolean;
  /** Signs the mock's user in with a fresh `auth_time`; returns the claims. */
  signInFresh(): IdTokenClaims;
  endSession(reason: 'signedOutElsewhere'): void;
  signedInAtLogto(): boolean;
}

/**
 * Each mock client's internals for `mockSignInWindows`, keyed by the mock. Kept here rather than
 * on the mock, so that its public API stays the client's (no method a window function could
 * take for its own), and so that only mocks made by `createMockClient` are accepted.
 */
export const mockWindowHosts = new WeakMap<object, MockWindowHost>();
