import { describe, expectTypeOf, it } from 'vitest';
import type { LogtoError } from '../../src/core/index.js';
import type {
  ProtectedProps,
  UseAccessTokenResult,
  UseHandleSignInCallbackResult,
  UseLogtoResult,
  UseUserInfoResult,
} from '../../src/react/index.js';

describe('the React bindings hand out LogtoError, narrowable by code', () => {
  it('every hook error and onError', () => {
    expectTypeOf<UseLogtoResult['error']>().toEqualTypeOf<LogtoError | undefined>();
    expectTypeOf<UseAccessTokenResult['error']>().toEqualTypeOf<LogtoError | undefined>();
    expectTypeOf<UseUserInfoResult['error']>().toEqualTypeOf<LogtoError | undefined>();
    expectTypeOf<UseHandleSignInCallbackResult['error']>().toEqualTypeOf<LogtoError | undefined>();
    expectTypeOf<NonNullable<ProtectedProps['onError']>>().parameter(0).toEqualTypeOf<LogtoError>();
    const onError: ProtectedProps['onError'] = (error) =>
      error.code === 'session_expired' ? 'sign in again' : error.message;
    expectTypeOf(onError).not.toBeUndefined();
  });
});
