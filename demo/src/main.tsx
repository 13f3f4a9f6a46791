import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ConfigErrorBoundary } from './components/ConfigErrorBoundary.js';
import { createDemoClient } from './demoClient.js';
import type { LogtoClient } from 'logto-spa';
import { LogtoProvider } from 'logto-spa/react';
import './styles.css';

let client: LogtoClient | undefined;
let startupError: unknown;
try {
  client = createDemoClient();
} catch (error) {
  startupError = error;
}

/** Rethrows during render, so that the error boundary shows a startup failure as the page. */
function StartupFailure(): never {
  throw startupError;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ConfigErrorBoundary>
      {client ? (
        <LogtoProvider client={client}>
          <App />
        </LogtoProvider>
      ) : (
        <StartupFailure />
      )}
    </ConfigErrorBoundary>
  </StrictMode>,
);
