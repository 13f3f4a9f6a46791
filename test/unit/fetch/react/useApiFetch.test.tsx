import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { LogtoOriginRefusedError, useApiFetch } from '../../../../src/fetch/react/index.js';
import { LogtoProvider } from '../../../../src/react/index.js';
import { createMockClient } from '../../../../src/testing/index.js';
import { renderHookStrict } from '../../react/renderStrict.js';

const api = 'https://api.example.com';

function setUp() {
  const client = createMockClient({ user: {} });
  const seen: (string | null)[] = [];
  const send: typeof fetch = (_input, init) => {
    seen.push(new Headers(init?.headers).get('authorization'));
    return Promise.resolve(new Response('ok'));
  };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <LogtoProvider client={client}>{children}</LogtoProvider>
  );
  return { client, seen, send, wrapper };
}

describe('useApiFetch', () => {
  it('gives one function across renders while the options are equal by value', async () => {
    const { client, seen, send, wrapper } = setUp();
    const { result, rerender } = renderHookStrict(
      ({ origins }: { origins: string[] }) => useApiFetch(api, { origins, fetch: send }),
      { wrapper, initialProps: { origins: [api] } },
    );
    const first = result.current;
    rerender({ origins: [api] }); // a new array, the same value
    expect(result.current).toBe(first);

    await result.current(`${api}/orders`);
    expect(seen).toEqual([`Bearer ${await client.getAccessToken(api)}`]);
    await expect(result.current('https://elsewhere.example.com/')).rejects.toBeInstanceOf(
      LogtoOriginRefusedError,
    );

    rerender({ origins: ['https://other-api.example.com'] });
    expect(result.current).not.toBe(first);
    await expect(result.current(`${api}/orders`)).rejects.toBeInstanceOf(LogtoOriginRefusedError);
  });

  it('throws a clear error outside <LogtoProvider>', () => {
    expect(() => renderHookStrict(() => useApiFetch(api, { origins: [api] }))).toThrow(
      'useApiFetch must be used inside <LogtoProvider>',
    );
  });
});
