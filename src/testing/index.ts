/**
 * `logto-spa/testing`: a mock client, so app developers can test code that uses Logto sign-in
 * without an identity provider, signed in or out, including errors, and stand-ins for the
 * popup and silent sign-in functions bound to it. It imports no React: Vue, Svelte and plain-JS
 * projects use it as it is. `<MockLogtoProvider>` is in `logto-spa/testing/react`.
 */
export { createMockClient } from './createMockClient.js';
export { mockSignInWindows, type MockSignInWindows } from './mockSignInWindows.js';
export { createUnsignedJwt } from './createUnsignedJwt.js';
export type {
  MockAccessToken,
  MockAccessTokens,
  MockCall,
  MockClientOptions,
  MockError,
  MockErrors,
  MockLogtoClient,
  MockMethodName,
  MockUser,
} from './MockLogtoClient.js';
