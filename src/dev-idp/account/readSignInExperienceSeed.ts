import { fail, readArray, readObject, readString } from '../seedFields.js';
import { mfaFactors, type MfaFactor, type SeedSignInExperience } from './SeedAccountCenter.js';

/**
 * Validates the seed's `signInExperience` (only its MFA factors matter here). Default: TOTP and
 * backup codes enabled.
 *
 * @throws {SeedValidationError} naming the bad field
 */
export function readSignInExperienceSeed(value: unknown): SeedSignInExperience {
  const path = 'seed.signInExperience';
  const item = value === undefined ? {} : readObject(value, path, ['mfa']);
  const mfa = item.mfa === undefined ? {} : readObject(item.mfa, `${path}.mfa`, ['factors']);
  const factors = readArray(mfa.factors, `${path}.mfa.factors`, ['Totp', 'BackupCode']).map(
    (factor, index) => {
      const name = readString(factor, `${path}.mfa.factors[${index}]`);
      if (!(mfaFactors as readonly string[]).includes(name)) {
        fail(`${path}.mfa.factors[${index}]`, `expected one of: ${mfaFactors.join(', ')}`);
      }
      return name as MfaFactor;
    },
  );
  return { mfa: { factors: [...new Set(factors)] } };
}
