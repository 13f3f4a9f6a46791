import { describe, expect, it } from 'vitest';

import { totp } from '../../../src/dev-idp/account/totp.js';

// RFC 6238 appendix B, SHA-1: the ASCII secret "12345678901234567890", last 6 of 8 digits.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totp', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('gives the RFC 6238 code at %i s', (seconds, code) => {
    expect(totp.code(rfcSecret, seconds * 1000)).toBe(code);
  });

  it('accepts the previous, current and next step only', () => {
    const now = 1234567890_000;
    const code = totp.code(rfcSecret, now);

    expect(totp.check(rfcSecret, code, now + 30_000)).toBe(true);
    expect(totp.check(rfcSecret, code, now - 30_000)).toBe(true);
    expect(totp.check(rfcSecret, code, now + 90_000)).toBe(false);
    expect(totp.check(rfcSecret, 'abcdef', now)).toBe(false);
  });

  it('generates 32-character base32 secrets that Logto would accept', () => {
    const secret = totp.generateSecret();

    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totp.isValidSecret(secret)).toBe(true);
    expect(totp.isValidSecret('short')).toBe(false);
    expect(totp.isValidSecret('lowercase-is-not-base32')).toBe(false);
  });
});
