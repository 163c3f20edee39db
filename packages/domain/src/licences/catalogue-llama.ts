import type { LicenceTerms } from './licence-terms';
import { NO_OBLIGATIONS } from './no-obligations';

// Meta's community licences, read in meta-llama's own repositories. Every version: "provide a copy
// of this Agreement" with derivatives (§1.b.i), a Notice file (§1.b.iii), the Acceptable Use
// Policy (§1.b.iv) and a licence Meta "may grant ... in its sole discretion" above "700 million
// monthly active users" (§2).
const LLAMA = {
  ...NO_OBLIGATIONS,
  attribution: true,
  acceptableUse: true,
  userThreshold: 700_000_000,
  bindsDerivatives: true,
};

const MODELS = 'https://github.com/meta-llama/llama-models/blob/main/models';

/** Llama 3.1 and later: §1.b.i, the same words in 3.1, 3.2, 3.3 and 4. */
const LLAMA_NAMING =
  'a model created, trained, fine-tuned or improved with the Llama Materials or their outputs must have "Llama" at the beginning of its name';

/** Llama 3.1 and later carry the same obligations; only the version in the name differs. */
function llama3x(version: string, path: string): LicenceTerms {
  return {
    id: `llama${version}`,
    name: `Llama ${version} Community License Agreement`,
    source: `${MODELS}/${path}/LICENSE`,
    verified: true,
    obligations: { ...LLAMA, naming: LLAMA_NAMING },
  };
}

export const LLAMA_LICENCES: LicenceTerms[] = [
  {
    id: 'llama2',
    name: 'Llama 2 Community License Agreement',
    source: 'https://github.com/meta-llama/llama/blob/main/LICENSE',
    verified: true,
    obligations: {
      ...LLAMA,
      // §1.b.v: "You will not use the Llama Materials or any output or results of the Llama
      // Materials to improve any other large language model (excluding Llama 2 or derivative works
      // thereof)."
      outputUse:
        'neither the model nor its outputs may be used to improve any other large language model',
    },
  },
  {
    id: 'llama3',
    name: 'Meta Llama 3 Community License Agreement',
    source: 'https://github.com/meta-llama/llama3/blob/main/LICENSE',
    verified: true,
    obligations: {
      ...LLAMA,
      // §1.b.i: "you shall also include “Llama 3” at the beginning of any such AI model name"
      naming:
        'a model created, trained, fine-tuned or improved with the Llama Materials must have "Llama 3" at the beginning of its name',
      // §1.b.v: the Llama 2 clause again, "excluding Meta Llama 3 or derivative works thereof"
      outputUse:
        'neither the model nor its outputs may be used to improve any other large language model',
    },
  },
  llama3x('3.1', 'llama3_1'),
  llama3x('3.2', 'llama3_2'),
  llama3x('3.3', 'llama3_3'),
  llama3x('4', 'llama4'),
];
