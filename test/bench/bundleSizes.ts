/**
 * Bench 1: what each SDK costs an app, measured like `scripts/size.js` (esbuild bundle + minify,
 * gzip level 9, React external): ours against the peers, and where our bytes go.
 */
import { readFile } from 'node:fs/promises';
import { formatTable } from './formatTable.js';

/** Sizes of some chunks: minified bytes and the sum of each chunk's gzip size. */
interface Size {
  minified: number;
  gzip: number;
}
/** What `scripts/size.js` measures for one bundle, built with code splitting. */
interface Measurement {
  /** What loads before the app runs: the entry chunk and the chunks it imports statically. */
  initial: Size;
  /** Chunks loaded by `import()` when the code that needs them runs (a sign-in). */
  lazy: Size;
  total: Size;
  /** Minified bytes of each input module, and whether they are in a lazy chunk. */
  modules: { path: string; bytes: number; lazy: boolean }[];
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

/** What the bench uses of `scripts/size.js`. */
interface SizeScript {
  measure: Measure;
  /** An app that does `export * from` every browser entry that exists (its "everything" row). */
  everythingSource: () => string;
}

async function loadSizeScript(): Promise<SizeScript> {
  // A plain-JS script shared with `npm run size`; typed here by what it returns.
  const sizeScript = '../../scripts/size.js';
  return (await import(sizeScript)) as SizeScript;
}

/** The gzip columns shared by every table: initial, lazy, total. */
const gzipColumns = (size: Measurement): string[] => [
  kb(size.initial.gzip),
  size.lazy.gzip === 0 ? '–' : kb(size.lazy.gzip),
  kb(size.total.gzip),
];

async function versionOf(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(`node_modules/${name}/package.json`, 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Prints the size table and our breakdown; returns the failed invariants (none yet). */
export async function runBundleSizes(): Promise<string[]> {
  const { measure, everythingSource } = await loadSizeScript();
  const rows: string[][] = [];
  let reactEntry: Measurement | undefined;
  for (const group of groups) {
    const ours = await measure({ file: group.ours.file });
    if (group.ours.file.includes('react')) reactEntry = ours;
    rows.push([`**${group.ours.name}**`, ...gzipColumns(ours), '1.00×', '1.00×']);
    for (const peer of group.peers) {
      const size = await measure({ contents: `export * from '${peer}';` });
      rows.push([
        `${peer} ${await versionOf(peer)}`,
        ...gzipColumns(size),
        ratio(size.initial.gzip / ours.initial.gzip),
        ratio(size.total.gzip / ours.total.gzip),
      ]);
    }
  }
  console.log(
    '\n## Bundle size (esbuild bundle + minify with code splitting, gzip -9, React external)\n',
  );
  console.log(
    formatTable(
      ['entry', 'initial gzip', 'lazy gzip', 'total gzip', 'initial vs ours', 'total vs ours'],
      rows,
    ),
  );
  console.log(
    '\n*initial*: downloaded before the app runs; *lazy*: downloaded when a sign-in starts or a ' +
      'callback arrives (oidc-client-ts and the sign-in steps), never by a visitor who is ' +
      'already signed in. Peers are measured as `export * from "<package>"`, i.e. everything an ' +
      'app can import from them; ratio > 1 means the peer is larger.',
  );
  const failures = await printApps(measure, everythingSource());
  if (reactEntry) await printBreakdown(reactEntry, measure);
  return failures;
}

/** The optional helpers' modules: an app that does not import them must not ship them. */
const helpers = ['src/core/createFetch.ts', 'src/core/createIdleTimer.ts'];

/**
 * What an app ships depends on what it imports: the popup, silent and step-up functions are
 * separate exports, and the fetch helper and idle sign-out separate entries, so an app that only
 * redirects does not carry them. `more` is what else the app imports; `absent`, modules it must
 * not ship.
 */
const apps: readonly {
  name: string;
  imports: string;
  react: string;
  more?: string;
  absent?: readonly string[];
}[] = [
  { name: 'redirect-only app (`LogtoClient`)', imports: 'LogtoClient', react: '', absent: helpers },
  {
    name: 'redirect-only React app (provider, hooks, `<Protected>`)',
    imports: '',
    react: 'LogtoProvider, useLogto, useHandleSignInCallback, useAccessToken, Protected',
    absent: helpers,
  },
  {
    name: 'redirect-only app + `createFetch` + `createIdleTimer`',
    imports: 'LogtoClient',
    react: '',
    more: "export { createFetch } from './src/fetch/index.ts'; export { createIdleTimer } from './src/idle/index.ts';",
  },
  {
    name: 'redirect-only React app + `useApiFetch` + `useIdleTimer`',
    imports: '',
    react: 'LogtoProvider, useLogto, useHandleSignInCallback, useAccessToken, Protected',
    more: "export { useApiFetch } from './src/fetch/react/index.ts'; export { useIdleTimer } from './src/idle/react/index.ts';",
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
] as const;

async function printApps(measure: Measure, everythingSource: string): Promise<string[]> {
  const failures: string[] = [];
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
        exportsOf(app.react, './src/react/index.ts') +
        (app.more ?? ''),
    });
    for (const module of app.absent ?? []) {
      if (size.modules.some((shipped) => shipped.path.endsWith(module) && shipped.bytes > 0)) {
        failures.push(`${app.name} ships ${module}`);
      }
    }
    rows.push([app.name, ...gzipColumns(size), ratio(peer.initial.gzip / size.initial.gzip)]);
  }
  const coreAndReact = await measure({
    contents: "export * from './src/core/index.ts';\nexport * from './src/react/index.ts';",
  });
  rows.push([
    '**logto-spa + logto-spa/react, all exports: budgeted under @logto/react**',
    ...gzipColumns(coreAndReact),
    ratio(peer.initial.gzip / coreAndReact.initial.gzip),
  ]);
  const everything = await measure({ contents: everythingSource });
  rows.push([
    'every browser entry (`export *`, with logto-spa/fetch and logto-spa/idle)',
    ...gzipColumns(everything),
    ratio(peer.initial.gzip / everything.initial.gzip),
  ]);
  rows.push([`@logto/react ${await versionOf('@logto/react')}`, ...gzipColumns(peer), '1.00×']);
  console.log('\n### What an app ships, by what it imports\n');
  console.log(
    formatTable(
      ['app', 'initial gzip', 'lazy gzip', 'total gzip', '@logto/react vs this (initial)'],
      rows,
    ),
  );
  console.log(
    `\nlogto-spa + logto-spa/react at once: ${coreAndReact.initial.gzip} bytes gzip up front; ` +
      `every browser entry at once: ${everything.initial.gzip} bytes gzip up front ` +
      `(@logto/react: ${peer.initial.gzip}), ${everything.lazy.gzip} more when a sign-in starts.`,
  );
  return failures;
}

/** Per-module minified bytes of our React entry (esbuild metafile `bytesInOutput`). */
async function printBreakdown(entry: Measurement, measure: Measure): Promise<void> {
  const modules = [...entry.modules].sort((a, b) => b.bytes - a.bytes);
  const total = modules.reduce((sum, module) => sum + module.bytes, 0);
  const share = (bytes: number): string => `${((100 * bytes) / total).toFixed(1)}%`;
  const where = (lazy: boolean): string => (lazy ? 'lazy' : 'initial');
  const byPackage = new Map<string, { bytes: number; lazy: boolean }>();
  for (const module of modules) {
    const key = `${packageOf(module.path)}\0${where(module.lazy)}`;
    const sum = byPackage.get(key) ?? { bytes: 0, lazy: module.lazy };
    sum.bytes += module.bytes;
    byPackage.set(key, sum);
  }
  const rest = modules.slice(20);
  const restBytes = rest.reduce((sum, module) => sum + module.bytes, 0);

  console.log('\n### Where the bytes of logto-spa/react go (minified, before gzip)\n');
  console.log(
    formatTable(
      ['module', 'chunk', 'minified', 'share'],
      [
        ...modules
          .slice(0, 20)
          .map((module) => [
            module.path,
            where(module.lazy),
            kb(module.bytes),
            share(module.bytes),
          ]),
        ...(rest.length > 0
          ? [[`${rest.length} more modules`, '', kb(restBytes), share(restBytes)]]
          : []),
      ],
    ),
  );
  console.log('\nBy package:\n');
  console.log(
    formatTable(
      ['package', 'chunk', 'minified', 'share'],
      [...byPackage]
        .sort((a, b) => b[1].bytes - a[1].bytes)
        .map(([key, sum]) => [
          key.split('\0')[0] ?? key,
          where(sum.lazy),
          kb(sum.bytes),
          share(sum.bytes),
        ]),
    ),
  );
  // gzip cannot be split by module; the part the sign-in steps import, bundled alone, bounds it.
  // The OidcClient facade is measured too: it is what the core used before, and why it no longer does.
  const signinState = await measure({ contents: "export { SigninState } from 'oidc-client-ts';" });
  const oidcClient = await measure({ contents: "export { OidcClient } from 'oidc-client-ts';" });
  console.log(
    `\noidc-client-ts's SigninState (the only part the sign-in steps import, in the lazy chunk) ` +
      `bundled alone: ${kb(signinState.total.minified)} minified, ${kb(signinState.total.gzip)} gzip. ` +
      `Its OidcClient facade would be ${kb(oidcClient.total.gzip)} gzip.`,
  );
}

/** `node_modules/<pkg>/...` → `<pkg>`; our sources → `src/<entry>`. */
function packageOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match?.[1]) return match[1];
  const ours = /^src\/([^/]+)/.exec(path);
  return ours?.[1] ? `logto-spa src/${ours[1]}` : path;
}
