import type { SeedUserAddress, SeedUserProfile } from '../DevIdpSeed.js';
import { LogtoScope } from '../logtoConstants.js';
import { AccountApiError, ensure } from './AccountApiError.js';
import { accountProfile, scopedUserProfile } from './accountProfile.js';
import type { AccountApiContext, AccountRoute } from './AccountRoute.js';
import { BodyGuard } from './BodyGuard.js';
import { userAddressKeys, userProfileStringKeys } from './userProfileKeys.js';

/** Logto's username rule (core-kit `usernameRegEx`). */
const usernamePattern = /^[A-Z_a-z]\w*$/;
/** Logto's default password policy length bounds. */
const passwordLength = { min: 8, max: 256 };

/**
 * `GET`/`PATCH /my-account`, `PATCH /my-account/profile` and `POST /my-account/password`, as
 * in Logto's `routes/account/index.ts`. Changes go to the user directory, so userinfo and the
 * next ID token carry them.
 */
export function profileRoutes({ seed, directory }: AccountApiContext): AccountRoute[] {
  const { fields } = seed.accountCenter;
  return [
    {
      method: 'GET',
      path: '/my-account',
      handle: ({ caller }) => ({
        status: 200,
        body: accountProfile(caller.user, caller.scopes, seed.accountCenter),
      }),
    },
    {
      method: 'PATCH',
      path: '/my-account',
      handle: ({ caller, body }) => {
        const guard = BodyGuard.of(body);
        const name = guard.optionalString('name', { nullable: true });
        const avatar = guard.optionalString('avatar', { nullable: true, url: true });
        const username = guard.optionalString('username', {
          nullable: true,
          pattern: usernamePattern,
        });
        const customData = guard.optionalJsonObject('customData');
        const editable = (value: unknown, control: string) =>
          value === undefined || control === 'Edit';
        ensure(editable(name, fields.name), 'account_center.field_not_editable');
        ensure(editable(avatar, fields.avatar), 'account_center.field_not_editable');
        ensure(editable(username, fields.username), 'account_center.field_not_editable');
        ensure(editable(customData, fields.customData), 'account_center.field_not_editable');
        ensure(caller.scopes.has(LogtoScope.Profile), 'auth.unauthorized');
        if (customData !== undefined) {
          ensure(caller.scopes.has(LogtoScope.CustomData), 'auth.unauthorized');
        }
        // The dev IdP signs up with a username, so it is a required identifier.
        if (username === null) throw new AccountApiError('user.username_required');
        if (username !== undefined) {
          const holder = directory.findByUsername(username);
          if (holder && holder.id !== caller.user.id) {
            throw new AccountApiError('user.username_already_in_use', 422);
          }
        }
        directory.updateUser(caller.user, {
          ...(name === undefined ? {} : { name }),
          ...(avatar === undefined ? {} : { picture: avatar }),
          ...(username === undefined ? {} : { username }),
          ...(customData === undefined ? {} : { customData }),
        });
        return {
          status: 200,
          body: accountProfile(caller.user, caller.scopes, seed.accountCenter),
        };
      },
    },
    {
      method: 'PATCH',
      path: '/my-account/profile',
      handle: ({ caller, body }) => {
        const changes = readProfile(BodyGuard.of(body));
        ensure(fields.profile === 'Edit', 'account_center.field_not_editable');
        ensure(caller.scopes.has(LogtoScope.Profile), 'auth.unauthorized');
        if (changes.address !== undefined) {
          ensure(caller.scopes.has(LogtoScope.Address), 'auth.unauthorized');
        }
        // A shallow merge, as Logto's JSONB update: a new address replaces the old one.
        directory.updateUser(caller.user, { profile: { ...caller.user.profile, ...changes } });
        return { status: 200, body: scopedUserProfile(caller.user, caller.scopes) };
      },
    },
    {
      method: 'POST',
      path: '/my-account/password',
      handle: ({ caller, body }) => {
        const password = BodyGuard.of(body).string('password', { nonEmpty: true });
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(fields.password === 'Edit', 'account_center.field_not_editable');
        if (password.length < passwordLength.min || password.length > passwordLength.max) {
          const tooShort = password.length < passwordLength.min;
          throw new AccountApiError('password.rejected', 422, {
            data: [
              tooShort
                ? {
                    code: 'password_rejected.too_short',
                    interpolation: { min: passwordLength.min },
                  }
                : {
                    code: 'password_rejected.too_long',
                    interpolation: { max: passwordLength.max },
                  },
            ],
          });
        }
        if (directory.verifyPassword(caller.user.username, password)) {
          throw new AccountApiError('user.same_password', 422);
        }
        directory.updateUser(caller.user, { password });
        return { status: 204 };
      },
    },
  ];
}

function readProfile(guard: BodyGuard): SeedUserProfile {
  const profile: SeedUserProfile = {};
  for (const key of userProfileStringKeys) {
    const value = guard.optionalString(key);
    if (typeof value === 'string') profile[key] = value;
  }
  const addressGuard = guard.optionalObject('address');
  if (addressGuard) {
    const address: SeedUserAddress = {};
    for (const key of userAddressKeys) {
      const value = addressGuard.optionalString(key);
      if (typeof value === 'string') address[key] = value;
    }
    profile.address = address;
  }
  return profile;
}
