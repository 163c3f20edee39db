import { dayNumber, isoDate, isLineageRelation } from '@lineage/domain';
import type { SyntheticItem } from '@lineage/importers';

/**
 * Dates on the generated graph, so that impact as of a day runs its date checks on every edge
 * and node it meets. The generator's graph (its shape fitted to the HF tree) is left as it is:
 * dates are added on the way to the store, decided by each record's id, never by the
 * generator's random sequence.
 *
 * Models are released in the order the generator makes them (a parent always before its
 * children) over four and a half years; a few quantizations are retired. A share of the derivations state
 * their start (the child's release). Deployments launch in the later half of the span and
 * their DEPLOYS edges start no earlier than the model they run; many of them end (the product
 * switched models), as do some BUILT_ON edges.
 */
export const DATING = {
  /** Bump when the dates change: cached bench stores key on it. */
  version: 1,
  firstDay: '2022-01-01',
  lastDay: '2026-06-30',
  /** Derivations (fine-tune, quantization, merge, adapter) whose start is stated. */
  datedDerivations: 0.3,
  retiredQuantizations: 0.025,
  endedDeploys: 0.4,
  endedBuiltOn: 0.2,
  /** The day the "as of" hub impact asks for: when 90% of the models had been released. */
  asOfShare: 0.9,
};

const FIRST = dayNumber(DATING.firstDay);
const SPAN = dayNumber(DATING.lastDay) - FIRST;

/** FNV-1a over the text, as a fraction in [0, 1): the same for the same text everywhere. */
function share(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 4294967296;
}

/** The generator's running number in an id (`model:gen3-p4/m123` is 123). */
const numberOf = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? 0);

/** A model is released at its share of the span: the generator makes parents first. */
const modelRelease = (id: string, nodes: number) =>
  FIRST + Math.floor((numberOf(id) / nodes) * SPAN);

/** A deployment launches in the later half of the span. */
const deploymentLaunch = (id: string) => FIRST + Math.floor((0.5 + 0.5 * share(id)) * SPAN);

const releaseOf = (id: string, nodes: number) =>
  id.startsWith('deployment:') ? deploymentLaunch(id) : modelRelease(id, nodes);

/** The day the benchmark asks "as of": the lineage of every hub mostly held by then. */
export function benchAsOf(): string {
  return isoDate(FIRST + Math.floor(DATING.asOfShare * SPAN));
}

/** The generated graph of `nodes` lineage nodes, dated. */
export function* withDates(
  items: Iterable<SyntheticItem>,
  nodes: number,
): Generator<SyntheticItem> {
  for (const item of items) {
    if ('node' in item) {
      const { node } = item;
      if (node.kind === 'Provider') {
        yield item;
        continue;
      }
      const released = releaseOf(node.id, nodes);
      // Only quantizations retire: nearly all are leaves, so no hub's lineage is cut off.
      const retired =
        node.kind === 'Quantization' && share(`retired ${node.id}`) < DATING.retiredQuantizations
          ? released + 180 + Math.floor(share(`for ${node.id}`) * 360)
          : undefined;
      yield {
        node: {
          ...node,
          releasedAt: isoDate(released),
          ...(retired === undefined ? {} : { retiredAt: isoDate(retired) }),
        },
      };
      continue;
    }
    const { relationship } = item;
    if (!isLineageRelation(relationship.type)) {
      yield item;
      continue;
    }
    const key = `${relationship.type} ${relationship.from} ${relationship.to}`;
    const start = Math.max(releaseOf(relationship.from, nodes), releaseOf(relationship.to, nodes));
    const ends =
      relationship.type === 'DEPLOYS'
        ? DATING.endedDeploys
        : relationship.type === 'BUILT_ON'
          ? DATING.endedBuiltOn
          : 0;
    // Deployments always state their start; derivations sometimes.
    const startStated = ends > 0 || share(`from ${key}`) < DATING.datedDerivations;
    const end =
      share(`to ${key}`) < ends ? start + 90 + Math.floor(share(`for ${key}`) * 630) : undefined;
    yield {
      relationship: {
        ...relationship,
        ...(startStated ? { validFrom: isoDate(start) } : {}),
        ...(end === undefined ? {} : { validTo: isoDate(end) }),
      },
    };
  }
}
