import { createHash } from 'node:crypto';

/** One problem `lineage check` found: it is about a node of the graph, not a line of code. */
export interface CheckFinding {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  /** One sentence. */
  message: string;
  /** The Lineage node id the finding is about, e.g. 'deployment:aws/bedrock'. */
  subjectId: string;
  /** The lineage path, ancestor first, usually ending at the subject. */
  path: string[];
  /** E.g. defectId, severity, exposure level, asOf. `defectId` also names the alert. */
  properties?: Record<string, string | number | boolean>;
  /** E.g. the defect's first source URL. */
  helpUri?: string;
}

export interface CheckRule {
  id: string;
  name: string;
  shortDescription: string;
  helpUri?: string;
}

export interface SarifTool {
  name: string;
  version?: string;
  informationUri?: string;
}

export interface SarifOptions {
  /**
   * The file every result is pinned to, relative to the repository root: best the file that
   * declares the deployment. Keep it the same from run to run, or GitHub opens new alerts.
   */
  artifactUri?: string;
  /**
   * GitHub replaces an earlier analysis of the same tool and category, closing alerts it no
   * longer sees, so checks of two deployments need two categories: pass the deployment id.
   */
  category?: string;
}

type PhysicalLocation = { artifactLocation: { uri: string }; region: { startLine: number } };

/** The OASIS errata01 schema: the standard as approved, and the one in sarif-2.1.0.schema.json. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The SARIF file itself, when the caller knows no file that declares the deployment. */
export const DEFAULT_ARTIFACT_URI = 'lineage.sarif';

/** Versioned, as the spec asks of partialFingerprints keys, so a new recipe can sit beside it. */
export const FINGERPRINT_KEY = 'lineageFinding/v1';

/**
 * A SARIF 2.1.0 log of one `lineage check` run, in the subset GitHub code scanning accepts.
 * An empty `findings` gives an empty `results` array, which SARIF reads as "checked, nothing
 * found" (an absent one would mean "not checked") and GitHub as "close the open alerts".
 */
export function toSarif(
  findings: CheckFinding[],
  rules: CheckRule[],
  tool: SarifTool,
  options: SarifOptions = {},
) {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // GitHub shows only results pinned to a file and a line; a graph node has neither, so every
  // result points at line 1 of one file and names its nodes as logical locations.
  const physicalLocation: PhysicalLocation = {
    artifactLocation: { uri: options.artifactUri ?? DEFAULT_ARTIFACT_URI },
    region: { startLine: 1 },
  };
  const results = findings.map((finding) => {
    const index = ruleIndex.get(finding.ruleId);
    // A result whose rule is not in the log shows on GitHub without a name or description.
    if (index === undefined) throw new Error(`no rule '${finding.ruleId}' for a finding`);
    const properties = {
      ...finding.properties,
      // A result has no helpUri of its own in SARIF: its property bag is where it can go.
      ...(finding.helpUri === undefined ? {} : { helpUri: finding.helpUri }),
    };
    return {
      ruleId: finding.ruleId,
      ruleIndex: index,
      level: finding.level,
      message: { text: finding.message },
      locations: [{ physicalLocation, logicalLocations: [logicalLocation(finding.subjectId)] }],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding) },
      ...(finding.path.length === 0
        ? {}
        : { codeFlows: [pathFlow(finding.path, physicalLocation)] }),
      ...(Object.keys(properties).length === 0 ? {} : { properties }),
    };
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            ...(tool.version === undefined ? {} : { version: tool.version }),
            ...(tool.informationUri === undefined ? {} : { informationUri: tool.informationUri }),
            rules: rules.map(reportingDescriptor),
          },
        },
        // GitHub takes the category from everything before the last '/'.
        ...(options.category === undefined
          ? {}
          : { automationDetails: { id: `${options.category}/` } }),
        results,
      },
    ],
  };
}

function reportingDescriptor(rule: CheckRule) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
  };
}

/** 'model:meta-llama/Llama-2-7b' is a 'model' named 'meta-llama/Llama-2-7b'. */
function logicalLocation(nodeId: string) {
  const colon = nodeId.indexOf(':');
  if (colon <= 0) return { name: nodeId, fullyQualifiedName: nodeId };
  return {
    name: nodeId.slice(colon + 1),
    fullyQualifiedName: nodeId,
    kind: nodeId.slice(0, colon),
  };
}

/**
 * The path as one thread flow, ancestor first: a defect travels it as taint travels from
 * source to sink, and a code flow is SARIF's ordered form for that (GitHub's "Show paths").
 * Each step repeats the result's file: GitHub places path steps by file and line, and may
 * leave out a step that has none.
 */
function pathFlow(path: string[], physicalLocation: PhysicalLocation) {
  const locations = path.map((nodeId) => ({
    location: {
      physicalLocation,
      logicalLocations: [logicalLocation(nodeId)],
      message: { text: nodeId },
    },
  }));
  return { threadFlows: [{ locations }] };
}

/**
 * Names what the finding is about, not how it is worded or when: a new severity, exposure
 * level, date or intermediate route keeps the alert open as the same one. Its defect (or,
 * without one, the path's origin) tells two findings of one rule on one subject apart.
 */
function fingerprint(finding: CheckFinding): string {
  const about = finding.properties?.defectId ?? finding.path[0] ?? null;
  return createHash('sha256')
    .update(JSON.stringify([finding.ruleId, finding.subjectId, about]))
    .digest('hex');
}
