import type { ServerResponse } from 'node:http';

import { avatarSvg } from './avatarSvg.js';
import { homePage, messagePage } from './pages.js';

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Answers every path outside `/oidc` and `/interaction/`: the home page, seeded users' avatars,
 * an empty favicon, and a 404 page for anything else.
 *
 * @param pathname - the request's path
 * @param issuer - shown on the home page
 */
export function serveStatic(pathname: string, issuer: string, res: ServerResponse): void {
  // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
  if (pathname === '/favicon.ico') {
    res.statusCode = 204;
    res.end();
    return;
  }
  const avatar = /^\/avatar\/([^/]+)\.svg$/.exec(pathname)?.[1];
  if (avatar !== undefined) {
    res.setHeader('Content-Type', 'image/svg+xml');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.end(avatarSvg(safeDecode(avatar)));
    return;
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (pathname === '/') {
    res.end(homePage(issuer));
    return;
  }
  res.statusCode = 404;
  res.end(messagePage('Not found', `Nothing is served at ${pathname}.`));
}
