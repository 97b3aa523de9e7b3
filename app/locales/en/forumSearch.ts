/** forumSearch: filled in by issue 5. */
export const forumSearch = {} as const;
