import { LogtoCallbackError, LogtoError, LogtoTokenEndpointError } from 'logto-spa';

/** An error as the demo shows it: a stable code, an optional protocol detail, the message. */
export interface ErrorDescription {
  code: string;
  /** e.g. `403 access_denied (oidc.access_denied)` for an endpoint error. */
  detail: string | undefined;
  message: string;
}

/**
 * Turns anything thrown into something readable. SDK errors carry a `code`; the message of a
 * `LogtoError` never contains a token, and neither does anything added here.
 */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof LogtoTokenEndpointError) {
    const logto = error.logtoCode === undefined ? '' : ` (${error.logtoCode})`;
    return {
      code: error.code,
      detail: `${error.status} ${error.error}${logto}`,
      message: error.message,
    };
  }
  if (error instanceof LogtoCallbackError) {
    const detail =
      error.error === undefined
        ? undefined
        : `${error.error}${error.errorDescription ? `: ${error.errorDescription}` : ''}`;
    return { code: error.code, detail, message: error.message };
  }
  if (error instanceof LogtoError) {
    return { code: error.code, detail: undefined, message: error.message };
  }
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return {
      code: typeof code === 'string' ? code : error.name,
      detail: undefined,
      message: error.message,
    };
  }
  if (typeof error === 'object' && error !== null) {
    const { code, message, detail } = error as {
      code?: unknown;
      message?: unknown;
      detail?: unknown;
    };
    if (typeof code === 'string' && typeof message === 'string') {
      return { code, detail: typeof detail === 'string' ? detail : undefined, message };
    }
  }
  return { code: 'unknown', detail: undefined, message: String(error) };
}
