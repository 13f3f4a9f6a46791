/**
 * Builds what the browser tests load, once per run: the package (`npm run build`), the demo app
 * against it, the bare test page bundled from the built `dist/core/index.js`, and the guard app
 * (a React page with a hand-written sign-in guard) on the built `dist/react/index.js`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { chromiumPath } from '../../scripts/chromium.js';
import { selectedEngines } from './support/BrowserDriver.js';
import { firefoxPath } from './support/engines/firefoxEngine.js';
import { miniBrowserPath, webkitDriverPath } from './support/engines/webkitEngine.js';
import { buildPackage } from '../support/buildPackage.js';

export const e2eBuildDir = 'test-results/e2e-build';

export default async function setup(): Promise<void> {
  // Chromium runs the full suite, the other engines the cross-engine scenarios.
  const engines = selectedEngines();
  const missing = [
    !existsSync(chromiumPath) && `Chromium (${chromiumPath}): apt-get install -y chromium`,
    engines.includes('firefox') &&
      !existsSync(firefoxPath) &&
      `Firefox (${firefoxPath}): apt-get install -y firefox-esr`,
    engines.includes('webkit') &&
      !existsSync(webkitDriverPath) &&
      `WebKitWebDriver (${webkitDriverPath}): apt-get install -y webkit2gtk-driver xvfb`,
  ].filter(Boolean);
  if (missing.length > 0) throw new Error(`Browsers missing: ${missing.join('; ')}`);
  if (engines.includes('webkit')) miniBrowserPath();
  const started = Date.now();
  buildPackage('inherit');
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
  await bundlePage('test/e2e/fixture', 'fixture', 'tab.ts');
  await bundlePage('test/e2e/fixture/guard', 'guard', 'guard.tsx');
  console.log(`e2e build ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Bundles a test page's script against the built package (`dist/`), with React's development
 * build (StrictMode's double effects), and copies its index.html next to it.
 */
async function bundlePage(sourceDir: string, name: string, entry: string): Promise<void> {
  await build({
    entryPoints: [`${sourceDir}/${entry}`],
    outfile: `${e2eBuildDir}/${name}/${entry.replace(/\.tsx?$/, '.js')}`,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    alias: { 'logto-spa': './dist/core/index.js', 'logto-spa/react': './dist/react/index.js' },
    logLevel: 'warning',
  });
  execFileSync('cp', [`${sourceDir}/index.html`, `${e2eBuildDir}/${name}/index.html`]);
}
