import { AccountApiError } from './AccountApiError.js';
import type { AccountApiContext, AccountRoute } from './AccountRoute.js';
import { BodyGuard } from './BodyGuard.js';
import { readCodeIdentifier } from './readCodeIdentifier.js';
import type { VerificationRecord } from './VerificationRecords.js';

/** The 201 body of a new verification record. */
function created(record: VerificationRecord) {
  return {
    status: 201,
    body: {
      verificationRecordId: record.id,
      expiresAt: new Date(record.expiresAt).toISOString(),
    },
  };
}

/**
 * `/verifications/password` and `/verifications/verification-code[/verify]`, as in Logto's
 * `routes/verification/index.ts`. A password record, or a code record for the user's own email
 * or phone, proves the user's identity for 10 minutes (the `logto-verification-id` header); a
 * code record for a new email or phone proves only that the user owns it.
 *
 * The dev IdP sends no mail or SMS: codes are kept for `DevIdp.sentCodes()` and printed.
 */
export function verificationRoutes({ directory, records, log }: AccountApiContext): AccountRoute[] {
  return [
    {
      method: 'POST',
      path: '/verifications/password',
      handle: ({ caller, body }) => {
        const password = BodyGuard.of(body).string('password', { nonEmpty: true });
        if (!directory.verifyPassword(caller.user.username, password)) {
          throw new AccountApiError('session.invalid_credentials', 422);
        }
        return created(records.add({ type: 'Password', userId: caller.user.id, verified: true }));
      },
    },
    {
      method: 'POST',
      path: '/verifications/verification-code',
      handle: ({ caller, body }) => {
        const guard = BodyGuard.of(body);
        const identifier = readCodeIdentifier(guard);
        const templateType = guard.optionalString('templateType');
        if (
          templateType !== undefined &&
          templateType !== 'BindMfa' &&
          templateType !== 'UserPermissionValidation'
        ) {
          throw new AccountApiError('guard.invalid_input', 400, {
            interpolation: { type: 'body' },
            details: 'templateType: expected "BindMfa" or "UserPermissionValidation"',
          });
        }
        const { user } = caller;
        const own = identifier.type === 'email' ? user.email : user.phone;
        const record = records.sendCode(identifier, identifier.value === own ? user.id : undefined);
        // The console is the dev IdP's mailbox: this line is how a developer reads the code.
        log(`verification code ${record.code} "sent" to ${identifier.value} (${identifier.type})`);
        return created(record);
      },
    },
    {
      method: 'POST',
      path: '/verifications/verification-code/verify',
      handle: ({ body }) => {
        const guard = BodyGuard.of(body);
        const identifier = readCodeIdentifier(guard);
        const verificationId = guard.string('verificationId');
        const code = guard.string('code');
        records.verifyCode(verificationId, identifier, code);
        return { status: 200, body: { verificationRecordId: verificationId } };
      },
    },
  ];
}
