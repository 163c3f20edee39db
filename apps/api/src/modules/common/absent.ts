/** GraphQL sends null for what an input or argument leaves out; the services want it absent. */
export const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
