/** Issue 4: the admin part of the portal. */
export const admin = {};
