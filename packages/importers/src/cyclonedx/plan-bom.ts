import path from 'node:path';
import {
  entityInputSchema,
  idProblem,
  isModelKind,
  kindGroup,
  NODE_KINDS,
  relationshipInputSchema,
  RELATION_TYPES,
  validationError,
  type KindGroup,
  type NodeKind,
  type RelationType,
} from '@lineage/domain';
import { describeEdge, refuseCycles } from '../cycles';
import { httpUrl, slugify } from '../ids';
import { readInputText } from '../input-files';
import { parseRecord } from '../parse-record';
import { BatchBuilder, emptyNotes, type ImportPlan, type NodeLookup } from '../plan';
import { parseStrictJson } from '../strict-json';
import { PROPERTY, validateBom } from './export-bom';

interface BomComponent {
  'bom-ref'?: string;
  type?: string;
  name?: string;
  version?: string;
  group?: string;
  purl?: string;
  properties?: { name: string; value?: string }[];
  externalReferences?: { url?: string }[];
  licenses?: { license?: { name?: string; id?: string } }[];
  components?: BomComponent[];
  pedigree?: { ancestors?: BomComponent[] };
}

interface Parsed {
  ref: string;
  component: BomComponent;
  group: KindGroup;
  /** Where in the document, e.g. components[2].pedigree.ancestors[0], for errors. */
  where: string;
}

/** Deeper pedigree chains than any real lineage; a 10,000-deep one is an attack, refused. */
export const MAX_PEDIGREE_DEPTH = 50;

const GROUPS: Record<string, KindGroup> = {
  'machine-learning-model': 'Model',
  data: 'Dataset',
  application: 'Deployment',
};

function property(component: BomComponent, name: string): string | undefined {
  return component.properties?.find((p) => p.name === name)?.value;
}

function defaultRelation(from: KindGroup, to: KindGroup): RelationType {
  if (from === 'Model' && to === 'Dataset') return 'TRAINED_ON';
  if (from === 'Dataset' && to === 'Model') return 'GENERATED_BY';
  if (from === 'Deployment' && to === 'Model') return 'DEPLOYS';
  if (from === 'Deployment' && to === 'Deployment') return 'BUILT_ON';
  return 'DEPENDS_ON';
}

/**
 * A CycloneDX 1.6 ML-BOM: machine-learning-model and data components (and the application it
 * describes) become nodes, pedigree ancestors and the dependency graph lineage. Lineage's own
 * properties (id, kind, relation) are read back when present, so an export round-trips.
 */
export async function planCycloneDx(file: string, lookup: NodeLookup): Promise<ImportPlan> {
  const name = path.basename(file);
  const text = await readInputText(file);
  // Duplicate keys and deep nesting are refused before the schema validator recurses into it.
  const bom = parseStrictJson(text, name) as {
    metadata?: { component?: BomComponent };
    components?: BomComponent[];
    dependencies?: { ref: string; dependsOn?: string[] }[];
  };
  const invalid = await validateBom(text);
  if (invalid)
    throw validationError(
      `${name}: not a valid CycloneDX 1.6 document: ${JSON.stringify(invalid).slice(0, 500)}`,
    );

  const notes = emptyNotes();
  const byRef = new Map<string, Parsed>();
  const pedigree: [string, string][] = [];
  const visit = (component: BomComponent, where: string, depth: number) => {
    if (depth > MAX_PEDIGREE_DEPTH)
      throw validationError(
        `${name}: ${where.slice(0, 120)}...: components nest deeper than ${MAX_PEDIGREE_DEPTH} levels; not read`,
      );
    const group = GROUPS[component.type ?? ''];
    const ref = component['bom-ref'] ?? `${component.group ?? ''}/${component.name ?? ''}`;
    if (group && component.name) byRef.set(ref, { ref, component, group, where });
    component.components?.forEach((child, i) =>
      visit(child, `${where}.components[${i}]`, depth + 1),
    );
    component.pedigree?.ancestors?.forEach((ancestor, i) => {
      visit(ancestor, `${where}.pedigree.ancestors[${i}]`, depth + 1);
      pedigree.push([ref, ancestor['bom-ref'] ?? `${ancestor.group ?? ''}/${ancestor.name ?? ''}`]);
    });
  };
  if (bom.metadata?.component) visit(bom.metadata.component, 'metadata.component', 0);
  bom.components?.forEach((component, i) => visit(component, `components[${i}]`, 0));

  const matches = await lookup.matchNames(
    [...byRef.values()]
      .filter((p) => !property(p.component, PROPERTY.id))
      .map((p) => p.component.name!),
  );
  const ids = new Map<string, { id: string; kind: NodeKind }>();
  for (const { ref, component, group } of byRef.values()) {
    const own = property(component, PROPERTY.id);
    const purl = /^pkg:huggingface\/([^@?]+)/.exec(component.purl ?? '')?.[1];
    const candidates = (matches.get(component.name!) ?? []).filter(
      (c) => kindGroup(c.kind) === group,
    );
    if (!own && !purl && candidates.length > 1)
      notes.ambiguous.push(
        `${name}: '${component.name}' could be ${candidates.map((c) => c.id).join(' or ')}; kept apart`,
      );
    const prefix = { Model: 'model', Dataset: 'dataset', Deployment: 'deployment' }[
      group as 'Model' | 'Dataset' | 'Deployment'
    ];
    const id =
      own ??
      (purl
        ? `model:${purl}`
        : candidates.length === 1
          ? candidates[0]!.id
          : `${prefix}:${slugify(component.group ?? 'cyclonedx')}/${slugify(component.name!)}`);
    const stated = property(component, PROPERTY.kind);
    const kind = (NODE_KINDS as readonly string[]).includes(stated ?? '')
      ? (stated as NodeKind)
      : group === 'Model'
        ? 'BaseModel'
        : (group as NodeKind);
    if (idProblem(id, kind) || kindGroup(kind) !== group)
      throw validationError(`${name}: component '${component.name}' cannot be ${kind} '${id}'`);
    ids.set(ref, { id, kind });
  }

  const builder = new BatchBuilder();
  const known = await lookup.kindsOf([...ids.values()].map((v) => v.id));
  let linked = 0;
  for (const [ref, { id, kind }] of ids) {
    if (known.has(id)) {
      linked++;
      continue;
    }
    const { component, where } = byRef.get(ref)!;
    const license = component.licenses?.[0]?.license?.name ?? component.licenses?.[0]?.license?.id;
    const sources = (component.externalReferences ?? [])
      .map((r) => httpUrl(r.url))
      .filter((u): u is string => !!u);
    builder.addNode(
      parseRecord(
        entityInputSchema,
        {
          id,
          kind,
          name: component.name,
          sources,
          ...(license ? { license } : {}),
          ...(component.version && isModelKind(kind) ? { version: component.version } : {}),
        },
        `${name}: ${where}`,
      ),
    );
  }

  const lineage = [];
  const links = [
    ...(bom.dependencies ?? []).flatMap((d) =>
      (d.dependsOn ?? []).map((to) => [d.ref, to] as [string, string]),
    ),
    ...pedigree,
  ];
  for (const [fromRef, toRef] of links) {
    const from = ids.get(fromRef);
    const to = ids.get(toRef);
    if (!from || !to) {
      notes.unresolved.push(
        `${name}: ${fromRef} depends on ${toRef}, which is not a model, dataset or application of the BOM`,
      );
      continue;
    }
    const stated = property(byRef.get(fromRef)!.component, PROPERTY.relation(to.id));
    const type = (RELATION_TYPES as readonly string[]).includes(stated ?? '')
      ? (stated as RelationType)
      : defaultRelation(kindGroup(from.kind), kindGroup(to.kind));
    const declared = property(byRef.get(fromRef)!.component, PROPERTY.inferred(to.id)) !== 'true';
    lineage.push(
      parseRecord(
        relationshipInputSchema,
        { type, from: from.id, to: to.id, declared },
        `${name}: ${byRef.get(fromRef)!.where} -> ${toRef}`,
      ),
    );
  }
  const { kept, selfLoops, onCycles } = refuseCycles(lineage);
  notes.selfLoops.push(...selfLoops.map(describeEdge));
  notes.cycles.push(...onCycles.map(describeEdge).sort());
  for (const relationship of kept) builder.addRelationship(relationship);
  return {
    format: 'cyclonedx',
    records: byRef.size,
    batch: builder.build(),
    linked,
    notes,
    matches: [],
  };
}
