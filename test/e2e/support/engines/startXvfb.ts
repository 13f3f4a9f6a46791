import { spawn } from 'node:child_process';

export interface Xvfb {
  /** The value for `DISPLAY`, e.g. `:3`. */
  display: string;
  stop(): Promise<void>;
}

/**
 * Starts a virtual X display for a browser that has no headless mode. Xvfb picks a free display
 * number itself and writes it to the file descriptor given by `-displayfd` once it accepts
 * clients, so several test runs (or other users of the machine) never collide.
 */
export async function startXvfb(): Promise<Xvfb> {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  xvfb.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => xvfb.once('exit', () => resolve()));
  const display = await new Promise<string>((resolve, reject) => {
    xvfb.stdio[3]?.once('data', (chunk: Buffer) => resolve(`:${chunk.toString().trim()}`));
    xvfb.once('error', reject);
    void exited.then(() => reject(new Error(`Xvfb exited before it was ready: ${stderr}`)));
  });
  return {
    display,
    stop: async () => {
      if (xvfb.exitCode === null) xvfb.kill();
      await exited;
    },
  };
}
