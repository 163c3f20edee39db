import { ENTITY_LABELS } from '@lineage/domain';
import type { Connection } from './connection';

interface Migration {
  version: number;
  name: string;
  /** Each statement is idempotent (IF NOT EXISTS), so a half-applied migration can rerun. */
  statements: string[];
}

const nameIndexes = ENTITY_LABELS.map(
  (label) => `CREATE INDEX ${label.toLowerCase()}_name IF NOT EXISTS FOR (n:${label}) ON (n.name)`,
);

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'unique ids and the meta singleton',
    statements: [
      'CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
      'CREATE CONSTRAINT meta_key_unique IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE',
      "MERGE (m:Meta {key: 'graph'}) ON CREATE SET m.graphVersion = 0",
    ],
  },
  {
    version: 2,
    name: 'indexes per kind',
    statements: [
      ...nameIndexes,
      'CREATE INDEX defect_status_category IF NOT EXISTS FOR (n:Defect) ON (n.status, n.category)',
      'CREATE INDEX change_graph_version IF NOT EXISTS FOR (c:Change) ON (c.graphVersion)',
    ],
  },
  {
    version: 3,
    name: 'full-text search on names, aliases and ids',
    statements: [
      'CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases, n.id]',
    ],
  },
  {
    version: 4,
    name: 'ids folded to lower case, to refuse ids that differ only in case',
    statements: [
      'CREATE INDEX entity_id_key IF NOT EXISTS FOR (n:Entity) ON (n.idKey)',
      `MATCH (n:Entity) WHERE n.idKey IS NULL
       CALL (n) { SET n.idKey = toLower(n.id) } IN TRANSACTIONS OF 10000 ROWS`,
    ],
  },
  {
    version: 5,
    name: 'one review decision per name and owner',
    statements: [
      'CREATE CONSTRAINT match_decision_key_unique IF NOT EXISTS FOR (d:MatchDecision) REQUIRE d.key IS UNIQUE',
    ],
  },
  {
    version: 6,
    name: 'chunked imports: their records and the nodes they stage',
    statements: [
      'CREATE CONSTRAINT import_id_unique IF NOT EXISTS FOR (i:Import) REQUIRE i.id IS UNIQUE',
      'CREATE INDEX staged_id IF NOT EXISTS FOR (n:Staged) ON (n.id)',
      'CREATE INDEX staged_import IF NOT EXISTS FOR (n:Staged) ON (n.importId)',
    ],
  },
  {
    version: 7,
    name: 'watched products: one watch per deployment',
    statements: [
      'CREATE CONSTRAINT watch_deployment_unique IF NOT EXISTS FOR (w:Watch) REQUIRE w.deploymentId IS UNIQUE',
    ],
  },
  {
    version: 8,
    name: 'alerts: webhooks, and one delivery per webhook and event',
    statements: [
      'CREATE CONSTRAINT webhook_id_unique IF NOT EXISTS FOR (h:Webhook) REQUIRE h.id IS UNIQUE',
      'CREATE CONSTRAINT delivery_key_unique IF NOT EXISTS FOR (d:WebhookDelivery) REQUIRE d.key IS UNIQUE',
      'CREATE INDEX delivery_id IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.id)',
      'CREATE INDEX delivery_status IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.status)',
    ],
  },
];

export interface MigrationReport {
  applied: string[];
  schemaVersion: number;
}

const READ_SCHEMA_VERSION = `
  OPTIONAL MATCH (m:Meta {key: 'graph'})
  RETURN coalesce(m.schemaVersion, 0) AS version`;

const RECORD_SCHEMA_VERSION = `
  MERGE (m:Meta {key: 'graph'})
  ON CREATE SET m.graphVersion = 0
  SET m.schemaVersion = toInteger($version)`;

/** Applies the migrations not yet recorded on the Meta node, in order, and waits for indexes. */
export async function migrate(connection: Connection): Promise<MigrationReport> {
  const [row] = await connection.read<{ version: number }>(READ_SCHEMA_VERSION);
  const current = row?.version ?? 0;
  const applied: string[] = [];
  for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
    for (const statement of migration.statements) await connection.runAutoCommit(statement);
    await connection.write(RECORD_SCHEMA_VERSION, { version: migration.version });
    applied.push(`${migration.version}: ${migration.name}`);
  }
  await connection.runAutoCommit('CALL db.awaitIndexes(300)');
  return { applied, schemaVersion: Math.max(current, ...MIGRATIONS.map((m) => m.version)) };
}
