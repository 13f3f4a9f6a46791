/**
 * `AbortSignal.timeout(ms)`, or the same built from an AbortController where the browser lacks it
 * (Safari < 16, Firefox < 100, Chrome < 103): without this, every request and every lock wait
 * would throw there.
 */
export function timeoutSignal(ms: number): AbortSignal {
  if ('timeout' in AbortSignal) return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(
    () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    ms,
  );
  return controller.signal;
}
