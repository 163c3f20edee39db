import type { VexFormat } from './vex-input';

export const OPENVEX_NS = 'https://openvex.dev/ns';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The VEX format a parsed document is in, by its own markers; undefined for neither. */
export function vexFormatOf(document: unknown): VexFormat | undefined {
  if (!isObject(document)) return undefined;
  const context = document['@context'];
  if (typeof context === 'string' && context.startsWith(OPENVEX_NS)) return 'openvex';
  return document.bomFormat === 'CycloneDX' ? 'cyclonedx' : undefined;
}

/**
 * Whether a text is a VEX document, to tell one from a BOM before importing: OpenVEX by its
 * `@context`; CycloneDX when it has vulnerabilities, each with an analysis and something it
 * affects, and lists no component that none of them affects. A BOM lists a product's parts, a
 * VEX only what its analyses are about (Lineage's BOM export lists the lineage it does not
 * analyse). The metadata's subject is not counted: a VEX whose analyses point at it through
 * BOM-Links (`urn:cdx:...#ref`) still names it. The text is only parsed when its keys could
 * make one.
 */
export function isVexDocument(text: string): boolean {
  const openvex = text.includes('"@context"') && text.includes(OPENVEX_NS);
  const cyclonedx = text.includes('"bomFormat"') && text.includes('"vulnerabilities"');
  if (!openvex && !cyclonedx) return false;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return false;
  }
  const format = vexFormatOf(document);
  if (format !== 'cyclonedx') return format === 'openvex';
  const { vulnerabilities, components } = document as Json;
  if (!Array.isArray(vulnerabilities) || !vulnerabilities.length) return false;
  const affected = new Set<unknown>();
  for (const vulnerability of vulnerabilities) {
    if (!isObject(vulnerability) || !isObject(vulnerability.analysis)) return false;
    const affects = vulnerability.affects;
    if (!Array.isArray(affects) || !affects.length) return false;
    for (const affect of affects) if (isObject(affect)) affected.add(affect.ref);
  }
  const listed = Array.isArray(components) ? components : [];
  return listed.every((component) => isObject(component) && affected.has(component['bom-ref']));
}
