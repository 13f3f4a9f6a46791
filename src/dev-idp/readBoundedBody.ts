import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body as UTF-8 text, refusing it once it grows past `maxBytes` (a client cannot
 * make the dev IdP buffer an unbounded body).
 *
 * @param tooLarge the error to throw past the limit, so each caller keeps its own answer (400, 413)
 */
export async function readBoundedBody(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
