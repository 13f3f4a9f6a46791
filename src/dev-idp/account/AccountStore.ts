import { randomBytes } from 'node:crypto';

import type { MfaFactor } from './SeedAccountCenter.js';

/** One MFA factor a user has set up (Logto's `user.mfaVerifications` item). */
export type MfaVerification =
  | { id: string; createdAt: string; type: 'Totp'; key: string }
  | {
      id: string;
      createdAt: string;
      type: 'BackupCode';
      codes: { code: string; usedAt?: string }[];
    }
  | {
      id: string;
      createdAt: string;
      type: 'WebAuthn';
      credentialId: string;
      name?: string;
      agent: string;
    };

/** The MFA flags Logto keeps in `user.logtoConfig.mfa`. */
export interface MfaFlags {
  /** The user skipped the MFA set-up prompt. */
  skipped: boolean;
  /** The user asked not to be asked for MFA at sign-in (when the policy allows it). */
  skipMfaOnSignIn: boolean;
}

interface AccountData {
  mfaVerifications: MfaVerification[];
  mfa: MfaFlags;
}

/**
 * Account data the seed does not hold: each user's MFA factors and MFA flags, in memory, for
 * the life of the dev IdP.
 */
export class AccountStore {
  readonly #data = new Map<string, AccountData>();

  #of(userId: string): AccountData {
    let data = this.#data.get(userId);
    if (!data) {
      data = { mfaVerifications: [], mfa: { skipped: false, skipMfaOnSignIn: false } };
      this.#data.set(userId, data);
    }
    return data;
  }

  /** The user's MFA factors, oldest first. */
  mfaVerifications(userId: string): readonly MfaVerification[] {
    return this.#of(userId).mfaVerifications;
  }

  /** Adds a factor with a fresh id and creation time. */
  addMfaVerification(
    userId: string,
    factor: DistributiveOmit<MfaVerification, 'id' | 'createdAt'>,
  ): MfaVerification {
    const verification = {
      ...factor,
      id: randomBytes(12).toString('base64url'),
      createdAt: new Date().toISOString(),
    };
    this.#of(userId).mfaVerifications.push(verification);
    return verification;
  }

  /** Replaces one factor (same id); false when there is none. */
  replaceMfaVerification(userId: string, verification: MfaVerification): boolean {
    const list = this.#of(userId).mfaVerifications;
    const index = list.findIndex((item) => item.id === verification.id);
    if (index < 0) return false;
    list[index] = verification;
    return true;
  }

  /** Removes one factor; false when there is none with this id. */
  removeMfaVerification(userId: string, id: string): boolean {
    const data = this.#of(userId);
    const before = data.mfaVerifications.length;
    data.mfaVerifications = data.mfaVerifications.filter((item) => item.id !== id);
    return data.mfaVerifications.length < before;
  }

  /** True when the user has a factor of this type. */
  hasFactor(userId: string, type: MfaFactor): boolean {
    return this.#of(userId).mfaVerifications.some((item) => item.type === type);
  }

  /** The user's MFA flags (a live object: change it to update them). */
  mfaFlags(userId: string): MfaFlags {
    return this.#of(userId).mfa;
  }
}

/** `Omit` applied to each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
