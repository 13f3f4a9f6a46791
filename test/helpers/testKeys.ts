/** Test-only JWT signing with WebCrypto, so unit tests can forge good and bad ID tokens. */

export interface TestKey {
  kid: string;
  alg: 'ES384' | 'RS256' | 'ES256' | 'PS256' | 'ES512' | 'RS512' | 'PS384';
  privateKey: CryptoKey;
  publicJwk: JsonWebKey & { kid: string; alg: string };
}

const params = {
  ES384: {
    gen: { name: 'ECDSA', namedCurve: 'P-384' },
    sign: { name: 'ECDSA', hash: 'SHA-384' },
  },
  ES256: {
    gen: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
  },
  ES512: {
    gen: { name: 'ECDSA', namedCurve: 'P-521' },
    sign: { name: 'ECDSA', hash: 'SHA-512' },
  },
  RS256: {
    gen: {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
  },
  PS256: {
    gen: {
      name: 'RSA-PSS',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    sign: { name: 'RSA-PSS', saltLength: 32 },
  },
  RS512: {
    gen: {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-512',
    },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
  },
  PS384: {
    gen: {
      name: 'RSA-PSS',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-384',
    },
    sign: { name: 'RSA-PSS', saltLength: 48 },
  },
} as const;

export async function createTestKey(alg: TestKey['alg'], kid: string): Promise<TestKey> {
  const pair = await crypto.subtle.generateKey(params[alg].gen, true, ['sign', 'verify']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const { kty, crv, n, e, x, y } = jwk;
  const publicJwk = JSON.parse(
    JSON.stringify({ kty, crv, n, e, x, y, kid, alg, use: 'sig' }),
  ) as TestKey['publicJwk'];
  return { kid, alg, privateKey: pair.privateKey, publicJwk };
}

const encode = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export async function signJwt(
  key: TestKey,
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  const input = `${encode({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })}.${encode(payload)}`;
  const signature = await crypto.subtle.sign(
    params[key.alg].sign,
    key.privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}
