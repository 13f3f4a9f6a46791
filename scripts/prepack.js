// `npm pack` and `npm publish` build first, so a tarball never carries a stale or missing dist/.
// Callers that have just built (the package tests, CI) say so with LOGTO_SPA_BUILT=1.
import { execFileSync } from 'node:child_process';

if (process.env.LOGTO_SPA_BUILT !== '1') {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'inherit', 'inherit'] });
}
