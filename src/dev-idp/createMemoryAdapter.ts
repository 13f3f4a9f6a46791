import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; Infinity when the model gave no lifetime. */
  expiresAt: number;
}

/** Models whose records belong to a grant and die with it. */
const grantBound = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/** The in-memory storage of one IdP. */
export interface MemoryAdapter {
  /** The `adapter` factory for the oidc-provider configuration. */
  adapter: (model: string) => Adapter;
  /**
   * Sets `exp` of every live record of `model` (e.g. `RefreshToken`) to now. The records stay
   * readable, so oidc-provider finds them and refuses them as expired, exactly as when their
   * lifetime runs out; their grants are left alone.
   *
   * @returns how many records were expired
   */
  expireAll(model: string): number;
}

/**
 * Creates the storage for one IdP instance. oidc-provider's bundled memory adapter is an LRU
 * capped at 1000 entries: a long dev or e2e session could silently evict a live grant and
 * look like a client bug. This store has no cap, drops entries only when they expire, and
 * belongs to one instance, so two IdPs in one process never share state.
 */
export function createMemoryAdapter(): MemoryAdapter {
  const entries = new Map<string, Entry>();
  const grantMembers = new Map<string, Set<string>>();
  const sessionIdsByUid = new Map<string, string>();
  let writesSinceSweep = 0;

  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      remove(key);
      return undefined;
    }
    return entry.payload;
  };

  const remove = (key: string): void => {
    const entry = entries.get(key);
    entries.delete(key);
    const grantId = entry?.payload.grantId;
    if (grantId !== undefined) grantMembers.get(grantId)?.delete(key);
    const uid = entry?.payload.uid;
    if (uid !== undefined && key.startsWith('Session:')) sessionIdsByUid.delete(uid);
  };

  // Expired entries are otherwise only noticed when read; sweep now and then so a dev server
  // running for days does not grow without bound.
  const sweepSometimes = (): void => {
    writesSinceSweep += 1;
    if (writesSinceSweep < 500) return;
    writesSinceSweep = 0;
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) remove(key);
  };

  const expireAll = (model: string): number => {
    const now = Date.now();
    let expired = 0;
    for (const [key, entry] of entries) {
      if (!key.startsWith(`${model}:`) || entry.expiresAt <= now) continue;
      entry.payload.exp = Math.floor(now / 1000);
      expired += 1;
    }
    return expired;
  };

  const adapter = (model: string): Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        remove(key);
        entries.set(key, {
          payload,
          expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity,
        });
        if (grantBound.has(model) && payload.grantId !== undefined) {
          const members = grantMembers.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grantMembers.set(payload.grantId, members);
        }
        if (model === 'Session' && payload.uid !== undefined) sessionIdsByUid.set(payload.uid, id);
        sweepSometimes();
        return Promise.resolve();
      },
      find(id) {
        return Promise.resolve(live(keyFor(id)));
      },
      findByUid(uid) {
        const id = sessionIdsByUid.get(uid);
        return Promise.resolve(id === undefined ? undefined : live(keyFor(id)));
      },
      findByUserCode() {
        // The device flow is disabled; nothing is ever stored by user code.
        return Promise.resolve(undefined);
      },
      consume(id) {
        const payload = live(keyFor(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy(id) {
        remove(keyFor(id));
        return Promise.resolve();
      },
      revokeByGrantId(grantId) {
        for (const key of grantMembers.get(grantId) ?? []) {
          if (key.startsWith(`${model}:`)) remove(key);
        }
        return Promise.resolve();
      },
    };
  };

  return { adapter, expireAll };
}
