/**
 * The environment for a nested npm or package binary: without the `npm_*` variables of the
 * `npm test` that runs us, which would point the nested command at this repository's
 * configuration and prefix.
 */
export function cleanNpmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')),
  );
}
