import { createHash, generateKeyPairSync } from 'node:crypto';

/** A private signing key in JWK form, as oidc-provider's `jwks` configuration takes it. */
export interface SigningJwk {
  kty: 'EC';
  crv: 'P-384';
  x: string;
  y: string;
  d: string;
  alg: 'ES384';
  use: 'sig';
  kid: string;
}

/**
 * Generates the IdP's ES384 signing key (Logto's default algorithm), fresh at every start.
 * The `kid` is the key's RFC 7638 thumbprint, so clients that cache the JWKS notice a restart.
 */
export function createSigningKey(): SigningJwk {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const jwk = privateKey.export({ format: 'jwk' });
  const { x, y, d } = jwk;
  if (x === undefined || y === undefined || d === undefined) {
    throw new Error('node:crypto returned an incomplete EC key');
  }
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const thumbprintInput = JSON.stringify({ crv: 'P-384', kty: 'EC', x, y });
  const kid = createHash('sha256').update(thumbprintInput).digest('base64url');
  return { kty: 'EC', crv: 'P-384', x, y, d, alg: 'ES384', use: 'sig', kid };
}
