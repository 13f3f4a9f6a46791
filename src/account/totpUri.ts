/**
 * The `otpauth://` URI of a TOTP secret, as authenticator apps read it from a QR code (Google
 * Authenticator's Key Uri Format): `otpauth://totp/<issuer>:<account>?secret=…&issuer=…`. The
 * defaults (SHA-1, 6 digits, 30 s) are what Logto checks, so they are left out.
 *
 * @example
 * ```ts
 * totpUri('JBSWY3DPEHPK3PXP', { issuer: 'Acme', accountName: 'alice@example.com' });
 * // otpauth://totp/Acme:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme
 * ```
 */
export function totpUri(secret: string, label: { issuer: string; accountName: string }): string {
  const issuer = encodeURIComponent(label.issuer);
  const name = `${issuer}:${encodeURIComponent(label.accountName)}`;
  return `otpauth://totp/${name}?secret=${encodeURIComponent(secret)}&issuer=${issuer}`;
}
