/**
 * Bench 3: what a token read costs. A cache hit must cost no I/O; a refresh shared by 50
 * concurrent callers must make exactly one token request.
 */
import { MemoryStorage } from '../../src/core/index.js';
import type { DevIdp } from '../../src/dev-idp/index.js';
import {
  BenchClock,
  WireLog,
  createBenchClient,
  shopping,
  signIn,
  tokenTtlSeconds,
} from './benchSession.js';
import { formatTable } from './formatTable.js';

const cacheHitCalls = 200_000;
const concurrentCallers = 50;
const refreshRounds = 5;
/**
 * Each round moves the clock just past the point where the token counts as expired (half its
 * lifetime, as the leeway is capped there), so five rounds stay well within the ID token's 300 s
 * clock tolerance.
 */
const advancePerRound = tokenTtlSeconds / 2 + 5;

/** Prints the throughput table; returns the invariants that failed. */
export async function runTokenThroughput(idp: DevIdp): Promise<string[]> {
  const clock = new BenchClock();
  const wire = new WireLog();
  const bench = createBenchClient(idp, { storage: new MemoryStorage(), clock, wire });
  const { client } = bench;
  const failures: string[] = [];
  const rows: string[][] = [];
  try {
    await signIn(bench);
    const token = await client.getAccessToken(shopping);

    // Warm up the JIT, then measure sequential awaited reads.
    for (let index = 0; index < 10_000; index++) await client.getAccessToken(shopping);
    const requestsBefore = wire.entries.length;
    const start = performance.now();
    for (let index = 0; index < cacheHitCalls; index++) {
      if ((await client.getAccessToken(shopping)) !== token)
        throw new Error('a cache hit returned another token');
    }
    const elapsed = performance.now() - start;
    if (wire.entries.length !== requestsBefore)
      failures.push(`cache hits made ${wire.entries.length - requestsBefore} requests`);
    rows.push([
      `getAccessToken, cache hit (${cacheHitCalls.toLocaleString('en')} sequential awaited calls)`,
      `${Math.round(cacheHitCalls / (elapsed / 1000)).toLocaleString('en')} ops/s`,
      `${((1000 * elapsed) / cacheHitCalls).toFixed(2)} µs/call`,
      String(wire.entries.length - requestsBefore),
    ]);

    const walls: number[] = [];
    for (let round = 1; round <= refreshRounds; round++) {
      clock.advance(advancePerRound);
      const before = wire.entries.length;
      const roundStart = performance.now();
      const tokens = await Promise.all(
        Array.from({ length: concurrentCallers }, () => client.getAccessToken(shopping)),
      );
      walls.push(performance.now() - roundStart);
      const requests = wire.entries.slice(before);
      const refreshes = requests.filter((endpoint) => endpoint === 'token: refresh').length;
      if (requests.length !== 1 || refreshes !== 1)
        failures.push(
          `round ${round}: ${concurrentCallers} concurrent callers made ${requests.length} requests (${refreshes} refreshes); expected 1`,
        );
      if (new Set(tokens).size !== 1)
        failures.push(`round ${round}: the concurrent callers got different tokens`);
    }
    const sorted = [...walls].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    rows.push([
      `getAccessToken, token expired, ${concurrentCallers} concurrent callers (median of ${refreshRounds} rounds)`,
      `${median.toFixed(1)} ms wall`,
      `min ${(sorted[0] ?? 0).toFixed(1)} / max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
      `${(wire.entries.length - requestsBefore) / refreshRounds} per round`,
    ]);
  } finally {
    client.dispose();
  }
  console.log('\n## Token reads (one LogtoClient in Node, dev IdP on 127.0.0.1)\n');
  console.log(formatTable(['measure', 'result', 'detail', 'token requests'], rows));
  return failures;
}
