import { useState, type ReactElement, type ReactNode } from 'react';
import { checkSession } from '../../core/windows/checkSession.js';
import type { LogtoClientLike } from '../../core/LogtoClientLike.js';
import { reauthenticate } from '../../core/windows/reauthenticate.js';
import { signInSilently } from '../../core/windows/signInSilently.js';
import { signInWithPopup } from '../../core/windows/signInWithPopup.js';
import { LogtoProvider } from '../../react/LogtoProvider.js';
import { createMockClient } from '../createMockClient.js';
import type { MockClientOptions } from '../MockLogtoClient.js';

// Given a mock client, each of these calls the mock's method of the same name: no window opens.
const signInWindows = { signInWithPopup, signInSilently, checkSession, reauthenticate };

/**
 * Props of {@link MockLogtoProvider}: a client you created (usually with `createMockClient`, to
 * drive it and read its recorded calls), or the options of `createMockClient` directly.
 */
export type MockLogtoProviderProps =
  | { client: LogtoClientLike; children?: ReactNode }
  | (MockClientOptions & { client?: never; children?: ReactNode });

/**
 * The real `<LogtoProvider>` with a mock client, so components that use `useLogto`,
 * `useAccessToken`, `useUserInfo` or `<Protected>` render in tests without an identity provider.
 * It passes every `signInWindows` function, so `useLogto().signInWithPopup` and friends and
 * `<Protected silent>` work with the mock's own methods.
 * Given options instead of a client, it creates one mock on first render and keeps it: later
 * changes of those props are ignored (create the client yourself to change its state).
 *
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
  return (
    <LogtoProvider
      client={client ?? created ?? createMockClient(options)}
      signInWindows={signInWindows}
    >
      {children}
    </LogtoProvider>
  );
}
