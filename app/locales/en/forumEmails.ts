/** forumEmails: filled in by issue 5. */
export const forumEmails = {} as const;
