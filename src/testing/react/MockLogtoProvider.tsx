import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { LogtoProvider } from '../../react/LogtoProvider.js';
import { createMockClient } from '../createMockClient.js';
import type { MockClientOptions, MockLogtoClient } from '../MockLogtoClient.js';
import { mockSignInWindows } from '../mockSignInWindows.js';

/**
 * Props of {@link MockLogtoProvider}: a mock you created with `createMockClient` (to drive it and
 * read its recorded calls), or the options of `createMockClient` directly.
 */
export type MockLogtoProviderProps =
  | { client: MockLogtoClient; children?: ReactNode }
  | (MockClientOptions & { client?: never; children?: ReactNode });

/**
 * The real `<LogtoProvider>` with a mock client, so components that use `useLogto`,
 * `useAccessToken`, `useUserInfo` or `<Protected>` render in tests without an identity provider.
 * It passes `mockSignInWindows(mock)` as `signInWindows`, so `useLogto().signInWithPopup` and
 * friends and `<Protected silent>` work, with no window, as the mock is told.
 * Given options instead of a client, it creates one mock on first render and keeps it: later
 * changes of those props are ignored (create the client yourself to change its state).
 *
 * @throws TypeError when `client` was not made by `createMockClient`
 * @example
 * ```tsx
 * render(
 *   <MockLogtoProvider user={{ name: 'Ada' }} errors={{ fetchUserInfo: new LogtoNetworkError(url, cause) }}>
 *     <Profile />
 *   </MockLogtoProvider>,
 * );
 * ```
 */
export function MockLogtoProvider(props: MockLogtoProviderProps): ReactElement {
  const { client, children, ...options } = props;
  const [created] = useState(() => (client ? undefined : createMockClient(options)));
  const mock = client ?? created ?? createMockClient(options);
  const signInWindows = useMemo(() => mockSignInWindows(mock), [mock]);
  return (
    <LogtoProvider client={mock} signInWindows={signInWindows}>
      {children}
    </LogtoProvider>
  );
}
