import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  describeIssues,
  endpointProblem,
  entityInputSchema,
  groupOfId,
  kindGroup,
  relationshipInputSchema,
  validationError,
  type EntityInput,
  type GraphBatch,
  type RelationshipInput,
} from '@lineage/domain';
import type { z } from 'zod';
import { mitigationRecordSchema, seedLinksSchema } from './seed-records';
import { parseRecord } from '../parse-record';
import { readYamlList, YamlListError, type LocatedRecord } from '../yaml-records';

export interface SeedContents {
  batch: GraphBatch;
  files: string[];
  unverified: string[];
}

interface PendingLink {
  relationship: RelationshipInput;
  at: string;
}

/**
 * Reads and checks every `*.yaml` file of a seed directory. All problems are gathered and
 * reported together, each with its file and line; nothing is returned unless all is well.
 */
export async function readSeed(dir: string): Promise<SeedContents> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  const problems: string[] = [];
  const records: LocatedRecord[] = [];
  for (const file of files) {
    try {
      records.push(...(await readYamlList(path.join(dir, file), dir)));
    } catch (error) {
      if (error instanceof YamlListError) problems.push(...error.problems);
      else throw error;
    }
  }

  const nodes = new Map<string, { entity: EntityInput; at: string }>();
  const links: PendingLink[] = [];
  for (const record of records) {
    const at = `${record.file}:${record.line}`;
    const value = record.value;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${at}: a record must be a mapping of fields`);
    } else if ('kind' in value) {
      readNodeRecord(record, value as Record<string, unknown>, nodes, links, problems);
    } else {
      readMitigationRecord(record, value, links, problems);
    }
  }
  problems.push(...checkLinks(links, nodes));
  const unverified = [...nodes.values()]
    .filter(({ entity }) => entity.verified === false)
    .map(({ entity }) => entity.id);
  problems.push(...(await checkUnverifiedListed(dir, unverified)));

  if (problems.length) {
    throw validationError(`the seed in ${dir} has ${problems.length} problem(s)`, problems);
  }
  return {
    batch: {
      nodes: [...nodes.values()].map(({ entity }) => entity),
      relationships: links.map((link) => link.relationship),
    },
    files,
    unverified,
  };
}

function issuesAt(record: LocatedRecord, error: z.ZodError, offset: PropertyKey[] = []) {
  return error.issues.map(
    (issue) =>
      `${record.file}:${record.lineOf([...offset, ...issue.path])}: ${
        describeIssues({ issues: [issue] } as z.ZodError, offset.map(String).join('.'))[0]
      }`,
  );
}

function readNodeRecord(
  record: LocatedRecord,
  value: Record<string, unknown>,
  nodes: Map<string, { entity: EntityInput; at: string }>,
  links: PendingLink[],
  problems: string[],
) {
  const { provider, snapshotOf, lineage, affects, ...fields } = value;
  const entity = entityInputSchema.safeParse(fields);
  const extra = seedLinksSchema.safeParse({ provider, snapshotOf, lineage, affects });
  if (!entity.success) problems.push(...issuesAt(record, entity.error));
  if (!extra.success) problems.push(...issuesAt(record, extra.error));
  if (!entity.success || !extra.success) return;

  const at = `${record.file}:${record.line}`;
  const node = entity.data;
  if (!node.sources?.length) {
    problems.push(`${record.file}:${record.lineOf(['sources'])}: ${node.id} names no source`);
  }
  const earlier = nodes.get(node.id);
  if (earlier) {
    problems.push(`${at}: ${node.id} is already defined at ${earlier.at}`);
    return;
  }
  // Every seed record is curated: a bare name in a source may join it.
  nodes.set(node.id, { entity: { ...node, origin: 'seed', recordedFrom: `seed ${at}` }, at });

  const { provider: providerId, lineage: lineageLinks, affects: origins } = extra.data;
  const familyId = extra.data.snapshotOf;
  const own = { declared: true, sources: node.sources };
  if (providerId) {
    const type = node.kind === 'Deployment' ? 'OPERATED_BY' : 'DEVELOPED_BY';
    const line = record.lineOf(['provider']);
    links.push(link({ type, from: node.id, to: providerId, ...own }, record.file, line));
  }
  if (familyId) {
    const line = record.lineOf(['snapshotOf']);
    links.push(
      link({ type: 'SNAPSHOT_OF', from: node.id, to: familyId, ...own }, record.file, line),
    );
  }
  lineageLinks.forEach((entry, i) => {
    const { type, to, declared = true, sources = node.sources, validFrom, validTo } = entry;
    const line = record.lineOf(['lineage', i]);
    const period = { ...(validFrom && { validFrom }), ...(validTo && { validTo }) };
    links.push(link({ type, from: node.id, to, declared, sources, ...period }, record.file, line));
  });
  origins.forEach((origin, i) => {
    const line = record.lineOf(['affects', i]);
    links.push(link({ type: 'AFFECTS', from: node.id, to: origin, ...own }, record.file, line));
  });
}

function readMitigationRecord(
  record: LocatedRecord,
  value: object,
  links: PendingLink[],
  problems: string[],
) {
  const parsed = mitigationRecordSchema.safeParse(value);
  if (!parsed.success) {
    problems.push(...issuesAt(record, parsed.error));
    return;
  }
  const { defect, by, evidence, since, sources } = parsed.data;
  const relationship = { type: 'MITIGATES', from: by, to: defect, evidence, since, sources };
  links.push(link(relationship, record.file, record.line));
}

function link(draft: Record<string, unknown>, file: string, line: number): PendingLink {
  const at = `${file}:${line}`;
  const curated = { origin: 'seed', recordedFrom: `seed ${at}`, matchedBy: 'exact' };
  return { relationship: parseRecord(relationshipInputSchema, { ...draft, ...curated }, at), at };
}

/** Every link must name a node of the seed, of a kind its type accepts. */
function checkLinks(links: PendingLink[], nodes: Map<string, { entity: EntityInput }>): string[] {
  const problems: string[] = [];
  for (const { relationship, at } of links) {
    const from = nodes.get(relationship.from)?.entity;
    const to = nodes.get(relationship.to)?.entity;
    for (const [end, entity] of [
      [relationship.from, from],
      [relationship.to, to],
    ] as const) {
      if (!entity) {
        const shape = groupOfId(end) ? '' : ' (and it is not an id of any kind)';
        problems.push(
          `${at}: ${relationship.type} names ${end}, which the seed does not define${shape}`,
        );
      }
    }
    if (!from || !to) continue;
    const problem = endpointProblem(relationship.type, kindGroup(from.kind), kindGroup(to.kind));
    if (problem) problems.push(`${at}: ${problem}`);
  }
  return problems;
}

/** The seed's README must list every record marked `verified: false`. */
async function checkUnverifiedListed(dir: string, unverified: string[]): Promise<string[]> {
  if (!unverified.length) return [];
  const readme = await readFile(path.join(dir, 'README.md'), 'utf8').catch(() => '');
  return unverified
    .filter((id) => !readme.includes(id))
    .map((id) => `README.md: ${id} is marked verified: false but is not listed there`);
}
