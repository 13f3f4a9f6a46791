import { useCallback, useEffect, useRef, useState } from 'react';

/** The clock in epoch seconds, ticking every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() / 1000);
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now() / 1000);
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}

/** State of a user-triggered async action (a button). */
export interface ActionState<T> {
  pending: boolean;
  error: unknown;
  result: T | undefined;
}

/**
 * Runs `action` on demand and keeps its pending/error/result state, ignoring answers of
 * superseded runs and of an unmounted component.
 */
export function useAction<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
): [(...args: A) => void, ActionState<T>, () => void] {
  const [state, setState] = useState<ActionState<T>>({
    pending: false,
    error: undefined,
    result: undefined,
  });
  const latest = useRef(0);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    (...args: A) => {
      const id = ++latest.current;
      setState((previous) => ({ ...previous, pending: true, error: undefined }));
      action(...args).then(
        (result) => {
          if (mounted.current && id === latest.current)
            setState({ pending: false, error: undefined, result });
        },
        (error: unknown) => {
          if (mounted.current && id === latest.current)
            setState({ pending: false, error, result: undefined });
        },
      );
    },
    [action],
  );
  const reset = useCallback(() => {
    latest.current++;
    setState({ pending: false, error: undefined, result: undefined });
  }, []);
  return [run, state, reset];
}
