/**
 * A Node-side caller of the dev IdP's Account API (`/api/...`) for tests: JSON in, parsed JSON
 * out, with the bearer token and an optional `logto-verification-id` header.
 */
import type { DevIdp } from '../../src/dev-idp/index.js';
import { httpRequest } from '../../src/dev-idp/httpRequest.js';
import type { JsonResponse } from './devIdpClient.js';

/** Options of `callAccountApi`. */
export interface AccountCall {
  token?: string;
  body?: unknown;
  verificationId?: string;
  headers?: Record<string, string>;
}

/** Calls `{origin}/api{path}` and parses the JSON answer (`null` for an empty or text body). */
export async function callAccountApi(
  idp: DevIdp,
  method: string,
  path: string,
  call: AccountCall = {},
): Promise<JsonResponse<unknown>> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token !== undefined) headers.authorization = `Bearer ${call.token}`;
  if (call.verificationId !== undefined) headers['logto-verification-id'] = call.verificationId;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const response = await httpRequest(`${idp.origin}/api${path}`, {
    method,
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
  const isJson = String(response.headers['content-type']).startsWith('application/json');
  return {
    status: response.status,
    headers: response.headers,
    json: isJson ? (JSON.parse(response.body) as unknown) : null,
  };
}

/** Every scope a user can grant the Account API. */
export const accountScopes = [
  'email',
  'phone',
  'custom_data',
  'identities',
  'address',
  'urn:logto:scope:sessions',
];
