/** Names shared by the server, the proxy and the login form; plain values, safe to import anywhere. */

/** next-auth's session cookie, plain and (over HTTPS) with the __Secure- prefix. */
export const SESSION_COOKIE = 'next-auth.session-token';
export const SECURE_SESSION_COOKIE = '__Secure-next-auth.session-token';

/** Error code next-auth passes to the login form when the throttle refuses a sign-in. */
export const THROTTLED_ERROR = 'TooManyAttempts';

/** Header the proxy sets so a page can send a signed-out visitor back after login. */
export const REQUEST_PATH_HEADER = 'x-request-path';
