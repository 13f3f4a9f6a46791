import type { IncomingMessage } from 'node:http';

import { readBoundedBody } from '../readBoundedBody.js';

const maxBodyBytes = 1024 * 1024;

/** The body was too large to read (answered 413). */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

/**
 * Reads a request body as JSON, as Logto's body parser does: a JSON content type is parsed
 * (a `SyntaxError` for bad JSON), any other body counts as `{}`.
 *
 * @throws {SyntaxError} for a JSON body that does not parse
 * @throws {BodyTooLarge} past 1 MiB
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBoundedBody(
    req,
    maxBodyBytes,
    () => new BodyTooLarge('request body over 1 MiB'),
  );
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type) || text.trim() === '') return {};
  return JSON.parse(text) as unknown;
}
