'use client';
// `logto-spa/idle/react`: the React hook of idle sign-out. Not in `logto-spa/react`, so a React
// app without idle sign-out does not ship the timer; not in `logto-spa/idle`, so that entry stays
// free of React for Vue, Svelte and plain apps.
export { useIdleTimer, type UseIdleTimerResult } from './useIdleTimer.js';
export {
  createIdleTimer,
  getIdleTimer,
  type IdleClient,
  type IdleState,
  type IdleTimer,
  type IdleTimerOptions,
  type IdleWarning,
} from '../index.js';
