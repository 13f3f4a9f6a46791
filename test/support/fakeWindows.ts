/**
 * happy-dom cannot open windows nor run a page in an iframe, so these stand in for them: the
 * popup is an object with the few members `signInWithPopup` uses, and an iframe appended to the
 * page is noticed and its URL handed to the test. What happens in the window (Logto's pages,
 * the app's callback route) is played by the test with the real dev IdP and a real client.
 */
import { vi } from 'vitest';

export interface FakePopup {
  /** What `window.open` returned. */
  readonly window: Window;
  /** URLs the opener sent the popup to. */
  readonly navigations: string[];
  /** The user closes the popup. */
  closeByUser(): void;
  readonly closed: boolean;
}

/**
 * Makes `window.open` return a fake popup; `onNavigate` plays what the popup shows for each URL
 * the opener sends it to. The page's own `window.close` (which a relaying popup calls) is muted.
 */
export function stubPopup(onNavigate: (url: string) => unknown = () => undefined): {
  popup: FakePopup;
  open: ReturnType<typeof vi.spyOn>;
} {
  const navigations: string[] = [];
  let closed = false;
  const fake = {
    get closed() {
      return closed;
    },
    close() {
      closed = true;
    },
    location: {
      set href(url: string) {
        navigations.push(url);
        void onNavigate(url);
      },
    },
    postMessage() {},
  };
  const popupWindow = fake as unknown as Window;
  const open = vi.spyOn(window, 'open').mockImplementation(() => popupWindow);
  vi.spyOn(window, 'close').mockImplementation(() => undefined);
  return {
    popup: {
      window: popupWindow,
      navigations,
      closeByUser: () => {
        closed = true;
      },
      get closed() {
        return closed;
      },
    },
    open,
  };
}

/**
 * Calls `onFrame` with the URL of each iframe appended to the page. `frames` lists them with the
 * URL they were given (kept aside, not in the attribute: happy-dom would try, and loudly fail, to
 * load it).
 */
export function watchFrames(onFrame: (src: string, frame: HTMLIFrameElement) => unknown): {
  frames: { element: HTMLIFrameElement; src: string }[];
  stop(): void;
} {
  const frames: { element: HTMLIFrameElement; src: string }[] = [];
  const srcs = new WeakMap<HTMLIFrameElement, string>();
  vi.spyOn(HTMLIFrameElement.prototype, 'src', 'set').mockImplementation(function (
    this: HTMLIFrameElement,
    value: string,
  ) {
    srcs.set(this, value);
  });
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof HTMLIFrameElement) {
          const src = srcs.get(node) ?? '';
          frames.push({ element: node, src });
          void onFrame(src, node);
        }
  });
  observer.observe(document.body, { childList: true });
  return { frames, stop: () => observer.disconnect() };
}
