import type { Connection } from './connection';
import { propsToEntity, type StoredEntity } from './entity-props';
import { toRelationship } from './relationship-store';
import { foldTriage, type Triage } from './triage-records';
import { decodeProps } from './values';

export type { Triage } from './triage-records';

/** A defect with what impact needs: where it starts and who is shown not to be affected. */
export interface DefectContext {
  defect: Extract<StoredEntity, { kind: 'Defect' }>;
  origins: string[];
  /**
   * Nodes shown not to be affected: by a mitigation (MITIGATES), or by a triage that stops
   * propagation (NOT_AFFECTED, FALSE_POSITIVE), so every reader of impact honours both.
   */
  mitigators: string[];
  /** The day each mitigator holds from, where it says: its `since`, or its triage's day. */
  mitigatedSince: Record<string, string>;
  /** Every triage of the defect, whatever its state, by node id. */
  triage: Map<string, Triage>;
}

const TRIAGE_OF_D = `
  [(node:Entity)-[t:TRIAGED]->(d) | {to: d.id, from: node.id, props: properties(t)}] AS triage`;

const DEFECT_CONTEXT = `
  MATCH (d:Defect {id: $id})
  OPTIONAL MATCH (d)-[:AFFECTS]->(origin:Entity)
  WITH d, collect(origin.id) AS origins
  OPTIONAL MATCH (mitigator:Entity)-[mitigation:MITIGATES]->(d)
  WITH d, origins, collect(mitigator.id) AS mitigators,
       collect([mitigator.id, toString(mitigation.since)]) AS since
  OPTIONAL MATCH (m:Meta {key: 'graph'})
  RETURN properties(d) AS props, origins, mitigators, since, ${TRIAGE_OF_D},
         coalesce(m.graphVersion, 0) AS graphVersion`;

const DEFECTS_WITH_ORIGINS_IN = `
  MATCH (d:Defect)-[:AFFECTS]->(origin:Entity)
  WHERE origin.id IN $ids
  WITH d, collect(origin.id) AS origins
  OPTIONAL MATCH (mitigator:Entity)-[mitigation:MITIGATES]->(d)
  RETURN properties(d) AS props, origins, collect(mitigator.id) AS mitigators,
         collect([mitigator.id, toString(mitigation.since)]) AS since, ${TRIAGE_OF_D}`;

const OPERATORS = `
  MATCH (d:Deployment)-[:OPERATED_BY]->(p:Provider)
  WHERE d.id IN $ids
  RETURN d.id AS deployment, p.id AS provider
  ORDER BY deployment, provider`;

type Row = {
  props: object;
  origins: string[];
  mitigators: string[];
  since: [string | null, string | null][];
  triage: { from: string; to: string; props: object }[];
};

function toContext(row: Row): DefectContext {
  const defect = propsToEntity(decodeProps(row.props)) as DefectContext['defect'];
  const mitigatedSince: Record<string, string> = {};
  for (const [id, since] of row.since) if (id && since) mitigatedSince[id] = since;
  const triage = row.triage.map((t) => toRelationship({ ...t, type: 'TRIAGED' }) as Triage);
  return {
    defect,
    origins: row.origins,
    ...foldTriage({ mitigators: row.mitigators, mitigatedSince }, triage),
  };
}

/**
 * A defect's context with the graph version read in the same statement, so that impact can
 * pick a projection of exactly the graph the context came from.
 */
export async function defectContext(
  connection: Connection,
  id: string,
): Promise<(DefectContext & { graphVersion: number }) | undefined> {
  const [row] = await connection.read<Row & { graphVersion: number }>(DEFECT_CONTEXT, { id });
  return row ? { ...toContext(row), graphVersion: row.graphVersion } : undefined;
}

/** Defects with an origin among `ids` (only those origins are listed). */
export async function defectsWithOriginsIn(
  connection: Connection,
  ids: string[],
): Promise<DefectContext[]> {
  const rows = await connection.read<Row>(DEFECTS_WITH_ORIGINS_IN, { ids });
  return rows.map(toContext);
}

/** The providers operating each deployment. */
export async function operatorsOf(
  connection: Connection,
  deploymentIds: string[],
): Promise<Map<string, string[]>> {
  const rows = await connection.read<{ deployment: string; provider: string }>(OPERATORS, {
    ids: deploymentIds,
  });
  const operators = new Map<string, string[]>();
  for (const row of rows) {
    operators.set(row.deployment, [...(operators.get(row.deployment) ?? []), row.provider]);
  }
  return operators;
}
