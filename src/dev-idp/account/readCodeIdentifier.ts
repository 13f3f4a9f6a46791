import { BodyGuard, invalidInput } from './BodyGuard.js';
import type { CodeIdentifier } from './VerificationRecords.js';

/** Logto's email rule (core-kit `emailRegEx`). */
export const emailPattern = /^\S+@\S+\.\S+$/;
/** Logto's phone rule (core-kit `phoneRegEx`): digits only, no `+`. */
export const phonePattern = /^\d+$/;

/**
 * Reads `identifier: { type: 'email' | 'phone', value }` from a request body, as Logto's
 * verification code identifier guard does.
 *
 * @throws {AccountApiError} 400 `guard.invalid_input`
 */
export function readCodeIdentifier(guard: BodyGuard): CodeIdentifier {
  const identifier = guard.optionalObject('identifier');
  if (!identifier) throw invalidInput('identifier', 'required');
  const type = identifier.string('type');
  if (type !== 'email' && type !== 'phone') {
    throw invalidInput('identifier.type', 'expected "email" or "phone"');
  }
  const value = identifier.string('value', {
    pattern: type === 'email' ? emailPattern : phonePattern,
  });
  return { type, value };
}
