// Builds the package: browser entries with Vite (library mode), the Node-only dev IdP with
// esbuild, and type declarations for every entry with tsc.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const step = (name) => console.log(`\n▸ ${name}`);

rmSync('dist', { recursive: true, force: true });

step('browser entries (vite)');
await viteBuild({ logLevel: 'warn' });

step('dev IdP (esbuild, node)');
await esbuild({
  entryPoints: ['src/dev-idp/index.ts', 'src/dev-idp/cli.ts'],
  outdir: 'dist/dev-idp',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The seed's JSON Schema (for editors) and the starter seed of `--init`, next to the code that
// finds them from its own URL.
for (const file of ['seed.schema.json', 'starter.seed.json']) {
  copyFileSync(`src/dev-idp/${file}`, `dist/dev-idp/${file}`);
}

step('type declarations (tsc)');
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

console.log('\nbuilt dist/');
