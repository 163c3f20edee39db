import type { NodeKind, RelationshipInput } from '@lineage/domain';
import { cycleComponents } from '../cycles';
import type { NodeLookup } from '../plan';
import type { LinkTable } from './link-table';
import type { HfCardFacts } from './read-hf';

// The steps of the HF plan over its numbered links (see plan.ts).

export const [KEPT, ON_CYCLE, SELF_LOOP] = [0, 1, 2];

/**
 * Where each lineage record stands, as refuseCycles() decides it: on a cycle (both ends in one
 * strongly connected component), a self-loop, or kept. The file's links are numbered already;
 * a tie may lead to a stored repo outside the table, which gets a number of its own.
 */
export function placeOnCycles(lineage: RelationshipInput[], table: LinkTable): Uint8Array {
  let size = table.ids.length;
  const extra = new Map<string, number>();
  const number = (id: string) => {
    const known = table.indexOf(id) ?? extra.get(id);
    if (known !== undefined) return known;
    extra.set(id, size);
    return size++;
  };
  const { links } = table;
  const from = Int32Array.from(lineage, (r, i) =>
    i < links.length ? links[i]!.child : number(r.from),
  );
  const to = Int32Array.from(lineage, (r, i) =>
    i < links.length ? links[i]!.parent : number(r.to),
  );
  const component = cycleComponents(from, to, size);
  return Uint8Array.from(lineage, (_, i) =>
    from[i] === to[i]
      ? SELF_LOOP
      : component[from[i]!] !== 0 && component[from[i]!] === component[to[i]!]
        ? ON_CYCLE
        : KEPT,
  );
}

/**
 * A card's link to its base holds from the model's creation (it is how the model was made):
 * `validFrom` is the card's `createdAt`, unless the base is dated later (its own card, or the
 * store's release for a stored base), when the start is unknown. Tree edges carry no dates.
 */
export async function dateLinks(
  table: LinkTable,
  lineage: RelationshipInput[],
  facts: Map<number, HfCardFacts>,
  stored: readonly (NodeKind | undefined)[],
  lookup: NodeLookup,
): Promise<void> {
  const isStored = (repo: number) => stored[repo] !== undefined;
  const dateOf = new Map<number, string>();
  for (const [repo, { createdAt }] of facts)
    if (createdAt && !isStored(repo)) dateOf.set(repo, createdAt);
  const storedEnds = new Set<number>();
  for (const { child, parent } of table.links)
    for (const repo of [child, parent]) if (isStored(repo)) storedEnds.add(repo);
  if (storedEnds.size && lookup.releasedAtOf) {
    const released = await lookup.releasedAtOf([...storedEnds].map((repo) => table.ids[repo]!));
    for (const repo of storedEnds) {
      const date = released.get(table.ids[repo]!);
      if (date) dateOf.set(repo, date);
    }
  }
  if (!dateOf.size) return;
  table.links.forEach(({ child, parent }, i) => {
    const [from, to] = [dateOf.get(child), dateOf.get(parent)];
    if (from && !(to && to > from)) lineage[i] = { ...lineage[i]!, validFrom: from };
  });
}
