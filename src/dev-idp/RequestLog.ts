import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP request the dev IdP served. Token values are never recorded. */
export interface DevIdpRequest {
  method: string;
  /** Path without the query string (queries can carry `id_token_hint`). */
  path: string;
  /** HTTP status of the response; 0 while the response has not been sent. */
  status: number;
  /** `grant_type` of a token request. */
  grantType?: string;
  /** `resource` of a token request. */
  resource?: string;
  /** `organization_id` of a token request. */
  organizationId?: string;
  /** Epoch milliseconds when the request arrived. */
  time: number;
}

/** Token-request details worth recording, taken from the parsed request body. */
export type RequestAnnotation = Pick<DevIdpRequest, 'grantType' | 'resource' | 'organizationId'>;

/**
 * The IdP's request log: tests read it to count requests (e.g. "exactly one refresh") and to
 * see which resource or organization a token request asked for.
 */
export class RequestLog {
  /** Live array; cleared in place so references handed out stay valid. */
  readonly entries: DevIdpRequest[] = [];
  readonly #byRequest = new WeakMap<IncomingMessage, DevIdpRequest>();

  /** Records a request as it arrives and captures its status when the response ends. */
  start(req: IncomingMessage, res: ServerResponse): void {
    const entry: DevIdpRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0] ?? '/',
      status: 0,
      time: Date.now(),
    };
    this.entries.push(entry);
    this.#byRequest.set(req, entry);
    // Set the status inside end(), not on 'finish': a client in the same process can read the
    // response before 'finish' fires, and tests look at the log right after a response.
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      entry.status = res.statusCode;
      return end(...args);
    }) as ServerResponse['end'];
  }

  /** Adds token-request details to the entry of `req`. */
  annotate(req: IncomingMessage, annotation: RequestAnnotation): void {
    const entry = this.#byRequest.get(req);
    if (entry) Object.assign(entry, annotation);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
