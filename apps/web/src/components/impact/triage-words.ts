/** A triage state as a reader says it: NOT_AFFECTED is "not affected". */
export const triageWords = (state: string) => state.toLowerCase().replaceAll('_', ' ');
