/** Logto 1.37 keeps a verification record for 10 minutes. */
const logtoRecordSeconds = 600;

/**
 * A record is given up this long before Logto's expiry, so that it does not expire between
 * the check here and Logto's check, and the user is asked before a call rather than after it.
 */
const marginSeconds = 30;

/**
 * The user's identity verification record (Logto's `logto-verification-id`), kept while it is
 * valid and reused by every sensitive call, so that the user verifies once for ten minutes
 * rather than once per change. Memory only: a record is worth a password, so it is never stored
 * where a reload, another tab or a script reading storage could find it.
 *
 * Expiry is counted on the local clock from the lifetime Logto gave (its `expiresAt` minus its
 * `Date` header), so that a device clock that is minutes off neither keeps a dead record nor
 * throws away a live one.
 */
export class IdentityVerification {
  readonly #now: () => number;
  #record: { id: string; expiresAt: number } | undefined;

  /** @param now the clock, in epoch seconds */
  constructor(now: () => number) {
    this.#now = now;
  }

  /** The record id to send, or `undefined` when there is none or it is (nearly) expired. */
  current(): string | undefined {
    const record = this.#record;
    if (record && record.expiresAt - marginSeconds > this.#now()) return record.id;
    this.#record = undefined;
    return undefined;
  }

  /** When the kept record stops being used, in local epoch seconds; `undefined` when none. */
  expiresAt(): number | undefined {
    return this.current() === undefined ? undefined : this.#record?.expiresAt;
  }

  /**
   * Keeps a record Logto just created.
   *
   * @param expiresAt Logto's `expiresAt` (ISO date)
   * @param serverDate the answer's `Date` header, when the page can read it
   */
  keep(id: string, expiresAt: string, serverDate: string | null): void {
    const now = this.#now();
    const expiry = Date.parse(expiresAt) / 1000;
    const serverNow = serverDate === null ? NaN : Date.parse(serverDate) / 1000;
    let lifetime = expiry - (Number.isNaN(serverNow) ? now : serverNow);
    // No usable date and a skewed clock give nonsense; Logto's records last 10 minutes.
    if (!(lifetime > 0 && lifetime <= 3600)) lifetime = logtoRecordSeconds;
    this.#record = { id, expiresAt: now + lifetime };
  }

  /** Forgets the record (Logto refused it, or the user signs out). */
  clear(): void {
    this.#record = undefined;
  }
}
