/** Choices nearly every node ends with. */
export const bye = { id: 'bye', text: 'Later.', next: 'end' } as const;
export const back = { id: 'back', text: 'Something else…', next: 'greet' } as const;
