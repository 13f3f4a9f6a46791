/** Test-only JWT signing with WebCrypto, so unit tests can forge good and bad ID tokens. */

export interface TestKey {
  kid: string;
  alg: 'ES384' | 'RS256' | 'ES256' | 'PS256' | 'ES512' | 'RS512' | 'PS384';
  privateKey: CryptoKey;
  publicJwk: JsonWebKey & { kid: string; alg: string };
}

const rsa = (name: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS', bits: number) => ({
  gen: {
    name,
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: `SHA-${bits}`,
  },
  sign: name === 'RSA-PSS' ? { name, saltLength: bits / 8 } : { name },
});
const ec = (namedCurve: string, bits: number) => ({
  gen: { name: 'ECDSA', namedCurve },
  sign: { name: 'ECDSA', hash: `SHA-${bits}` },
});

const params = {
  ES256: ec('P-256', 256),
  ES384: ec('P-384', 384),
  ES512: ec('P-521', 512),
  RS256: rsa('RSASSA-PKCS1-v1_5', 256),
  RS512: rsa('RSASSA-PKCS1-v1_5', 512),
  PS256: rsa('RSA-PSS', 256),
  PS384: rsa('RSA-PSS', 384),
};

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
