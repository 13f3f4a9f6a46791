import type { IncomingMessage } from 'node:http';

import { readBoundedBody } from './readBoundedBody.js';

const maxBytes = 64 * 1024;

/** A request body the sign-in pages cannot accept; the client's fault, so a 400. */
export class FormBodyError extends Error {
  override readonly name = 'FormBodyError';
}

/**
 * Reads an `application/x-www-form-urlencoded` request body, as the sign-in and sign-up forms
 * post it. Bodies over 64 KiB are refused: no form of ours comes near that.
 *
 * @throws {FormBodyError} when the body is too large or the content type is not a form
 */
export async function readFormBody(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new FormBodyError('expected an application/x-www-form-urlencoded body');
  }
  const text = await readBoundedBody(
    req,
    maxBytes,
    () => new FormBodyError('request body too large'),
  );
  return new URLSearchParams(text);
}
