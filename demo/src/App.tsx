import type { ReactNode } from 'react';
import { appConfig } from './appConfig.js';
import { AuthBadge } from './components/AuthBadge.js';
import { IdleDialog } from './components/IdleDialog.js';
import { IdleNotice } from './components/IdleNotice.js';
import { displayName } from './format.js';
import { useIdTokenClaims } from 'logto-spa/react';
import { AccountPage } from './pages/AccountPage.js';
import { ApiPage } from './pages/ApiPage.js';
import { CallbackPage } from './pages/CallbackPage.js';
import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OrganizationsPage } from './pages/OrganizationsPage.js';
import { ProfilePage } from './pages/ProfilePage.js';
import { ProtectedPage } from './pages/ProtectedPage.js';
import { Link, usePathname } from './router.js';

const pages: { path: string; label: string; render: () => ReactNode }[] = [
  { path: '/', label: 'Home', render: () => <HomePage /> },
  { path: '/profile', label: 'Profile', render: () => <ProfilePage /> },
  { path: '/account', label: 'Account', render: () => <AccountPage /> },
  { path: '/api', label: 'API', render: () => <ApiPage /> },
  { path: '/organizations', label: 'Organizations', render: () => <OrganizationsPage /> },
  { path: '/protected', label: 'Protected', render: () => <ProtectedPage /> },
];

function NavUser() {
  const claims = useIdTokenClaims();
  if (!claims) return null;
  return (
    <span className="nav-user" data-testid="nav-username" title={claims.sub}>
      {claims.username ?? displayName(claims)}
    </span>
  );
}

/** The layout: a header with the pages and the auth state, the current page, a footer. */
export function App() {
  const pathname = usePathname();
  const page = pages.find((candidate) => candidate.path === pathname);
  return (
    <div className="layout">
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            logto-spa <span className="brand-sub">demo</span>
          </Link>
          <nav aria-label="Pages" className="nav">
            {pages.map(({ path, label }) => (
              <Link
                key={path}
                to={path}
                className={`nav-link${path === pathname ? ' active' : ''}`}
                aria-current={path === pathname ? 'page' : undefined}
                data-testid={`nav-${label.toLowerCase()}`}
              >
                {label}
              </Link>
            ))}
          </nav>
          <div className="nav-status">
            <NavUser />
            <AuthBadge />
          </div>
        </div>
      </header>
      <main className="content">
        {appConfig.idle ? (
          <>
            <IdleDialog />
            <IdleNotice timeoutSeconds={appConfig.idle.timeoutSeconds} />
          </>
        ) : null}
        {pathname === '/callback' ? (
          <CallbackPage />
        ) : page ? (
          page.render()
        ) : (
          <NotFoundPage pathname={pathname} />
        )}
      </main>
      <footer className="footer">
        <span>
          Logto endpoint <code>{appConfig.logto.endpoint}</code>
        </span>
        <span>
          App ID <code>{appConfig.logto.appId}</code>
        </span>
        <span>
          Token storage{' '}
          <code>{appConfig.storage === 'session' ? 'sessionStorage (custom)' : 'IndexedDB'}</code>
        </span>
      </footer>
    </div>
  );
}
