import { randomInt } from 'node:crypto';

import { LogtoScope } from '../logtoConstants.js';
import { AccountApiError, ensure } from './AccountApiError.js';
import type { AccountApiContext, AccountRoute, AccountRequest } from './AccountRoute.js';
import type { MfaVerification } from './AccountStore.js';
import { BodyGuard, invalidInput } from './BodyGuard.js';
import { totp } from './totp.js';

const backupCodeCount = 10;
const backupCodePattern = /^[\da-f]{10}$/i;

/** Logto's backup codes: ten codes of ten lower-case hexadecimal digits. */
function generateBackupCodes(): string[] {
  return Array.from({ length: backupCodeCount }, () =>
    Array.from({ length: 10 }, () => randomInt(16).toString(16)).join(''),
  );
}

/** A factor as `GET /my-account/mfa-verifications` lists it (never its secret or codes). */
function listed(verification: MfaVerification) {
  const { id, createdAt, type } = verification;
  if (verification.type === 'BackupCode') {
    const remainCodes = verification.codes.filter((code) => code.usedAt === undefined).length;
    return { id, createdAt, type, remainCodes };
  }
  if (verification.type === 'WebAuthn') {
    const { agent, name } = verification;
    return { id, createdAt, type, agent, ...(name === undefined ? {} : { name }) };
  }
  return { id, createdAt, type };
}

/**
 * `/my-account/mfa-verifications` (list, add TOTP / backup codes / passkey, rename, remove,
 * TOTP secret and backup code generation, backup codes read-back), as in Logto's
 * `routes/account/mfa-verifications.ts`. A factor must be enabled in the seed's
 * `signInExperience.mfa.factors`.
 */
export function mfaRoutes({ seed, store, records }: AccountApiContext): AccountRoute[] {
  const { fields } = seed.accountCenter;
  const guardChange = ({ caller }: AccountRequest) => {
    ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
    ensure(fields.mfa === 'Edit', 'account_center.field_not_editable');
    ensure(caller.scopes.has(LogtoScope.Identities), 'auth.unauthorized', 401);
  };

  const add = (request: AccountRequest) => {
    const guard = BodyGuard.of(request.body);
    const type = guard.string('type');
    const userId = request.caller.user.id;
    if (type === 'Totp') {
      const secret = guard.string('secret');
      const code = guard.optionalString('code') ?? undefined;
      guardChange(request);
      ensure(
        seed.signInExperience.mfa.factors.includes('Totp'),
        'session.mfa.mfa_factor_not_enabled',
      );
      ensure(!store.hasFactor(userId, 'Totp'), 'user.totp_already_in_use', 422);
      ensure(totp.isValidSecret(secret), 'user.totp_secret_invalid');
      // Logto checks the code only when one is given (an empty string counts as none).
      if (code) ensure(totp.check(secret, code), 'session.mfa.invalid_totp_code', 400);
      store.addMfaVerification(userId, { type: 'Totp', key: secret });
    } else if (type === 'BackupCode') {
      const codes = guard.stringArray('codes');
      guardChange(request);
      ensure(
        seed.signInExperience.mfa.factors.includes('BackupCode'),
        'session.mfa.mfa_factor_not_enabled',
      );
      const unusedLeft = store
        .mfaVerifications(userId)
        .some((v) => v.type === 'BackupCode' && v.codes.some((c) => c.usedAt === undefined));
      ensure(!unusedLeft, 'user.backup_code_already_in_use', 422);
      const otherFactor = store.mfaVerifications(userId).some((v) => v.type !== 'BackupCode');
      ensure(otherFactor, 'session.mfa.backup_code_can_not_be_alone', 422);
      ensure(
        codes.length === backupCodeCount && codes.every((c) => backupCodePattern.test(c)),
        'user.wrong_backup_code_format',
        422,
      );
      store.addMfaVerification(userId, {
        type: 'BackupCode',
        codes: codes.map((code) => ({ code })),
      });
    } else if (type === 'WebAuthn') {
      const recordId = guard.string('newIdentifierVerificationRecordId');
      const name = guard.optionalString('name') ?? undefined;
      guardChange(request);
      ensure(
        seed.signInExperience.mfa.factors.includes('WebAuthn'),
        'session.mfa.mfa_factor_not_enabled',
      );
      const record = records.get(recordId, 'WebAuthn');
      ensure(record.verified && record.credentialId !== undefined, 'verification_record.not_found');
      store.addMfaVerification(userId, {
        type: 'WebAuthn',
        credentialId: record.credentialId,
        agent: record.agent,
        ...(name === undefined ? {} : { name }),
      });
    } else {
      throw invalidInput('type', 'expected "Totp", "BackupCode" or "WebAuthn"');
    }
    return { status: 204 };
  };

  return [
    {
      method: 'GET',
      path: '/my-account/mfa-verifications',
      handle: ({ caller }) => {
        ensure(fields.mfa !== 'Off', 'account_center.field_not_enabled');
        ensure(caller.scopes.has(LogtoScope.Identities), 'auth.unauthorized', 401);
        return { status: 200, body: store.mfaVerifications(caller.user.id).map(listed) };
      },
    },
    { method: 'POST', path: '/my-account/mfa-verifications', handle: add },
    {
      method: 'POST',
      path: '/my-account/mfa-verifications/totp-secret/generate',
      handle: () => ({ status: 200, body: { secret: totp.generateSecret() } }),
    },
    {
      method: 'POST',
      path: '/my-account/mfa-verifications/backup-codes/generate',
      handle: () => ({ status: 200, body: { codes: generateBackupCodes() } }),
    },
    {
      method: 'GET',
      path: '/my-account/mfa-verifications/backup-codes',
      handle: ({ caller }) => {
        ensure(caller.identityVerified, 'verification_record.permission_denied', 401);
        ensure(caller.scopes.has(LogtoScope.Identities), 'auth.unauthorized', 401);
        const backup = store.mfaVerifications(caller.user.id).find((v) => v.type === 'BackupCode');
        if (backup?.type !== 'BackupCode') {
          throw new AccountApiError('verification_record.not_found', 404);
        }
        return { status: 200, body: { codes: backup.codes.map((code) => ({ ...code })) } };
      },
    },
    {
      method: 'PATCH',
      path: '/my-account/mfa-verifications/:verificationId/name',
      handle: (request) => {
        const name = BodyGuard.of(request.body).string('name');
        guardChange(request);
        const userId = request.caller.user.id;
        const found = store
          .mfaVerifications(userId)
          .find((v) => v.id === request.params.verificationId && v.type === 'WebAuthn');
        ensure(found?.type === 'WebAuthn', 'verification_record.not_found');
        store.replaceMfaVerification(userId, { ...found, name });
        return { status: 200 };
      },
    },
    {
      method: 'DELETE',
      path: '/my-account/mfa-verifications/:verificationId',
      handle: (request) => {
        guardChange(request);
        const removed = store.removeMfaVerification(
          request.caller.user.id,
          request.params.verificationId ?? '',
        );
        ensure(removed, 'verification_record.not_found');
        return { status: 204 };
      },
    },
  ];
}
