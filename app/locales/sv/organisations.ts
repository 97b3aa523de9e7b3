/** Issue 4: the organisations part of the portal. */
export const organisations = {};
