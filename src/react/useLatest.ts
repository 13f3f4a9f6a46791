import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref that holds the value of the last committed render. Effects read callbacks and option
 * objects through it, so an inline `onSuccess={() => ...}` does not re-run (or re-trigger) them.
 * Declare it before the effects that read it: effects run in order.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
