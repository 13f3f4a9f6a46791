'use client';
/**
 * `logto-spa/testing`: a mock client and provider, so app developers can test components that
 * use Logto sign-in without an identity provider, signed in or out, including errors.
 */
export { createMockClient } from './createMockClient.js';
export { MockLogtoProvider, type MockLogtoProviderProps } from './MockLogtoProvider.js';
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
