/**
 * Builds what the browser tests load, once per run: the package (`npm run build`), the demo app
 * against it, the bare test page bundled from the built `dist/core/index.js`, and the guard app
 * (a React page with a hand-written sign-in guard) on the built `dist/react/index.js`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { chromiumPath } from '../../scripts/chromium.js';

export const e2eBuildDir = 'test-results/e2e-build';

export default async function setup(): Promise<void> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  }
  const started = Date.now();
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--config',
      'demo/vite.config.ts',
      '--outDir',
      `../${e2eBuildDir}/demo`,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // React's development build on purpose: only it runs StrictMode's double effects, which the
    // callback scenarios must survive. (`npm run build:demo` makes the production build.)
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } },
  );
  await build({
    entryPoints: ['test/e2e/fixture/tab.ts'],
    outfile: `${e2eBuildDir}/fixture/tab.js`,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    alias: { 'logto-spa': './dist/core/index.js' },
    logLevel: 'warning',
  });
  execFileSync('cp', ['test/e2e/fixture/index.html', `${e2eBuildDir}/fixture/index.html`]);
  // The hand-written-guard app, with React's development build (StrictMode's double effects).
  await build({
    entryPoints: ['test/e2e/fixture/guard/guard.tsx'],
    outfile: `${e2eBuildDir}/guard/guard.js`,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    alias: { 'logto-spa': './dist/core/index.js', 'logto-spa/react': './dist/react/index.js' },
    logLevel: 'warning',
  });
  execFileSync('cp', ['test/e2e/fixture/guard/index.html', `${e2eBuildDir}/guard/index.html`]);
  console.log(`e2e build ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
