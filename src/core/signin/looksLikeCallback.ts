/**
 * Whether `url` carries the parameters of an authorization response: a `state` and either a
 * `code` or an `error`. Says nothing about whether this browser started that sign-in; a URL
 * that cannot be parsed is not a callback.
 */
export function looksLikeCallback(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { searchParams } = new URL(url);
  return !!searchParams.get('state') && (searchParams.has('code') || searchParams.has('error'));
}
