/**
 * The dev IdP's HTML pages: plain markup with inline CSS, no fonts, scripts or images from
 * elsewhere (there is no network here, and e2e tests must not wait on one). Every value
 * interpolated into markup goes through `escapeHtml`.
 */

const productName = 'logto-spa dev IdP';

const css = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
  font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
  background:#f4f5f7;color:#1f2328}
main{width:100%;max-width:380px;margin:24px;padding:32px;background:#fff;border-radius:12px;
  box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 4px}
.app{margin:0 0 24px;color:#57606a}
label{display:block;font-weight:600;margin:16px 0 4px}
input{width:100%;padding:10px 12px;font:inherit;border:1px solid #d0d7de;border-radius:6px}
input:focus{outline:2px solid #5d34f2;border-color:#5d34f2}
button{width:100%;margin-top:24px;padding:10px;font:inherit;font-weight:600;color:#fff;
  background:#5d34f2;border:0;border-radius:6px;cursor:pointer}
button:hover{background:#4a25d6}
[role=alert]{margin:16px 0 0;padding:10px 12px;color:#82071e;background:#ffebe9;
  border:1px solid #ffcecb;border-radius:6px}
.links{margin:20px 0 0;font-size:.9rem;color:#57606a}
a{color:#5d34f2}
code{font-size:.9em}
footer{margin-top:24px;font-size:.75rem;color:#8c959f;text-align:center}
`;

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function layout(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${productName}</title>
<style>${css}</style>${head}
</head>
<body>
<main>
${body}
<footer>${productName} · for development and tests only</footer>
</main>
</body>
</html>
`;
}

function alert(error: string | undefined): string {
  return error === undefined ? '' : `<p role="alert">${escapeHtml(error)}</p>`;
}

/** Inputs of the sign-in page. */
export interface SignInPageOptions {
  uid: string;
  appName: string;
  username?: string;
  error?: string;
}

/** The sign-in page: `#sign-in-form` with username and password. */
export function signInPage({ uid, appName, username = '', error }: SignInPageOptions): string {
  const base = `/interaction/${encodeURIComponent(uid)}`;
  return layout(
    'Sign in',
    `<h1>Sign in</h1>
<p class="app">to continue to ${escapeHtml(appName)}</p>
${alert(error)}
<form id="sign-in-form" method="post" action="${base}/sign-in">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" value="${escapeHtml(username)}" required${username === '' ? ' autofocus' : ''}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${username === '' ? '' : ' autofocus'}>
<button type="submit">Sign in</button>
</form>
<p class="links">No account yet? <a href="${base}/sign-up">Create account</a></p>
<p class="links"><a href="${base}/abort">Cancel and go back to the app</a></p>`,
  );
}

/** Inputs of the sign-up page; `values` re-fills the form after a refused submission. */
export interface SignUpPageOptions {
  uid: string;
  appName: string;
  values?: { username?: string; name?: string; email?: string };
  error?: string;
}

/** The sign-up page: `#sign-up-form` with username, password, name and email. */
export function signUpPage({ uid, appName, values = {}, error }: SignUpPageOptions): string {
  const base = `/interaction/${encodeURIComponent(uid)}`;
  return layout(
    'Create account',
    `<h1>Create account</h1>
<p class="app">to continue to ${escapeHtml(appName)}</p>
${alert(error)}
<form id="sign-up-form" method="post" action="${base}/sign-up">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" value="${escapeHtml(values.username ?? '')}" required autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required>
<label for="name">Name (optional)</label>
<input id="name" name="name" autocomplete="name" value="${escapeHtml(values.name ?? '')}">
<label for="email">Email (optional)</label>
<input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(values.email ?? '')}">
<button type="submit">Create account</button>
</form>
<p class="links">Already have an account? <a href="${base}/sign-in">Sign in</a></p>
<p class="links"><a href="${base}/abort">Cancel and go back to the app</a></p>`,
  );
}

/** A page that only says something (errors, sign-out success, the IdP's home page). */
export function messagePage(title: string, message: string, details = ''): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>${details}`);
}

/** oidc-provider's confirmation form with the field that ends the whole session, and a button. */
function withSignOutButton(form: string): string {
  return form.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"><button type="submit">Sign out</button></form>',
  );
}

/**
 * The end-session page for the app's own sign-out (its `client_id` and a registered
 * `post_logout_redirect_uri`). oidc-provider asks for a confirmation; Logto signs out straight
 * away. So the confirmation form (which carries oidc-provider's XSRF token) is submitted by an
 * inline script, and a button is there for a browser without scripts or a Node-side test.
 *
 * @param form - the `<form>` oidc-provider renders for the confirmation
 */
export function signOutPage(form: string): string {
  const script =
    "<script>document.addEventListener('DOMContentLoaded',function(){document.forms[0].submit()})</script>";
  return layout('Signing out', `<h1>Signing out…</h1>\n${withSignOutButton(form)}`, script);
}

/**
 * The end-session page for any other request: any site can send a browser to
 * `/oidc/session/end`, so the session ends only when the developer clicks. No script at all.
 *
 * @param form - the `<form>` oidc-provider renders for the confirmation
 */
export function confirmSignOutPage(form: string): string {
  return layout(
    'Sign out?',
    `<h1>Sign out?</h1>
<p>This request to end your session at the dev IdP did not come from the app's sign-out (its
<code>client_id</code> and a registered <code>post_logout_redirect_uri</code>), and any page can
send you here. Sign out only if you meant to; close this page to stay signed in.</p>
${withSignOutButton(form)}`,
  );
}

/** The IdP's home page (`/`), pointing a curious developer at the discovery document. */
export function homePage(issuer: string): string {
  const discovery = `${issuer}/.well-known/openid-configuration`;
  return messagePage(
    productName,
    'A local, Logto-compatible OpenID provider.',
    `<p>Issuer: <code>${escapeHtml(issuer)}</code></p>
<p><a href="${escapeHtml(discovery)}">Discovery document</a></p>`,
  );
}
