import { describe, expectTypeOf, it } from 'vitest';
import type { IdTokenClaims, UserInfoResponse } from '../../src/core/index.js';

describe('claim types', () => {
  it('keep named claims typed in userinfo and the ID token', () => {
    expectTypeOf<UserInfoResponse['sub']>().toEqualTypeOf<string>();
    expectTypeOf<UserInfoResponse['email']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<UserInfoResponse['organization_data']>().toEqualTypeOf<
      { id: string; name: string; description: string | null }[] | undefined
    >();
    expectTypeOf<IdTokenClaims['organizations']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<IdTokenClaims['created_at']>().toEqualTypeOf<number | undefined>();
  });
});
