import { act, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LogtoClient,
  LogtoConfigError,
  MemoryStorage,
  type LogtoConfig,
} from '../../../src/core/index.js';
import {
  LogtoProvider,
  Protected,
  useLogto,
  type LogtoClientLike,
} from '../../../src/react/index.js';
import { renderStrict } from './renderStrict.js';
import { createTestClient, testConfig } from './testClient.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Reports the client it sees on every render. */
function ClientProbe({ seen }: { seen: LogtoClientLike[] }): ReactNode {
  const { client, isLoading } = useLogto();
  seen.push(client);
  return <p>{isLoading ? 'loading' : 'ready'}</p>;
}

/** The start / stop / dispose calls per client, in order (the provider's effect drives them). */
function spyOnLifecycle() {
  const spies = (['start', 'stop', 'dispose'] as const).map(
    (method) => [method, vi.spyOn(LogtoClient.prototype, method)] as const,
  );
  const of = (client: unknown): string[] =>
    spies
      .flatMap(([method, spy]) =>
        spy.mock.contexts.flatMap((context, index) =>
          context === client ? [{ method, order: spy.mock.invocationCallOrder[index] ?? 0 }] : [],
        ),
      )
      .sort((a, b) => a.order - b.order)
      .map(({ method }) => method);
  return { of, last: (client: unknown) => of(client).at(-1) };
}

describe('LogtoProvider', () => {
  it('keeps one client when an equal config object is recreated on every render', async () => {
    const seen: LogtoClientLike[] = [];
    const options = { storage: new MemoryStorage() };
    const view = renderStrict(
      <LogtoProvider config={{ ...testConfig, scopes: ['email'] }} options={options}>
        <ClientProbe seen={seen} />
      </LogtoProvider>,
    );
    await screen.findByText('ready');
    // Same values, new objects, keys in another order.
    view.rerender(
      <LogtoProvider
        config={{ scopes: ['email'], appId: testConfig.appId, endpoint: testConfig.endpoint }}
        options={{ ...options }}
      >
        <ClientProbe seen={seen} />
      </LogtoProvider>,
    );
    view.rerender(
      <LogtoProvider config={{ ...testConfig, scopes: ['email'] }} options={options}>
        <ClientProbe seen={seen} />
      </LogtoProvider>,
    );
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).toBeInstanceOf(LogtoClient);
  });

  it('creates a new client on a real config change and stops the old one', async () => {
    const lifecycle = spyOnLifecycle();
    const seen: LogtoClientLike[] = [];
    const options = { storage: new MemoryStorage() };
    const view = renderStrict(
      <LogtoProvider config={testConfig} options={options}>
        <ClientProbe seen={seen} />
      </LogtoProvider>,
    );
    await screen.findByText('ready');
    const first = seen.at(-1);
    view.rerender(
      <LogtoProvider config={{ ...testConfig, appId: 'other-app' }} options={options}>
        <ClientProbe seen={seen} />
      </LogtoProvider>,
    );
    const second = seen.at(-1);
    expect(second).not.toBe(first);
    expect(second?.config.appId).toBe('other-app');
    await waitFor(() => expect(lifecycle.last(first)).toBe('stop'));
    expect(lifecycle.last(second)).toBe('start');
  });

  it('survives StrictMode with its client running, and stops it on unmount', async () => {
    const lifecycle = spyOnLifecycle();
    const seen: LogtoClientLike[] = [];
    const view = renderStrict(
      <LogtoProvider config={testConfig} options={{ storage: new MemoryStorage() }}>
        <ClientProbe seen={seen} />
      </LogtoProvider>,
    );
    await screen.findByText('ready');
    const client = seen.at(-1);
    // StrictMode rehearsed an unmount: stopped, then started again (the hooks' subscriptions
    // start it too), never disposed.
    expect(lifecycle.of(client)).toContain('stop');
    expect(lifecycle.last(client)).toBe('start');
    await expect(client?.getAccessToken()).rejects.toMatchObject({ code: 'not_authenticated' });
    view.unmount();
    expect(lifecycle.last(client)).toBe('stop');
    expect(lifecycle.of(client)).not.toContain('dispose');
  });

  it('uses a given client as is and never disposes it', async () => {
    // Fake timers (moving with real time, for Testing Library's waits) so that every timer left
    // after the unmount can be run.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
      shouldAdvanceTime: true,
    });
    const { client } = createTestClient();
    const dispose = vi.spyOn(client, 'dispose');
    const seen: LogtoClientLike[] = [];
    const view = renderStrict(
      <LogtoProvider client={client}>
        <ClientProbe seen={seen} />
      </LogtoProvider>,
    );
    await screen.findByText('ready');
    expect(new Set(seen)).toEqual(new Set([client]));
    view.unmount();
    await act(() => vi.runAllTimersAsync());
    expect(dispose).not.toHaveBeenCalled();
  });

  it('passes options to the client it creates', async () => {
    const navigations: string[] = [];
    let signIn: (() => Promise<void>) | undefined;
    function Capture(): ReactNode {
      const logto = useLogto();
      signIn = () => logto.signIn('http://localhost:3000/callback');
      return null;
    }
    const discovery = {
      issuer: 'https://idp.test/oidc',
      authorization_endpoint: 'https://idp.test/oidc/auth',
      token_endpoint: 'https://idp.test/oidc/token',
      userinfo_endpoint: 'https://idp.test/oidc/me',
      jwks_uri: 'https://idp.test/oidc/jwks',
      end_session_endpoint: 'https://idp.test/oidc/session/end',
      revocation_endpoint: 'https://idp.test/oidc/token/revocation',
    };
    renderStrict(
      <LogtoProvider
        config={testConfig}
        options={{
          storage: new MemoryStorage(),
          fetch: () => Promise.resolve(Response.json(discovery)),
          navigate: (url) => navigations.push(url),
        }}
      >
        <Capture />
      </LogtoProvider>,
    );
    await signIn?.();
    expect(navigations).toHaveLength(1);
    expect(navigations[0]).toMatch(/^https:\/\/idp\.test\/oidc\/auth\?/);
  });

  it('with an invalid config renders its children with the config error, never a blank page', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const config: LogtoConfig = { endpoint: 'not a url', appId: 'app' };
    let methods: ReturnType<typeof useLogto> | undefined;
    function Page(): ReactNode {
      methods = useLogto();
      const { error, isLoading, isAuthenticated } = methods;
      return (
        <>
          <p data-testid="state">
            {`${error?.name ?? 'no error'} ${isLoading ? 'loading' : 'loaded'} ${String(isAuthenticated)}`}
          </p>
          <Protected>
            <p>secret</p>
          </Protected>
        </>
      );
    }
    renderStrict(
      <LogtoProvider config={config}>
        <Page />
      </LogtoProvider>,
    );
    expect(screen.getByTestId('state').textContent).toBe('LogtoConfigError loaded false');
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-logto-error')).toBe('config_invalid');
    expect(alert.textContent).toContain('endpoint');
    expect(screen.queryByText('secret')).toBeNull();
    // Every method rejects with that same error.
    const error = methods?.error;
    expect(error).toBeInstanceOf(LogtoConfigError);
    await expect(methods?.signIn('https://app.test/callback')).rejects.toBe(error);
    await expect(methods?.getAccessToken()).rejects.toBe(error);
    await expect(
      methods?.handleSignInCallback('https://app.test/callback?code=c&state=s'),
    ).rejects.toBe(error);
    // The console says why, once for the provider (StrictMode renders twice).
    await waitFor(() =>
      expect(logged.mock.calls.some((call) => String(call[0]).includes('<LogtoProvider>'))).toBe(
        true,
      ),
    );
    const fromProvider = logged.mock.calls.filter((call) =>
      String(call[0]).includes('<LogtoProvider>'),
    );
    expect(fromProvider).toHaveLength(1);
    expect(fromProvider[0]?.[1]).toBe(error);
  });

  it('keeps the client when the parent re-renders for unrelated reasons', async () => {
    const seen: LogtoClientLike[] = [];
    let bump: (() => void) | undefined;
    function App(): ReactNode {
      const [count, setCount] = useState(0);
      bump = () => setCount((value) => value + 1);
      return (
        <LogtoProvider config={{ endpoint: testConfig.endpoint, appId: testConfig.appId }}>
          <span>{count}</span>
          <ClientProbe seen={seen} />
        </LogtoProvider>
      );
    }
    renderStrict(<App />);
    await screen.findByText('ready');
    const { act } = await import('@testing-library/react');
    act(() => bump?.());
    act(() => bump?.());
    expect(screen.getByText('2')).toBeTruthy();
    expect(new Set(seen).size).toBe(1);
  });
});
