import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ConfigErrorBoundary } from './components/ConfigErrorBoundary.js';
import { appConfig } from './appConfig.js';
import { signInSilently, type ClientOptions } from 'logto-spa';
import { LogtoProvider } from 'logto-spa/react';
import { sessionStorageAdapter } from './sessionStorageAdapter.js';
import './styles.css';

const options: ClientOptions = {
  // Storage is pluggable: IndexedDB by default (shared by tabs, survives reloads).
  ...(appConfig.storage === 'session' ? { storage: sessionStorageAdapter } : {}),
  // Single sign-on on load: signed in with no click when Logto (same site) has a session.
  ...(appConfig.silentSignIn ? { signInSilently } : {}),
};

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ConfigErrorBoundary>
      <LogtoProvider config={appConfig.logto} options={options}>
        <App />
      </LogtoProvider>
    </ConfigErrorBoundary>
  </StrictMode>,
);
