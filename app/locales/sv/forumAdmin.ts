/** forumAdmin: filled in by issue 5. */
export const forumAdmin = {} as const;
