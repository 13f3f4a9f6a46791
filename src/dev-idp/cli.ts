#!/usr/bin/env node
/**
 * Entry point of the `logto-spa-dev-idp` command. All logic lives in `runCli` so that tests
 * can run it in-process.
 */
import { runCli } from './runCli.js';

process.exitCode = await runCli(process.argv.slice(2));
