import { OPEN_LICENCES } from './catalogue-open';
import { RAIL_LICENCES } from './catalogue-rail';
import { LLAMA_LICENCES } from './catalogue-llama';
import { VENDOR_LICENCES } from './catalogue-vendors';

/** What a licence asks of those who use it and of those who pass on derivatives. */
export interface LicenceObligations {
  /** Must credit the original or keep its notices. */
  attribution: boolean;
  /** A rule on a derivative model's name, e.g. it must begin with "Llama". */
  naming?: string;
  /** An acceptable-use or use-restriction policy that binds users and must be passed on. */
  acceptableUse: boolean;
  /** Monthly active users above which another licence must be asked for. */
  userThreshold?: number;
  /** Limits on using the model's outputs, e.g. not to improve other large language models. */
  outputUse?: string;
  nonCommercial: boolean;
  /** Derivatives must be distributed under the same licence. */
  shareAlike: boolean;
  /** Redistributed derivatives stay subject to these terms. */
  bindsDerivatives: boolean;
}

/** A licence as a record: what it is, where its text was read, and what it obliges. */
export interface LicenceTerms {
  /** The Hugging Face hub licence id, or the SPDX id in lower case. */
  id: string;
  name: string;
  spdx?: string;
  /** The canonical address of the text the obligations were read from ('' where none is public). */
  source: string;
  /** False where the text could not be read in full; the obligations are then kept to those seen. */
  verified: boolean;
  obligations: LicenceObligations;
}

/** The obligations an inheritance check compares, in the order a reason names them. */
export const OBLIGATION_NAMES = [
  'attribution',
  'acceptableUse',
  'userThreshold',
  'naming',
  'outputUse',
  'nonCommercial',
  'shareAlike',
] as const;
export type ObligationName = (typeof OBLIGATION_NAMES)[number];

export const LICENCES: readonly LicenceTerms[] = [
  ...OPEN_LICENCES,
  ...RAIL_LICENCES,
  ...LLAMA_LICENCES,
  ...VENDOR_LICENCES,
];

const BY_ID = new Map(LICENCES.map((terms) => [terms.id, terms]));

/** Other ids the hub or our sources use for a catalogued licence. */
const ALIASES: Record<string, string> = {
  'tongyi-qianwen-license-agreement': 'tongyi-qianwen',
  'deepseek-license': 'deepseek',
  mnpl: 'mnpl-0.1',
  'mrl-0.1': 'mrl',
  'gpl-3.0-only': 'gpl-3.0',
  'gpl-3.0-or-later': 'gpl-3.0',
  'agpl-3.0-only': 'agpl-3.0',
  'agpl-3.0-or-later': 'agpl-3.0',
  'bigcode-openrail-m-v1': 'bigcode-openrail-m',
};

/** The catalogued terms for an id or one of its aliases, in any case. */
export function licenceTerms(id: string): LicenceTerms | undefined {
  const key = id.trim().toLowerCase();
  return BY_ID.get(ALIASES[key] ?? key);
}
