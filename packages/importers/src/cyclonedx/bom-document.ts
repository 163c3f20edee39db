import { validationError, type KindGroup } from '@lineage/domain';
import { ownEntry } from '../own-entry';

/** The parts of a CycloneDX 1.5/1.6 organizationalEntity the import reads. */
export interface BomOrganisation {
  name?: string;
  url?: string[];
}

/** The parts of a CycloneDX component (or service) the import reads; the schema checks the rest. */
export interface BomComponent {
  'bom-ref'?: string;
  type?: string;
  supplier?: BomOrganisation;
  manufacturer?: BomOrganisation;
  /** A service's operator. */
  provider?: BomOrganisation;
  name?: string;
  version?: string;
  group?: string;
  description?: string;
  purl?: string;
  properties?: { name: string; value?: string }[];
  externalReferences?: { type?: string; url?: string }[];
  licenses?: { license?: { name?: string; id?: string } }[];
  components?: BomComponent[];
  services?: BomComponent[];
  pedigree?: { ancestors?: BomComponent[] };
  modelCard?: {
    modelParameters?: {
      approach?: { type?: string };
      datasets?: { ref?: string; type?: string; name?: string; contents?: { url?: string } }[];
    };
  };
}

export interface BomDocument {
  metadata?: {
    component?: BomComponent;
    supplier?: BomOrganisation;
    manufacturer?: BomOrganisation;
  };
  components?: BomComponent[];
  services?: BomComponent[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
}

/** A component the import files: a model, a dataset, or an application or service. */
export interface BomPart {
  ref: string;
  component: BomComponent;
  group: KindGroup;
  /** Where in the document, e.g. components[2].pedigree.ancestors[0], for errors. */
  where: string;
  /** The BOM's own subject (metadata.component). */
  subject: boolean;
}

/** A link the BOM states between two refs, and how it states it. */
export interface BomLink {
  from: string;
  to: string;
  via: 'pedigree' | 'dependency' | 'model-card';
}

/** Deeper pedigree chains than any real lineage; a 10,000-deep one is an attack, refused. */
export const MAX_PEDIGREE_DEPTH = 50;

const GROUPS: Record<string, KindGroup> = {
  'machine-learning-model': 'Model',
  data: 'Dataset',
  application: 'Deployment',
  service: 'Deployment',
};

/** A ref for a component that has none: its group and name, as the old exports wrote them. */
const refOf = (component: BomComponent) =>
  component['bom-ref'] ?? `${component.group ?? ''}/${component.name ?? ''}`;

/**
 * The models, datasets, applications and services of a BOM (nested components, pedigree
 * ancestors and services included) and every link it states between them: pedigree, the
 * dependency graph and the datasets a model card names.
 */
export function readBomParts(bom: BomDocument, file: string) {
  const parts = new Map<string, BomPart>();
  const links: BomLink[] = [];
  const visit = (component: BomComponent, where: string, depth: number, kind?: string) => {
    if (depth > MAX_PEDIGREE_DEPTH)
      throw validationError(
        `${file}: ${where.slice(0, 120)}...: components nest deeper than ${MAX_PEDIGREE_DEPTH} levels; not read`,
      );
    const group = ownEntry(GROUPS, kind ?? component.type ?? '');
    const ref = refOf(component);
    // A ref met twice (the same ancestor under two models) keeps its first, fullest record.
    if (group && component.name && !parts.has(ref))
      parts.set(ref, { ref, component, group, where, subject: where === 'metadata.component' });
    component.components?.forEach((child, i) =>
      visit(child, `${where}.components[${i}]`, depth + 1),
    );
    component.services?.forEach((child, i) =>
      visit(child, `${where}.services[${i}]`, depth + 1, 'service'),
    );
    component.pedigree?.ancestors?.forEach((ancestor, i) => {
      visit(ancestor, `${where}.pedigree.ancestors[${i}]`, depth + 1);
      links.push({ from: ref, to: refOf(ancestor), via: 'pedigree' });
    });
    component.modelCard?.modelParameters?.datasets?.forEach((dataset, i) => {
      // A dataset named in the card itself (as the OWASP AIBOM generator writes them) is a part
      // of its own; one given by ref points at a data component.
      const at = `${where}.modelCard.modelParameters.datasets[${i}]`;
      const name = dataset.name ?? dataset.contents?.url;
      if (!dataset.ref && name) {
        const url = dataset.contents?.url;
        const inline = { name, ...(url ? { externalReferences: [{ url }] } : {}) };
        parts.set(at, { ref: at, component: inline, group: 'Dataset', where: at, subject: false });
      }
      const to = dataset.ref ?? (name ? at : undefined);
      if (to) links.push({ from: ref, to, via: 'model-card' });
    });
  };
  if (bom.metadata?.component) visit(bom.metadata.component, 'metadata.component', 0);
  bom.components?.forEach((component, i) => visit(component, `components[${i}]`, 0));
  bom.services?.forEach((service, i) => visit(service, `services[${i}]`, 0, 'service'));
  for (const dependency of bom.dependencies ?? [])
    for (const to of dependency.dependsOn ?? [])
      links.push({ from: dependency.ref, to, via: 'dependency' });
  return { parts, links };
}

export function property(component: BomComponent, name: string): string | undefined {
  return component.properties?.find((p) => p.name === name)?.value;
}
