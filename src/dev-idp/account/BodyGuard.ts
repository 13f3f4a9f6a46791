import { AccountApiError } from './AccountApiError.js';

/** Options of a string field. */
export interface StringRule {
  /** Also accept `null`. */
  nullable?: boolean;
  /** The whole value must match. */
  pattern?: RegExp;
  /** Must be an absolute URL. */
  url?: boolean;
  /** Refuse the empty string. */
  nonEmpty?: boolean;
}

/**
 * Reads an untrusted JSON request body field by field, the way Logto's zod guards do: unknown
 * keys are ignored, a wrong type answers 400 `guard.invalid_input` naming the key path in
 * `details`. Values are never echoed back (they may be passwords or codes).
 */
export class BodyGuard {
  readonly #record: Record<string, unknown>;
  readonly #path: string;

  private constructor(record: Record<string, unknown>, path: string) {
    this.#record = record;
    this.#path = path;
  }

  /**
   * Starts reading a body, which must be a JSON object.
   *
   * @throws {AccountApiError} 400 `guard.invalid_input` for anything else
   */
  static of(value: unknown): BodyGuard {
    return new BodyGuard(asObject(value, ''), '');
  }

  /** True when the key is present (even as `null`). */
  has(key: string): boolean {
    return this.#record[key] !== undefined;
  }

  /** A required string. */
  string(key: string, rule: StringRule = {}): string {
    const value = this.optionalString(key, rule);
    if (value === undefined || value === null) this.#fail(key, 'required');
    return value;
  }

  /** An optional string; `null` only with `rule.nullable`. */
  optionalString(key: string, rule: StringRule = {}): string | null | undefined {
    const value = this.#record[key];
    if (value === undefined) return undefined;
    if (value === null) {
      if (rule.nullable === true) return null;
      this.#fail(key, 'expected a string, received null');
    }
    if (typeof value !== 'string') this.#fail(key, `expected a string, received ${kind(value)}`);
    if (rule.nonEmpty === true && value === '') this.#fail(key, 'must not be empty');
    if (rule.pattern && !rule.pattern.test(value)) this.#fail(key, 'has an invalid format');
    if (rule.url === true && !URL.canParse(value)) this.#fail(key, 'expected a URL');
    return value;
  }

  /** A required boolean. */
  boolean(key: string): boolean {
    const value = this.#record[key];
    if (typeof value !== 'boolean') this.#fail(key, `expected a boolean, received ${kind(value)}`);
    return value;
  }

  /** A required array of strings. */
  stringArray(key: string): string[] {
    const value = this.#record[key];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      this.#fail(key, `expected an array of strings, received ${kind(value)}`);
    }
    return value;
  }

  /** A nested object, read with its own guard; undefined when absent. */
  optionalObject(key: string): BodyGuard | undefined {
    const value = this.#record[key];
    if (value === undefined) return undefined;
    return new BodyGuard(asObject(value, this.#keyPath(key)), this.#keyPath(key));
  }

  /** A free-form JSON object (custom data), undefined when absent. */
  optionalJsonObject(key: string): Record<string, unknown> | undefined {
    const value = this.#record[key];
    if (value === undefined) return undefined;
    return asObject(value, this.#keyPath(key));
  }

  #keyPath(key: string): string {
    return this.#path === '' ? key : `${this.#path}.${key}`;
  }

  #fail(key: string, problem: string): never {
    throw invalidInput(this.#keyPath(key), problem);
  }
}

/** Logto's answer to a request part its guard refuses. */
export function invalidInput(path: string, problem: string, type = 'body'): AccountApiError {
  return new AccountApiError('guard.invalid_input', 400, {
    interpolation: { type },
    details: path === '' ? problem : `${path}: ${problem}`,
  });
}

function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidInput(path, `expected an object, received ${kind(value)}`);
  }
  return value as Record<string, unknown>;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
