import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ConfigErrorBoundary } from './components/ConfigErrorBoundary.js';
import { createDemoClient } from './demoClient.js';
import {
  checkSession,
  reauthenticate,
  signInSilently,
  signInWithPopup,
  type LogtoClient,
} from 'logto-spa';
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

// What useLogto()'s popup, single sign-on and step-up methods and <Protected silent> run: opt-in,
// so an app that signs in by redirect only does not ship them.
const signInWindows = { signInWithPopup, signInSilently, checkSession, reauthenticate };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ConfigErrorBoundary>
      {client ? (
        <LogtoProvider client={client} signInWindows={signInWindows}>
          <App />
        </LogtoProvider>
      ) : (
        <StartupFailure />
      )}
    </ConfigErrorBoundary>
  </StrictMode>,
);
