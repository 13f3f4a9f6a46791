/**
 * Bench 1: what each SDK costs an app, measured like `scripts/size.js` (esbuild bundle + minify,
 * gzip level 9, React external): ours against the peers, and where our bytes go.
 */
import { readFile } from 'node:fs/promises';
import { formatTable } from './formatTable.js';

/** What `scripts/size.js` measures for one bundle. */
interface Measurement {
  minified: number;
  gzip: number;
  metafile: {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
}
type Measure = (source: { file: string } | { contents: string }) => Promise<Measurement>;

/** Ours and the peers an app would choose instead, in the same weight class. */
const groups = [
  {
    ours: { name: 'logto-spa (core)', file: 'src/core/index.ts' },
    peers: ['@logto/browser', 'oidc-client-ts', '@auth0/auth0-spa-js'],
  },
  {
    ours: { name: 'logto-spa/react (core included)', file: 'src/react/index.ts' },
    peers: ['@logto/react', 'react-oidc-context', '@auth0/auth0-react'],
  },
] as const;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (value: number): string => `${value.toFixed(2)}×`;

async function loadMeasure(): Promise<Measure> {
  // A plain-JS script shared with `npm run size`; typed here by what it returns.
  const sizeScript = '../../scripts/size.js';
  const module = (await import(sizeScript)) as { measure: Measure };
  return module.measure;
}

async function versionOf(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(`node_modules/${name}/package.json`, 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Prints the size table and our breakdown; returns the failed invariants (none yet). */
export async function runBundleSizes(): Promise<string[]> {
  const measure = await loadMeasure();
  const rows: string[][] = [];
  let reactEntry: Measurement | undefined;
  for (const group of groups) {
    const ours = await measure({ file: group.ours.file });
    if (group.ours.file.includes('react')) reactEntry = ours;
    rows.push([`**${group.ours.name}**`, kb(ours.minified), kb(ours.gzip), '1.00×']);
    for (const peer of group.peers) {
      const size = await measure({ contents: `export * from '${peer}';` });
      rows.push([
        `${peer} ${await versionOf(peer)}`,
        kb(size.minified),
        kb(size.gzip),
        ratio(size.gzip / ours.gzip),
      ]);
    }
  }
  console.log('\n## Bundle size (esbuild bundle + minify, gzip -9, React external)\n');
  console.log(formatTable(['entry', 'minified', 'gzip', 'gzip vs ours'], rows));
  console.log(
    '\nPeers are measured as `export * from "<package>"`, i.e. everything an app can import ' +
      'from them; ratio > 1 means the peer is larger.',
  );
  await printApps(measure);
  if (reactEntry) await printBreakdown(reactEntry, measure);
  return [];
}

/**
 * What an app ships depends on what it imports: the popup, silent and step-up functions are
 * separate exports, so an app that only redirects does not carry them.
 */
const apps = [
  { name: 'redirect-only app (`LogtoClient`)', imports: 'LogtoClient', react: '' },
  {
    name: 'redirect-only React app (provider, hooks, `<Protected>`)',
    imports: '',
    react: 'LogtoProvider, useLogto, useHandleSignInCallback, useAccessToken, Protected',
  },
  {
    name: 'full app: popup, silent, session check, step-up (vanilla)',
    imports:
      'LogtoClient, signInWithPopup, signInSilently, checkSession, checkSessionOnFocus, reauthenticate',
    react: '',
  },
  {
    name: 'full React app: the above + every React export',
    imports:
      'LogtoClient, signInWithPopup, signInSilently, checkSession, checkSessionOnFocus, reauthenticate',
    react: '*',
  },
  { name: 'everything: logto-spa + logto-spa/react (`export *`)', imports: '*', react: '*' },
] as const;

async function printApps(measure: Measure): Promise<void> {
  const exportsOf = (names: string, entry: string): string =>
    names === ''
      ? ''
      : names === '*'
        ? `export * from '${entry}';`
        : `export { ${names} } from '${entry}';`;
  const peer = await measure({ contents: "export * from '@logto/react';" });
  const rows: string[][] = [];
  for (const app of apps) {
    const size = await measure({
      contents:
        exportsOf(app.imports, './src/core/index.ts') +
        exportsOf(app.react, './src/react/index.ts'),
    });
    rows.push([app.name, kb(size.minified), kb(size.gzip), ratio(peer.gzip / size.gzip)]);
  }
  console.log('\n### What an app ships, by what it imports\n');
  console.log(formatTable(['app', 'minified', 'gzip', '@logto/react vs this'], rows));
}

/** Per-module minified bytes of our React entry (esbuild metafile `bytesInOutput`). */
async function printBreakdown(entry: Measurement, measure: Measure): Promise<void> {
  const output = Object.values(entry.metafile.outputs)[0];
  if (!output) throw new Error('esbuild produced no output');
  const modules = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .filter((module) => module.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const total = modules.reduce((sum, module) => sum + module.bytes, 0);
  const share = (bytes: number): string => `${((100 * bytes) / total).toFixed(1)}%`;
  const byPackage = new Map<string, number>();
  for (const module of modules) {
    const name = packageOf(module.path);
    byPackage.set(name, (byPackage.get(name) ?? 0) + module.bytes);
  }

  console.log('\n### Where the bytes of logto-spa/react go (minified, before gzip)\n');
  console.log(
    formatTable(
      ['module', 'minified', 'share'],
      [
        ...modules
          .slice(0, 20)
          .map((module) => [module.path, kb(module.bytes), share(module.bytes)]),
        ...(modules.length > 20
          ? [
              [
                `${modules.length - 20} more modules`,
                kb(modules.slice(20).reduce((sum, module) => sum + module.bytes, 0)),
                share(modules.slice(20).reduce((sum, module) => sum + module.bytes, 0)),
              ],
            ]
          : []),
      ],
    ),
  );
  console.log('\nBy package:\n');
  console.log(
    formatTable(
      ['package', 'minified', 'share'],
      [...byPackage]
        .sort((a, b) => b[1] - a[1])
        .map(([name, bytes]) => [name, kb(bytes), share(bytes)]),
    ),
  );
  // gzip cannot be split by module; the part the core imports, bundled alone, bounds it. The
  // OidcClient facade is measured too: it is what the core used before, and why it no longer does.
  const signinState = await measure({ contents: "export { SigninState } from 'oidc-client-ts';" });
  const oidcClient = await measure({ contents: "export { OidcClient } from 'oidc-client-ts';" });
  console.log(
    `\noidc-client-ts's SigninState (the only part the core imports) bundled alone: ` +
      `${kb(signinState.minified)} minified, ${kb(signinState.gzip)} gzip ` +
      `(${share(byPackage.get('oidc-client-ts') ?? 0)} of the React entry's minified bytes). ` +
      `Its OidcClient facade would be ${kb(oidcClient.gzip)} gzip.`,
  );
}

/** `node_modules/<pkg>/...` → `<pkg>`; our sources → `src/<entry>`. */
function packageOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match?.[1]) return match[1];
  const ours = /^src\/([^/]+)/.exec(path);
  return ours?.[1] ? `logto-spa src/${ours[1]}` : path;
}
