/**
 * How this project starts Chromium: Debian's package (no browser download), with the flags a
 * closed network needs — without them Chromium keeps trying to reach Google's hosts. Shared by
 * the e2e tests and the demo walkthrough.
 */

/** `CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium on this machine. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
