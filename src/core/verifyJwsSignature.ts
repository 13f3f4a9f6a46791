import { LogtoIdTokenError } from './errors.js';
import type { DecodedJwt } from './jwt.js';

/** A public JSON Web Key as served by a JWKS endpoint. */
export interface PublicJwk {
  kty: string;
  kid?: string;
  alg?: string;
  use?: string;
  crv?: string;
  n?: string;
  e?: string;
  x?: string;
  y?: string;
}

interface AlgorithmSpec {
  kty: 'RSA' | 'EC';
  importParams: RsaHashedImportParams | EcKeyImportParams;
  verifyParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
}

// Signature algorithms Logto can use (ES384 by default, RS256 optional) and their peers.
// WebCrypto verifies ECDSA signatures in the raw r||s form JWS uses, so no conversion is needed.
const algorithms: Record<string, AlgorithmSpec> = {
  RS256: rsa('RSASSA-PKCS1-v1_5', 256),
  RS384: rsa('RSASSA-PKCS1-v1_5', 384),
  RS512: rsa('RSASSA-PKCS1-v1_5', 512),
  PS256: rsa('RSA-PSS', 256),
  PS384: rsa('RSA-PSS', 384),
  PS512: rsa('RSA-PSS', 512),
  ES256: ec('P-256', 256),
  ES384: ec('P-384', 384),
  ES512: ec('P-521', 512),
};

function rsa(name: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS', bits: number): AlgorithmSpec {
  return {
    kty: 'RSA',
    importParams: { name, hash: `SHA-${bits}` },
    verifyParams: name === 'RSA-PSS' ? { name, saltLength: bits / 8 } : { name },
  };
}

function ec(namedCurve: string, bits: number): AlgorithmSpec {
  return {
    kty: 'EC',
    importParams: { name: 'ECDSA', namedCurve },
    verifyParams: { name: 'ECDSA', hash: `SHA-${bits}` },
  };
}

/** The JWS algorithms {@link verifyJwsSignature} accepts. */
export const supportedJwsAlgorithms = Object.keys(algorithms);

/** Whether `jwk` can verify a signature made with `alg`. */
export function isKeyUsableFor(jwk: PublicJwk, alg: string): boolean {
  const spec = algorithms[alg];
  if (!spec || jwk.kty !== spec.kty) return false;
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  if (jwk.use !== undefined && jwk.use !== 'sig') return false;
  return !('namedCurve' in spec.importParams) || jwk.crv === spec.importParams.namedCurve;
}

/**
 * Checks the JWS signature of `jwt` against `jwk` with WebCrypto.
 *
 * @throws LogtoIdTokenError with reason `algorithm`, `key` or `signature`
 */
export async function verifyJwsSignature(jwt: DecodedJwt, jwk: PublicJwk): Promise<void> {
  const alg = String(jwt.header.alg);
  const spec = algorithms[alg];
  if (!spec) throw new LogtoIdTokenError('algorithm', `unsupported algorithm ${alg}`);
  if (!isKeyUsableFor(jwk, alg)) throw new LogtoIdTokenError('key', `key does not fit ${alg}`);

  // Only the public members: a JWKS entry may carry fields WebCrypto rejects (alg, use, kid...).
  const publicKey: JsonWebKey = { kty: jwk.kty, ext: true };
  for (const name of ['crv', 'n', 'e', 'x', 'y'] as const) {
    const value = jwk[name];
    if (value !== undefined) publicKey[name] = value;
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('jwk', publicKey, spec.importParams, false, ['verify']);
  } catch (cause) {
    throw new LogtoIdTokenError('key', 'the signing key cannot be imported', { cause });
  }
  const valid = await crypto.subtle.verify(
    spec.verifyParams,
    key,
    jwt.signature,
    new TextEncoder().encode(jwt.signingInput),
  );
  if (!valid) throw new LogtoIdTokenError('signature', 'the signature does not verify');
}
