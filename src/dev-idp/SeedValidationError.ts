/**
 * Thrown when a seed is invalid. The message starts with the path of the bad field, e.g.
 * `seed.users[1].password: expected a non-empty string`, so a one-line report is enough to fix it.
 */
export class SeedValidationError extends Error {
  override readonly name = 'SeedValidationError';

  /** Path of the offending field, e.g. `seed.organizations[0].members[2].username`. */
  readonly path: string;

  /**
   * @param path - path of the offending field
   * @param problem - what is wrong with it, e.g. `expected a non-empty string`
   */
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.path = path;
  }
}
