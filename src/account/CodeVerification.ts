/** Where to send a verification code. */
export type CodeTarget = { email: string } | { phone: string };

/** The address a code went to, as Logto names it. */
export interface CodeIdentifier<Type extends 'email' | 'phone' = 'email' | 'phone'> {
  type: Type;
  value: string;
}

/**
 * A verification code Logto sent (by `sendCode`); pass it with the code the user typed to
 * `verifyCode`. Holds no code.
 *
 * @example
 * ```ts
 * const sent: SentCode = await accountClient.sendCode({ email: 'new@example.com' });
 * ```
 */
export interface SentCode<Type extends 'email' | 'phone' = 'email' | 'phone'> {
  readonly verificationRecordId: string;
  readonly identifier: CodeIdentifier<Type>;
}

/**
 * A code the user proved they received: the address is theirs. Pass it to `setPrimaryEmail` /
 * `setPrimaryPhone`; a code to the user's own address also verifies their identity.
 *
 * @example
 * ```ts
 * const verified: VerifiedCode<'email'> = await accountClient.verifyCode(sent, '123456');
 * await accountClient.setPrimaryEmail(verified);
 * ```
 */
export interface VerifiedCode<
  Type extends 'email' | 'phone' = 'email' | 'phone',
> extends SentCode<Type> {
  readonly verified: true;
}
