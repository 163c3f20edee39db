import { checkVexInput } from './check-input';
import { hubPurlOf, lineageUrn } from './node-ref';
import {
  FALSE_POSITIVE_JUSTIFICATION,
  NO_ACTION,
  OPENVEX_CONTEXT,
  OPENVEX_JUSTIFICATION,
  STATUS_OF_STATE,
  writeStatusNotes,
  type LineageTag,
} from './openvex-mapping';
import { untriagedDetail, type VexDefect, type VexInput, type VexStatement } from './vex-input';

/** The parts of an OpenVEX 0.2.0 statement Lineage writes and reads. */
export interface OpenVexStatement {
  vulnerability: { name: string; '@id'?: string; description?: string };
  products?: { '@id'?: string; identifiers?: { purl?: string }; subcomponents?: unknown[] }[];
  status: string;
  justification?: string;
  impact_statement?: string;
  action_statement?: string;
  status_notes?: string;
  timestamp?: string;
}

export interface OpenVexDocument {
  '@context': string;
  '@id': string;
  author: string;
  timestamp: string;
  version: number;
  tooling?: string;
  statements: OpenVexStatement[];
}

/** A node as an OpenVEX product: its hub purl where it has one, its Lineage URN otherwise. */
function productOf(node: VexStatement['node']): NonNullable<OpenVexStatement['products']>[number] {
  const purl = node.onHub === false ? undefined : hubPurlOf(node.id);
  return purl ? { '@id': purl, identifiers: { purl } } : { '@id': lineageUrn(node.id) };
}

/**
 * One statement: the note goes where OpenVEX asks for one (the impact of a not_affected, the
 * action of an affected, the status notes otherwise); what OpenVEX has no field for goes in the
 * tag that ends the status notes (openvex-mapping.ts).
 */
function statementOf(defect: VexDefect, statement: VexStatement): OpenVexStatement {
  const status = STATUS_OF_STATE[statement.state];
  const untriaged = statement.by === undefined;
  const tag: LineageTag = {
    ...(statement.state === 'FALSE_POSITIVE' ? { state: statement.state } : {}),
    ...(statement.justification ? { justification: statement.justification } : {}),
    ...(statement.by !== undefined ? { by: statement.by } : {}),
    ...(status === 'affected' && statement.note === undefined ? { note: 'none' as const } : {}),
    ...(untriaged ? { untriaged: 'true' as const } : {}),
  };
  const justification = statement.justification
    ? OPENVEX_JUSTIFICATION[statement.justification]
    : statement.state === 'FALSE_POSITIVE'
      ? FALSE_POSITIVE_JUSTIFICATION
      : undefined;
  const inNotes = status === 'fixed' || status === 'under_investigation';
  const notesText = untriaged ? untriagedDetail(statement) : inNotes ? statement.note : undefined;
  const name = defect.id.startsWith('defect:') ? defect.id.slice('defect:'.length) : defect.id;
  return {
    vulnerability: {
      name,
      '@id': lineageUrn(defect.id),
      description: defect.summary ?? defect.name,
    },
    timestamp: statement.at,
    products: [productOf(statement.node)],
    status,
    ...(justification ? { justification } : {}),
    ...(status === 'not_affected' && statement.note !== undefined
      ? { impact_statement: statement.note }
      : {}),
    ...(status === 'affected' ? { action_statement: statement.note ?? NO_ACTION } : {}),
    status_notes: writeStatusNotes(notesText, tag),
  };
}

/**
 * An OpenVEX 0.2.0 document: one statement per (defect, node), each with its own timestamp
 * (when it was triaged), the document's id a `urn:lineage:vex:` IRI of its subject and time.
 */
export function buildOpenVex(input: VexInput): string {
  const defects = checkVexInput(input);
  const timestamp = input.timestamp.toISOString();
  const document: OpenVexDocument = {
    '@context': OPENVEX_CONTEXT,
    '@id': `${lineageUrn(`vex:${input.subject.id}`)}:${timestamp}`,
    author: input.author,
    timestamp,
    version: 1,
    tooling: 'Lineage',
    statements: input.statements.map((statement) =>
      statementOf(defects.get(statement.defectId)!, statement),
    ),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
