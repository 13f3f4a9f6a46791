import { describe, expect, it } from 'vitest';
import { LogtoAccountError } from '../../../src/account/index.js';
import { toAccountError } from '../../../src/account/toAccountError.js';
import { LogtoError } from '../../../src/core/index.js';

const context = { verifyWith: ['password'] as const };
const logto = (code: string, message = 'Logto says no.', data?: unknown) => ({
  code,
  message,
  ...(data === undefined ? {} : { data }),
});

describe("Logto's /api errors become typed errors", () => {
  it.each([
    [400, 'account_center.not_enabled', 'account_center_disabled'],
    [400, 'account_center.field_not_editable', 'account_field_read_only'],
    [400, 'account_center.field_not_enabled', 'account_field_disabled'],
    [422, 'session.invalid_credentials', 'wrong_password'],
    [400, 'verification_code.code_mismatch', 'code_invalid'],
    [400, 'verification_code.email_mismatch', 'code_invalid'],
    [400, 'session.mfa.invalid_totp_code', 'code_invalid'],
    [400, 'verification_code.expired', 'code_expired'],
    [400, 'verification_code.exceed_max_try', 'code_expired'],
    [422, 'user.username_already_in_use', 'identifier_in_use'],
    [422, 'user.email_already_in_use', 'identifier_in_use'],
    [422, 'user.phone_already_in_use', 'identifier_in_use'],
    [422, 'user.identity_already_in_use', 'identifier_in_use'],
    [400, 'session.verification_blocked_too_many_attempts', 'rate_limited'],
    [401, 'verification_record.permission_denied', 'verification_required'],
    [422, 'password.rejected', 'account_request_failed'],
  ])('%i %s → %s', (status, logtoCode, code) => {
    const error = toAccountError(status, logto(logtoCode), context);

    expect(error).toBeInstanceOf(LogtoAccountError);
    expect(error).toBeInstanceOf(LogtoError);
    expect(error).toMatchObject({ code, logtoCode, status, name: 'LogtoAccountError' });
  });

  it('names the admin setting for the account center and its fields', () => {
    for (const code of ['account_center.not_enabled', 'account_center.field_not_editable']) {
      expect(toAccountError(400, logto(code), context).message).toContain(
        'Logto Console › Account center',
      );
    }
  });

  it('auth.unauthorized for an operation that needs a scope: missing_scope naming it', () => {
    const error = toAccountError(400, logto('auth.unauthorized'), {
      ...context,
      scope: 'custom_data',
    });

    expect(error).toMatchObject({ code: 'missing_scope', scope: 'custom_data' });
    expect(error.message).toContain("UserScope.CustomData ('custom_data')");
    expect(error.message).toContain('LogtoConfig.scopes');
  });

  it('auth.unauthorized with no scope to blame stays a failed request', () => {
    expect(toAccountError(401, logto('auth.unauthorized'), context).code).toBe(
      'account_request_failed',
    );
  });

  it('a 404 with no Logto code is a route the server lacks: not_supported_by_server', () => {
    expect(toAccountError(404, undefined, context).code).toBe('not_supported_by_server');
    expect(toAccountError(404, logto('oidc.session_not_found'), context).code).toBe(
      'account_request_failed',
    );
  });

  it('429 is rate_limited whatever the body', () => {
    expect(toAccountError(429, undefined, context).code).toBe('rate_limited');
  });

  it('verification_required carries how to verify', () => {
    const error = toAccountError(401, logto('verification_record.permission_denied'), {
      verifyWith: ['password', 'emailCode'],
    });

    expect(error.verifyWith).toEqual(['password', 'emailCode']);
    expect(error.message).toContain('verifyPassword(password)');
    expect(error.message).toContain('sendCode({ email })');
  });

  it('a route-specific meaning wins: an expired code’s record is gone', () => {
    const error = toAccountError(400, logto('verification_record.not_found'), {
      ...context,
      meaning: { 'verification_record.not_found': 'code_expired' },
    });

    expect(error.code).toBe('code_expired');
  });

  it('keeps Logto’s structured data and its message only for unmapped codes', () => {
    const data = [{ code: 'password_rejected.too_short', interpolation: { min: 8 } }];
    const rejected = toAccountError(422, logto('password.rejected', 'Too weak.', data), context);
    const wrong = toAccountError(422, logto('session.invalid_credentials', 'secret-ish'), context);

    expect(rejected.data).toEqual(data);
    expect(rejected.message).toBe('Logto refused the request (password.rejected): Too weak.');
    expect(wrong.message).not.toContain('secret-ish');
  });

  it('an answer that is not Logto’s shape says its status', () => {
    expect(toAccountError(502, 'Bad gateway', context)).toMatchObject({
      code: 'account_request_failed',
      logtoCode: undefined,
      message: 'Logto refused the request (HTTP 502)',
    });
  });
});
