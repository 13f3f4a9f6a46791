import { useEffect, useRef, type RefObject } from 'react';

/**
 * `current` is true while the component is mounted. StrictMode unmounts and remounts effects
 * once; unlike a flag captured per effect run, this ref is true again after the remount, so work
 * started by the first run can still deliver its result.
 */
export function useMounted(): RefObject<boolean> {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
