import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { DevIdpSeed } from './DevIdpSeed.js';
import { validateSeed } from './validateSeed.js';

/** Raised when the starter seed would overwrite a file. */
export class SeedFileExistsError extends Error {
  override readonly name = 'SeedFileExistsError';

  /** @param path - the file that already exists */
  constructor(readonly path: string) {
    super(`${path} already exists and was left as it is (remove it or name another file)`);
  }
}

/**
 * The starter seed and the seed's JSON Schema sit next to this module, in the sources and in
 * dist/ alike (the build copies them), so both are found from `import.meta.url`.
 */
const starterUrl = new URL('./starter.seed.json', import.meta.url);
const schemaUrl = new URL('./seed.schema.json', import.meta.url);

/**
 * Writes the commented starter seed of `logto-spa-dev-idp --init`: an app registered for
 * http://localhost:5173 and http://127.0.0.1:5173, one API with two permissions, two roles, one
 * organization and two users. Its `"$schema"` points at the schema shipped with the package,
 * relative to the new file, so editors complete and check it.
 *
 * @param path - where to write it, e.g. `idp.seed.json`; an existing file is never overwritten
 * @returns the seed as the IdP will load it
 * @throws {SeedFileExistsError} when `path` exists
 * @example
 * const seed = await writeStarterSeed('idp.seed.json');
 * console.log(seed.app.appId); // my-spa
 */
export async function writeStarterSeed(path: string): Promise<DevIdpSeed> {
  const starter = JSON.parse(await readFile(starterUrl, 'utf8')) as Record<string, unknown>;
  let schema = relative(dirname(resolve(path)), fileURLToPath(schemaUrl))
    .split(sep)
    .join('/');
  if (!schema.startsWith('.')) schema = `./${schema}`;
  const text = `${JSON.stringify({ ...starter, $schema: schema }, null, 2)}\n`;
  // What is written is what loads: validate the very text before it reaches the disk.
  const seed = validateSeed(JSON.parse(text));
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new SeedFileExistsError(path);
    throw error;
  }
  return seed;
}
