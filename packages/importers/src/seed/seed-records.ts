import { LINEAGE_RELATIONS, MAX_ID_LENGTH } from '@lineage/domain';
import { z } from 'zod';

const id = z.string().min(1).max(MAX_ID_LENGTH);
const urls = z.array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })).min(1);

/** A child -> parent link written inside a node record. */
const lineageEntry = z.strictObject({
  type: z.enum(LINEAGE_RELATIONS),
  to: id,
  declared: z.boolean().optional(),
  sources: urls.optional(),
  /** The period the link held: its first day, and the first day it no longer did. */
  validFrom: z.iso.date().optional(),
  validTo: z.iso.date().optional(),
});

/**
 * The fields a seed node record has beyond the entity itself: links written inline so that a
 * record reads like a model card. The entity fields are checked by the domain's schema.
 */
export const seedLinksSchema = z.object({
  provider: id.optional(),
  /** A dated snapshot's family (a SNAPSHOT_OF link). */
  snapshotOf: id.optional(),
  lineage: z.array(lineageEntry).default([]),
  affects: z.array(id).default([]),
});

export const mitigationRecordSchema = z.strictObject({
  defect: id,
  by: id,
  evidence: z.string().trim().min(1).max(4000),
  since: z.iso.date().optional(),
  sources: urls,
});

export type SeedLinks = z.output<typeof seedLinksSchema>;
export type MitigationRecord = z.output<typeof mitigationRecordSchema>;
