import { LogtoError } from './LogtoError.js';

/** The configuration passed to `new LogtoClient()` (or to a call) is unusable. */
export class LogtoConfigError extends LogtoError {
  declare readonly code: 'config_invalid';
  /** The configuration field at fault, e.g. `endpoint` or `resources[1]`. */
  declare readonly field: string;

  constructor(field: string, message: string) {
    super('config_invalid', `Invalid Logto config: ${field} ${message}`);
    this.name = 'LogtoConfigError';
    this.field = field;
  }
}
