import type { LicenceTerms } from './licence-terms';
import { NO_OBLIGATIONS } from './no-obligations';

// Responsible AI Licences. Each passes its use restrictions on to every derivative; only the
// CreativeML Open RAIL++-M text was read whole, the others through their preambles only.

/** The RAIL preambles' shared clause, quoted by each record below. */
const FLOWS_DOWN = { ...NO_OBLIGATIONS, acceptableUse: true, bindsDerivatives: true };

export const RAIL_LICENCES: LicenceTerms[] = [
  {
    id: 'openrail',
    name: 'Open RAIL licence family',
    source: 'https://www.licenses.ai/blog/2022/8/18/naming-convention-of-responsible-ai-licenses',
    verified: false,
    // BigCode's summary of the family: derivatives may be distributed "as long as the use
    // restrictions present in the license always apply (including to derivative works)".
    obligations: FLOWS_DOWN,
  },
  {
    id: 'bigscience-bloom-rail-1.0',
    name: 'BigScience RAIL License v1.0',
    source: 'https://huggingface.co/spaces/bigscience/license',
    verified: false,
    // Preamble: "This License governs the use of the BigScience BLOOM models (and their derivatives)"
    obligations: FLOWS_DOWN,
  },
  {
    id: 'bigscience-openrail-m',
    name: 'BigScience Open RAIL-M License',
    source: 'https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license',
    verified: false,
    // Preamble: "downstream derivative versions of the model ... will always have to include - at
    // minimum - the same use-based restrictions as the ones in the original license"
    obligations: FLOWS_DOWN,
  },
  {
    id: 'creativeml-openrail-m',
    name: 'CreativeML Open RAIL-M License',
    source: 'https://huggingface.co/spaces/CompVis/stable-diffusion-license',
    verified: false,
    // Preamble: derivative versions "will always have to include - at minimum - the same
    // use-based restrictions as the ones in the original license (this license)"
    obligations: FLOWS_DOWN,
  },
  {
    id: 'bigcode-openrail-m',
    name: 'BigCode Open RAIL-M v1 License Agreement',
    source: 'https://huggingface.co/spaces/bigcode/bigcode-model-license-agreement',
    verified: false,
    // Preamble: "Use restrictions are included to prevent misuse of the Model."
    obligations: FLOWS_DOWN,
  },
  {
    id: 'openrail++',
    name: 'CreativeML Open RAIL++-M License',
    source:
      'https://github.com/Stability-AI/generative-models/blob/main/model_licenses/LICENSE-SDXL1.0',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // §4: "You must retain all copyright, patent, trademark, and attribution notices"
      attribution: true,
      // §4(a): "Use-based restrictions as referenced in paragraph 5 MUST be included as an
      // enforceable provision by You in any type of legal agreement ... governing the use and/or
      // distribution of the Model or Derivatives of the Model"
      acceptableUse: true,
      // "Derivatives of the Model" include models trained "based on the generation of synthetic
      // data by the Model".
      outputUse:
        'a model trained on its outputs is a Derivative of the Model, bound by its restrictions',
      bindsDerivatives: true,
    },
  },
];
