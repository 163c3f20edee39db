import { Enums, Models, Serialize, Spec, Validation } from '@cyclonedx/cyclonedx-library';
import {
  isModelKind,
  type Entity,
  type ExposureLevel,
  type LineageRelation,
  type TriageJustification,
  type TriageState,
} from '@lineage/domain';

export interface BomEdge {
  from: string;
  to: string;
  type: LineageRelation;
  declared: boolean;
}

/** A person's analysis of the defect at the deployment (its TRIAGED relationship). */
export interface BomTriage {
  state: TriageState;
  justification?: TriageJustification;
  note?: string;
  by: string;
  at: string;
}

/** A defect that reaches the deployment, or would but for a mitigation. */
export interface BomVulnerability {
  defect: Extract<Entity, { kind: 'Defect' }>;
  level: ExposureLevel;
  path: string[];
  mitigated: boolean;
  evidence?: string;
  /** Recorded, it is the analysis the document states, rather than one derived from the level. */
  triage?: BomTriage;
}

export interface BomInput {
  deployment: Entity;
  /** The deployment's upstream lineage: its AI bill of materials. */
  nodes: Entity[];
  edges: BomEdge[];
  vulnerabilities: BomVulnerability[];
  /** The day the bill describes (what the deployment was built on that day). */
  asOf?: { date: string };
}

/** How Lineage keeps in a BOM what CycloneDX has no field for, so an import gives it back. */
export const PROPERTY = {
  id: 'lineage:id',
  kind: 'lineage:kind',
  relation: (parent: string) => `lineage:relation:${parent}`,
  inferred: (parent: string) => `lineage:inferred:${parent}`,
  level: 'lineage:exposure-level',
  path: 'lineage:witness-path',
  triagedBy: 'lineage:triaged-by',
  triagedAt: 'lineage:triaged-at',
  asOf: 'lineage:as-of',
};

const SEVERITY: Record<string, Enums.Vulnerability.Severity> = {
  LOW: Enums.Vulnerability.Severity.Low,
  MEDIUM: Enums.Vulnerability.Severity.Medium,
  HIGH: Enums.Vulnerability.Severity.High,
  CRITICAL: Enums.Vulnerability.Severity.Critical,
};

function componentOf(node: Entity, parents: BomEdge[]): Models.Component {
  const type = isModelKind(node.kind)
    ? Enums.ComponentType.MachineLearningModel
    : node.kind === 'Dataset'
      ? Enums.ComponentType.Data
      : Enums.ComponentType.Application;
  const component = new Models.Component(type, node.name, { bomRef: node.id });
  if ('version' in node && node.version) component.version = node.version;
  if ('license' in node && node.license)
    component.licenses.add(new Models.NamedLicense(node.license));
  for (const source of node.sources) {
    component.externalReferences.add(
      new Models.ExternalReference(source, Enums.ExternalReferenceType.Website),
    );
  }
  component.properties.add(new Models.Property(PROPERTY.id, node.id));
  component.properties.add(new Models.Property(PROPERTY.kind, node.kind));
  for (const edge of parents) {
    component.properties.add(new Models.Property(PROPERTY.relation(edge.to), edge.type));
    if (!edge.declared)
      component.properties.add(new Models.Property(PROPERTY.inferred(edge.to), 'true'));
  }
  return component;
}

/**
 * A CycloneDX 1.6 ML-BOM of one deployment: its upstream lineage as components and their
 * dependency graph, the defects reaching it as vulnerabilities, mitigations as VEX analyses
 * (not_affected, protected by a mitigating control).
 */
export function buildBom(input: BomInput): string {
  const parentsOf = new Map<string, BomEdge[]>();
  for (const edge of input.edges)
    parentsOf.set(edge.from, [...(parentsOf.get(edge.from) ?? []), edge]);
  const components = new Map<string, Models.Component>();
  for (const node of input.nodes)
    components.set(node.id, componentOf(node, parentsOf.get(node.id) ?? []));
  const subject = components.get(input.deployment.id)!;

  const bom = new Models.Bom();
  bom.metadata.component = subject;
  bom.metadata.timestamp = new Date();
  if (input.asOf) bom.metadata.properties.add(new Models.Property(PROPERTY.asOf, input.asOf.date));
  for (const [id, component] of components) {
    if (id !== input.deployment.id) bom.components.add(component);
    for (const edge of parentsOf.get(id) ?? []) {
      const parent = components.get(edge.to);
      if (parent) component.dependencies.add(parent.bomRef);
    }
  }
  for (const found of input.vulnerabilities) {
    const { defect } = found;
    const vulnerability = new Models.Vulnerability.Vulnerability({
      bomRef: `${defect.id}@${input.deployment.id}`,
      id: defect.id.slice('defect:'.length),
      source: new Models.Vulnerability.Source({ name: 'Lineage', url: defect.sources[0] }),
      description: defect.name,
      ...(defect.summary ? { detail: defect.summary } : {}),
      ...(defect.disclosedAt ? { published: new Date(`${defect.disclosedAt}T00:00:00Z`) } : {}),
    });
    vulnerability.ratings.add(
      new Models.Vulnerability.Rating({
        severity: SEVERITY[defect.severity],
        method: Enums.Vulnerability.RatingMethod.Other,
      }),
    );
    for (const url of defect.sources) {
      vulnerability.advisories.add(new Models.Vulnerability.Advisory(url));
    }
    vulnerability.affects.add(new Models.Vulnerability.Affect(subject.bomRef));
    vulnerability.properties.add(new Models.Property(PROPERTY.level, found.level));
    vulnerability.properties.add(new Models.Property(PROPERTY.path, found.path.join(' > ')));
    for (const [name, value] of found.triage
      ? [
          [PROPERTY.triagedBy, found.triage.by],
          [PROPERTY.triagedAt, found.triage.at],
        ]
      : []) {
      vulnerability.properties.add(new Models.Property(name!, value!));
    }
    vulnerability.analysis = found.triage
      ? triageAnalysis(found.triage)
      : found.mitigated
        ? new Models.Vulnerability.Analysis({
            state: Enums.Vulnerability.AnalysisState.NotAffected,
            justification: Enums.Vulnerability.AnalysisJustification.ProtectedByMitigatingControl,
            detail: found.evidence ?? 'A node on every path mitigates this defect.',
          })
        : new Models.Vulnerability.Analysis({
            state:
              found.level === 'CERTAIN' || found.level === 'CONFIRMED'
                ? Enums.Vulnerability.AnalysisState.Exploitable
                : Enums.Vulnerability.AnalysisState.InTriage,
            detail: `Lineage exposure ${found.level} through ${found.path.join(' > ')}`,
          });
    bom.vulnerabilities.add(vulnerability);
  }
  const serializer = new Serialize.JsonSerializer(
    new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6),
  );
  return serializer.serialize(bom, { sortLists: true, space: 2 });
}

/**
 * A recorded triage as CycloneDX states an analysis: its states and justifications are
 * CycloneDX's own, in upper case (IN_TRIAGE is in_triage); the note is the detail.
 */
function triageAnalysis(triage: BomTriage): Models.Vulnerability.Analysis {
  return new Models.Vulnerability.Analysis({
    state: triage.state.toLowerCase() as Enums.Vulnerability.AnalysisState,
    ...(triage.justification
      ? {
          justification:
            triage.justification.toLowerCase() as Enums.Vulnerability.AnalysisJustification,
        }
      : {}),
    detail: triage.note ?? `Triaged ${triage.state} by ${triage.by} on ${triage.at.slice(0, 10)}`,
  });
}

// One validator for the process: it compiles the schema once (about a second), not per import.
const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

/** Problems with a document against the CycloneDX 1.6 JSON schema the library ships; none is null. */
export async function validateBom(json: string): Promise<unknown> {
  return validator.validate(json);
}
