/**
 * Bench 2: the requests of a scripted session, per endpoint and per phase: sign in, reload, three
 * API resources and an organization, expiry, reload, sign out. A reload with valid tokens must
 * make none.
 */
import { MemoryStorage } from '../../src/core/index.js';
import type { DevIdp } from '../../src/dev-idp/index.js';
import {
  BenchClock,
  WireLog,
  createBenchClient,
  inventory,
  organizationId,
  postLogoutRedirectUri,
  shopping,
  signIn,
  store,
  tokenTtlSeconds,
  type BenchClient,
  type Endpoint,
} from './benchSession.js';
import { formatTable } from './formatTable.js';

const endpoints: Endpoint[] = [
  'discovery',
  'jwks',
  'token: code',
  'token: refresh',
  'userinfo',
  'revocation',
  'other',
];

interface Phase {
  name: string;
  /** The number of requests this phase must make, when it is an invariant. */
  expectedTotal?: number;
  run: () => Promise<unknown>;
}

/** Runs the session and prints its table; returns the invariants that failed. */
export async function runRequestCounts(idp: DevIdp): Promise<string[]> {
  const storage = new MemoryStorage();
  const clock = new BenchClock();
  const wire = new WireLog();
  const clients: BenchClient[] = [];
  /** A new page: a new client on the same storage (the previous one is gone). */
  const load = (): BenchClient => {
    clients.at(-1)?.client.dispose();
    const bench = createBenchClient(idp, { storage, clock, wire });
    clients.push(bench);
    return bench;
  };
  const current = (): BenchClient => {
    const bench = clients.at(-1);
    if (!bench) throw new Error('no page loaded');
    return bench;
  };
  const readAll = async (): Promise<void> => {
    const { client } = current();
    await client.getAccessToken(shopping);
    await client.getAccessToken(store);
    await client.getAccessToken(inventory);
    await client.getOrganizationToken(organizationId);
  };
  const readSession = async (): Promise<void> => {
    const { client } = current();
    if (!(await client.isAuthenticated())) throw new Error('the session was lost on reload');
    await client.getIdTokenClaims();
  };

  const phases: Phase[] = [
    { name: 'sign in (authorize page, callback)', run: () => signIn(load()) },
    {
      name: 'reload: session, claims, userinfo token',
      expectedTotal: 0,
      run: async () => {
        load();
        await readSession();
        await current().client.getAccessToken();
      },
    },
    { name: '3 resource tokens + 1 organization token', run: readAll },
    { name: 'the same 4 tokens again (cache hits)', expectedTotal: 0, run: readAll },
    { name: 'fetchUserInfo', run: () => current().client.fetchUserInfo() },
    {
      name: 'reload: session + the 4 tokens',
      expectedTotal: 0,
      run: async () => {
        load();
        await readSession();
        await readAll();
      },
    },
    {
      name: `expiry (clock +${2 * tokenTtlSeconds} s): the 4 tokens`,
      run: async () => {
        clock.advance(2 * tokenTtlSeconds);
        await readAll();
      },
    },
    {
      name: 'reload after expiry: session + the 4 tokens',
      expectedTotal: 0,
      run: async () => {
        load();
        await readSession();
        await readAll();
      },
    },
    {
      name: 'sign out (revoke; end-session page)',
      run: () => current().client.signOut(postLogoutRedirectUri),
    },
  ];

  const rows: string[][] = [];
  const failures: string[] = [];
  const totals = new Map<Endpoint, number>();
  try {
    for (const phase of phases) {
      const navigationsBefore = clients.reduce((sum, bench) => sum + bench.navigations.length, 0);
      const counts = await wire.count(phase.run);
      const navigations =
        clients.reduce((sum, bench) => sum + bench.navigations.length, 0) - navigationsBefore;
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
      for (const [endpoint, count] of counts)
        totals.set(endpoint, (totals.get(endpoint) ?? 0) + count);
      rows.push([
        phase.name,
        ...endpoints
          .filter((name) => name !== 'other')
          .map((name) => String(counts.get(name) ?? 0)),
        String(total),
        String(navigations),
      ]);
      if (phase.expectedTotal !== undefined && total !== phase.expectedTotal) {
        failures.push(`"${phase.name}" made ${total} requests; expected ${phase.expectedTotal}`);
      }
      if ((counts.get('other') ?? 0) > 0) failures.push(`"${phase.name}" hit an unknown endpoint`);
    }
    if (await current().client.isAuthenticated()) failures.push('still signed in after signOut');
  } finally {
    current().client.dispose();
  }
  rows.push([
    '**whole session**',
    ...endpoints.filter((name) => name !== 'other').map((name) => `**${totals.get(name) ?? 0}**`),
    `**${[...totals.values()].reduce((sum, count) => sum + count, 0)}**`,
    '',
  ]);

  console.log('\n## Requests of a scripted session (logto-spa against the dev IdP)\n');
  console.log(
    formatTable(
      ['phase', ...endpoints.filter((name) => name !== 'other'), 'requests', 'page navigations'],
      rows,
    ),
  );
  console.log(
    `\nAccess tokens live ${tokenTtlSeconds} s; a token within min(60 s leeway, half its lifetime) ` +
      'of expiry is refreshed. "Reload" = a new LogtoClient on the same storage.',
  );
  return failures;
}
