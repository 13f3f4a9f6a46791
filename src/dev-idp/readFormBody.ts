import type { IncomingMessage } from 'node:http';

const maxBytes = 64 * 1024;

/**
 * Reads an `application/x-www-form-urlencoded` request body, as the sign-in and sign-up forms
 * post it. Bodies over 64 KiB are refused: no form of ours comes near that.
 *
 * @throws {Error} when the body is too large or the content type is not a form
 */
export async function readFormBody(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new Error('expected an application/x-www-form-urlencoded body');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
