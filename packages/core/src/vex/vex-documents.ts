import { DomainError, type Entity } from '@lineage/domain';
import type { GraphStore, Triage } from '@lineage/graph-store';
import {
  buildCycloneDxVex,
  buildOpenVex,
  validateCycloneDxVex,
  validateOpenVex,
  type CycloneDxVexOptions,
  type VexInput,
  type VexStatement,
} from '@lineage/importers';
import type { ImpactService } from '../impact/impact-service';
import type { TimeOptions } from '../time/as-of';

export type VexDocumentFormat = 'cyclonedx' | 'openvex';

export interface VexOptions extends TimeOptions {
  format: VexDocumentFormat;
  /** CycloneDX only: 1.6 by default. */
  specVersion?: CycloneDxVexOptions['specVersion'];
}

type Statement = VexInput['statements'][number];
type Defect = Extract<Entity, { kind: 'Defect' }>;

/** A recorded triage as a VEX statement: the analysis a person made, who and when. */
const triaged = (defectId: string, node: Entity, triage: Triage): Statement => ({
  defectId,
  node: nodeOf(node),
  state: triage.state,
  ...(triage.justification ? { justification: triage.justification } : {}),
  ...(triage.note ? { note: triage.note } : {}),
  by: triage.triagedBy,
  at: triage.triagedAt,
});

/** An exposure nobody analysed yet: in triage, marked so a re-import records nothing. */
const untriaged = (
  defectId: string,
  node: Entity,
  row: { level: string; path: string[] },
  at: string,
): Statement => ({
  defectId,
  node: nodeOf(node),
  state: 'IN_TRIAGE',
  level: row.level,
  path: row.path,
  at,
});

/**
 * Whether a node is a repository on the Hugging Face hub: one of its sources is its hub page.
 * An id of the hub's `owner/name` form alone does not say it (`model:openai/gpt-4o` is not).
 */
const onHub = (node: Entity) => {
  const repo = node.id.slice(node.id.indexOf(':') + 1).toLowerCase();
  const page =
    node.kind === 'Dataset' ? `huggingface.co/datasets/${repo}` : `huggingface.co/${repo}`;
  return node.sources.some((url) => {
    const at = url.toLowerCase().replace(/^https?:\/\/(www\.)?/, '');
    return at === page || at.startsWith(`${page}/`);
  });
};

const nodeOf = (node: Entity): VexStatement['node'] => ({
  id: node.id,
  name: node.name,
  kind: node.kind,
  onHub: onHub(node),
  ...('version' in node && node.version ? { version: node.version } : {}),
});

const defectOf = (defect: Defect): VexInput['defects'][number] => ({
  id: defect.id,
  name: defect.name,
  ...(defect.summary ? { summary: defect.summary } : {}),
  severity: defect.severity,
  sources: defect.sources,
  ...(defect.disclosedAt ? { disclosedAt: defect.disclosedAt } : {}),
});

/**
 * A VEX document for a defect (every recorded triage of it, and each deployment it reaches
 * untriaged) or for a product (every defect reaching it, with the product's triage or as in
 * triage), validated against its format's schema before it is handed out.
 */
export async function vexDocument(
  store: GraphStore,
  impact: ImpactService,
  subjectId: string,
  options: VexOptions,
): Promise<{ json: string; statements: number }> {
  const timestamp = new Date();
  const input = subjectId.startsWith('defect:')
    ? await defectStatements(store, impact, subjectId, options, timestamp)
    : await productStatements(store, impact, subjectId, options, timestamp);
  if (!input.statements.length)
    throw new DomainError(
      'NOT_FOUND',
      `nothing to state for '${subjectId}': no triage and no exposure on that day`,
      { id: subjectId },
    );
  const json =
    options.format === 'openvex'
      ? buildOpenVex(input)
      : buildCycloneDxVex(input, { specVersion: options.specVersion });
  const problems =
    options.format === 'openvex' ? validateOpenVex(json) : await validateCycloneDxVex(json);
  // Our own output failing its schema is a bug, not the caller's input: an internal error.
  if (problems) throw new Error(`the VEX document does not validate: ${problems.join('; ')}`);
  return { json, statements: input.statements.length };
}

async function defectStatements(
  store: GraphStore,
  impact: ImpactService,
  defectId: string,
  options: TimeOptions,
  timestamp: Date,
): Promise<VexInput> {
  const { context, view } = await impact.impactOfDefect(defectId, options);
  const open = view.deployments().filter((row) => !context.triage.has(row.id));
  const entities = await store.getEntities([
    defectId,
    ...context.triage.keys(),
    ...open.map((r) => r.id),
  ]);
  const statements: Statement[] = [];
  for (const [nodeId, triage] of context.triage) {
    const node = entities.get(nodeId);
    if (node) statements.push(triaged(defectId, node, triage));
  }
  for (const row of open) {
    const node = entities.get(row.id);
    if (node) statements.push(untriaged(defectId, node, row, timestamp.toISOString()));
  }
  return {
    subject: { kind: 'defect', id: defectId },
    defects: [defectOf(entities.get(defectId) as Defect)],
    statements,
    timestamp,
    author: 'Lineage',
  };
}

async function productStatements(
  store: GraphStore,
  impact: ImpactService,
  nodeId: string,
  options: TimeOptions,
  timestamp: Date,
): Promise<VexInput> {
  const { rows } = await impact.exposure(nodeId, options);
  // A defect stopped upstream by a mitigation is no analysis of this product: the BOM says it.
  const stated = rows.filter((row) => row.triage || !row.row.mitigated);
  const entities = await store.getEntities([nodeId, ...stated.map((row) => row.defectId)]);
  const node = entities.get(nodeId)!;
  const statements = stated.map((row) =>
    row.triage
      ? triaged(row.defectId, node, row.triage)
      : untriaged(row.defectId, node, row.row, timestamp.toISOString()),
  );
  return {
    subject: { kind: 'product', id: nodeId },
    defects: [...new Set(stated.map((row) => row.defectId))].map((id) =>
      defectOf(entities.get(id) as Defect),
    ),
    statements,
    timestamp,
    author: 'Lineage',
  };
}
