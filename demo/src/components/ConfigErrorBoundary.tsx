import { Component, type ReactNode } from 'react';
import { LogtoConfigError } from 'logto-spa';
import { appConfig } from '../appConfig.js';
import { ErrorBox } from './ErrorBox.js';

/**
 * Shows a page instead of a blank screen when the app cannot start: `createDemoClient` throws a
 * `LogtoConfigError` when the configuration is invalid (e.g. a scope with a space in
 * `VITE_LOGTO_SCOPES`); it is rethrown while rendering, and this boundary shows it.
 */
export class ConfigErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const isConfig = error instanceof LogtoConfigError;
    const { endpoint, appId, resources, scopes } = appConfig.logto;
    return (
      <main className="content">
        <ErrorBox
          error={error}
          title={isConfig ? 'The Logto configuration is invalid' : 'The app could not start'}
          testId="startup-error"
        >
          {isConfig ? (
            <>
              <p>
                Fix <code>{error.field}</code> in the <code>VITE_LOGTO_*</code> environment
                variables (or <code>demo/.env.local</code>) and restart <code>npm run demo</code>.
                The demo was started with:
              </p>
              <pre data-testid="startup-config">
                {JSON.stringify({ endpoint, appId, resources, scopes }, null, 2)}
              </pre>
            </>
          ) : null}
        </ErrorBox>
      </main>
    );
  }
}
