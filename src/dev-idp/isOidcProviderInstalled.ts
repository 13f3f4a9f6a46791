import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Whether `oidc-provider` (the dev IdP's engine, an optional peer dependency) resolves from a
 * project directory, the way Node would find it for code in that project. Only resolved, never
 * loaded: loading prints the engine's runtime notice and takes time.
 *
 * @param directory - the project's directory, e.g. `process.cwd()`
 * @example
 * if (!isOidcProviderInstalled(process.cwd())) console.log('npm i -D oidc-provider');
 */
export function isOidcProviderInstalled(directory: string): boolean {
  // Resolution starts from a file of the directory; the file itself need not exist.
  const require = createRequire(join(directory, 'package.json'));
  try {
    require.resolve('oidc-provider');
    return true;
  } catch (error) {
    // An exports map offering only `import` refuses require.resolve, yet the package is there.
    return (error as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
  }
}
