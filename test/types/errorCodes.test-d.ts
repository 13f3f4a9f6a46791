import { describe, expectTypeOf, it } from 'vitest';
import {
  LogtoCallbackError,
  LogtoDiscoveryError,
  LogtoError,
  LogtoUnexpectedError,
  LogtoWindowError,
  type LogtoCallbackErrorCode,
  type LogtoWindowErrorCode,
  type LogtoErrorCode,
} from '../../src/core/index.js';

describe('error codes narrow', () => {
  it('switch (error.code) narrows to one literal per case and is exhaustive', () => {
    const describeError = (error: LogtoError): string => {
      switch (error.code) {
        case 'network_error':
          expectTypeOf(error.code).toEqualTypeOf<'network_error'>();
          return 'offline';
        case 'session_expired':
          return 'sign in again';
        case 'config_invalid':
        case 'not_authenticated':
        case 'callback_state_mismatch':
        case 'callback_no_transaction':
        case 'callback_replayed':
        case 'callback_missing_code':
        case 'callback_error_response':
        case 'id_token_invalid':
        case 'token_endpoint_error':
        case 'response_invalid':
        case 'storage_error':
        case 'lock_timeout':
        case 'unexpected_error':
        case 'popup_blocked':
        case 'popup_closed':
        case 'popup_timeout':
        case 'login_required':
        case 'silent_sign_in_unavailable':
        case 'auth_time_stale':
        case 'origin_refused':
        case 'account_center_disabled':
        case 'account_field_read_only':
        case 'account_field_disabled':
        case 'missing_scope':
        case 'wrong_password':
        case 'code_invalid':
        case 'code_expired':
        case 'identifier_in_use':
        case 'rate_limited':
        case 'verification_required':
        case 'not_supported_by_server':
        case 'account_request_failed':
          return error.message;
        case 'discovery_failed':
          expectTypeOf(error.code).toEqualTypeOf<'discovery_failed'>();
          return 'check endpoint';
        default: {
          const unreachable: never = error.code;
          return unreachable;
        }
      }
    };
    expectTypeOf(describeError).returns.toBeString();
  });

  it('subclasses carry their own narrower codes and fields', () => {
    expectTypeOf<LogtoCallbackError['code']>().toEqualTypeOf<LogtoCallbackErrorCode>();
    expectTypeOf<LogtoCallbackErrorCode>().toExtend<LogtoErrorCode>();
    expectTypeOf<LogtoCallbackError['error']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<LogtoDiscoveryError['code']>().toEqualTypeOf<'discovery_failed'>();
    expectTypeOf<LogtoDiscoveryError['url']>().toEqualTypeOf<string>();
    expectTypeOf<LogtoDiscoveryError['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<LogtoUnexpectedError['cause']>().toEqualTypeOf<unknown>();
    expectTypeOf<LogtoWindowError['code']>().toEqualTypeOf<LogtoWindowErrorCode>();
    expectTypeOf<LogtoWindowErrorCode>().toEqualTypeOf<
      | 'popup_blocked'
      | 'popup_closed'
      | 'popup_timeout'
      | 'login_required'
      | 'silent_sign_in_unavailable'
      | 'auth_time_stale'
    >();
    // @ts-expect-error a made-up code is not a LogtoErrorCode
    expectTypeOf<'made_up_code'>().toExtend<LogtoErrorCode>();
  });
});
