/**
 * happy-dom has no Web Locks API (`navigator.locks` is null). This is a small, faithful stand-in
 * for exclusive locks: requests for one name are granted in order, one at a time, shared by every
 * "tab" (client) in the test process, and an aborted signal rejects a request still waiting.
 * Real Chromium's implementation is exercised by the e2e suite.
 */
type Callback = (lock: { name: string; mode: 'exclusive' }) => unknown;

const queues = new Map<string, Promise<unknown>>();

function request(
  name: string,
  optionsOrCallback: { signal?: AbortSignal } | Callback,
  maybeCallback?: Callback,
): Promise<unknown> {
  const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
  const signal = typeof optionsOrCallback === 'function' ? undefined : optionsOrCallback.signal;
  if (!callback) return Promise.reject(new TypeError('callback required'));
  const previous = queues.get(name) ?? Promise.resolve();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  queues.set(
    name,
    previous.then(() => held),
  );
  return new Promise((resolve, reject) => {
    let granted = false;
    const onAbort = () => {
      if (granted) return;
      reject(signal?.reason as Error);
      // Give up our place: release as soon as our turn comes.
      void previous.then(release);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    void previous.then(async () => {
      if (signal?.aborted) return;
      granted = true;
      signal?.removeEventListener('abort', onAbort);
      try {
        resolve(await callback({ name, mode: 'exclusive' }));
      } catch (error) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- reject wants an Error
        reject(error as Error);
      } finally {
        release();
      }
    });
  });
}

if (typeof navigator !== 'undefined' && !(navigator as { locks?: unknown }).locks) {
  Object.defineProperty(navigator, 'locks', { configurable: true, value: { request } });
}
