import {
  TRIAGE_JUSTIFICATIONS,
  TRIAGE_STATES,
  type TriageJustification,
  type TriageState,
} from '@lineage/domain';
import { idOfHubPurl, idOfLineageUrn } from './node-ref';
import type { OpenVexDocument, OpenVexStatement } from './openvex';
import {
  JUSTIFICATION_OF,
  OPENVEX_JUSTIFICATION,
  STATE_OF_STATUS,
  STATUS_OF_STATE,
  readStatusNotes,
  type LineageTag,
  type OpenVexJustification,
  type OpenVexStatus,
} from './openvex-mapping';
import { definedOnly, type StatedReading } from './stated';

const isState = (text: string | undefined): text is TriageState =>
  (TRIAGE_STATES as readonly (string | undefined)[]).includes(text);
const isJustification = (text: string | undefined): text is TriageJustification =>
  (TRIAGE_JUSTIFICATIONS as readonly (string | undefined)[]).includes(text);

type Judged = { state: TriageState; justification?: TriageJustification } | { problem: string };

/** The state and justification a statement and its tag say together, or why they disagree. */
function judge(statement: OpenVexStatement, tag: LineageTag): Judged {
  const status = statement.status as OpenVexStatus;
  const stated = statement.justification as OpenVexJustification | undefined;
  if (tag.state !== undefined && (!isState(tag.state) || STATUS_OF_STATE[tag.state] !== status))
    return { problem: `the Lineage tag's state ${tag.state} does not fit status ${status}` };
  const state = tag.state ?? STATE_OF_STATUS[status];
  if (state !== 'NOT_AFFECTED') {
    if (tag.justification !== undefined)
      return { problem: `the Lineage tag gives a justification to ${state}, which takes none` };
    return { state };
  }
  if (tag.justification !== undefined) {
    if (!isJustification(tag.justification))
      return { problem: `the Lineage tag's justification ${tag.justification} is not CycloneDX's` };
    if (stated && OPENVEX_JUSTIFICATION[tag.justification] !== stated)
      return { problem: `the Lineage tag's ${tag.justification} contradicts ${stated}` };
    return { state, justification: tag.justification };
  }
  if (!stated)
    return {
      problem:
        'not_affected with only an impact statement: Lineage records NOT_AFFECTED with a justification',
    };
  return { state, justification: JUSTIFICATION_OF[stated] };
}

/** The node a product names: its `urn:lineage:` id first, then a hub purl. */
function nodeOf(product: NonNullable<OpenVexStatement['products']>[number]): string | undefined {
  const id = product['@id'];
  const purl = product.identifiers?.purl;
  return (
    (id ? idOfLineageUrn(id) : undefined) ??
    (purl ? idOfHubPurl(purl) : undefined) ??
    (id?.startsWith('pkg:') ? idOfHubPurl(id) : undefined)
  );
}

/** The note where OpenVEX puts one for the status, else the status notes' own text. */
function noteOf(statement: OpenVexStatement, text: string | undefined, tag: LineageTag) {
  if (statement.status === 'not_affected') return statement.impact_statement ?? text;
  if (statement.status === 'affected')
    return tag.note === 'none' ? text : (statement.action_statement ?? text);
  return text;
}

/**
 * The analyses a valid OpenVEX 0.2.0 document states, one per statement and product; the
 * statements Lineage marked untriaged are skipped. The defect is the vulnerability's
 * `urn:lineage:` id, else `defect:<name>`; a statement's time cascades from the document's.
 */
export function readOpenVex(document: OpenVexDocument): StatedReading {
  const reading: StatedReading = { stated: [], problems: [] };
  const refuse = (problem: string) => void reading.problems.push(problem);
  document.statements.forEach((statement, i) => {
    const where = `statements[${i}]`;
    const notes = readStatusNotes(statement.status_notes);
    if (notes.problem) return refuse(`${where}.status_notes: ${notes.problem}`);
    const tag = notes.tag ?? {};
    if (tag.untriaged === 'true') return;
    const judged = judge(statement, tag);
    if ('problem' in judged) return refuse(`${where}: ${judged.problem}`);
    const vulnerability = statement.vulnerability;
    const defectId =
      (vulnerability['@id'] ? idOfLineageUrn(vulnerability['@id']) : undefined) ??
      `defect:${vulnerability.name}`;
    (statement.products ?? []).forEach((product, j) => {
      const at = `${where}.products[${j}]`;
      if (product.subcomponents?.length)
        return refuse(
          `${at}.subcomponents: Lineage records an analysis of a node, not of a part inside one`,
        );
      const nodeId = nodeOf(product);
      if (!nodeId) return refuse(`${at}: no Lineage id or hub purl`);
      reading.stated.push({
        where: at,
        analysis: definedOnly({
          defectId,
          nodeId,
          ...judged,
          note: noteOf(statement, notes.text, tag),
          by: tag.by,
          at: statement.timestamp ?? document.timestamp,
        }),
      });
    });
  });
  return reading;
}
