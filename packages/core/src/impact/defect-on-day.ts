import { nodeIndex, type LineageGraph } from '@lineage/domain';
import type { DefectContext } from '@lineage/graph-store';
import { begunBy } from '../time/as-of';

export const indicesIn = (graph: LineageGraph, ids: string[]) =>
  ids.map((id) => nodeIndex(graph, id)).filter((index) => index >= 0);

/** The mitigators whose MITIGATES has begun on `day` (one without `since` always has). */
export function mitigatorsOn(
  context: Pick<DefectContext, 'mitigators' | 'mitigatedSince'>,
  day: number,
) {
  return context.mitigators.filter((id) => begunBy(context.mitigatedSince[id], day));
}

/** Whether a defect counts on `day`: with `disclosedOnly`, only from its disclosure. */
export function disclosedBy(
  defect: { disclosedAt?: string },
  day: number,
  disclosedOnly: boolean | undefined,
): boolean {
  return !disclosedOnly || begunBy(defect.disclosedAt, day);
}

/**
 * What the engine needs of a filed defect on `day`: its origins (none before its disclosure when
 * only disclosed defects count) and the mitigations begun by then, by id.
 */
export function defectOnDay(context: DefectContext, day: number, disclosedOnly?: boolean) {
  const { category, status, transmission } = context.defect;
  return {
    category,
    status,
    transmission,
    origins: disclosedBy(context.defect, day, disclosedOnly) ? context.origins : [],
    mitigators: mitigatorsOn(context, day),
  };
}
