import type { LicenceTerms } from './licence-terms';
import { NO_OBLIGATIONS } from './no-obligations';

// Model vendors' own licences and terms other than Meta's.
export const VENDOR_LICENCES: LicenceTerms[] = [
  {
    id: 'gemma',
    name: 'Gemma Terms of Use',
    // Read through a verbatim copy of the version last modified March 24, 2025.
    source: 'https://ai.google.dev/gemma/terms',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // §3.1(4): a Notice file "Gemma is provided under and subject to the Gemma Terms of Use"
      attribution: true,
      // §3.1(1): "include the use restrictions referenced in Section 3.2 as an enforceable
      // provision in any agreement ... governing the use and/or distribution of Gemma or Model
      // Derivatives"
      acceptableUse: true,
      // §1.1(e): Model Derivatives include models made "based on the generation of synthetic data
      // Outputs by Gemma for training that model"
      outputUse: 'a model trained on its outputs is a Model Derivative, bound by these terms',
      // §3.1(2): "provide all third party recipients of Gemma or Model Derivatives a copy of this
      // Agreement"
      bindsDerivatives: true,
    },
  },
  {
    id: 'deepseek',
    name: 'DeepSeek License Agreement',
    source: 'https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // §4(d): "You must retain all copyright, patent, trademark, and attribution notices"
      attribution: true,
      // §4(a): "Use-based restrictions as referenced in paragraph 5 MUST be included as an
      // enforceable provision by You in any type of legal agreement"
      acceptableUse: true,
      // §1: "Derivatives of the Model" include distillation and "synthetic data by the Model"
      outputUse:
        'a model trained on its outputs is a Derivative of the Model, bound by its restrictions',
      // §4(b): "You must give any Third Party recipients of the Model or Derivatives of the Model a
      // copy of this License"
      bindsDerivatives: true,
    },
  },
  {
    id: 'tongyi-qianwen',
    name: 'Tongyi Qianwen License Agreement',
    source: 'https://github.com/QwenLM/Qwen/blob/main/LICENSE',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // §3(c): a Notice file "Tongyi Qianwen is licensed under the Tongyi Qianwen LICENSE AGREEMENT"
      attribution: true,
      // §4: "If you are commercially using the Materials, and your product or service has more
      // than 100 million monthly active users, You shall request a license from Us."
      userThreshold: 100_000_000,
      // §5(b): "You can not use the Materials or any output therefrom to improve any other large
      // language model (excluding Tongyi Qianwen or derivative works thereof)."
      outputUse:
        'neither the model nor its outputs may be used to improve any other large language model',
      // §3(a): "give any other recipients of the Materials or derivative works a copy of this Agreement"
      bindsDerivatives: true,
    },
  },
  {
    id: 'qwen',
    name: 'Qwen License Agreement',
    source: 'https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE',
    // Not read: only its Notice line, "Qwen is licensed under the Qwen LICENSE AGREEMENT,
    // Copyright (c) Alibaba Cloud", as shipped in derivatives' Notice files.
    verified: false,
    obligations: { ...NO_OBLIGATIONS, attribution: true, bindsDerivatives: true },
  },
  {
    id: 'qwen-research',
    name: 'Qwen Research License Agreement',
    // Read through a verbatim copy of the version released September 19, 2024.
    source: 'https://huggingface.co/Qwen/Qwen2.5-3B/blob/main/LICENSE',
    verified: true,
    obligations: {
      ...NO_OBLIGATIONS,
      // §3(c): a Notice file "Qwen is licensed under the Qwen RESEARCH LICENSE AGREEMENT"
      attribution: true,
      // §4(b): "you shall prominently display “Built with Qwen” or “Improved using Qwen”"
      outputUse:
        'a model trained or improved with it or its outputs must display "Built with Qwen" or "Improved using Qwen"',
      // §2(a): rights granted "FOR NON-COMMERCIAL PURPOSES ONLY"
      nonCommercial: true,
      // §3(a): "give any other recipients of the Materials or derivative works a copy of this Agreement"
      bindsDerivatives: true,
    },
  },
  {
    id: 'mnpl-0.1',
    name: 'Mistral AI Non-Production License',
    source: 'https://mistral.ai/licenses/MNPL-0.1.md',
    // Seen only as quoted: §3.2, "You shall only use the Mistral Models and Derivatives (whether
    // or not created by Mistral AI) for testing, research, Personal, or evaluation purposes in
    // Non-Production Environments".
    verified: false,
    obligations: { ...NO_OBLIGATIONS, nonCommercial: true, bindsDerivatives: true },
  },
  {
    id: 'mrl',
    name: 'Mistral AI Research License',
    source: 'https://mistral.ai/licenses/MRL-0.1.md',
    // Seen only in part: "If You want to use a Mistral Model, a Derivative or an Output for any
    // purpose that is not expressly authorized under this Agreement, You must request a license";
    // §1.2 binds whoever creates or distributes "a Derivative of the Mistral Model".
    verified: false,
    obligations: { ...NO_OBLIGATIONS, nonCommercial: true, bindsDerivatives: true },
  },
  {
    id: 'openai',
    name: 'OpenAI Terms of Use',
    source: 'https://openai.com/policies/terms-of-use',
    // Seen through copies. The terms bind the account holder; nothing is licensed onwards.
    verified: false,
    obligations: {
      ...NO_OBLIGATIONS,
      // "you must comply with ... our Sharing & Publication Policy, Usage Policies"
      acceptableUse: true,
      // "Use Output to develop models that compete with OpenAI" is among what you may not do.
      outputUse: 'outputs may not be used to develop models that compete with OpenAI',
    },
  },
  {
    id: 'proprietary',
    name: 'proprietary terms',
    // No public text: whatever the owner agreed with each licensee.
    source: '',
    verified: false,
    obligations: NO_OBLIGATIONS,
  },
];
