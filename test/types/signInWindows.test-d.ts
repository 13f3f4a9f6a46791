import { describe, expectTypeOf, it } from 'vitest';
import type { SignInWindowClient, SignInWindowMethods } from '../../src/core/index.js';
import type { SignInWindowFunctions, UseLogtoResult } from '../../src/react/index.js';
import { mockSignInWindows, type MockLogtoClient } from '../../src/testing/index.js';

type Name = 'signInWithPopup' | 'signInSilently' | 'checkSession' | 'reauthenticate';

describe("useLogto()'s sign-in windows are there only when the provider was given them", () => {
  it('each may be undefined', () => {
    expectTypeOf<UseLogtoResult['signInWithPopup']>().toEqualTypeOf<
      SignInWindowMethods['signInWithPopup'] | undefined
    >();
    expectTypeOf<UseLogtoResult['signInSilently']>().toEqualTypeOf<
      SignInWindowMethods['signInSilently'] | undefined
    >();
    expectTypeOf<UseLogtoResult['checkSession']>().toEqualTypeOf<
      SignInWindowMethods['checkSession'] | undefined
    >();
    expectTypeOf<UseLogtoResult['reauthenticate']>().toEqualTypeOf<
      SignInWindowMethods['reauthenticate'] | undefined
    >();
  });

  it('so a call must say what happens without it', () => {
    const logto = {} as UseLogtoResult;
    // @ts-expect-error possibly undefined: the provider may not have been given it
    void logto.signInWithPopup();
    expectTypeOf(logto.signInWithPopup?.({ postRedirectUri: '/' })).toEqualTypeOf<
      ReturnType<SignInWindowMethods['signInWithPopup']> | undefined
    >();
  });
});

describe('the window functions have no test seam; the test kit has the mocks', () => {
  it('a client handed to signInWithPopup & co. offers none of their names', () => {
    expectTypeOf<Extract<keyof SignInWindowClient, Name>>().toBeNever();
    expectTypeOf<Extract<keyof MockLogtoClient, Name>>().toBeNever();
  });

  it('mockSignInWindows(mock) fits <LogtoProvider signInWindows> and gives all four', () => {
    const windows = mockSignInWindows({} as MockLogtoClient);
    expectTypeOf(windows).toExtend<Required<SignInWindowFunctions>>();
  });
});
