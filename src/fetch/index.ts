// The authenticated fetch is an entry of its own (`logto-spa/fetch`), like idle sign-out: an app
// that does not import it pays nothing for it, and the core entry's size budget holds.
export { createFetch, type CreateFetchOptions, type TokenSource } from './createFetch.js';
export { LogtoOriginRefusedError } from './LogtoOriginRefusedError.js';
