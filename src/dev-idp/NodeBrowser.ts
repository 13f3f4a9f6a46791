import { CookieJar } from './CookieJar.js';
import type { HtmlForm } from './htmlForm.js';
import { httpRequest, type HttpRequestInit } from './httpRequest.js';

/** Where a navigation ended: a page, or a URL the caller asked to stop at (not fetched). */
export type Navigation =
  { kind: 'page'; url: string; status: number; body: string } | { kind: 'stopped'; url: string };

const maxRedirects = 20;

/**
 * Just enough browser for Node-side tests: a cookie jar, redirects followed the way browsers
 * follow them (303 and friends turn into GET), and form submission. It never runs scripts.
 */
export class NodeBrowser {
  readonly jar = new CookieJar();

  /**
   * Loads `url`, following redirects until a page is returned or `stopAt` accepts a redirect
   * target (used for the app's redirect URI, which has no server here).
   *
   * @throws {Error} after 20 redirects, or when the server cannot be reached
   */
  async navigate(
    url: string,
    init: HttpRequestInit = {},
    stopAt: (url: string) => boolean = () => false,
  ): Promise<Navigation> {
    let current = url;
    let request = init;
    for (let hop = 0; hop <= maxRedirects; hop += 1) {
      if (stopAt(current)) return { kind: 'stopped', url: current };
      const cookie = this.jar.header(current);
      const response = await httpRequest(current, {
        ...request,
        headers: { ...request.headers, ...(cookie === '' ? {} : { cookie }) },
      });
      this.jar.store(current, response.headers['set-cookie']);
      const location = response.headers.location;
      if (response.status < 300 || response.status > 399 || location === undefined) {
        return { kind: 'page', url: current, status: response.status, body: response.body };
      }
      current = new URL(location, current).href;
      // 307/308 repeat the request as it was; the others become a plain GET.
      if (response.status !== 307 && response.status !== 308) request = {};
    }
    throw new Error(`too many redirects while loading ${url}`);
  }

  /** Submits `form` with its own fields overridden by `values`, as a browser would. */
  submit(
    form: HtmlForm,
    values: Record<string, string>,
    stopAt?: (url: string) => boolean,
  ): Promise<Navigation> {
    const body = new URLSearchParams([...new Map([...form.fields, ...Object.entries(values)])]);
    if (form.method === 'GET') {
      const target = new URL(form.action);
      target.search = body.toString();
      return this.navigate(target.href, {}, stopAt);
    }
    return this.navigate(
      form.action,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      },
      stopAt,
    );
  }
}
