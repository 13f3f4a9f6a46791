import { useCallback, useEffect, useRef, useState } from 'react';
import { toLogtoError } from '../core/errors/LogtoUnexpectedError.js';
import { type LogtoError } from '../core/errors/LogtoError.js';
import { useMounted } from './useMounted.js';

/** What {@link useAsyncResult} renders. */
export interface AsyncResult<T> {
  data: T | undefined;
  error: LogtoError | undefined;
  /** True until the first result for the current key (or while the auth state is loading). */
  isLoading: boolean;
  /** Loads again; resolves with the new value or rejects with the error (also put in `error`). */
  refetch: () => Promise<T>;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: LogtoError | undefined;
}

/**
 * The result of an async read the core does not keep in its snapshot (userinfo, a token for one
 * resource). Guards the usual traps: a result for a key that is no longer current is never shown
 * (so a resource switch mid-request cannot show the old resource's token), only the latest
 * request may write, and nothing is written after unmount.
 *
 * @param options.key identifies what `load` reads; results carry it and are hidden when it changes
 * @param options.load stable for a given key (memoise it)
 * @param options.enabled load automatically; when false nothing is shown and results are dropped
 * @param options.pending the auth state is still settling: report loading
 * @param options.trigger loading again whenever this value changes (e.g. the token revision)
 */
export function useAsyncResult<T>(options: {
  key: string;
  load: () => Promise<T>;
  enabled: boolean;
  pending: boolean;
  trigger?: unknown;
}): AsyncResult<T> {
  const { key, load, enabled, pending, trigger } = options;
  const [settled, setSettled] = useState<Settled<T> | undefined>(undefined);
  const mounted = useMounted();
  const latestRequest = useRef(0);
  const autoLoaded = useRef<{ run: unknown; trigger: unknown } | undefined>(undefined);

  if (!enabled && settled !== undefined) {
    // Signed out (or disabled): forget what was read for the previous session.
    setSettled(undefined);
  }

  const run = useCallback(async (): Promise<T> => {
    const id = ++latestRequest.current;
    const publish = (next: Settled<T>): void => {
      if (!mounted.current || id !== latestRequest.current) return;
      setSettled((previous) =>
        previous?.key === next.key &&
        Object.is(previous.data, next.data) &&
        previous.error === next.error
          ? previous
          : next,
      );
    };
    try {
      const data = await load();
      publish({ key, data, error: undefined });
      return data;
    } catch (error) {
      publish({ key, data: undefined, error: toLogtoError(error) });
      throw error;
    }
  }, [key, load, mounted]);

  useEffect(() => {
    if (!enabled) {
      autoLoaded.current = undefined;
      return;
    }
    const last = autoLoaded.current;
    // StrictMode re-runs this effect at once; the first request is still valid, keep it.
    if (last?.run === run && Object.is(last.trigger, trigger)) return;
    autoLoaded.current = { run, trigger };
    // The failure is delivered through `error`; refetch() callers get the rejection.
    run().catch(() => undefined);
  }, [enabled, trigger, run]);

  const current = enabled && settled?.key === key ? settled : undefined;
  return {
    data: current?.data,
    error: current?.error,
    isLoading: pending || (enabled && current === undefined),
    refetch: run,
  };
}
