/**
 * What each exposure level means, from DESIGN.md's propagation rules: each relation carries each
 * defect category at a level (the defect can override it), inferred relations at most LIKELY,
 * and a path is as strong as its weakest hop.
 */
export const LEVEL_MEANINGS: Record<string, string> = {
  CONFIRMED: 'Confirmed: an origin, where the defect was found.',
  CERTAIN:
    'Certain: every hop of the path carries this category of defect for sure (e.g. a quantization, a deployment).',
  LIKELY:
    'Likely: the weakest hop probably carries it (e.g. a fine-tune for most categories, or any relation that was inferred, not declared).',
  POSSIBLE: 'Possible: the weakest hop may carry it (e.g. a distillation, a software dependency).',
};

export const PATH_RULE =
  "A path is as strong as its weakest hop; a node takes its strongest path. Each hop names its relation and the level the defect's transmission rule gives it.";
