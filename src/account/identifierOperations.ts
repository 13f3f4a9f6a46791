import type { AccountApi } from './AccountApi.js';
import type { VerifiedCode } from './CodeVerification.js';

/** The primary email and phone: the account client's third part. */
export interface IdentifierOperations {
  /**
   * Makes the verified address the primary email (adds or replaces it). Needs
   * `UserScope.Email` and the identity verification.
   *
   * @param verified from `verifyCode` on a code sent to the new address
   * @throws LogtoAccountError `verification_required`, `identifier_in_use`, `missing_scope`,
   *   `account_field_read_only`
   */
  setPrimaryEmail(verified: VerifiedCode<'email'>): Promise<void>;
  /** Removes the primary email. Needs `UserScope.Email` and the identity verification. */
  removePrimaryEmail(): Promise<void>;
  /** Makes the verified number the primary phone; like {@link setPrimaryEmail}, with `UserScope.Phone`. */
  setPrimaryPhone(verified: VerifiedCode<'phone'>): Promise<void>;
  /** Removes the primary phone. Needs `UserScope.Phone` and the identity verification. */
  removePrimaryPhone(): Promise<void>;
}

/** The primary email and phone operations over `api`. */
export function identifierOperations(api: AccountApi): IdentifierOperations {
  const set = async (kind: 'email' | 'phone', verified: VerifiedCode) => {
    await api.send({
      method: 'POST',
      path: `/my-account/primary-${kind}`,
      body: {
        [kind]: verified.identifier.value,
        newIdentifierVerificationRecordId: verified.verificationRecordId,
      },
      scope: kind,
      verified: true,
      changes: true,
      // The code's record is gone: its ten minutes are over.
      meaning: { 'verification_record.not_found': 'code_expired' },
    });
  };
  const remove = async (kind: 'email' | 'phone') => {
    await api.send({
      method: 'DELETE',
      path: `/my-account/primary-${kind}`,
      scope: kind,
      verified: true,
      changes: true,
    });
  };
  return {
    setPrimaryEmail: (verified) => set('email', verified),
    removePrimaryEmail: () => remove('email'),
    setPrimaryPhone: (verified) => set('phone', verified),
    removePrimaryPhone: () => remove('phone'),
  };
}
