import { SeedValidationError } from './SeedValidationError.js';

/**
 * Small readers for untrusted JSON. Each takes the value and its path and either returns the
 * typed value or throws a `SeedValidationError` naming the path, so validation reads top-down.
 */

/** Throws a `SeedValidationError` for `path`. */
export function fail(path: string, problem: string): never {
  throw new SeedValidationError(path, problem);
}

/**
 * Reads a plain object and rejects unknown keys: a typo such as `emial` must not be silently
 * ignored, because the user would then wonder why the claim is missing. JSON has no comments,
 * so any object may carry a `"$comment"` string (JSON Schema's own word for it, which the seed's
 * schema allows too); it is not part of the returned record.
 */
export function readObject(
  value: unknown,
  path: string,
  allowedKeys: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'expected an object');
  }
  const { $comment: comment, ...record } = value as Record<string, unknown>;
  if (comment !== undefined && typeof comment !== 'string') {
    fail(`${path}.$comment`, 'expected a string');
  }
  for (const key of Object.keys(record)) {
    if (!allowedKeys.includes(key)) {
      fail(`${path}.${key}`, `unknown field (expected one of: ${allowedKeys.join(', ')})`);
    }
  }
  return record;
}

/** Reads a plain JSON object whose content is free-form (customData, identities). */
export function readFreeObject(
  value: unknown,
  path: string,
  fallback: Record<string, unknown>,
): Record<string, unknown> {
  if (value === undefined) return fallback;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'expected an object');
  }
  return value as Record<string, unknown>;
}

/** Reads a required non-empty string. */
export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(path, 'expected a non-empty string');
  }
  return value;
}

/** Reads an optional non-empty string. */
export function readOptionalString(value: unknown, path: string, fallback: string): string {
  return value === undefined ? fallback : readString(value, path);
}

/** Reads a string or null; absent means null. */
export function readNullableString(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(path, 'expected a string or null');
  return value;
}

/** Reads an optional boolean. */
export function readBoolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(path, 'expected true or false');
  return value;
}

/** Reads an integer within bounds; `kind` words the error (e.g. `a positive integer`). */
export function readInteger(value: unknown, path: string, min: number, kind: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    fail(path, `expected ${kind}`);
  }
  return value;
}

/** Reads an array, optional when a fallback is given. */
export function readArray(value: unknown, path: string, fallback?: unknown[]): unknown[] {
  if (value === undefined && fallback !== undefined) return fallback;
  if (!Array.isArray(value)) fail(path, 'expected an array');
  return value as unknown[];
}

/** Reads a token-like word: OAuth scopes and ids cannot contain whitespace. */
export function readWord(value: unknown, path: string): string {
  const word = readString(value, path);
  if (/\s/.test(word)) fail(path, 'must not contain whitespace');
  return word;
}

/** Reads an absolute http(s) URL without a fragment. */
export function readHttpUrl(value: unknown, path: string): string {
  const text = readString(value, path);
  const url = URL.parse(text);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    fail(path, 'expected an absolute http(s) URL');
  }
  if (url.hash !== '' || text.includes('#')) fail(path, 'must not contain a fragment (#)');
  return text;
}

/** Reads an origin such as `http://127.0.0.1:5173` (scheme, host and port only). */
export function readOrigin(value: unknown, path: string): string {
  const text = readString(value, path);
  const url = URL.parse(text);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== text) {
    fail(path, 'expected an origin such as http://127.0.0.1:5173 (no path, no trailing slash)');
  }
  return text;
}

/** Throws when `items` repeats a key; `label` names the key in the error. */
export function assertUnique<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  path: (index: number) => string,
  label: string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first !== undefined)
      fail(path(index), `duplicate ${label} "${key}" (also at index ${first})`);
    seen.set(key, index);
  });
}
