/**
 * Builds an unsecured JWT (`alg: none`, empty signature) whose claims decode like a real token's.
 * Meant for tests and mocks only: no server accepts it, and the real client would reject it as an
 * ID token. `decodeJwtClaims` from `logto-spa` reads it.
 *
 * @param payload the claims
 * @param header extra header fields; `alg` is always `none`
 * @example
 * ```ts
 * const token = createUnsignedJwt({ sub: 'user-1', aud: 'https://api.example.com', scope: 'read' });
 * decodeJwtClaims(token).scope; // 'read'
 * ```
 */
export function createUnsignedJwt(
  payload: Readonly<Record<string, unknown>>,
  header: Readonly<Record<string, unknown>> = {},
): string {
  return `${encodeJson({ ...header, alg: 'none' })}.${encodeJson(payload)}.`;
}

function encodeJson(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
