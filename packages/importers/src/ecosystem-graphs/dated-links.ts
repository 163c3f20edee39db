import type { NodeLookup } from '../plan';
import type { AssetType } from './read-assets';

/**
 * When a dependency of an Ecosystem Graphs asset began, as far as the source states it. The
 * files give each asset a `created_date` and a list of what it depends on, never since when:
 * - a model's or dataset's dependencies are what it was made of (training data, the model it
 *   derives from, the model that generated it): they held from its creation, `validFrom` is its
 *   date, dated dependency or not;
 * - an application lists what it runs as of the entry's writing: it ran it from its launch only
 *   if that was there to run, so `validFrom` is its launch when the dependency's own release is
 *   known and no later; an application older than its model (ChatGPT before GPT-4) took it up
 *   on a day the source does not state, and claims none;
 * - a dependency the source dates after the asset (a benchmark published after the model trained
 *   on it) makes the start unknown: an edge never starts before both its ends exist.
 * An open start is safe: the engine already keeps an edge from transmitting before either end's
 * release. No `validTo` is ever claimed: the files do not say when anything stopped.
 */
export function dependencyStart(
  type: AssetType,
  assetDate: string | undefined,
  dependencyDate: string | undefined,
): string | undefined {
  if (!assetDate) return undefined;
  if (dependencyDate && dependencyDate > assetDate) return undefined;
  if (type === 'application' && !dependencyDate) return undefined;
  return assetDate;
}

/** The release days the store states for the stored nodes an import links to. */
export async function storedReleases(
  lookup: NodeLookup,
  ids: string[],
): Promise<Map<string, string>> {
  return ids.length && lookup.releasedAtOf ? lookup.releasedAtOf(ids) : new Map();
}
