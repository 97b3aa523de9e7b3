/** initiativeForms: filled in by issue 6. */
export const initiativeForms = {};
