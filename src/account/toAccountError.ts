import {
  LogtoAccountError,
  type IdentityVerificationMethod,
  type LogtoAccountErrorCode,
} from './LogtoAccountError.js';

/** What the caller knows about a refused request, for the error it becomes. */
export interface RefusalContext {
  /** The scope the operation needs beyond `openid profile`, to name it in `missing_scope`. */
  scope?: string | undefined;
  /** How the user can verify their identity, for `verification_required`. */
  verifyWith: readonly IdentityVerificationMethod[];
  /**
   * Logto codes that mean something more precise at this route: `verification_record.not_found`
   * is an expired code when verifying one, but an unknown factor when removing it.
   */
  meaning?: Readonly<Record<string, 'code_expired'>> | undefined;
}

/** The `UserScope` constant of a scope, so that the message says what to write. */
const scopeConstants: Record<string, string> = {
  profile: 'UserScope.Profile',
  email: 'UserScope.Email',
  phone: 'UserScope.Phone',
  address: 'UserScope.Address',
  custom_data: 'UserScope.CustomData',
  identities: 'UserScope.Identities',
  'urn:logto:scope:sessions': 'AccountScope.Sessions',
};

const consoleSetting = 'Logto Console › Account center';
const codeExpired = 'This code can no longer be used: send a new one';

/** Logto codes that say "this code is not the one we sent" (or there is none to check). */
const invalidCodes = new Set([
  'verification_code.code_mismatch',
  'verification_code.not_found',
  'verification_code.email_mismatch',
  'verification_code.phone_mismatch',
  'session.mfa.invalid_totp_code',
  'user.wrong_backup_code_format',
]);

const identifierInUse = new Set([
  'user.username_already_in_use',
  'user.email_already_in_use',
  'user.phone_already_in_use',
  'user.identity_already_in_use',
]);

/**
 * The one place where Logto's `/api` answers become typed errors: `status` and the JSON body
 * Logto sends (`{ code, message, data? }`, or a bare text for a route it does not have).
 *
 * Matches on Logto's `code`, never on its message (translated, and reworded between versions).
 * The message is Logto's own only for codes not mapped here; it never echoes request values.
 *
 * @param body the parsed JSON body, or `undefined` when there was none
 */
export function toAccountError(
  status: number,
  body: unknown,
  context: RefusalContext,
): LogtoAccountError {
  const { code: logtoCode, message: logtoMessage, data } = readBody(body);
  const make = (code: LogtoAccountErrorCode, message: string, extra = {}) =>
    new LogtoAccountError(code, message, { logtoCode, status, data, ...extra });

  if (status === 404 && logtoCode === undefined) {
    return make(
      'not_supported_by_server',
      'This Logto server does not have this Account API route (Logto 1.37 serves the sessions routes only with its dev features on)',
    );
  }
  if (status === 429 || logtoCode === 'session.verification_blocked_too_many_attempts') {
    return make('rate_limited', 'Too many attempts in a short time: wait a moment and try again');
  }
  if (logtoCode !== undefined && context.meaning?.[logtoCode] === 'code_expired') {
    return make('code_expired', codeExpired);
  }
  switch (logtoCode) {
    case 'account_center.not_enabled':
      return make(
        'account_center_disabled',
        `The account center is off for this Logto tenant: an admin must switch it on in ${consoleSetting}`,
      );
    case 'account_center.field_not_editable':
      return make(
        'account_field_read_only',
        `This field is read-only: an admin can set it to "Edit" in ${consoleSetting}`,
      );
    case 'account_center.field_not_enabled':
      return make(
        'account_field_disabled',
        `This field is off: an admin can turn it on in ${consoleSetting}`,
      );
    case 'auth.unauthorized':
      // Only meaningful for an operation that needs a scope; a token Logto does not accept at
      // all was already replaced once by the caller before this is reached.
      if (context.scope !== undefined) return missingScope(make, context.scope);
      break;
    case 'session.invalid_credentials':
      return make('wrong_password', 'The password is wrong');
    case 'verification_code.expired':
    case 'verification_code.exceed_max_try':
      return make('code_expired', codeExpired);
    case 'verification_record.permission_denied':
      return verificationRequired(context.verifyWith, { logtoCode, status });
  }
  if (logtoCode !== undefined && invalidCodes.has(logtoCode)) {
    return make('code_invalid', 'The code is wrong');
  }
  if (logtoCode !== undefined && identifierInUse.has(logtoCode)) {
    return make('identifier_in_use', 'Another account already uses this');
  }
  const what = logtoCode === undefined ? `HTTP ${status}` : logtoCode;
  const why = logtoMessage === undefined ? '' : `: ${logtoMessage}`;
  return make('account_request_failed', `Logto refused the request (${what})${why}`);
}

/** `verification_required`, naming the ways to get a verification. */
export function verificationRequired(
  verifyWith: readonly IdentityVerificationMethod[],
  details: { logtoCode?: string | undefined; status?: number | undefined } = {},
): LogtoAccountError {
  return new LogtoAccountError(
    'verification_required',
    'This change needs a fresh identity verification: call verifyPassword(password), or sendCode({ email }) then verifyCode(sent, code), then try again',
    { ...details, verifyWith },
  );
}

function missingScope(
  make: (code: LogtoAccountErrorCode, message: string, extra?: object) => LogtoAccountError,
  scope: string,
): LogtoAccountError {
  const constant = scopeConstants[scope];
  const hint = constant === undefined ? `'${scope}'` : `${constant} ('${scope}')`;
  return make(
    'missing_scope',
    `The access token lacks the "${scope}" scope: add ${hint} to LogtoConfig.scopes and sign in again`,
    { scope },
  );
}

function readBody(body: unknown): { code?: string; message?: string; data?: unknown } {
  if (typeof body !== 'object' || body === null) return {};
  const { code, message, data } = body as Record<string, unknown>;
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
    ...(data === undefined ? {} : { data }),
  };
}
