import { LogtoResponseError } from '../errors/LogtoResponseError.js';
import { isRecord } from './http.js';

/** A JWT split into its parts. Nothing here is verified. */
export interface DecodedJwt {
  header: { alg?: unknown; kid?: unknown; typ?: unknown; [name: string]: unknown };
  payload: Record<string, unknown>;
  /** `<header>.<payload>` exactly as received, the bytes the signature covers. */
  signingInput: string;
  signature: Uint8Array<ArrayBuffer>;
}

/** Decodes base64url (no padding needed) into bytes. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error('not base64url');
  // atob decodes "forgiving base64": the padding may be left out.
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

function decodeJsonPart(part: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(new TextDecoder().decode(base64UrlToBytes(part)));
  if (!isRecord(parsed)) throw new Error('not a JSON object');
  return parsed;
}

/**
 * Splits and decodes a compact JWS. Throws {@link LogtoResponseError} when it is not one; the
 * message never includes the token.
 */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3) throw new LogtoResponseError('Malformed JWT: expected three parts');
  const [header = '', payload = '', signature = ''] = parts;
  try {
    return {
      header: decodeJsonPart(header),
      payload: decodeJsonPart(payload),
      signingInput: `${header}.${payload}`,
      signature: base64UrlToBytes(signature),
    };
  } catch (cause) {
    throw new LogtoResponseError('Malformed JWT: cannot decode it', { cause });
  }
}

/**
 * Returns the claims of a JWT without verifying it. Use it for access tokens your app received
 * from the client; ID tokens are verified by the client before they are stored.
 *
 * @example
 * ```ts
 * const { scope } = decodeJwtClaims<AccessTokenClaims>(await client.getAccessToken(api));
 * ```
 * @throws LogtoResponseError when the token is not a JWT (e.g. an opaque token)
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- lets callers name the claim shape, like jose's decodeJwt<T>
export function decodeJwtClaims<T = Record<string, unknown>>(token: string): T {
  return decodeJwt(token).payload as T;
}
