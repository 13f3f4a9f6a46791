import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';

import type {
  DevIdpSeed,
  SeedOrganization,
  SeedResource,
  SeedResourceScope,
  SeedUser,
} from './DevIdpSeed.js';

/** A user's membership in one organization. */
export interface Membership {
  organization: SeedOrganization;
  roles: string[];
}

/** What the sign-up form submits. */
export interface SignUpInput {
  username: string;
  password: string;
  name?: string | undefined;
  email?: string | undefined;
}

/** Raised for a sign-up the page should refuse; the message is shown to the user. */
export class SignUpRefused extends Error {
  override readonly name = 'SignUpRefused';
}

// Logto's username rule: a letter or underscore first, then word characters.
const usernamePattern = /^[A-Z_a-z]\w*$/;
const emailPattern = /^[^\s@]+@[^\s@]+$/;

/**
 * The in-memory user and permission store behind the IdP: seeded users plus those created on
 * the sign-up page, and the role → scope arithmetic Logto does for tokens.
 */
export class UserDirectory {
  readonly #seed: DevIdpSeed;
  readonly #users: SeedUser[];
  /** Organization members are seeded by username; a later rename must not drop them. */
  readonly #seedUsernames: Map<string, string>;

  constructor(seed: DevIdpSeed) {
    this.#seed = seed;
    // Sign-ups append here and the Account API edits users in place: work on copies, so the
    // validated seed itself stays as it was given.
    this.#users = seed.users.map((user) => structuredClone(user));
    this.#seedUsernames = new Map(seed.users.map((user) => [user.id, user.username]));
  }

  /** Every user, seeded first, then signed-up ones. */
  get users(): readonly SeedUser[] {
    return this.#users;
  }

  findById(id: string): SeedUser | undefined {
    return this.#users.find((user) => user.id === id);
  }

  /** Usernames are case-insensitive, as in Logto. */
  findByUsername(username: string): SeedUser | undefined {
    const wanted = username.trim().toLowerCase();
    return this.#users.find((user) => user.username.toLowerCase() === wanted);
  }

  /** The user whose primary email this is (exact match), if any. */
  findByEmail(email: string): SeedUser | undefined {
    return this.#users.find((user) => user.email === email);
  }

  /** The user whose primary phone this is, ignoring a leading `+`, if any. */
  findByPhone(phone: string): SeedUser | undefined {
    const digits = phone.replace(/^\+/, '');
    return this.#users.find((user) => user.phone?.replace(/^\+/, '') === digits);
  }

  /**
   * Changes a user (Account API) and stamps `updatedAt`; the next userinfo answer and ID token
   * carry the new values.
   */
  updateUser(user: SeedUser, changes: Partial<Omit<SeedUser, 'id' | 'createdAt'>>): void {
    Object.assign(user, changes, { updatedAt: Math.max(Date.now(), user.updatedAt + 1) });
  }

  /** Returns the user when username and password match, otherwise undefined. */
  verifyPassword(username: string, password: string): SeedUser | undefined {
    const user = this.findByUsername(username);
    // Compare digests so the comparison takes the same time whatever the lengths are.
    const given = createHash('sha256').update(password).digest();
    const expected = createHash('sha256')
      .update(user?.password ?? randomBytes(16))
      .digest();
    return user && timingSafeEqual(given, expected) ? user : undefined;
  }

  /**
   * Creates a user from the sign-up form.
   *
   * @throws {SignUpRefused} with a message for the page: bad username, empty password, bad email
   *   or a username that is taken
   */
  createUser(input: SignUpInput): SeedUser {
    const username = input.username.trim();
    if (!usernamePattern.test(username)) {
      throw new SignUpRefused(
        'Usernames start with a letter or underscore and contain only letters, digits and underscores.',
      );
    }
    if (input.password === '') throw new SignUpRefused('Enter a password.');
    const email = input.email?.trim() ?? '';
    if (email !== '' && !emailPattern.test(email)) {
      throw new SignUpRefused('Enter a valid email address.');
    }
    if (this.findByUsername(username)) {
      throw new SignUpRefused(`The username "${username}" is already taken.`);
    }
    const now = Date.now();
    const name = input.name?.trim() ?? '';
    const user: SeedUser = {
      id: `u_${randomBytes(6).toString('hex')}`,
      username,
      password: input.password,
      name: name === '' ? null : name,
      email: email === '' ? null : email,
      emailVerified: false,
      phone: null,
      phoneVerified: false,
      picture: null,
      profile: {},
      customData: {},
      identities: {},
      roles: [],
      createdAt: now,
      updatedAt: now,
    };
    this.#users.push(user);
    return user;
  }

  /** The seeded API resource with this indicator, if any. */
  resource(indicator: string): SeedResource | undefined {
    return this.#seed.resources.find((resource) => resource.indicator === indicator);
  }

  /** The user's scopes for an API resource, granted through their (global) roles. */
  resourceScopesOf(user: SeedUser, indicator: string): Set<string> {
    const roles = this.#seed.roles.filter((role) => user.roles.includes(role.name));
    return scopesFor(
      roles.flatMap((role) => role.scopes),
      indicator,
    );
  }

  /** Every organization the user belongs to, with their organization role names. */
  membershipsOf(user: SeedUser): Membership[] {
    return this.#seed.organizations.flatMap((organization) => {
      const username = this.#seedUsernames.get(user.id);
      const member = organization.members.find((m) => m.username === username);
      return member ? [{ organization, roles: member.roles }] : [];
    });
  }

  /** The user's membership in one organization, or undefined for a non-member. */
  membershipIn(user: SeedUser, organizationId: string): Membership | undefined {
    return this.membershipsOf(user).find((m) => m.organization.id === organizationId);
  }

  /** Organization scopes the membership's roles grant. */
  organizationScopesOf(membership: Membership): Set<string> {
    return new Set(this.#organizationRoles(membership).flatMap((role) => role.scopes));
  }

  /** API resource scopes the membership's roles grant inside the organization. */
  organizationResourceScopesOf(membership: Membership, indicator: string): Set<string> {
    return scopesFor(
      this.#organizationRoles(membership).flatMap((role) => role.resourceScopes),
      indicator,
    );
  }

  /** Every organization scope any organization role defines. */
  allOrganizationScopes(): string[] {
    return [...new Set(this.#seed.organizationRoles.flatMap((role) => role.scopes))];
  }

  #organizationRoles(membership: Membership) {
    return this.#seed.organizationRoles.filter((role) => membership.roles.includes(role.name));
  }
}

function scopesFor(scopes: readonly SeedResourceScope[], indicator: string): Set<string> {
  return new Set(scopes.filter((s) => s.resource === indicator).map((s) => s.scope));
}
