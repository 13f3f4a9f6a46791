'use client';
// `logto-spa/fetch/react`: the React hook of the fetch helper. Not in `logto-spa/react`, so a React
// app that never calls its API through it does not ship `createFetch`; not in `logto-spa/fetch`,
// so that entry stays free of React for Vue, Svelte and plain apps.
export { useApiFetch, type UseApiFetchOptions } from './useApiFetch.js';
export { createFetch, type CreateFetchOptions, type TokenSource } from '../index.js';
export { LogtoOriginRefusedError } from '../index.js';
