import { LogtoNetworkError } from '../errors/LogtoNetworkError.js';
import { LogtoResponseError } from '../errors/LogtoResponseError.js';
import { LogtoTokenEndpointError } from '../errors/LogtoTokenEndpointError.js';
import { timeoutSignal } from './timeoutSignal.js';

/** Requests to the identity provider give up after this long and count as network failures. */
export const requestTimeoutMs = 30_000;

/** What the client needs to talk to the identity provider. */
export interface HttpContext {
  fetch: typeof fetch;
}

/**
 * Sends a request and returns the parsed JSON body. Turns every failure into a typed error:
 * no connection → {@link LogtoNetworkError}; an error status → {@link LogtoTokenEndpointError}
 * with Logto's `{ code, error, error_description }` parsed; a body that is not JSON →
 * {@link LogtoResponseError}.
 */
export async function requestJson(
  http: HttpContext,
  endpoint: string,
  url: string,
  init: RequestInit = {},
): Promise<Record<string, unknown>> {
  const response = await send(http, url, init);
  const body = await readBody(response);
  if (!response.ok) throw toEndpointError(endpoint, response.status, body);
  if (!isRecord(body)) {
    throw new LogtoResponseError(`${endpoint} answered ${response.status} without a JSON object`, {
      status: response.status,
    });
  }
  return body;
}

/** POSTs `application/x-www-form-urlencoded` parameters and parses the JSON answer. */
export function postForm(
  http: HttpContext,
  endpoint: string,
  url: string,
  params: Record<string, string | undefined>,
): Promise<Record<string, unknown>> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) body.set(name, value);
  return requestJson(http, endpoint, url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

/** Sends a request whose answer body does not matter (revocation); throws on error status. */
export async function requestNoContent(
  http: HttpContext,
  endpoint: string,
  url: string,
  init: RequestInit,
): Promise<void> {
  const response = await send(http, url, init);
  // Read to the end even when empty: until its body is read the request is still open, and a
  // navigation right after (sign-out) cancels it, a red net::ERR_ABORTED in DevTools.
  const body = await readBody(response);
  if (!response.ok) throw toEndpointError(endpoint, response.status, body);
}

async function send(http: HttpContext, url: string, init: RequestInit): Promise<Response> {
  try {
    return await http.fetch(url, { ...init, signal: timeoutSignal(requestTimeoutMs) });
  } catch (cause) {
    throw new LogtoNetworkError(url, cause);
  }
}

async function readBody(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    // No body, an unreadable one, or not JSON.
    return undefined;
  }
}

function toEndpointError(endpoint: string, status: number, body: unknown): LogtoTokenEndpointError {
  const fields = isRecord(body) ? body : {};
  return new LogtoTokenEndpointError({
    endpoint,
    status,
    error: typeof fields.error === 'string' ? fields.error : `http_${status}`,
    errorDescription:
      typeof fields.error_description === 'string' ? fields.error_description : undefined,
    logtoCode: typeof fields.code === 'string' ? fields.code : undefined,
  });
}

/** Whether `value` is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
