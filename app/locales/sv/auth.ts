/** Signing in and out: password, sign-in link, forgotten password, e-mails. */
export const auth = {};
