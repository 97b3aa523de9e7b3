/** threads: filled in by issue 5. */
export const threads = {} as const;
