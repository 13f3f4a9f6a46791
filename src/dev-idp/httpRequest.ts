import { request as httpRequestRaw, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequestRaw } from 'node:https';

/** A complete HTTP response, body as text. */
export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Options of `httpRequest`. */
export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * One HTTP request with `node:http`, redirects not followed. The dev IdP's Node-side helpers use
 * this instead of the global `fetch` because tests may run under happy-dom, whose `fetch`
 * behaves like a browser's (CORS, its own cookies, automatic redirects).
 *
 * @throws the socket error when the server cannot be reached
 */
export function httpRequest(url: string, init: HttpRequestInit = {}): Promise<HttpResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequestRaw : httpRequestRaw;
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
  return new Promise((resolve, reject) => {
    // A fresh connection per request: a pooled keep-alive socket could outlive a suspended IdP
    // and fail as "socket hang up" instead of the plain refusal a test expects.
    const req = send(target, { method: init.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
