import { LogtoScope } from '../logtoConstants.js';
import { AccountApiError, ensure } from './AccountApiError.js';
import type { AccountApiContext, AccountRoute } from './AccountRoute.js';
import { BodyGuard } from './BodyGuard.js';

/**
 * `POST /my-account/identities` (link a social identity proven by a social verification
 * record) and `DELETE /my-account/identities/:target` (unlink), as in Logto's
 * `routes/account/identities.ts`. The only social connector is the dev IdP's own "dev social"
 * provider (see `devSocialRoutes`).
 */
export function identityRoutes({ seed, directory, records }: AccountApiContext): AccountRoute[] {
  const { fields } = seed.accountCenter;
  return [
    {
      method: 'POST',
      path: '/my-account/identities',
      handle: ({ caller, body }) => {
        const recordId = BodyGuard.of(body).string('newIdentifierVerificationRecordId');
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(fields.social === 'Edit', 'account_center.field_not_editable');
        ensure(caller.scopes.has(LogtoScope.Identities), 'auth.unauthorized');
        const record = records.get(recordId, 'Social');
        ensure(
          record.verified && record.socialUserId !== undefined,
          'verification_record.not_found',
        );
        const { target, socialUserId } = record;
        const holder = directory.users.find(
          (user) =>
            user.id !== caller.user.id && identityUserId(user.identities[target]) === socialUserId,
        );
        if (holder) throw new AccountApiError('user.identity_already_in_use', 422);
        ensure(caller.user.identities[target] === undefined, 'user.identity_already_in_use');
        directory.updateUser(caller.user, {
          identities: {
            ...caller.user.identities,
            [target]: { userId: socialUserId, details: { id: socialUserId } },
          },
        });
        return { status: 204 };
      },
    },
    {
      method: 'DELETE',
      path: '/my-account/identities/:target',
      handle: ({ caller, params }) => {
        const target = params.target ?? '';
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(fields.social === 'Edit', 'account_center.field_not_editable');
        ensure(caller.scopes.has(LogtoScope.Identities), 'auth.unauthorized');
        if (!Object.hasOwn(caller.user.identities, target)) {
          throw new AccountApiError('user.identity_not_exist', 404);
        }
        const { [target]: _removed, ...rest } = caller.user.identities;
        directory.updateUser(caller.user, { identities: rest });
        return { status: 204 };
      },
    },
  ];
}

function identityUserId(identity: unknown): unknown {
  return typeof identity === 'object' && identity !== null && 'userId' in identity
    ? identity.userId
    : undefined;
}
