import { LogtoError } from './LogtoError.js';

/** Another tab held the refresh lock for too long. */
export class LogtoLockTimeoutError extends LogtoError {
  declare readonly code: 'lock_timeout';

  constructor(lockName: string, seconds: number) {
    super('lock_timeout', `Waited ${seconds}s for the lock ${lockName}; another tab may be stuck.`);
    this.name = 'LogtoLockTimeoutError';
  }
}
