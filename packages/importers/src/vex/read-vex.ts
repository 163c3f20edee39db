import { triageInputSchema, validationError } from '@lineage/domain';
import { parseStrictJson } from '../strict-json';
import { validateCycloneDxVex } from './cyclonedx-vex';
import { OPENVEX_NS, vexFormatOf } from './detect-vex';
import type { OpenVexDocument } from './openvex';
import { validateOpenVex } from './openvex-schema';
import { readCycloneDxVex, type CdxVexDocument } from './read-cyclonedx-vex';
import { readOpenVex } from './read-openvex';
import { definedOnly, type Stated, type StatedReading } from './stated';
import type { VexFormat, VexReading } from './vex-input';

/**
 * Each analysis as setTriage takes it (ids, a known state, a justification iff NOT_AFFECTED,
 * a note within bounds), and each (defect, node) pair once: two different analyses of one pair
 * leave nothing to record; the same one twice is one.
 */
function recordable(reading: StatedReading): StatedReading {
  const problems = [...reading.problems];
  const stated: Stated[] = [];
  const seen = new Map<string, Stated>();
  for (const item of reading.stated) {
    const { at, by, ...input } = item.analysis;
    const parsed = triageInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(
          `${item.where}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
        );
      continue;
    }
    // As setTriage would record it (the note trimmed).
    const read = { where: item.where, analysis: definedOnly({ ...parsed.data, by, at }) };
    const key = JSON.stringify([read.analysis.defectId, read.analysis.nodeId]);
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, read);
      stated.push(read);
    } else if (JSON.stringify(earlier.analysis) !== JSON.stringify(read.analysis)) {
      problems.push(
        `${read.where}: a second, different analysis of ${read.analysis.defectId} at ${read.analysis.nodeId} (first at ${earlier.where})`,
      );
    }
  }
  return { stated, problems };
}

const FORMAT_NAMES: Record<VexFormat, string> = {
  cyclonedx: 'CycloneDX',
  openvex: 'OpenVEX 0.2.0',
};

/**
 * The analyses a VEX document states, CycloneDX or OpenVEX (told by its content), after
 * validating it against its format's schema; those Lineage marked untriaged are left out. Any
 * problem refuses the whole document (a VALIDATION error listing each with its path), so an
 * import records all of it or nothing. A CycloneDX BOM's embedded analyses are read too.
 */
export async function readVex(text: string): Promise<VexReading> {
  // Duplicate keys and deep nesting are refused before a schema validator recurses into it.
  const document = parseStrictJson(text, 'the VEX document');
  const format = vexFormatOf(document);
  if (!format)
    throw validationError(
      `not a VEX document: neither CycloneDX ("bomFormat") nor OpenVEX ("@context" ${OPENVEX_NS}/...)`,
    );
  const invalid = format === 'openvex' ? validateOpenVex(text) : await validateCycloneDxVex(text);
  if (invalid) throw validationError(`not a valid ${FORMAT_NAMES[format]} document`, invalid);
  const { stated, problems } = recordable(
    format === 'openvex'
      ? readOpenVex(document as OpenVexDocument)
      : readCycloneDxVex(document as CdxVexDocument),
  );
  if (problems.length)
    throw validationError(
      `the ${FORMAT_NAMES[format]} VEX document states what Lineage cannot record`,
      problems,
    );
  return { format, analyses: stated.map((item) => item.analysis) };
}
