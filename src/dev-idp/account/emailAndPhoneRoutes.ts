import { LogtoScope } from '../logtoConstants.js';
import { AccountApiError, ensure } from './AccountApiError.js';
import type { AccountApiContext, AccountRoute } from './AccountRoute.js';
import { BodyGuard } from './BodyGuard.js';
import { emailPattern, phonePattern } from './readCodeIdentifier.js';

/**
 * `POST`/`DELETE /my-account/primary-email` and `/my-account/primary-phone`, as in Logto's
 * `routes/account/email-and-phone.ts`: the `logto-verification-id` header must prove the
 * user's identity, and a new address needs its own verified code record
 * (`newIdentifierVerificationRecordId`). The dev IdP signs up with a username, so removing an
 * email or a phone is always allowed (Logto refuses it when it is a sign-up identifier).
 */
export function emailAndPhoneRoutes({
  seed,
  directory,
  records,
}: AccountApiContext): AccountRoute[] {
  const { fields } = seed.accountCenter;
  return [
    {
      method: 'POST',
      path: '/my-account/primary-email',
      handle: ({ caller, body }) => {
        const guard = BodyGuard.of(body);
        const email = guard.string('email', { pattern: emailPattern });
        const recordId = guard.string('newIdentifierVerificationRecordId');
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(fields.email === 'Edit', 'account_center.field_not_editable');
        ensure(caller.scopes.has(LogtoScope.Email), 'auth.unauthorized');
        const record = records.get(recordId, 'EmailVerificationCode');
        ensure(record.verified, 'verification_record.not_found');
        ensure(record.identifier.value === email, 'verification_record.not_found');
        const holder = directory.findByEmail(email);
        if (holder && holder.id !== caller.user.id) {
          throw new AccountApiError('user.email_already_in_use', 422);
        }
        directory.updateUser(caller.user, { email, emailVerified: true });
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      path: '/my-account/primary-email',
      handle: ({ caller }) => {
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(fields.email === 'Edit', 'account_center.field_not_editable');
        ensure(caller.scopes.has(LogtoScope.Email), 'auth.unauthorized');
        directory.updateUser(caller.user, { email: null, emailVerified: false });
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/my-account/primary-phone',
      handle: ({ caller, body }) => {
        const guard = BodyGuard.of(body);
        const phone = guard.string('phone', { pattern: phonePattern });
        const recordId = guard.string('newIdentifierVerificationRecordId');
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(fields.phone === 'Edit', 'account_center.field_not_editable');
        ensure(caller.scopes.has(LogtoScope.Phone), 'auth.unauthorized');
        const record = records.get(recordId, 'PhoneVerificationCode');
        ensure(record.verified, 'verification_record.not_found');
        ensure(record.identifier.value === phone, 'verification_record.not_found');
        const holder = directory.findByPhone(phone);
        if (holder && holder.id !== caller.user.id) {
          throw new AccountApiError('user.phone_already_in_use', 422);
        }
        directory.updateUser(caller.user, { phone, phoneVerified: true });
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      path: '/my-account/primary-phone',
      handle: ({ caller }) => {
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(fields.phone === 'Edit', 'account_center.field_not_editable');
        ensure(caller.scopes.has(LogtoScope.Phone), 'auth.unauthorized');
        directory.updateUser(caller.user, { phone: null, phoneVerified: false });
        return { status: 204 };
      },
    },
  ];
}
