import { readFile } from 'node:fs/promises';

import type { DevIdpSeed } from './DevIdpSeed.js';
import { SeedValidationError } from './SeedValidationError.js';
import { validateSeed } from './validateSeed.js';

/**
 * Reads a JSON seed file and validates it.
 *
 * @param path - path to the seed file, e.g. `demo/idp.seed.json`
 * @returns the validated seed with defaults applied
 * @throws {SeedValidationError} when the file cannot be read, is not JSON, or is not a valid
 *   seed; the message is one line naming the file or the bad field
 * @example
 * const seed = await loadSeed('demo/idp.seed.json');
 */
export async function loadSeed(path: string): Promise<DevIdpSeed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new SeedValidationError(path, `cannot read the seed file (${code})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new SeedValidationError(path, `not valid JSON (${(cause as Error).message})`);
  }
  return validateSeed(parsed);
}
