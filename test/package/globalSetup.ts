/**
 * The package tests look at what a user gets: `npm run build`, then `npm pack`, then the tarball
 * installed into an empty app, as `npm install logto-spa` would do it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import { cleanNpmEnv } from './cleanNpmEnv.js';
import { buildPackage } from '../support/buildPackage.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the packed `logto-spa-<version>.tgz`. */
    tarball: string;
    /** An otherwise empty app (its own package.json) with only the tarball installed. */
    appDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  buildPackage(['ignore', 'ignore', 'inherit']);
  const dir = mkdtempSync(join(tmpdir(), 'logto-spa-package-'));
  const env = cleanNpmEnv();
  // Built just above: the prepack script need not build again.
  const name = execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], {
    encoding: 'utf8',
    env: { ...env, LOGTO_SPA_BUILT: '1' },
  }).trim();
  const tarball = join(dir, name);
  const appDir = join(dir, 'app');
  mkdirSync(appDir);
  writeFileSync(join(appDir, 'package.json'), '{ "name": "empty-app", "private": true }\n');
  // --prefer-offline: the npm cache answers when it can (the registry is reachable here and in
  // CI, so a cold cache still works). No scripts: a browser library must not need any.
  execFileSync(
    'npm',
    ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'],
    { cwd: appDir, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  project.provide('tarball', tarball);
  project.provide('appDir', appDir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
  };
}
