/** forums: filled in by issue 5. */
export const forums = {} as const;
