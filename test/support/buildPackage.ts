import { execFileSync, type StdioOptions } from 'node:child_process';

/**
 * Runs `npm run build` for the tests that load the built package (`dist/`), unless the caller
 * says it is built already: `.ci/run` builds once, then runs `npm test` and the e2e suite side by
 * side, and two builds at once would delete each other's `dist/`.
 */
export function buildPackage(stdio: StdioOptions): void {
  if (process.env.LOGTO_SPA_BUILT === '1') return;
  execFileSync('npm', ['run', 'build', '--silent'], { stdio });
}
