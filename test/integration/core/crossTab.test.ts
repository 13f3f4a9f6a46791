import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../../../src/core/index.js';
import { postSignOutUri, shopping, signIn, setUpTestIdp, snapshotWhere } from './harness.js';

const { newClient } = setUpTestIdp();

describe('tabs stay in sync (BroadcastChannel + shared storage)', () => {
  it('sign-in, refresh and sign-out in one tab reach the other without a reload', async () => {
    const storage = new MemoryStorage();
    const tabA = newClient({}, { storage });
    const tabB = newClient({}, { storage });
    await snapshotWhere(tabB.client, (snapshot) => !snapshot.isLoading);
    expect(tabB.client.getSnapshot().isAuthenticated).toBe(false);
    const signedIn: boolean[] = [];
    tabB.client.on('signedIn', ({ fromOtherTab }) => signedIn.push(fromOtherTab));

    await signIn(tabA);
    await snapshotWhere(tabB.client, (snapshot) => snapshot.isAuthenticated);
    expect(tabB.client.getSnapshot().idTokenClaims?.sub).toBe('u_alice01');
    expect(signedIn).toEqual([true]);

    const revision = tabB.client.getSnapshot().tokenRevision;
    const token = await tabA.client.getAccessToken(shopping);
    await snapshotWhere(tabB.client, (snapshot) => snapshot.tokenRevision > revision);
    // Tab B gets tab A's token from the shared cache, with no request of its own.
    expect(await tabB.client.getAccessToken(shopping)).toBe(token);
    expect(tabB.tokenRequests()).toHaveLength(0);

    const signedOut: unknown[] = [];
    tabB.client.on('signedOut', (event) => signedOut.push(event));
    await tabA.client.signOut(postSignOutUri);
    await snapshotWhere(tabB.client, (snapshot) => !snapshot.isAuthenticated);
    // The other tab learns why: here an explicit sign-out, not a mere clearing of tokens.
    expect(signedOut).toEqual([{ reason: 'signOut', fromOtherTab: true }]);
    await expect(tabB.client.getAccessToken(shopping)).rejects.toMatchObject({
      code: 'not_authenticated',
    });
  });

  it('a stopped client resumes when used again and still hears the other tab', async () => {
    const storage = new MemoryStorage();
    const tabA = newClient({}, { storage });
    const tabB = newClient({}, { storage });
    await signIn(tabA);
    tabB.client.stop();
    await snapshotWhere(tabB.client, (snapshot) => snapshot.isAuthenticated);
    await tabA.client.clearAllTokens();
    await snapshotWhere(tabB.client, (snapshot) => !snapshot.isAuthenticated);
  });

  it('a disposed client stays disposed: calls reject, subscribers hear nothing more', async () => {
    const storage = new MemoryStorage();
    const tabA = newClient({}, { storage });
    const tabB = newClient({}, { storage });
    const tabC = newClient({}, { storage });
    await signIn(tabA);
    await tabB.client.isAuthenticated();
    await snapshotWhere(tabC.client, (snapshot) => snapshot.isAuthenticated);
    const heard = vi.fn();
    tabB.client.subscribe(heard);
    tabB.client.dispose();
    tabB.client.dispose(); // idempotent
    await expect(tabB.client.isAuthenticated()).rejects.toMatchObject({ code: 'config_invalid' });
    await expect(tabB.client.getAccessToken()).rejects.toMatchObject({ code: 'config_invalid' });
    await tabA.client.clearAllTokens();
    // The message reached the tabs that listen: a disposed one is not among them.
    await snapshotWhere(tabC.client, (snapshot) => !snapshot.isAuthenticated);
    expect(heard).not.toHaveBeenCalled();
    expect(tabB.client.getSnapshot().isAuthenticated).toBe(true);
  });
});
