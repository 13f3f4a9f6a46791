import { LogtoError } from './LogtoError.js';

/** The storage backend failed to read or write. */
export class LogtoStorageError extends LogtoError {
  declare readonly code: 'storage_error';

  constructor(message: string, cause: unknown) {
    super('storage_error', message, { cause });
    this.name = 'LogtoStorageError';
  }
}
