import { LogtoScope } from '../logtoConstants.js';
import { ensure } from './AccountApiError.js';
import type { AccountApiContext, AccountRoute } from './AccountRoute.js';
import { BodyGuard } from './BodyGuard.js';

/**
 * `GET`/`PATCH /my-account/mfa-settings` (`skipMfaOnSignIn`) and `/my-account/logto-configs`
 * (`mfa.skipped`), as in Logto's `routes/account/index.ts` and `logto-config.ts`. The dev IdP
 * keeps the flags and answers with them; its sign-in page does not ask for MFA.
 */
export function mfaSettingsRoutes({ seed, store }: AccountApiContext): AccountRoute[] {
  const { fields } = seed.accountCenter;
  return [
    {
      method: 'GET',
      path: '/my-account/mfa-settings',
      handle: ({ caller }) => {
        ensure(caller.scopes.has(LogtoScope.Identities), 'auth.unauthorized', 401);
        ensure(fields.mfa !== 'Off', 'account_center.field_not_enabled');
        const { skipMfaOnSignIn } = store.mfaFlags(caller.user.id);
        return { status: 200, body: { skipMfaOnSignIn } };
      },
    },
    {
      method: 'PATCH',
      path: '/my-account/mfa-settings',
      handle: ({ caller, body }) => {
        const skipMfaOnSignIn = BodyGuard.of(body).boolean('skipMfaOnSignIn');
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(caller.scopes.has(LogtoScope.Identities), 'auth.unauthorized', 401);
        ensure(fields.mfa === 'Edit', 'account_center.field_not_editable');
        store.mfaFlags(caller.user.id).skipMfaOnSignIn = skipMfaOnSignIn;
        return { status: 200, body: { skipMfaOnSignIn } };
      },
    },
    {
      method: 'GET',
      path: '/my-account/logto-configs',
      handle: ({ caller }) => {
        ensure(caller.scopes.has(LogtoScope.Identities), 'auth.unauthorized', 401);
        ensure(fields.mfa !== 'Off', 'account_center.field_not_enabled');
        return { status: 200, body: { mfa: { skipped: store.mfaFlags(caller.user.id).skipped } } };
      },
    },
    {
      method: 'PATCH',
      path: '/my-account/logto-configs',
      handle: ({ caller, body }) => {
        const mfa = BodyGuard.of(body).optionalObject('mfa');
        const skipped = (mfa ?? BodyGuard.of({})).boolean('skipped');
        ensure(caller.scopes.has(LogtoScope.Identities), 'auth.unauthorized', 401);
        ensure(fields.mfa === 'Edit', 'account_center.field_not_editable');
        store.mfaFlags(caller.user.id).skipped = skipped;
        return { status: 200, body: { mfa: { skipped } } };
      },
    },
  ];
}
