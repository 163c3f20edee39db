import { readFile } from 'node:fs/promises';
import {
  CLEARABLE_FIELDS,
  relationshipInputSchema,
  validationError,
  type RelationshipInput,
} from '@lineage/domain';
import { emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { readVex } from './read-vex';

/** Who an analysis is recorded by when the document does not say (another tool's VEX). */
const UNNAMED_ANALYST = 'vex-import';

/**
 * A VEX document (CycloneDX or OpenVEX) as triage: one TRIAGED relationship per analysis it
 * states, replacing the pair's earlier analysis, with who and when as the document says. Every
 * node and defect it names must be stored: VEX speaks about a graph, it does not carry one, so
 * a document naming an unknown id is refused whole, each unknown id listed.
 */
export async function planVex(file: string, lookup: NodeLookup): Promise<ImportPlan> {
  const text = await readFile(file, 'utf8');
  const { format, analyses } = await readVex(text).catch((error: Error) => {
    throw validationError(`${file}: ${error.message}`);
  });
  const ids = [...new Set(analyses.flatMap((a) => [a.nodeId, a.defectId]))];
  const kinds = await lookup.kindsOf(ids);
  const unknown = ids.filter((id) => !kinds.has(id));
  if (unknown.length)
    throw validationError(
      `${file}: the document names ids this graph does not hold (load the graph first)`,
      unknown.map((id) => `${id}: not stored`),
    );
  const now = new Date().toISOString();
  const relationships: RelationshipInput[] = analyses.map((analysis, i) => {
    const parsed = relationshipInputSchema.safeParse({
      type: 'TRIAGED',
      from: analysis.nodeId,
      to: analysis.defectId,
      state: analysis.state,
      justification: analysis.justification,
      note: analysis.note,
      triagedBy: analysis.by ?? UNNAMED_ANALYST,
      triagedAt: analysis.at ?? now,
      unset: CLEARABLE_FIELDS.Triage.filter((field) => analysis[field] === undefined),
    });
    if (!parsed.success)
      throw validationError(
        `${file}: analysis ${i + 1} (${analysis.nodeId} for ${analysis.defectId}) is not valid`,
        parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      );
    return parsed.data;
  });
  return {
    format: `vex (${format})`,
    records: analyses.length,
    batch: { nodes: [], relationships },
    linked: ids.length,
    notes: emptyNotes(),
    matches: [],
  };
}
