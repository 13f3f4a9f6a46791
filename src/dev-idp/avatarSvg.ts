import { createHash } from 'node:crypto';

import { escapeHtml } from './pages.js';

const palette = ['#5d34f2', '#0969da', '#1a7f37', '#bf3989', '#bc4c00', '#8250df', '#0a7d8c'];

/**
 * A small SVG avatar with the first letter of `seed` on a colour picked from it. The IdP serves
 * these at `/avatar/<name>.svg` so seeded `picture` claims work without any network access.
 */
export function avatarSvg(seed: string): string {
  const letter = escapeHtml((seed.trim().charAt(0) || '?').toUpperCase());
  const index = createHash('sha256').update(seed).digest()[0] ?? 0;
  const colour = palette[index % palette.length] ?? '#5d34f2';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<circle cx="48" cy="48" r="48" fill="${colour}"/>
<text x="48" y="48" dy=".35em" text-anchor="middle" font-family="system-ui,sans-serif" font-size="44" fill="#fff">${letter}</text>
</svg>
`;
}
