// Idle sign-out is an entry of its own (`logto-spa/idle`): an app that does not import it pays
// nothing for it, and the core entry's size budget holds.
export {
  createIdleTimer,
  getIdleTimer,
  type IdleTimer,
  type IdleTimerOptions,
  type IdleState,
  type IdleWarning,
  type IdleClient,
} from './createIdleTimer.js';
