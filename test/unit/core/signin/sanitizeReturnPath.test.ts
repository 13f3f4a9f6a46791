import { describe, expect, it } from 'vitest';
import { sanitizeReturnPath } from '../../../../src/core/index.js';

describe('sanitizeReturnPath', () => {
  it.each([
    ['/', '/'],
    ['/profile', '/profile'],
    ['/orders?id=7&tab=items', '/orders?id=7&tab=items'],
    ['/docs#section-2', '/docs#section-2'],
    ['/a/b/../c', '/a/c'],
    ['/search?q=//evil.example', '/search?q=//evil.example'],
    ['/redirect?to=https://other.host', '/redirect?to=https://other.host'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('keeps the same-origin path %j', (input, expected) => {
    expect(sanitizeReturnPath(input)).toBe(expected);
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with path', '//evil.example/login'],
    ['triple slash', '///evil.example'],
    ['backslash host', '/\\evil.example'],
    ['backslash host, doubled', '/\\\\evil.example'],
    ['backslash later in the path', '/a\\..\\/evil.example'],
    ['absolute URL', 'https://other.host'],
    ['absolute URL on our own scheme', 'http://localhost:3000/profile'],
    ['scheme-only javascript', 'javascript:alert(1)'],
    ['javascript after whitespace', ' javascript:alert(1)'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['relative path', 'profile'],
    ['dot path', './profile'],
    ['empty', ''],
    ['tab that browsers strip', '/\t/evil.example'],
    ['newline that browsers strip', '/\n/evil.example'],
    ['NUL', '/\u0000/evil.example'],
    ['dot segments resolving to a host', '/a/..//evil.example'],
    ['encoded dot segments resolving to a host', '/%2e%2e//evil.example'],
    ['leading space then slashes', ' //evil.example'],
  ])('rejects %s', (_name, input) => {
    expect(sanitizeReturnPath(input)).toBe('/');
  });

  it('rejects values that are not strings', () => {
    expect(sanitizeReturnPath(undefined)).toBe('/');
    expect(sanitizeReturnPath(null)).toBe('/');
    expect(sanitizeReturnPath(['/profile'])).toBe('/');
    expect(sanitizeReturnPath({ toString: () => '/profile' })).toBe('/');
  });

  it('returns the given fallback for unsafe input', () => {
    expect(sanitizeReturnPath('//evil.example', '/home')).toBe('/home');
    expect(sanitizeReturnPath('/ok', '/home')).toBe('/ok');
  });
});
