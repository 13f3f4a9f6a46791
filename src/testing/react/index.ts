'use client';
/**
 * `logto-spa/testing/react`: `<MockLogtoProvider>`, the real `<LogtoProvider>` over a mock client,
 * plus everything `logto-spa/testing` exports, so a React test imports from one place.
 */
export { MockLogtoProvider, type MockLogtoProviderProps } from './MockLogtoProvider.js';
export {
  createMockClient,
  createUnsignedJwt,
  mockSignInWindows,
  type MockAccessToken,
  type MockAccessTokens,
  type MockCall,
  type MockClientOptions,
  type MockError,
  type MockErrors,
  type MockLogtoClient,
  type MockMethodName,
  type MockSignInWindows,
  type MockUser,
} from '../index.js';
