import { readFile } from 'node:fs/promises';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  LogtoProvider,
  Protected,
  useAccessToken,
  useHandleSignInCallback,
  useIdTokenClaims,
  useLogto,
  useUserInfo,
} from '../../../src/react/index.js';

const config = { endpoint: 'https://tenant.logto.app', appId: 'ssr-app' };

function Status(): ReactNode {
  const { isLoading, isAuthenticated, error } = useLogto();
  const claims = useIdTokenClaims();
  const userInfo = useUserInfo();
  const token = useAccessToken('https://api.example.com');
  const callback = useHandleSignInCallback();
  return (
    <ul>
      <li>{isLoading ? 'auth: loading' : `auth: ${String(isAuthenticated)}`}</li>
      <li>{`error: ${error?.code ?? 'none'}`}</li>
      <li>{`claims: ${claims?.sub ?? 'none'}`}</li>
      <li>{`userinfo: ${userInfo.isLoading ? 'loading' : 'idle'}`}</li>
      <li>{`token: ${token.isLoading ? 'loading' : (token.accessToken ?? 'none')}`}</li>
      <li>{`callback: ${callback.isLoading ? 'loading' : 'idle'}`}</li>
    </ul>
  );
}

describe('server rendering (plain Node, no DOM)', () => {
  it('runs where there is no window, document or location', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof location).toBe('undefined');
  });

  it('renders the provider and hooks in their loading state', () => {
    const html = renderToString(
      <LogtoProvider config={config}>
        <Status />
        <Protected fallback={<p>checking sign-in</p>}>
          <p>secret</p>
        </Protected>
      </LogtoProvider>,
    );
    expect(html).toContain('auth: loading');
    expect(html).toContain('error: none');
    expect(html).toContain('claims: none');
    expect(html).toContain('userinfo: loading');
    expect(html).toContain('token: loading');
    expect(html).toContain('callback: loading');
    expect(html).toContain('checking sign-in');
    expect(html).not.toContain('secret');
    // Still nothing browser-only was created as a side effect.
    expect(typeof window).toBe('undefined');
  });

  it('renders with a client created on the server too', async () => {
    const { LogtoClient } = await import('../../../src/core/index.js');
    const client = new LogtoClient(config);
    const html = renderToString(
      <LogtoProvider client={client}>
        <Status />
      </LogtoProvider>,
    );
    expect(html).toContain('auth: loading');
    client.dispose();
  });

  it('marks the React entry as client-only for React Server Components', async () => {
    const source = await readFile(new URL('../../../src/react/index.ts', import.meta.url), 'utf8');
    expect(source.split('\n')[0]).toBe("'use client';");
  });
});
