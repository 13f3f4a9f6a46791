import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdleTimer, useIdleTimer } from '../../../../src/idle/react/index.js';
import { LogtoProvider } from '../../../../src/react/index.js';
import { createMockClient } from '../../../../src/testing/index.js';
import { renderHookStrict } from '../../react/renderStrict.js';

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('useIdleTimer', () => {
  it('shows the countdown during the warning, and stayActive ends it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const client = createMockClient({ user: {} });
    const idle = createIdleTimer(client, { idleTimeoutSeconds: 30, warningSeconds: 5 });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <LogtoProvider client={client}>{children}</LogtoProvider>
    );
    const { result } = renderHookStrict(() => useIdleTimer(), { wrapper });
    expect(result.current.warning).toBe(false);

    await act(() => vi.advanceTimersByTimeAsync(27_000));
    expect(result.current).toMatchObject({ warning: true, secondsLeft: 3 });
    act(() => result.current.stayActive());
    expect(result.current).toMatchObject({ warning: false, secondsLeft: undefined });
    idle.dispose();
  });

  it('without a timer for the client: an inert state and one console warning naming createIdleTimer, never a throw', () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = createMockClient({ user: {} });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <LogtoProvider client={client}>{children}</LogtoProvider>
    );
    const { result, rerender } = renderHookStrict(() => useIdleTimer(), { wrapper });
    expect(result.current).toMatchObject({ warning: false, secondsLeft: undefined });
    expect(() => result.current.stayActive()).not.toThrow();
    rerender();
    const lines = warnings.mock.calls.filter((call) => String(call[0]).includes('createIdleTimer'));
    expect(lines).toHaveLength(1);
    expect(String(lines[0]?.[0])).toContain('useIdleTimer');
    warnings.mockRestore();
  });
});
