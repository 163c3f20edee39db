import { z } from 'zod';
import { ACCESS_LEVELS, DEFECT_CATEGORIES, DEFECT_STATUSES, SEVERITIES } from './defects';
import { TRANSMISSION_LEVELS } from './exposure';
import { MAX_ID_LENGTH } from './ids';
import { MODEL_KINDS } from './kinds';
import { LINEAGE_RELATIONS, RELATION_TYPES } from './relations';
import { matchedByField, provenanceFields } from './provenance';
import { TRIAGE_JUSTIFICATIONS, TRIAGE_STATES } from './triage';

// The fields of each record, shared by the input schemas (every optional field may be left
// out) and the stored ones (which add the creation defaults): see schemas.ts.

export const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
export const sourceUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000);
const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

// Inputs carry only what their writer names: defaults are a new record's, applied when it is
// created (newEntity, newRelationship), never to an update, where a missing field means
// "unchanged".
const common = {
  id: z.string().min(1).max(MAX_ID_LENGTH),
  name: text(300),
  aliases: z.array(text(300)).max(100).optional(),
  sources: z.array(sourceUrl).max(100).optional(),
  /** False when no source could be checked. */
  verified: z.boolean().optional(),
  releasedAt: isoDate.optional(),
  ...provenanceFields,
};

/** Lineage nodes stop existing when retired: a retired deployment or model is exposed to nothing. */
const lifespan = {
  retiredAt: isoDate.optional(),
};

const licensing = {
  license: text(200).optional(),
  access: z.enum(ACCESS_LEVELS).optional(),
};

export const transmissionOverridesSchema = z.partialRecord(
  z.enum(LINEAGE_RELATIONS),
  z.enum(TRANSMISSION_LEVELS),
);

export const providerFields = { kind: z.literal('Provider'), ...common };

export const modelFields = {
  kind: z.enum(MODEL_KINDS),
  ...common,
  ...lifespan,
  ...licensing,
  parameters: count.min(1).optional(),
  modality: text(100).optional(),
  downloads: count.optional(),
  version: text(100).optional(),
};

export const datasetFields = {
  kind: z.literal('Dataset'),
  ...common,
  ...lifespan,
  ...licensing,
};

export const deploymentFields = {
  kind: z.literal('Deployment'),
  ...common,
  ...lifespan,
  ...licensing,
  monthlyActiveUsers: count.optional(),
};

export const defectFields = {
  kind: z.literal('Defect'),
  ...common,
  category: z.enum(DEFECT_CATEGORIES),
  severity: z.enum(SEVERITIES),
  status: z.enum(DEFECT_STATUSES).optional(),
  disclosedAt: isoDate.optional(),
  summary: text(4000).optional(),
  transmission: transmissionOverridesSchema.optional(),
};

export const relationshipFields = {
  type: z.enum(RELATION_TYPES),
  from: z.string().min(1).max(MAX_ID_LENGTH),
  to: z.string().min(1).max(MAX_ID_LENGTH),
  /** True when a source states it, false when it was inferred. */
  declared: z.boolean().optional(),
  sources: z.array(sourceUrl).max(100).optional(),
  evidence: text(4000).optional(),
  since: isoDate.optional(),
  /** Lineage only: the first day it held, and the first day it no longer did (open if absent). */
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  /** TRIAGED only: the analysis, and who made it when (see triage.ts). */
  state: z.enum(TRIAGE_STATES).optional(),
  justification: z.enum(TRIAGE_JUSTIFICATIONS).optional(),
  note: text(4000).optional(),
  triagedBy: text(100).optional(),
  triagedAt: z.iso.datetime({ offset: true }).optional(),
  ...provenanceFields,
  ...matchedByField,
};

/** The optional fields of each kind an update may clear by naming them in `unset`. */
export const CLEARABLE_FIELDS = {
  Provider: ['releasedAt'],
  Model: [
    'releasedAt',
    'retiredAt',
    'license',
    'access',
    'parameters',
    'modality',
    'downloads',
    'version',
  ],
  Dataset: ['releasedAt', 'retiredAt', 'license', 'access'],
  Deployment: ['releasedAt', 'retiredAt', 'license', 'access', 'monthlyActiveUsers'],
  Defect: ['releasedAt', 'disclosedAt', 'summary', 'transmission'],
  Relationship: ['since', 'validFrom', 'validTo', 'justification', 'note'],
  /** Of those, what a mitigation has, what a lineage link has, and what a triage has. */
  Mitigation: ['since'],
  Link: ['validFrom', 'validTo'],
  Triage: ['justification', 'note'],
} as const;
