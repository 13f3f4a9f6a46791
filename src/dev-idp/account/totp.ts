import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const stepSeconds = 30;
const digits = 6;

/** Logto's TOTP secret rule: 16 to 32 characters of upper-case base32, with optional padding. */
const secretPattern =
  /^(?:[2-7A-Z]{8})*(?:[2-7A-Z]{2}={6}|[2-7A-Z]{4}={4}|[2-7A-Z]{5}={3}|[2-7A-Z]{7}=)?$/;

function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += alphabet.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) output += alphabet.charAt((value << (5 - bits)) & 31);
  return output;
}

function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text.replace(/=+$/, '')) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) as authenticator apps and Logto
 * use them: HMAC-SHA-1, 30-second steps, 6 digits, base32 secrets.
 */
export const totp = {
  /** A new secret of 20 random bytes (160 bits, as RFC 4226 recommends): 32 base32 characters. */
  generateSecret(): string {
    return base32Encode(randomBytes(20));
  },

  /** True for a secret Logto accepts when a user binds TOTP. */
  isValidSecret(secret: string): boolean {
    return secret.length >= 16 && secret.length <= 32 && secretPattern.test(secret);
  },

  /**
   * The code for `secret` at a time.
   *
   * @param atMs - milliseconds since the epoch (default now)
   */
  code(secret: string, atMs: number = Date.now()): string {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / stepSeconds)));
    const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
    // Dynamic truncation (RFC 4226 §5.3): the low nibble of the last byte picks four bytes.
    const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
    const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
    return String(binary % 10 ** digits).padStart(digits, '0');
  },

  /**
   * Checks a code, accepting the previous and the next step too (RFC 6238 §5.2 clock drift),
   * as Logto does.
   */
  check(secret: string, code: string, atMs: number = Date.now()): boolean {
    if (!/^\d{6}$/.test(code)) return false;
    return [-1, 0, 1].some((step) =>
      timingSafeEqual(
        Buffer.from(totp.code(secret, atMs + step * stepSeconds * 1000)),
        Buffer.from(code),
      ),
    );
  },
};
