import { groupOfId, type TriageJustification, type TriageState } from '@lineage/domain';
import type { BomComponent } from '../cyclonedx/bom-document';
import { VEX_PROPERTY } from './cyclonedx-vex';
import { idOfHubPurl, idOfRef } from './node-ref';
import { definedOnly, type StatedReading } from './stated';

type Properties = { name: string; value?: string }[] | undefined;

interface CdxVulnerability {
  id?: string;
  affects?: { ref: string }[];
  analysis?: {
    state?: string;
    justification?: string;
    detail?: string;
    firstIssued?: string;
    lastUpdated?: string;
  };
  properties?: Properties;
}

/** The parts of a CycloneDX VEX (or a BOM with embedded VEX) the reading needs. */
export interface CdxVexDocument {
  metadata?: { component?: BomComponent };
  components?: BomComponent[];
  vulnerabilities?: CdxVulnerability[];
}

/** CycloneDX's states as ours; a fix shown by pedigree is a fix. */
const STATES: Record<string, TriageState> = {
  in_triage: 'IN_TRIAGE',
  exploitable: 'EXPLOITABLE',
  not_affected: 'NOT_AFFECTED',
  resolved: 'RESOLVED',
  resolved_with_pedigree: 'RESOLVED',
  false_positive: 'FALSE_POSITIVE',
};

/** Every value a property has; more than one distinct is a document that says two things. */
function valuesOf(properties: Properties, name: string): string[] {
  return [...new Set((properties ?? []).filter((p) => p.name === name).map((p) => p.value ?? ''))];
}

/** Components by bom-ref, nested ones too; a ref two components share names neither. */
function componentsOf(document: CdxVexDocument, problems: string[]): Map<string, BomComponent> {
  const byRef = new Map<string, BomComponent>();
  const visit = (component: BomComponent, where: string) => {
    const ref = component['bom-ref'];
    if (ref !== undefined && byRef.has(ref))
      problems.push(`${where}: bom-ref '${ref}' is used by another component too`);
    if (ref !== undefined) byRef.set(ref, component);
    component.components?.forEach((child, i) => visit(child, `${where}.components[${i}]`));
  };
  if (document.metadata?.component) visit(document.metadata.component, 'metadata.component');
  document.components?.forEach((component, i) => visit(component, `components[${i}]`));
  return byRef;
}

/**
 * The node a ref names: its component's `lineage:id` (which wins), else the component's hub
 * purl; a ref to no component here, a `urn:lineage:` id or a hub purl, or a BOM-Link to one of
 * those (or to a Lineage id, the bom-refs of Lineage's own BOM export).
 */
function nodeOf(ref: string, components: Map<string, BomComponent>): string | undefined {
  const component = components.get(ref);
  if (component) {
    const [id] = valuesOf(component.properties, VEX_PROPERTY.id);
    return id ?? (component.purl ? idOfHubPurl(component.purl) : undefined);
  }
  const link = /^urn:cdx:[^#]*#(.+)$/.exec(ref);
  if (!link) return idOfRef(ref);
  let target: string;
  try {
    target = decodeURIComponent(link[1]!);
  } catch {
    return undefined;
  }
  const group = groupOfId(target);
  return idOfRef(target) ?? (group && group !== 'Defect' ? target : undefined);
}

/**
 * Whether Lineage listed this analysis without anyone making it: marked untriaged, or (as the
 * BOM export writes them) derived from an exposure level with no analyst named.
 */
function untriaged(vulnerability: CdxVulnerability): boolean {
  const { properties } = vulnerability;
  if (valuesOf(properties, VEX_PROPERTY.untriaged).includes('true')) return true;
  return (
    valuesOf(properties, VEX_PROPERTY.level).length > 0 &&
    valuesOf(properties, VEX_PROPERTY.triagedBy).length === 0
  );
}

/**
 * The analyses a valid CycloneDX document states, one per vulnerability and affected ref; a
 * vulnerability with no analysis states none, and those Lineage listed untriaged are skipped.
 * The defect is the vulnerability's `lineage:id`, else `defect:<its id>`.
 */
export function readCycloneDxVex(document: CdxVexDocument): StatedReading {
  const reading: StatedReading = { stated: [], problems: [] };
  const refuse = (problem: string) => void reading.problems.push(problem);
  const components = componentsOf(document, reading.problems);
  document.vulnerabilities?.forEach((vulnerability, i) => {
    const where = `vulnerabilities[${i}]`;
    const { analysis, properties } = vulnerability;
    if (!analysis || untriaged(vulnerability)) return;
    const state = analysis.state ? STATES[analysis.state] : undefined;
    if (!state) return refuse(`${where}.analysis: no state`);
    const single = (name: string) => {
      const values = valuesOf(properties, name);
      if (values.length > 1) refuse(`${where}.properties: ${name} has two values`);
      return values[0];
    };
    const defectId =
      single(VEX_PROPERTY.id) ?? (vulnerability.id ? `defect:${vulnerability.id}` : undefined);
    if (!defectId) return refuse(`${where}: no id`);
    if (!vulnerability.affects?.length) return refuse(`${where}: an analysis that affects nothing`);
    const by = single(VEX_PROPERTY.triagedBy);
    const at = single(VEX_PROPERTY.triagedAt) ?? analysis.lastUpdated ?? analysis.firstIssued;
    vulnerability.affects.forEach(({ ref }, j) => {
      const nodeId = nodeOf(ref, components);
      if (!nodeId)
        return refuse(`${where}.affects[${j}]: '${ref}' names no Lineage id or hub purl`);
      reading.stated.push({
        where: `${where}.affects[${j}]`,
        analysis: definedOnly({
          defectId,
          nodeId,
          state,
          justification: analysis.justification?.toUpperCase() as TriageJustification | undefined,
          note: analysis.detail,
          by,
          at,
        }),
      });
    });
  });
  return reading;
}
