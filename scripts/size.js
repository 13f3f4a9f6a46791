// Prints the size of each browser entry as an app would ship it (esbuild bundle + minify, gzip
// level 9, React external) and fails when one is over its budget. `--json` prints JSON instead.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Budgets in bytes (gzip) for everything an entry exports, the optional capabilities included
 * (popup and silent sign-in, fetch helper, idle sign-out, debug log). 3.7 KB of each is
 * oidc-client-ts's SigninState (the required protocol library); an app that uses fewer
 * capabilities ships less (`npm run bench` measures such apps).
 */
const entries = [
  { name: 'logto-spa (core)', file: 'src/core/index.ts', budget: 17 * 1024 },
  { name: 'logto-spa/react (core included)', file: 'src/react/index.ts', budget: 18 * 1024 },
];

/** Bundles `source` (a file, or stdin contents) and returns minified and gzip sizes. */
export async function measure({ file, contents, resolveDir = process.cwd() }) {
  const result = await build({
    ...(file ? { entryPoints: [file] } : { stdin: { contents, resolveDir, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return {
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    metafile: result.metafile,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = [];
  let over = false;
  for (const entry of entries) {
    const { minified, gzip } = await measure(entry);
    const ok = gzip <= entry.budget;
    over ||= !ok;
    rows.push({
      entry: entry.name,
      minified: kb(minified),
      gzip: kb(gzip),
      budget: kb(entry.budget),
      ok: ok ? 'yes' : 'OVER',
    });
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else console.table(rows);
  if (over) {
    console.error('A bundle is over its size budget.');
    process.exit(1);
  }
}
