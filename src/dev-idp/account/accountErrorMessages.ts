/**
 * The English messages of the Logto error codes the dev IdP's Account API answers with. The
 * codes are Logto's (clients match on them); the wording is the dev IdP's own.
 */
export const accountErrorMessages = {
  'account_center.not_enabled': 'The account center is switched off for this tenant.',
  'account_center.field_not_editable': 'This field cannot be changed through the account center.',
  'account_center.field_not_enabled': 'This field is switched off in the account center.',
  'auth.authorization_header_missing': 'The request has no Authorization header.',
  'auth.authorization_token_type_not_supported': 'Only Bearer tokens are accepted.',
  'auth.unauthorized': 'The access token is invalid or lacks the scope this request needs.',
  'auth.forbidden': 'The access token does not allow this request.',
  'connector.social_auth_code_invalid': 'The social provider did not accept this code.',
  'entity.not_found': 'No connector with this id.',
  'guard.invalid_input': 'The request {{type}} is not valid.',
  'oidc.session_not_found': 'No such session.',
  'oidc.invalid_session_account_id': 'The session belongs to another user.',
  'password.rejected': 'The new password does not meet the password policy.',
  'session.invalid_credentials': 'The password is wrong.',
  'session.mfa.invalid_totp_code': 'The TOTP code is wrong.',
  'session.mfa.mfa_factor_not_enabled': 'This MFA factor is not enabled in the sign-in experience.',
  'session.mfa.backup_code_can_not_be_alone':
    'Backup codes need another MFA factor to be set up first.',
  'user.backup_code_already_in_use': 'The user already has unused backup codes.',
  'user.email_already_in_use': 'Another account already uses this email address.',
  'user.identity_already_in_use': 'Another account is already linked to this social identity.',
  'user.identity_not_exist': 'The user has no identity for this connector.',
  'user.phone_already_in_use': 'Another account already uses this phone number.',
  'user.same_password': 'The new password is the current one.',
  'user.totp_already_in_use': 'The user already has a TOTP factor.',
  'user.totp_secret_invalid': 'The TOTP secret is not a valid base32 secret.',
  'user.username_already_in_use': 'Another account already uses this username.',
  'user.username_required': 'The username is a sign-up identifier and cannot be removed.',
  'user.wrong_backup_code_format': 'Backup codes must be ten codes of ten hexadecimal digits.',
  'verification_code.not_found': 'No pending verification code: send one first.',
  'verification_code.code_mismatch': 'The verification code is wrong.',
  'verification_code.email_mismatch': 'The code was sent to another email address.',
  'verification_code.phone_mismatch': 'The code was sent to another phone number.',
  'verification_code.expired': 'The verification code has expired: ask for a new one.',
  'verification_code.exceed_max_try': 'Too many wrong codes: ask for a new one.',
  'verification_record.not_found': 'No valid verification record with this id.',
  'verification_record.permission_denied':
    'This change needs a fresh verification (logto-verification-id header).',
} as const;

/** A Logto error code the dev IdP's Account API can answer with. */
export type AccountApiErrorCode = keyof typeof accountErrorMessages;
