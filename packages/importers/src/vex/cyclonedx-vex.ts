import { Enums, Models, Serialize, Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { MODEL_KINDS } from '@lineage/domain';
import { PROPERTY } from '../cyclonedx/export-bom';
import { checkVexInput } from './check-input';
import { hubPurlOf } from './node-ref';
import { schemaProblems } from './schema-problems';
import { untriagedDetail, type VexDefect, type VexInput, type VexStatement } from './vex-input';

/** Lineage's properties in a VEX BOM: export-bom's, and what only a VEX needs. */
export const VEX_PROPERTY = {
  ...PROPERTY,
  /** On a vulnerability: an exposure nobody analysed, listed in_triage, never read back. */
  untriaged: 'lineage:untriaged',
  /** On the metadata: the defect or product the document is about. */
  subject: 'lineage:vex-subject',
};

/** The CycloneDX versions the library writes and validates that a VEX can be read from. */
export const CYCLONEDX_VEX_VERSIONS = ['1.4', '1.5', '1.6', '1.7'] as const;
export type CycloneDxVexVersion = (typeof CYCLONEDX_VEX_VERSIONS)[number];

const SPECS = { '1.6': Spec.Spec1dot6, '1.7': Spec.Spec1dot7 } as const;

export interface CycloneDxVexOptions {
  /** 1.6 by default, as the BOM export; 1.7 where a consumer reads it. */
  specVersion?: keyof typeof SPECS;
}

const SEVERITY: Record<string, Enums.Vulnerability.Severity> = {
  LOW: Enums.Vulnerability.Severity.Low,
  MEDIUM: Enums.Vulnerability.Severity.Medium,
  HIGH: Enums.Vulnerability.Severity.High,
  CRITICAL: Enums.Vulnerability.Severity.Critical,
};

function componentOf(node: VexStatement['node']): Models.Component {
  const type = (MODEL_KINDS as readonly string[]).includes(node.kind)
    ? Enums.ComponentType.MachineLearningModel
    : node.kind === 'Dataset'
      ? Enums.ComponentType.Data
      : Enums.ComponentType.Application;
  const component = new Models.Component(type, node.name, {
    bomRef: node.id,
    purl: node.onHub === false ? undefined : hubPurlOf(node.id),
    ...(node.version ? { version: node.version } : {}),
  });
  component.properties.add(new Models.Property(PROPERTY.id, node.id));
  component.properties.add(new Models.Property(PROPERTY.kind, node.kind));
  return component;
}

function vulnerabilityOf(
  defect: VexDefect,
  statement: VexStatement,
  affected: Models.Component,
): Models.Vulnerability.Vulnerability {
  const vulnerability = new Models.Vulnerability.Vulnerability({
    bomRef: `${defect.id}@${statement.node.id}`,
    id: defect.id.startsWith('defect:') ? defect.id.slice('defect:'.length) : defect.id,
    source: new Models.Vulnerability.Source({ name: 'Lineage', url: defect.sources[0] }),
    description: defect.name,
    ...(defect.summary ? { detail: defect.summary } : {}),
    ...(defect.disclosedAt ? { published: new Date(`${defect.disclosedAt}T00:00:00Z`) } : {}),
  });
  const severity = SEVERITY[defect.severity];
  if (severity) {
    vulnerability.ratings.add(
      new Models.Vulnerability.Rating({ severity, method: Enums.Vulnerability.RatingMethod.Other }),
    );
  }
  for (const url of defect.sources)
    vulnerability.advisories.add(new Models.Vulnerability.Advisory(url));
  vulnerability.affects.add(new Models.Vulnerability.Affect(affected.bomRef));
  const untriaged = statement.by === undefined;
  const properties: [string, string | undefined][] = [
    [PROPERTY.id, defect.id],
    [PROPERTY.level, statement.level],
    [PROPERTY.path, statement.path?.join(' > ')],
    [PROPERTY.triagedBy, statement.by],
    [PROPERTY.triagedAt, untriaged ? undefined : statement.at],
    [VEX_PROPERTY.untriaged, untriaged ? 'true' : undefined],
  ];
  for (const [name, value] of properties)
    if (value !== undefined) vulnerability.properties.add(new Models.Property(name, value));
  // Our states and justifications are CycloneDX's own, upper-cased. A note is the detail, and
  // none is written where there is none, so a missing note reads back missing.
  const detail = untriaged ? untriagedDetail(statement) : statement.note;
  vulnerability.analysis = new Models.Vulnerability.Analysis({
    state: statement.state.toLowerCase() as Enums.Vulnerability.AnalysisState,
    ...(statement.justification
      ? {
          justification:
            statement.justification.toLowerCase() as Enums.Vulnerability.AnalysisJustification,
        }
      : {}),
    ...(detail !== undefined ? { detail } : {}),
  });
  return vulnerability;
}

/**
 * A CycloneDX VEX (CycloneDX 1.6 unless told 1.7): every node a statement is about as a
 * component (bom-ref and `lineage:id` its Lineage id, a hub purl where it has one), and one
 * vulnerability per statement affecting it, its analysis the triage. One per statement, not
 * one per defect, since CycloneDX states one analysis per vulnerability and each node's
 * analysis has its own analyst and day.
 */
export function buildCycloneDxVex(input: VexInput, options: CycloneDxVexOptions = {}): string {
  const defects = checkVexInput(input);
  const bom = new Models.Bom();
  bom.metadata.timestamp = input.timestamp;
  bom.metadata.authors.add(new Models.OrganizationalContact({ name: input.author }));
  bom.metadata.properties.add(new Models.Property(VEX_PROPERTY.subject, input.subject.id));
  const components = new Map<string, Models.Component>();
  for (const statement of input.statements) {
    let component = components.get(statement.node.id);
    if (!component) {
      component = componentOf(statement.node);
      components.set(statement.node.id, component);
      bom.components.add(component);
    }
    bom.vulnerabilities.add(
      vulnerabilityOf(defects.get(statement.defectId)!, statement, component),
    );
  }
  const spec = SPECS[options.specVersion ?? '1.6'];
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(spec));
  return serializer.serialize(bom, { sortLists: true, space: 2 });
}

// One validator per version for the process: each compiles its schema once, on first use.
const validators = new Map<CycloneDxVexVersion, Validation.JsonStrictValidator>();

const isVexVersion = (version: unknown): version is CycloneDxVexVersion =>
  (CYCLONEDX_VEX_VERSIONS as readonly unknown[]).includes(version);

/**
 * Problems with a CycloneDX document against the library's strict JSON schema of the version
 * it declares (1.4, the first with vulnerabilities, to 1.7), each naming its path; none is null.
 */
export async function validateCycloneDxVex(json: string): Promise<string[] | null> {
  let version: unknown;
  try {
    version = (JSON.parse(json) as { specVersion?: unknown } | null)?.specVersion;
  } catch (error) {
    return [`(document): not JSON (${(error as Error).message})`];
  }
  if (!isVexVersion(version))
    return [`specVersion: ${JSON.stringify(version)} is not one of ${CYCLONEDX_VEX_VERSIONS}`];
  let validator = validators.get(version);
  if (!validator) {
    validator = new Validation.JsonStrictValidator(version as Spec.Version);
    validators.set(version, validator);
  }
  const errors = await validator.validate(json);
  return errors ? schemaProblems(errors) : null;
}
