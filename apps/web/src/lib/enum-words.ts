/** A GraphQL enum value as a reader says it: NOT_AFFECTED is "not affected". */
export const enumWords = (value: string) => value.toLowerCase().replaceAll('_', ' ');
