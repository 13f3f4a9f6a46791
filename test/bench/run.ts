/**
 * `npm run bench`: bundle sizes against the peers, the requests of a scripted session, and the
 * cost of token reads, in one process. Exits non-zero when a measured invariant fails: a reload
 * with valid tokens makes a request, or concurrent callers of an expired token make more than
 * one refresh.
 */
import { startBenchIdp } from './benchSession.js';
import { runBundleSizes } from './bundleSizes.js';
import { runRequestCounts } from './requestCounts.js';
import { runTokenThroughput } from './tokenThroughput.js';

const started = performance.now();
const failures: string[] = [];
console.log(
  `# logto-spa bench (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`,
);
failures.push(...(await runBundleSizes()));

const idp = await startBenchIdp();
try {
  failures.push(...(await runRequestCounts(idp)));
  failures.push(...(await runTokenThroughput(idp)));
} finally {
  await idp.close();
}

console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
if (failures.length > 0) {
  console.error('\nInvariants FAILED:');
  for (const failure of failures) console.error(`- ${failure}`);
  process.exitCode = 1;
} else {
  console.log(
    'Invariants hold: zero requests on reload with valid tokens; one refresh for concurrent callers.',
  );
}
