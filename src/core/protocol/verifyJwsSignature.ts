import { LogtoIdTokenError } from '../errors/LogtoIdTokenError.js';
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

/**
 * The WebCrypto parameters of a JWS algorithm Logto can use (ES384 by default, RS256 optional) or
 * of one of their peers (RS, PS and ES with SHA-256, -384 or -512); `undefined` for any other.
 * WebCrypto verifies ECDSA signatures in the raw r||s form JWS uses, so no conversion is needed.
 */
function specOf(alg: string): AlgorithmSpec | undefined {
  const [, family, bits] = /^([REP]S)(256|384|512)$/.exec(alg) ?? [];
  if (!bits) return undefined;
  const hash = `SHA-${bits}`;
  if (family === 'ES') {
    const namedCurve = `P-${bits === '512' ? 521 : bits}`;
    return {
      kty: 'EC',
      importParams: { name: 'ECDSA', namedCurve },
      verifyParams: { name: 'ECDSA', hash },
    };
  }
  const name = family === 'RS' ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS';
  return {
    kty: 'RSA',
    importParams: { name, hash },
    verifyParams: family === 'RS' ? { name } : { name, saltLength: Number(bits) / 8 },
  };
}

/**
 * The token's `alg`, when {@link verifyJwsSignature} supports it.
 *
 * @throws LogtoIdTokenError with reason `algorithm` for any other
 */
export function jwsAlgorithmOf(jwt: DecodedJwt): string {
  const alg = String(jwt.header.alg);
  if (!specOf(alg)) throw new LogtoIdTokenError('algorithm', `unsupported algorithm ${alg}`);
  return alg;
}

/** Whether `jwk` can verify a signature made with `alg`. */
export function isKeyUsableFor(jwk: PublicJwk, alg: string): boolean {
  const spec = specOf(alg);
  if (!spec || jwk.kty !== spec.kty) return false;
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  if (jwk.use !== undefined && jwk.use !== 'sig') return false;
  return !('namedCurve' in spec.importParams) || jwk.crv === spec.importParams.namedCurve;
}

/**
 * Checks the JWS signature of `jwt` against `jwk` with WebCrypto. `alg` is the token's, from
 * {@link jwsAlgorithmOf}, and `jwk` a key {@link isKeyUsableFor} it: the caller picks the keys.
 *
 * @throws LogtoIdTokenError with reason `key` or `signature`
 */
export async function verifyJwsSignature(
  jwt: DecodedJwt,
  jwk: PublicJwk,
  alg: string,
): Promise<void> {
  // Known: jwsAlgorithmOf accepted it.
  const spec = specOf(alg) as AlgorithmSpec;

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
