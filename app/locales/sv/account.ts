/** Issue 4: the account part of the portal. */
export const account = {};
