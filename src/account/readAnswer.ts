import { LogtoResponseError } from '../core/errors/LogtoResponseError.js';

/**
 * Checks that a successful Account API answer has the shape an operation relies on, so that a
 * proxy's HTML page or another server's answer fails here, typed, and not later as `undefined`.
 *
 * @param fields keys whose values must be strings
 * @throws LogtoResponseError naming the operation and the missing field
 */
export function readAnswer<T extends object>(
  json: unknown,
  what: string,
  fields: readonly (keyof T & string)[] = [],
): T {
  if (typeof json !== 'object' || json === null) throw invalidAnswer(what);
  for (const field of fields) {
    if (typeof (json as Record<string, unknown>)[field] !== 'string') {
      throw invalidAnswer(what, `without "${field}"`);
    }
  }
  return json as T;
}

/** Checks that a successful answer is a JSON array. @throws LogtoResponseError */
export function readList<T>(json: unknown, what: string): T[] {
  if (!Array.isArray(json)) throw invalidAnswer(what, 'without a list');
  return json as T[];
}

function invalidAnswer(what: string, how = 'without a JSON body'): LogtoResponseError {
  return new LogtoResponseError(`The Account API answered ${what} ${how}`);
}
