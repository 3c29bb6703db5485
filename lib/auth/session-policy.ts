/**
 * Session lifetime. Analysts read long reports, so the idle limit is generous; the absolute
 * limit bounds a stolen cookie to one working day.
 */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000; // 2 hours without a request
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000; // 12 hours after sign-in
/** last_seen_at is written at most this often, so reads do not turn into writes. */
export const SESSION_TOUCH_MS = 60 * 1000;

/** Sign-in throttle: failures inside the window, per account and per client address. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES_PER_ACCOUNT = 5;
export const THROTTLE_MAX_FAILURES_PER_CLIENT = 20;
