import { randomBytes, randomInt } from 'node:crypto';

import { AccountApiError } from './AccountApiError.js';

/** Verification records live 10 minutes in Logto 1.37, and so do the codes they send. */
export const verificationRecordLifetimeMs = 10 * 60 * 1000;
/** Logto refuses a code after 10 wrong tries. */
const maxCodeTries = 10;

/** Where a verification code goes (Logto's verification code identifier). */
export interface CodeIdentifier {
  type: 'email' | 'phone';
  value: string;
}

/** A verification code the dev IdP "sent" (it has no mail or SMS: read them here). */
export interface SentCode {
  /** `email` or `phone`. */
  type: CodeIdentifier['type'];
  /** The address or number it went to. */
  to: string;
  /** The six digits. */
  code: string;
  verificationRecordId: string;
  /** Milliseconds since the epoch. */
  sentAt: number;
}

interface BaseRecord {
  id: string;
  /** Set for records that prove who the user is (Logto stores the user id with them). */
  userId: string | undefined;
  verified: boolean;
  expiresAt: number;
}

/** A verification record of the Account API (Logto's `verification_records` row). */
export type VerificationRecord =
  | (BaseRecord & { type: 'Password' })
  | (BaseRecord & {
      type: 'EmailVerificationCode' | 'PhoneVerificationCode';
      identifier: CodeIdentifier;
      code: string;
      /** False once the code has been used. */
      codePending: boolean;
      tries: number;
    })
  | (BaseRecord & {
      type: 'Social';
      /** The connector id, which becomes the identity's key (`identities[target]`). */
      target: string;
      state: string;
      redirectUri: string;
      /** Set once the provider's answer has been verified. */
      socialUserId: string | undefined;
    })
  | (BaseRecord & {
      type: 'WebAuthn';
      challenge: string;
      /** Set once a registration has been verified. */
      credentialId: string | undefined;
      /** The user agent that registered the passkey. */
      agent: string;
    });

/** The type of a verification record. */
export type VerificationRecordType = VerificationRecord['type'];

/**
 * The dev IdP's in-memory verification records: created by `/api/verifications/*`, read back
 * through the `logto-verification-id` header (identity) or a `newIdentifierVerificationRecordId`
 * (ownership of a new email, phone, social identity or passkey).
 */
export class VerificationRecords {
  readonly #records = new Map<string, VerificationRecord>();
  readonly #sent: SentCode[] = [];
  readonly #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
  }

  /** Stores a new record; `fields` gives its type and type-specific fields. */
  add<T extends VerificationRecordType>(
    fields: DistributiveOmit<VerificationRecord & { type: T }, 'id' | 'expiresAt'>,
  ): VerificationRecord & { type: T } {
    const record = {
      ...fields,
      id: randomBytes(12).toString('base64url'),
      expiresAt: this.#now() + verificationRecordLifetimeMs,
    };
    this.#records.set(record.id, record);
    return record;
  }

  /**
   * Creates a code record and "sends" its code: kept for `sentCodes()`.
   *
   * @param userId - set when the code goes to the user's own email or phone, so that the
   *   record later proves their identity; undefined for a new identifier
   */
  sendCode(
    identifier: CodeIdentifier,
    userId: string | undefined,
  ): VerificationRecord & { type: 'EmailVerificationCode' | 'PhoneVerificationCode' } {
    const record = this.add<'EmailVerificationCode' | 'PhoneVerificationCode'>({
      type: identifier.type === 'email' ? 'EmailVerificationCode' : 'PhoneVerificationCode',
      userId,
      verified: false,
      identifier,
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      codePending: true,
      tries: 0,
    });
    this.#sent.push({
      type: identifier.type,
      to: identifier.value,
      code: record.code,
      verificationRecordId: record.id,
      sentAt: this.#now(),
    });
    return record;
  }

  /** Every code sent so far, oldest first (copies). */
  sentCodes(): SentCode[] {
    return this.#sent.map((sent) => ({ ...sent }));
  }

  /** The live record with this id, if any (expired ones are forgotten). */
  find(id: string): VerificationRecord | undefined {
    const record = this.#records.get(id);
    if (record && record.expiresAt <= this.#now()) {
      this.#records.delete(id);
      return undefined;
    }
    return record;
  }

  /**
   * The live record with this id and type, as Logto looks up a `newIdentifierVerificationRecordId`.
   *
   * @throws {AccountApiError} 400 `verification_record.not_found`
   */
  get<T extends VerificationRecordType>(id: string, type: T): VerificationRecord & { type: T } {
    const record = this.find(id);
    if (record?.type !== type) throw new AccountApiError('verification_record.not_found');
    return record as VerificationRecord & { type: T };
  }

  /** True when the record is live, verified and bound to this user (the identity header). */
  provesIdentityOf(id: string, userId: string): boolean {
    const record = this.find(id);
    return record !== undefined && record.userId === userId && record.verified;
  }

  /**
   * Checks a code against its record, in Logto's order: record, pending code, identifier,
   * expiry, tries, then the digits (a wrong one counts as a try).
   *
   * @throws {AccountApiError} 400 `verification_record.not_found`, `verification_code.*`
   */
  verifyCode(id: string, identifier: CodeIdentifier, code: string): void {
    const record = this.get(
      id,
      identifier.type === 'email' ? 'EmailVerificationCode' : 'PhoneVerificationCode',
    );
    if (!record.codePending) throw new AccountApiError('verification_code.not_found');
    if (record.identifier.value !== identifier.value) {
      throw new AccountApiError(
        identifier.type === 'email'
          ? 'verification_code.email_mismatch'
          : 'verification_code.phone_mismatch',
      );
    }
    if (record.expiresAt <= this.#now()) throw new AccountApiError('verification_code.expired');
    if (record.tries >= maxCodeTries) throw new AccountApiError('verification_code.exceed_max_try');
    if (code !== record.code) {
      record.tries += 1;
      throw new AccountApiError('verification_code.code_mismatch');
    }
    record.codePending = false;
    record.verified = true;
  }
}

/** `Omit` applied to each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
