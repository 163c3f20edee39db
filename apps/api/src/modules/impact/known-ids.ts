import type { Context } from '../../context';
import { apiError } from '../../errors';

/** How many unknown ids a refusal names: enough to find the typo, never a megabyte. */
const NAMED = 5;

/**
 * An id list argument, checked before any work: at most `max` ids (duplicates dropped), every
 * one a stored node. A refusal names the argument, how many ids were wrong, and a few of them.
 */
export async function knownIds(
  ctx: Context,
  argument: string,
  ids: readonly string[],
  options: { max: number },
): Promise<string[]> {
  const distinct = [...new Set(ids)];
  if (distinct.length > options.max) {
    throw apiError(
      'BAD_USER_INPUT',
      `${argument} holds at most ${options.max} ids, got ${distinct.length}`,
      { argument },
    );
  }
  const found = await ctx.loaders.node.loadMany(distinct);
  const unknown = distinct.filter((_, i) => !found[i] || found[i] instanceof Error);
  if (unknown.length) {
    const named = unknown.slice(0, NAMED).join(', ');
    const more = unknown.length > NAMED ? ` and ${unknown.length - NAMED} more` : '';
    throw apiError(
      'BAD_USER_INPUT',
      `${argument}: ${unknown.length} id(s) name no stored node: ${named}${more}`,
      { argument },
    );
  }
  return distinct;
}
