import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { labelsOf, newEntity, newRelationship, type NodeKind } from '@lineage/domain';
import { importOffline, type OfflineImportFile } from '@lineage/neo4j-embedded';
import type { LoadItem } from './bulk-load';
import type { Connection } from './connection';
import { entityToProps, relationshipToProps } from './entity-props';
import { importColumnType, type Plain, type PlainProps } from './values';
import { changeRecord, RECORD_CHANGE, type ChangeInfo } from './write-store';

export interface OfflineLoadOptions {
  /** The new store's directory, as `startNeo4j` is then given it. */
  dataDir: string;
  /** Called twice over: once to learn each file's columns, once to write the rows. */
  items: () => Iterable<LoadItem>;
  javaHome?: string;
  heap?: string;
  onProgress?: (line: string) => void;
}

export interface OfflineLoadReport {
  nodes: number;
  relationships: number;
  /** Writing the CSV files, then the importer. */
  csvSeconds: number;
  importSeconds: number;
}

// A control character no generated or exported text holds; a value holding it is refused.
const ARRAY_DELIMITER = '\u001f';

interface Group {
  labels: string[];
  /** Property columns in order of first appearance, with the importer's type of each. */
  columns: Map<string, string>;
  isNode: boolean;
  out?: WriteStream;
}

/**
 * Trusted records into a new store through Neo4j's offline importer: the records as CSV files
 * (one per node kind and relationship type), stored as bulkLoad would store them but for empty
 * lists, then `neo4j-admin database import`. Much faster than transactions at millions of rows;
 * the store has no index until migrations run, and no Change until recordOfflineLoad. Empty
 * lists are left unset (the importer stores no empty array); reads, diffs and hashes take them
 * as empty (withStoredLists).
 */
export async function offlineLoad(options: OfflineLoadOptions): Promise<OfflineLoadReport> {
  const progress = options.onProgress ?? (() => {});
  const csvDir = path.join(options.dataDir, 'offline-import');
  await rm(csvDir, { recursive: true, force: true });
  await mkdir(csvDir, { recursive: true });
  const started = performance.now();
  const updatedAt = new Date().toISOString();
  const groups = new Map<string, Group>();
  for (const item of options.items()) learnColumns(groups, rowOf(item, updatedAt));
  const counts = await writeRows(groups, options.items(), updatedAt, csvDir, progress);
  const files = await writeHeaders(groups, csvDir);
  const csvSeconds = (performance.now() - started) / 1000;
  progress(
    `offline load: ${counts.nodes} nodes and ${counts.relationships} relationships as CSV in ${csvSeconds.toFixed(1)} s`,
  );
  try {
    const report = await importOffline({
      dataDir: options.dataDir,
      ...files,
      arrayDelimiter: ARRAY_DELIMITER,
      javaHome: options.javaHome,
      heap: options.heap,
      log: progress,
    });
    return { ...counts, csvSeconds, importSeconds: report.seconds };
  } finally {
    await rm(csvDir, { recursive: true, force: true });
  }
}

/** The Change an offline load is recorded as, once the store runs (and is migrated). */
export async function recordOfflineLoad(
  connection: Connection,
  change: ChangeInfo,
  counts: { nodes: number; relationships: number },
): Promise<number> {
  const [recorded] = await connection.write<{ graphVersion: number }>(
    RECORD_CHANGE,
    changeRecord(change, {
      nodesCreated: counts.nodes,
      relationshipsCreated: counts.relationships,
    }),
  );
  return recorded?.graphVersion ?? 0;
}

interface Row {
  group: string;
  labels: string[];
  isNode: boolean;
  ends?: [string, string];
  props: PlainProps;
}

function rowOf(item: LoadItem, updatedAt: string): Row {
  if ('node' in item) {
    const props = entityToProps(newEntity(item.node));
    const id = String(props.id);
    const kind = item.node.kind as NodeKind;
    return {
      group: `node-${kind}`,
      labels: labelsOf(kind),
      isNode: true,
      props: { ...props, updatedAt, idKey: id.toLowerCase() },
    };
  }
  const { type, from, to } = item.relationship;
  const props = relationshipToProps(newRelationship(item.relationship));
  return { group: `rel-${type}`, labels: [type], isNode: false, ends: [from, to], props };
}

function learnColumns(groups: Map<string, Group>, row: Row): void {
  let group = groups.get(row.group);
  if (!group) {
    group = { labels: row.labels, columns: new Map(), isNode: row.isNode };
    groups.set(row.group, group);
  }
  for (const [key, value] of Object.entries(row.props)) {
    if (key === 'id' || value === null) continue;
    const type = importColumnType(key, value);
    const known = group.columns.get(key);
    if (known && known !== type)
      throw new Error(`${row.group}: the property ${key} is both ${known} and ${type}`);
    group.columns.set(key, type);
  }
}

async function writeRows(
  groups: Map<string, Group>,
  items: Iterable<LoadItem>,
  updatedAt: string,
  csvDir: string,
  progress: (line: string) => void,
) {
  const counts = { nodes: 0, relationships: 0 };
  for (const [name, group] of groups)
    group.out = createWriteStream(path.join(csvDir, `${name}.csv`));
  for (const item of items) {
    const row = rowOf(item, updatedAt);
    const group = groups.get(row.group)!;
    const fields = [...group.columns.keys()].map((key) => field(row.props[key]));
    const line = (
      row.isNode ? [field(row.props.id!), ...fields] : [...row.ends!.map(field), ...fields]
    ).join(',');
    if (!group.out!.write(`${line}\n`)) await once(group.out!, 'drain');
    if (row.isNode) counts.nodes++;
    else counts.relationships++;
    const written = counts.nodes + counts.relationships;
    if (written % 1_000_000 === 0)
      progress(`offline load: ${written.toLocaleString('en')} rows written as CSV`);
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      group.out!.end();
      await once(group.out!, 'finish');
    }),
  );
  return counts;
}

async function writeHeaders(groups: Map<string, Group>, csvDir: string) {
  const nodes: OfflineImportFile[] = [];
  const relationships: OfflineImportFile[] = [];
  for (const [name, group] of groups) {
    const columns = [...group.columns].map(([key, type]) => `${key}:${type}`);
    const keys = group.isNode ? ['id:ID', ...columns] : [':START_ID', ':END_ID', ...columns];
    const header = path.join(csvDir, `${name}.header.csv`);
    await writeFile(header, `${keys.join(',')}\n`);
    const file = { labels: group.labels, header, data: path.join(csvDir, `${name}.csv`) };
    (group.isNode ? nodes : relationships).push(file);
  }
  return { nodes, relationships };
}

/** One CSV field: absent values empty, text quoted, lists joined by the array delimiter. */
function field(value: Plain | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.map(String).join(ARRAY_DELIMITER) : String(value);
  if (
    /[\n\r]/.test(text) ||
    (Array.isArray(value) && value.some((v) => String(v).includes(ARRAY_DELIMITER)))
  )
    throw new Error(`a value the offline importer cannot read: ${JSON.stringify(value)}`);
  return `"${text.replaceAll('"', '""')}"`;
}
