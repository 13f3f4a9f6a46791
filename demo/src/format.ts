/** Shows enough of a token to tell two apart, never enough to use it. */
export function maskToken(token: string): string {
  return `${token.slice(0, 8)}… (${token.length} characters)`;
}

/** `14:05:09` for an epoch-seconds time. */
export function clockTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toLocaleTimeString();
}

/** `in 59 min`, `in 12 s`, `2 min ago`. */
export function relativeTime(epochSeconds: number, nowSeconds: number): string {
  const delta = Math.round(epochSeconds - nowSeconds);
  const size = Math.abs(delta);
  const text =
    size < 90
      ? `${size} s`
      : size < 5400
        ? `${Math.round(size / 60)} min`
        : `${Math.round(size / 3600)} h`;
  return delta >= 0 ? `in ${text}` : `${text} ago`;
}

/** A display name from claims: name, else username, else the subject. */
export function displayName(claims: {
  name?: string | null | undefined;
  username?: string | null | undefined;
  sub: string;
}): string {
  return claims.name ?? claims.username ?? claims.sub;
}
