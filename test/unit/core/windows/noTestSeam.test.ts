import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LogtoClient,
  MemoryStorage,
  checkSession,
  reauthenticate,
  signInSilently,
  signInWithPopup,
} from '../../../../src/core/index.js';
import { discoveryDocument } from '../../../helpers/discoveryDocument.js';
import { stubPopup } from '../../../support/fakeWindows.js';

const issuer = 'https://idp.test/oidc';

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A real client carrying methods named like the window functions, as any object could: a page
 * script, a browser extension, a wrapper. The functions must not hand their work to them.
 */
function clientWithLookalikeMethods() {
  const client = new LogtoClient(
    { endpoint: 'https://idp.test', appId: 'spa' },
    {
      storage: new MemoryStorage(),
      fetch: () => Promise.resolve(Response.json(discoveryDocument(issuer))),
      proactiveRefresh: false,
    },
  );
  const lookalikes = {
    signInWithPopup: vi.fn(() => Promise.resolve({ postRedirectUri: undefined, claims: {} })),
    signInSilently: vi.fn(() => Promise.resolve({ postRedirectUri: undefined, claims: {} })),
    checkSession: vi.fn(() => Promise.resolve(true)),
    reauthenticate: vi.fn(() => Promise.resolve({ postRedirectUri: undefined, claims: {} })),
  };
  return { client: Object.assign(client, lookalikes), lookalikes };
}

describe('the window functions always do the real work', () => {
  it('signInWithPopup opens the popup and sends it to Logto, whatever methods the client has', async () => {
    const { client, lookalikes } = clientWithLookalikeMethods();
    const { popup, open } = stubPopup();

    const pending = signInWithPopup(client, { timeoutSeconds: 60 });

    expect(open).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(popup.navigations).toHaveLength(1));
    expect(new URL(popup.navigations[0] ?? '').origin).toBe('https://idp.test');
    popup.closeByUser();
    await expect(pending).rejects.toMatchObject({ code: 'popup_closed' });
    expect(lookalikes.signInWithPopup).not.toHaveBeenCalled();
  });

  it('reauthenticate checks the session itself (nobody signed in: not_authenticated)', async () => {
    const { client, lookalikes } = clientWithLookalikeMethods();
    await client.isAuthenticated();

    await expect(reauthenticate(client)).rejects.toMatchObject({ code: 'not_authenticated' });
    expect(lookalikes.reauthenticate).not.toHaveBeenCalled();
  });

  it('signInSilently and checkSession ask Logto themselves (here on another site: unavailable)', async () => {
    const { client, lookalikes } = clientWithLookalikeMethods();

    await expect(signInSilently(client)).rejects.toMatchObject({
      code: 'silent_sign_in_unavailable',
    });
    await expect(checkSession(client)).rejects.toMatchObject({
      code: 'silent_sign_in_unavailable',
    });
    expect(lookalikes.signInSilently).not.toHaveBeenCalled();
    expect(lookalikes.checkSession).not.toHaveBeenCalled();
  });
});
