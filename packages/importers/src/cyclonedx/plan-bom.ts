import path from 'node:path';
import {
  relationshipInputSchema,
  validationError,
  weakerMatch,
  type LineageRelation,
  type RelationshipInput,
} from '@lineage/domain';
import { describeEdge, refuseCycles } from '../cycles';
import { readInputText } from '../input-files';
import { importedLink } from '../matching/provenance';
import { parseRecord } from '../parse-record';
import { BatchBuilder, emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { parseStrictJson } from '../strict-json';
import { readBomParts, type BomDocument, type BomPart } from './bom-document';
import { validateBom } from './export-bom';
import { hubModelOf, repoNamedByPurl } from './hub-id';
import { identifyParts } from './identify-parts';
import { addPart } from './part-node';
import { relationOf } from './relation-of';

export { MAX_PEDIGREE_DEPTH } from './bom-document';

/**
 * The BOM's own subject when it only wraps the model it describes (the OWASP AIBOM generator
 * writes an application `pkg:generic/owner%2Fmodel` that depends on the model): no deployment.
 */
function isWrapper(part: BomPart, parts: BomPart[]): boolean {
  const repo = repoNamedByPurl(part.component.purl ?? part.ref)?.toLowerCase();
  return (
    part.subject &&
    part.group === 'Deployment' &&
    !!repo &&
    parts.some((p) => p.group === 'Model' && hubModelOf(p.component)?.toLowerCase() === repo)
  );
}

/**
 * A CycloneDX 1.5/1.6 ML-BOM as tools write them: machine-learning-model and data components
 * and the applications and services that use them become nodes, joined to stored ones by the
 * resolver's rules; pedigree ancestors and the dependency graph become lineage, its kind read
 * from names and the model card (inferred, `declared: false`) where the BOM does not state it;
 * suppliers become developers and operators. Lineage's own properties (id, kind, relation) are
 * read back when present, so an export round-trips.
 */
export async function planCycloneDx(file: string, lookup: NodeLookup): Promise<ImportPlan> {
  const name = path.basename(file);
  const text = await readInputText(file);
  // Duplicate keys and deep nesting are refused before the schema validator recurses into it.
  const bom = parseStrictJson(text, name) as BomDocument;
  const invalid = await validateBom(text);
  if (invalid)
    throw validationError(
      `${name}: not a valid CycloneDX 1.6 document: ${JSON.stringify(invalid).slice(0, 500)}`,
    );

  const notes = emptyNotes();
  const read = readBomParts(bom, name);
  const wrappers = new Set<string>();
  for (const part of read.parts.values()) {
    if (!isWrapper(part, [...read.parts.values()])) continue;
    wrappers.add(part.ref);
    notes.remarks.push(
      `${name}#${part.ref}: '${part.component.name}' describes the model itself, not a deployment; not imported as one`,
    );
  }
  const parts = [...read.parts.values()].filter((p) => !wrappers.has(p.ref));
  const { identities, matches } = await identifyParts(parts, bom, name, lookup, notes);
  const partOf = new Map(parts.map((p) => [p.ref, p]));

  // Each stated link once per pair of nodes (a pedigree and the dependency graph may both say it).
  const links = new Map<string, { from: BomPart; to: BomPart; at: string }>();
  for (const link of read.links) {
    if (wrappers.has(link.from)) continue;
    const from = partOf.get(link.from);
    const to = partOf.get(link.to);
    if (!from || !to || !identities.has(from.ref) || !identities.has(to.ref)) {
      const missing = from && identities.has(from.ref) ? link.to : link.from;
      notes.remarks.push(
        `${name}: ${link.from} depends on ${link.to}; not linked: ${missing} is no model, dataset, application or service imported from the BOM`,
      );
      continue;
    }
    const key = `${identities.get(from.ref)!.id}|${identities.get(to.ref)!.id}`;
    if (!links.has(key)) links.set(key, { from, to, at: `${name}#${from.ref}` });
  }
  const ancestorsOf = new Map<string, number>();
  for (const { from, to } of links.values())
    if (from.group === 'Model' && to.group === 'Model')
      ancestorsOf.set(from.ref, (ancestorsOf.get(from.ref) ?? 0) + 1);

  const lineage: RelationshipInput[] = [];
  const derivedBy = new Map<string, LineageRelation[]>();
  for (const { from, to, at } of links.values()) {
    const source = identities.get(from.ref)!;
    const target = identities.get(to.ref)!;
    const derivation = relationOf(from, to, target.id, ancestorsOf.get(from.ref) ?? 0);
    // Between two stored nodes an inference of this import could only overwrite what the store
    // may already state (a write updates an existing edge): it is listed for review instead.
    if (derivation.evidence && source.storedKind && target.storedKind) {
      notes.remarks.push(
        `${at}: ${source.id} ${derivation.type} ${target.id} (inferred from ${derivation.evidence}) joins two stored nodes; not written, for review`,
      );
      continue;
    }
    if (from.group === 'Model' && to.group === 'Model')
      derivedBy.set(source.id, [
        ...(derivedBy.get(source.id) ?? []),
        derivation.type as LineageRelation,
      ]);
    lineage.push(
      parseRecord(
        relationshipInputSchema,
        {
          type: derivation.type,
          from: source.id,
          to: target.id,
          declared: !derivation.inferred,
          // Only a mitigation carries evidence; an inference says what it was read from here.
          ...importedLink(
            'cyclonedx',
            derivation.evidence ? `${at}: inferred from ${derivation.evidence}` : at,
            derivation.inferred ? 'inferred' : weakerMatch(source.method, target.method),
          ),
        },
        `${at} -> ${to.ref}`,
      ),
    );
  }

  const builder = new BatchBuilder();
  const linked = new Set<string>();
  for (const part of parts) {
    const identity = identities.get(part.ref);
    if (!identity) continue;
    if (identity.storedKind) linked.add(identity.id);
    else addPart(builder, part, identity, derivedBy.get(identity.id) ?? [], name, notes);
  }
  const { kept, selfLoops, onCycles } = refuseCycles(lineage);
  notes.selfLoops.push(...selfLoops.map(describeEdge));
  notes.cycles.push(...onCycles.map(describeEdge).sort());
  for (const relationship of kept) builder.addRelationship(relationship);
  return {
    format: 'cyclonedx',
    records: read.parts.size,
    batch: builder.build(),
    linked: linked.size,
    notes,
    matches,
  };
}
