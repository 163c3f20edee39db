import type { LineageRelation, ModelKind } from '@lineage/domain';

/** What the import reads of a model to tell how it derives from an ancestor. */
export interface ModelNaming {
  /** Its name, repo id and version, as the BOM writes them. */
  names: string[];
  description?: string;
  /** The model card's `modelParameters.approach.type`. */
  approach?: string;
}

export interface Derivation {
  type: LineageRelation;
  /** Read from names or the model card, not stated by the BOM: `declared: false`. */
  inferred: boolean;
  /** What this import read it from, when it inferred it: kept in the record, shown for review. */
  evidence?: string;
}

// Each marker is a whole token of the name ("-GGUF", "Q4_K_M", "-bnb-4bit"), never a substring
// of a word: "Guard" is no "ggu", "Legit" no "-it".
const token = (alternatives: string) =>
  new RegExp(`(?<![a-z0-9])(${alternatives})(?![a-z0-9])`, 'i');

const QUANTIZED = token(
  'gguf|ggml|awq|gptq|exl2|bnb|nf4|fp8|int4|int8|w4a16|w8a8|q[2-8]_k(?:_[sml])?|q[2-8]_[01]|iq[1-4]_[a-z]+|[2-8]-?bits?',
);
const ADAPTER = token('lora|qlora|adapters?|peft');
const MERGE = token('merge[ds]?|frankenmerge|slerp|mergekit');
const TUNED_NAME = token('ft|sft|dpo|orpo|rlhf|instruct|chat|it|fine-?tuned?');
/** Model-card approaches that train a given model further on labelled data or rewards. */
const TUNING_APPROACHES = new Set(['supervised', 'reinforcement-learning']);

const said = (pattern: RegExp, texts: string[]) =>
  texts.map((text) => pattern.exec(text)?.[1]).find(Boolean);

/** A marker the model's names carry and the ancestor's do not: what sets the two apart. */
function newMarker(pattern: RegExp, model: ModelNaming, ancestor: ModelNaming) {
  const marker = said(pattern, model.names);
  return marker && !said(pattern, ancestor.names) ? marker : undefined;
}

/**
 * How a model derives from one of its ancestors, read from what the BOM says of it: a
 * quantization (`-GGUF`, `Q4_K_M`, `-AWQ`, `-bnb-4bit`...), an adapter (LoRA, PEFT), a merge
 * (several ancestors and a merge named), a fine-tune (the model card's supervised or
 * reinforcement-learning approach, or `-ft`, `-sft`, `-Instruct` in the name). All are
 * inferences; DEPENDS_ON, as stated, where nothing says more.
 */
export function deriveFrom(
  model: ModelNaming,
  ancestor: ModelNaming,
  ancestorCount: number,
): Derivation {
  const quantized = newMarker(QUANTIZED, model, ancestor);
  if (quantized)
    return { type: 'QUANTIZED_FROM', inferred: true, evidence: `'${quantized}' in its name` };
  const adapter = newMarker(ADAPTER, model, ancestor);
  if (adapter) return { type: 'ADAPTER_OF', inferred: true, evidence: `'${adapter}' in its name` };
  const merge = said(MERGE, [...model.names, model.description ?? '']);
  if (ancestorCount > 1 && merge)
    return {
      type: 'MERGED_FROM',
      inferred: true,
      evidence: `'${merge}' and ${ancestorCount} ancestors`,
    };
  if (model.approach && TUNING_APPROACHES.has(model.approach))
    return {
      type: 'FINE_TUNED_FROM',
      inferred: true,
      evidence: `model card approach '${model.approach}'`,
    };
  const tuned = newMarker(TUNED_NAME, model, ancestor);
  if (tuned) return { type: 'FINE_TUNED_FROM', inferred: true, evidence: `'${tuned}' in its name` };
  return { type: 'DEPENDS_ON', inferred: false };
}

/** The kind a model takes from how it derives, strongest evidence first (as hf-tree does). */
const KIND_BY_RELATION: [LineageRelation, ModelKind][] = [
  ['MERGED_FROM', 'Merge'],
  ['ADAPTER_OF', 'Adapter'],
  ['QUANTIZED_FROM', 'Quantization'],
  ['FINE_TUNED_FROM', 'FineTune'],
  // Derived from an ancestor in a way the BOM does not tell: not a base model, and a fine-tune
  // (training further) is the commonest way; the relation itself stays DEPENDS_ON.
  ['DEPENDS_ON', 'FineTune'],
];

/** A model's kind from the relations to its ancestors; one with none is a base model. */
export function kindFromDerivations(types: readonly LineageRelation[]): ModelKind {
  return KIND_BY_RELATION.find(([type]) => types.includes(type))?.[1] ?? 'BaseModel';
}
