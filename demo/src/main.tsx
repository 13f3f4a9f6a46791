import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ConfigErrorBoundary } from './components/ConfigErrorBoundary.js';
import { appConfig } from './appConfig.js';
import { LogtoProvider } from 'logto-spa/react';
import { sessionStorageAdapter } from './sessionStorageAdapter.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ConfigErrorBoundary>
      <LogtoProvider
        config={appConfig.logto}
        // Storage is pluggable: IndexedDB by default (shared by tabs, survives reloads).
        options={appConfig.storage === 'session' ? { storage: sessionStorageAdapter } : {}}
      >
        <App />
      </LogtoProvider>
    </ConfigErrorBoundary>
  </StrictMode>,
);
