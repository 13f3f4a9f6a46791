import { LogtoError } from '../core/index.js';
import type {
  MockCall,
  MockError,
  MockErrors,
  MockedApi,
  MockMethodName,
} from './MockLogtoClient.js';

/** The arguments of `getAccessToken`: the token a call of its family asks for. */
type TokenTarget = Parameters<MockedApi['getAccessToken']>;

/**
 * The mock client's record of calls and its injected errors (`MockClientOptions.errors`,
 * `setError`): which call happened, with which arguments, and whether it must fail.
 */
export class MockCallLog {
  readonly #calls: MockCall[] = [];
  readonly #errors: { [K in MockMethodName]?: MockError<K> | undefined };

  constructor(errors: MockErrors = {}) {
    this.#errors = { ...errors };
  }

  get calls(): readonly MockCall[] {
    return [...this.#calls];
  }

  callsOf<K extends MockMethodName>(method: K): Parameters<MockedApi[K]>[] {
    return this.#calls
      .filter((call) => call.method === method)
      .map((call) => call.args as Parameters<MockedApi[K]>);
  }

  clear(): void {
    this.#calls.length = 0;
  }

  setError<K extends MockMethodName>(method: K, error: MockError<K> | undefined): void {
    (this.#errors as Record<K, MockError<K> | undefined>)[method] = error;
  }

  /** Records a call without looking for an error (a repeated call that settles like the first). */
  record<K extends MockMethodName>(method: K, args: Parameters<MockedApi[K]>): void {
    this.#calls.push({ method, args } as MockCall);
  }

  /**
   * Records the call and returns the error it must fail with: the one configured for `method`,
   * or for `getAccessToken` when the call goes through it in the real client (`family`). For a
   * token call, `target` says which token the failure is about.
   */
  enter<K extends MockMethodName>(
    method: K,
    args: Parameters<MockedApi[K]>,
    family?: 'getAccessToken',
  ): { error: LogtoError; target: TokenTarget | undefined } | undefined {
    this.record(method, args);
    const isTokenCall = method === 'getAccessToken' || family === 'getAccessToken';
    const target: TokenTarget =
      method === 'getOrganizationToken' || method === 'getOrganizationTokenClaims'
        ? [undefined, args[0] as string]
        : (args as TokenTarget);
    const error =
      this.#errorFor(method, args) ??
      (isTokenCall ? this.#errorFor('getAccessToken', target) : undefined);
    return error ? { error, target: isTokenCall ? target : undefined } : undefined;
  }

  #errorFor<K extends MockMethodName>(
    method: K,
    args: Parameters<MockedApi[K]>,
  ): LogtoError | undefined {
    const configured = this.#errors[method];
    if (configured === undefined || configured instanceof LogtoError) return configured;
    return configured(...args);
  }
}
