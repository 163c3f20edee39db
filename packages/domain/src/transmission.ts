import { DEFECT_CATEGORIES, type DefectCategory } from './defects';
import { weakerLevel, type TransmissionLevel } from './exposure';
import { LINEAGE_RELATIONS, type LineageRelation } from './relations';

type Row = Record<DefectCategory, TransmissionLevel>;

function row(levels: TransmissionLevel[]): Row {
  return Object.fromEntries(DEFECT_CATEGORIES.map((category, i) => [category, levels[i]])) as Row;
}

const C = 'CERTAIN';
const L = 'LIKELY';
const P = 'POSSIBLE';
const N = 'NONE';

/**
 * How surely each lineage relationship carries each defect category from parent to child
 * (DESIGN.md). Columns in DEFECT_CATEGORIES order: JAILBREAK, SAFETY_GAP, BACKDOOR,
 * DATA_POISONING, PRIVACY_LEAK, BIAS, LICENSE, OTHER.
 */
export const DEFAULT_TRANSMISSION: Record<LineageRelation, Row> = {
  // Quantized weights, adapters and re-uploads run the parent's weights: they carry everything.
  QUANTIZED_FROM: row([C, C, C, C, C, C, C, C]),
  ADAPTER_OF: row([C, C, C, C, C, C, C, C]),
  REUPLOAD_OF: row([C, C, C, C, C, C, C, C]),
  // A family name runs the snapshot it points at.
  POINTS_TO: row([C, C, C, C, C, C, C, C]),
  // Fine-tuning keeps the weights' behaviour and is known to erode safety training.
  FINE_TUNED_FROM: row([C, C, L, L, L, L, C, L]),
  MERGED_FROM: row([L, L, L, L, L, L, C, L]),
  // Distillation copies behaviour but inherits only part of the safety training.
  DISTILLED_FROM: row([L, L, P, P, P, L, C, P]),
  TRAINED_ON: row([N, N, L, L, L, L, C, P]),
  // Synthetic data carries its generator's biases and terms.
  GENERATED_BY: row([N, P, P, L, P, L, C, P]),
  // A deployment runs what it deploys.
  DEPLOYS: row([C, C, C, C, C, C, C, C]),
  BUILT_ON: row([C, C, C, C, C, C, C, C]),
  DEPENDS_ON: row([P, P, P, P, P, P, L, P]),
};

/** A defect's own cells, overriding the default row of its category per relation. */
export type TransmissionOverrides = Partial<Record<LineageRelation, TransmissionLevel>>;

/** The most an inferred (`declared: false`) relationship can transmit. */
export const INFERRED_CAP: TransmissionLevel = 'LIKELY';

export function transmissionLevel(
  relation: LineageRelation,
  category: DefectCategory,
  declared: boolean,
  overrides: TransmissionOverrides = {},
): TransmissionLevel {
  const level = overrides[relation] ?? DEFAULT_TRANSMISSION[relation][category];
  return declared ? level : weakerLevel(level, INFERRED_CAP);
}

/** The column of the matrix for one category, with a defect's overrides applied. */
export function transmissionColumn(
  category: DefectCategory,
  overrides: TransmissionOverrides = {},
): Record<LineageRelation, TransmissionLevel> {
  return Object.fromEntries(
    LINEAGE_RELATIONS.map((relation) => [
      relation,
      overrides[relation] ?? DEFAULT_TRANSMISSION[relation][category],
    ]),
  ) as Record<LineageRelation, TransmissionLevel>;
}
