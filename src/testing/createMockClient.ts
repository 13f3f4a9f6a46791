import { MockClient } from './MockClient.js';
import type { MockClientOptions, MockLogtoClient } from './MockLogtoClient.js';

/**
 * Creates a {@link MockLogtoClient}: the full `LogtoClient` API for tests of your components,
 * signed in or out, with no network and no storage. `signIn` and `signOut` record the call
 * instead of leaving the page. For popup and silent sign-in, pass `mockSignInWindows(mock)`
 * where the app takes `signInWithPopup` and friends.
 *
 * @example
 * ```ts
 * const mock = createMockClient({
 *   user: { sub: 'u1', name: 'Ada' },
 *   accessTokens: { 'https://api.example.com': { scope: 'read:orders' } },
 *   errors: { fetchUserInfo: new LogtoNetworkError('https://mock.logto.app/oidc/me', undefined) },
 * });
 * await mock.getAccessTokenClaims('https://api.example.com'); // { scope: 'read:orders', sub: 'u1', ... }
 * await mock.signOut('http://localhost/');
 * mock.callsOf('signOut'); // [['http://localhost/']]
 * ```
 */
export function createMockClient(options: MockClientOptions = {}): MockLogtoClient {
  return new MockClient(options);
}
