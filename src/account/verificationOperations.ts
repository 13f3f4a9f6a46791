import type { Account } from './Account.js';
import type { AccountApi } from './AccountApi.js';
import type { CodeIdentifier, CodeTarget, SentCode, VerifiedCode } from './CodeVerification.js';
import { readAnswer } from './readAnswer.js';

/** Proving the user's identity, and that an address is theirs: the account client's second part. */
export interface VerificationOperations {
  /**
   * Verifies the user's identity by their password. The record is kept (memory only) and sent
   * with every sensitive change for its ten minutes: ask for the password once.
   *
   * @throws LogtoAccountError `wrong_password`, `rate_limited`
   */
  verifyPassword(password: string): Promise<void>;
  /**
   * Sends a verification code to an email address or a phone number: the user's own (to verify
   * their identity) or a new one (to prove they own it before `setPrimaryEmail`/`setPrimaryPhone`).
   *
   * @throws LogtoAccountError `rate_limited`, `account_request_failed` (`guard.invalid_input`:
   *   not an email or a phone number)
   */
  sendCode<Target extends CodeTarget>(
    target: Target,
  ): Promise<SentCode<Target extends { email: string } ? 'email' : 'phone'>>;
  /**
   * Checks the code the user received. A code sent to the user's own email or phone also
   * verifies their identity, like `verifyPassword`.
   *
   * @throws LogtoAccountError `code_invalid`, `code_expired` (send a new one)
   */
  verifyCode<Type extends 'email' | 'phone'>(
    sent: SentCode<Type>,
    code: string,
  ): Promise<VerifiedCode<Type>>;
  /** When the kept identity verification stops being used (epoch seconds), or `undefined`. */
  verificationExpiresAt(): number | undefined;
  /** Forgets the kept identity verification (e.g. when the user leaves the account page). */
  forgetVerification(): void;
}

/** A record as Logto creates it. */
interface CreatedRecord {
  verificationRecordId: string;
  expiresAt: string;
}

/** When each sent code's record expires, to keep it as the identity verification once verified. */
const expiries = new WeakMap<SentCode, string>();

/** The verification operations over `api`. */
export function verificationOperations(api: AccountApi): VerificationOperations {
  return {
    verifyPassword: async (password) => {
      const { json, date } = await api.send({
        method: 'POST',
        path: '/verifications/password',
        body: { password },
      });
      const record = readAnswer<CreatedRecord>(json, 'the password verification', [
        'verificationRecordId',
        'expiresAt',
      ]);
      api.verification.keep(record.verificationRecordId, record.expiresAt, date);
    },
    sendCode: async <Target extends CodeTarget>(target: Target) => {
      type Type = Target extends { email: string } ? 'email' : 'phone';
      const identifier = (
        'email' in target
          ? { type: 'email', value: target.email }
          : { type: 'phone', value: target.phone }
      ) as CodeIdentifier<Type>;
      const { json } = await api.send({
        method: 'POST',
        path: '/verifications/verification-code',
        body: { identifier },
      });
      const record = readAnswer<CreatedRecord>(json, 'the verification code', [
        'verificationRecordId',
        'expiresAt',
      ]);
      const sent: SentCode<Type> = {
        verificationRecordId: record.verificationRecordId,
        identifier,
      };
      expiries.set(sent, record.expiresAt);
      return sent;
    },
    verifyCode: async (sent, code) => {
      const { date } = await api.send({
        method: 'POST',
        path: '/verifications/verification-code/verify',
        body: { identifier: sent.identifier, verificationId: sent.verificationRecordId, code },
        // Logto forgets a code's record when its ten minutes are over.
        meaning: { 'verification_record.not_found': 'code_expired' },
      });
      const expiresAt = expiries.get(sent);
      const own = isOwnAddress(api.known, sent.identifier);
      // A live record is not traded for one that may not prove the identity.
      if (expiresAt !== undefined && (own || (own === undefined && !api.verification.current()))) {
        api.verification.keep(sent.verificationRecordId, expiresAt, date);
      }
      return { ...sent, verified: true };
    },
    verificationExpiresAt: () => api.verification.expiresAt(),
    forgetVerification: () => api.verification.clear(),
  };
}

/**
 * Whether Logto will take a code to this address as proof of identity: it does for the user's
 * own email or phone. `undefined` when unknown (the account not read, or its field hidden by the
 * scopes): then the record is kept only if there is no other, and Logto has the last word (a
 * refused record becomes `verification_required`).
 */
function isOwnAddress(
  account: Account | undefined,
  { type, value }: CodeIdentifier,
): boolean | undefined {
  const own = type === 'email' ? account?.primaryEmail : account?.primaryPhone;
  if (own === undefined) return undefined;
  if (own === null) return false;
  const digits = (text: string) => text.replace(/\D/g, '');
  return type === 'email'
    ? own.toLowerCase() === value.toLowerCase()
    : digits(own) === digits(value);
}
