import { useCallback, useRef, useState } from 'react';
import { toLogtoError } from '../../core/errors/LogtoUnexpectedError.js';
import type { LogtoError } from '../../core/errors/LogtoError.js';
import { useLatest } from '../../react/useLatest.js';
import { useMounted } from '../../react/useMounted.js';
import type { AccountClient } from '../AccountClient.js';
import { useAccountClient } from './AccountContext.js';

/** What {@link useAccountAction} returns. */
export interface UseAccountActionResult<Args extends unknown[], Result> {
  /** Runs the action; resolves with its result, or rejects (the error is also in `error`). */
  run: (...args: Args) => Promise<Result>;
  /** Runs the action again with the arguments of the last `run` (e.g. after verifying). */
  retry: () => Promise<Result>;
  /** True while a run is in flight. */
  isPending: boolean;
  /** Why the last run failed; cleared when a run starts. */
  error: LogtoError | undefined;
  /**
   * True when the last run failed for want of an identity verification: ask the user for their
   * password (`account.verifyPassword`) or a code, then `retry()`.
   */
  needsVerification: boolean;
  /** Forgets the error (e.g. when the user cancels). */
  reset: () => void;
}

/**
 * A change to the account as a form runs it: pending state, the error, and the
 * `verification_required` case made visible, so the form asks for the password once and
 * retries. The account client is shared by the page, so one verification serves every form for
 * its ten minutes; `useAccount()` reads the account again after each change.
 *
 * @param action what to do with the account client; may be an inline function
 * @throws Error when used outside `<LogtoProvider>`
 * @example
 * ```tsx
 * const change = useAccountAction((account, password: string) => account.changePassword(password));
 * const verify = useAccountAction((account, password: string) => account.verifyPassword(password));
 * // on submit: change.run(newPassword).catch(() => undefined);
 * // if (change.needsVerification) ask the current password, then:
 * //   await verify.run(current); await change.retry();
 * ```
 */
export function useAccountAction<Args extends unknown[], Result>(
  action: (account: AccountClient, ...args: Args) => Promise<Result>,
): UseAccountActionResult<Args, Result> {
  const account = useAccountClient();
  const latestAction = useLatest(action);
  const mounted = useMounted();
  const lastArgs = useRef<Args | undefined>(undefined);
  const latestRun = useRef(0);
  const [state, setState] = useState<{ pending: number; error: LogtoError | undefined }>({
    pending: 0,
    error: undefined,
  });

  const run = useCallback(
    async (...args: Args): Promise<Result> => {
      lastArgs.current = args;
      const id = ++latestRun.current;
      setState((previous) => ({ pending: previous.pending + 1, error: undefined }));
      let error: LogtoError | undefined;
      try {
        return await latestAction.current(account, ...args);
      } catch (reason) {
        error = toLogtoError(reason);
        throw reason;
      } finally {
        // Only the latest run decides the error shown; every run ends its pending count.
        if (mounted.current) {
          setState((previous) => ({
            pending: previous.pending - 1,
            error: id === latestRun.current ? error : previous.error,
          }));
        }
      }
    },
    [account, latestAction, mounted],
  );
  const retry = useCallback(() => {
    const args = lastArgs.current;
    if (!args) return Promise.reject(new Error('retry() before any run()'));
    return run(...args);
  }, [run]);
  const reset = useCallback(() => setState((previous) => ({ ...previous, error: undefined })), []);

  return {
    run,
    retry,
    isPending: state.pending > 0,
    error: state.error,
    needsVerification: state.error?.code === 'verification_required',
    reset,
  };
}
