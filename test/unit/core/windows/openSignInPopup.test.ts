import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSignInPopup } from '../../../../src/core/index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('openSignInPopup', () => {
  it('opens a fresh window every time, never one found by a name another page could hold', () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);

    openSignInPopup();
    openSignInPopup();

    // `_blank` always creates a new browsing context; any other name would be looked up first,
    // and could be a window another page opened (and still controls) under that name.
    expect(open.mock.calls.map(([, target]) => target)).toEqual(['_blank', '_blank']);
    expect(open.mock.calls[0]?.[2]).toContain('popup');
  });
});
