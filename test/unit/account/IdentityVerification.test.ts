import { describe, expect, it } from 'vitest';
import { IdentityVerification } from '../../../src/account/IdentityVerification.js';

const t0 = Date.parse('2026-03-01T10:00:00Z') / 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const httpDate = (seconds: number) => new Date(seconds * 1000).toUTCString();

function clock(start = t0) {
  let now = start;
  return { now: () => now, advance: (seconds: number) => (now += seconds) };
}

describe('IdentityVerification', () => {
  it('keeps a record until 30 s before Logto’s expiry, then forgets it', () => {
    const time = clock();
    const verification = new IdentityVerification(time.now);
    verification.keep('rec-1', iso(t0 + 600), httpDate(t0));

    expect(verification.current()).toBe('rec-1');
    time.advance(569);
    expect(verification.current()).toBe('rec-1');
    time.advance(1);
    expect(verification.current()).toBeUndefined();
    time.advance(-100);
    expect(verification.current()).toBeUndefined();
  });

  it('counts the lifetime from Logto’s Date, so a device clock 10 minutes fast keeps it', () => {
    const time = clock(t0 + 600);
    const verification = new IdentityVerification(time.now);
    verification.keep('rec-1', iso(t0 + 600), httpDate(t0));

    expect(verification.expiresAt()).toBe(t0 + 1200);
    time.advance(500);
    expect(verification.current()).toBe('rec-1');
  });

  it('without a Date header and with a skewed clock, assumes Logto’s ten minutes', () => {
    const time = clock(t0 + 3600);
    const verification = new IdentityVerification(time.now);
    verification.keep('rec-1', iso(t0 + 600), null);

    expect(verification.expiresAt()).toBe(t0 + 3600 + 600);
  });

  it('is replaced by a newer record and forgotten on clear()', () => {
    const verification = new IdentityVerification(clock().now);
    verification.keep('rec-1', iso(t0 + 600), httpDate(t0));
    verification.keep('rec-2', iso(t0 + 600), httpDate(t0));

    expect(verification.current()).toBe('rec-2');
    verification.clear();
    expect(verification.current()).toBeUndefined();
    expect(verification.expiresAt()).toBeUndefined();
  });
});
